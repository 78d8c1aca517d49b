import Testing
@testable import PromptCompat

/// The `constraint` check: a limit or format the prompt sets, kept by the accepted answer, broken by the candidate.
@Suite("Substitute check: prompt constraints")
struct SubstituteConstraintsTests {
    let check = SubstituteCheck.constraints

    @Test("a Chinese answer over 不超过30字 is flagged with the count and the prompt's words")
    func chineseLength() {
        let reasons = check.reasons(["订单已发货，预计7月12日送达。"], "您好！您的订单已经从杭州仓库发出，目前正在运输途中，预计将在7月12日送达，请您耐心等待，如有问题请随时联系我们。", instructions: "回复顾客，不超过30字。")
        #expect(reasons == ["longer than the prompt allows: the answer has 51 字 where it says \"不超过30字\""])
    }

    @Test("an answer within the limit, or no longer than an accepted answer that broke it too, passes")
    func withinOrNoise() {
        #expect(check.reasons(["订单已发货，预计7月12日送达。"], "您的订单已发出，7月12日到。", instructions: "回复顾客，不超过30字。") == [])
        let long = String(repeating: "很", count: 40)
        #expect(check.reasons([long], long + "好", instructions: "回复顾客，不超过30字。") == [])
    }

    @Test("English words, each-line limits and one sentence")
    func englishAndScopes() {
        let prompt = "Write the product tagline in under 8 words."
        #expect(check.reasons(["Light as air, tough as steel."], "This backpack is light as air and also tough as steel for every trip.", instructions: prompt).count == 1)
        #expect(check.reasons(["- 退款已受理\n- 3天到账"], "- 退款已受理\n- 款项将在三个工作日内原路退回到您的支付账户", instructions: "分两点回复，每条不超过10字").count == 1)
        #expect(check.reasons(["Your order shipped today."], "Your order shipped today. It will arrive Friday.", instructions: "Reply in one sentence.")
            == ["longer than the prompt allows: the answer has 2 sentences where it says \"in one sentence\""])
    }

    @Test("a value written in another format where the prompt fixes it")
    func fixedFormat() {
        let prompt = "提取下单日期，日期格式为YYYY-MM-DD。"
        #expect(check.reasons(["下单日期：2024-03-05"], "下单日期：March 5, 2024", instructions: prompt)
            == ["wrote the date 2024-03-05 as March 5, 2024; the prompt fixes its format"])
        #expect(check.reasons(["下单日期：2024-03-05"], "下单日期：March 5, 2024", instructions: "提取下单日期") == [])
    }

    @Test("a value said in words where the prompt fixes its digits: 早上8点47分 for 08:47")
    func fixedFormatInWords() {
        let prompt = "根据出场记录回复车主，时间统一用24小时制HH:MM。"
        #expect(check.reasons(["您的车08:47入场。"], "您的车早上8点47分入场。", instructions: prompt)
            == ["wrote the time 08:47 in words (早上8:47 once read); the prompt fixes its format"])
        #expect(check.reasons(["您的车08:47入场。"], "08:47，您的车入场了。", instructions: prompt) == [])
        #expect(check.reasons(["您的车08:47入场。"], "您的车早上8点47分入场。", instructions: "根据出场记录回复车主。") == [])
        // A list's `1.` and `2.` against `两个问题` and `同一个人`: small counts said in characters, no format broken.
        #expect(check.reasons(["**1. 税费**：436.80元。\n**2. 代购**：不可以。"], "两个问题：税费436.80元；代购要同一个人。", instructions: "金额保留两位小数。") == [])
    }

    @Test("two decimal places fix the decimals, not the thousands commas, unless the prompt names them")
    func groupingNotFixedByDecimals() {
        let decimals = "金额保留两位小数并带“元”。"
        #expect(check.reasons(["上限39530.00元。"], "上限39,530.00元。", instructions: decimals) == [])
        #expect(check.reasons(["上限39530.00元。"], "上限39530元。", instructions: decimals)
            == ["wrote the amount 39530.00元 as 39530元; the prompt fixes its format"])
        #expect(check.reasons(["上限39,530.00元。"], "上限39530.00元。", instructions: "金额使用千分位、保留两位小数。").count == 1)
    }
}

@Suite("Substitute check: counting sentences")
struct SentenceCountTests {
    @Test("a semicolon joins clauses of one sentence; full stops, question marks and line breaks end one", arguments: [
        ("Freeze it in the app; you can reverse it anytime.", 1), ("It shipped. It arrives Friday.", 2),
        ("订单已发货。预计周五送达！", 2), ("Version 4.0 is out", 1), ("- one\n- two", 2),
    ])
    func count(text: String, sentences: Int) {
        #expect(ConstraintCheck.sentenceCount(text) == sentences)
    }
}
