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

    @Test("an input copied back with its spaces turned into commas is still an echo")
    func punctuationAdded() {
        let prompt = "把司机的原话改写成礼貌、专业的消息，只输出改写后的消息。\n司机原话：喂你东西落我车上了 一个黑色钱包 我现在在浦东机场T2这边排队 要的话你自己过来拿或者我收完这单给你送过去 送的话要付来回车费的 你看着办 赶紧回我"
        let accepted = "您好，您有一个黑色钱包遗落在我车上了。我目前在浦东机场T2排队候客，您可以过来自取；也可以等我完成这一单后给您送过去，送回需要您承担往返车费。请您尽快回复，谢谢！"
        let candidate = "改写后的消息：\n喂，你东西落我车上了，一个黑色钱包。我现在在浦东机场T2这边排队，要的话你自己过来拿，或者我收完这单给你送过去，送的话要付来回车费的，你看着办，赶紧回我。"
        #expect(check.reasons([accepted], candidate, instructions: prompt).first?.hasPrefix("echoes the prompt: ") == true)
    }
}
