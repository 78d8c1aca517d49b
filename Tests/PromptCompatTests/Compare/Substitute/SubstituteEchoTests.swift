import Testing
@testable import PromptCompat

/// The `echo` check: an answer that copies the prompt's input back where the accepted answer did the task.
@Suite("Substitute check: echo")
struct SubstituteEchoTests {
    let check = SubstituteCheck.echo
    let prompt = "请把下面这段话改写得更正式，用于公司公告：\n大家注意啦，下周一开始上班时间改成九点半，别迟到哈，有事找行政小王。"

    @Test("a rewrite answered with its own input is an echo, quoted")
    func echo() {
        let accepted = "各位同事：自下周一起，公司上班时间调整为9:30，请大家准时到岗。如有疑问，请联系行政部王同事。"
        let candidate = "好的：大家注意啦，下周一开始上班时间改成九点半，别迟到哈，有事找行政小王。"
        let reasons = check.reasons([accepted], candidate, instructions: prompt)
        #expect(reasons.count == 1)
        #expect(reasons.first?.hasPrefix("echoes the prompt: ") == true)
        #expect(SubstituteCheck.findings(.init(samples: [accepted], candidate: candidate, instructions: prompt)).map(\.check) == ["echo"])
    }

    @Test("a real rewrite and a proofread that stays close to the input like the accepted one are not echoes")
    func notEcho() {
        let accepted = "各位同事：自下周一起，公司上班时间调整为9:30，请大家准时到岗。如有疑问，请联系行政部王同事。"
        #expect(check.reasons([accepted], "全体员工请注意：下周一起上班时间改为九点半，请勿迟到，如有问题请联系行政部小王。", instructions: prompt) == [])
        let proofread = "请改正错别字：\n我们的产品质量非常好，欢迎大家来购买，价格也很实惠。"
        #expect(check.reasons(["我们的产品质量非常好，欢迎大家来购买，价格也很实惠。"], "我们的产品质量非常好，欢迎大家来购买，价格也很实惠。", instructions: proofread) == [])
    }

    @Test("a prescribed short phrase from the prompt is the answer, not an echo")
    func prescribedPhrase() {
        #expect(check.reasons(["抱歉，FAQ中没有积分兑换的说明，请联系人工客服。"], "请联系人工客服。", instructions: "FAQ里没有的就说“请联系人工客服”") == [])
    }
}
