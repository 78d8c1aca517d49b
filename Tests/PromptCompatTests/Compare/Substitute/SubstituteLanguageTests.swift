import Testing
@testable import PromptCompat

/// The `language` check: the dominant language changed (Chinese ↔ English), or Simplified Chinese became
/// Traditional — only when every accepted sample agrees on the language.
@Suite("Substitute check: language")
struct SubstituteLanguageTests {
    let check = SubstituteCheck.language

    @Test("a Chinese answer that comes back in English is flagged")
    func chineseToEnglish() {
        #expect(check.reasons(["您的订单已发货，预计明天送达。"], "Your order has shipped and should arrive tomorrow.")
            == ["answer switched from Chinese to English"])
    }

    @Test("an English answer that comes back in Chinese is flagged")
    func englishToChinese() {
        #expect(check.reasons(["Your refund has been processed and will arrive in 3-5 business days."], "您的退款已处理，将在3-5个工作日内到账。")
            == ["answer switched from English to Chinese"])
    }

    @Test("Simplified Chinese that comes back in Traditional is flagged")
    func simplifiedToTraditional() {
        // 訂 單 發 貨 請 are traditional-only: five, at least two needed.
        #expect(check.reasons(["您的订单已发货，请注意查收。"], "您的訂單已發貨，請注意查收。")
            == ["answer switched from Simplified to Traditional Chinese"])
    }

    @Test("one traditional-only character (a quoted name) is not a script switch")
    func oneTraditionalCharacter() {
        #expect(check.reasons(["您的订单已发货，请注意查收。"], "您购买的「東方」牌茶具已发货，请注意查收。") == [])
    }

    @Test("a Chinese answer with English product names and API terms is still Chinese")
    func englishNamesInChinese() {
        // 19 CJK against 9 Latin letters (iPhone, Pro): 57 / (57 + 9) ≈ 0.86 ≥ 0.7.
        #expect(check.reasons(["iPhone 15 Pro 目前有货，下单后24小时内发货。"], "您好，iPhone 15 Pro 现在有现货，付款后24小时内就会为您发出。") == [])
        // 16 CJK against 9 Latin letters (API, Key, API): 48 / 57 ≈ 0.84.
        #expect(check.reasons(["请在开发者后台创建 API 密钥，然后调用退款接口。"], "您需要先在开发者后台生成 API Key，再调用退款 API。") == [])
    }

    @Test("a paraphrase in the same language is not flagged")
    func paraphrase() {
        #expect(check.reasons(["您的订单已发货，预计明天送达。"], "订单已经发出啦，明天就能到。") == [])
        #expect(check.reasons(["Your order has shipped."], "We've sent your parcel; it's on its way.") == [])
    }

    @Test("accepted samples in different languages enforce no language; samples that agree do")
    func noiseAware() {
        let disagreeing = ["您的订单已发货。", "Your order has shipped."]
        #expect(check.reasons(disagreeing, "Your parcel is on its way.") == [])
        let agreeing = ["您的订单已发货。", "订单已经发出了。"]
        #expect(check.reasons(agreeing, "Your parcel is on its way.") == ["answer switched from Chinese to English"])
    }

    @Test("a Traditional answer is fine when an accepted sample was Traditional too")
    func traditionalInTheBaseline() {
        #expect(check.reasons(["您的订单已发货。", "您的訂單已發貨。"], "您的訂單已經發貨。") == [])
    }
}
