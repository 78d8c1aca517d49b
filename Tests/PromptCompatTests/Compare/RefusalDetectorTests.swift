import Testing
@testable import PromptCompat

/// Refusals as GPT-4, Qwen, GLM and ERNIE phrase them are found near the start of an answer; apologies
/// that go on to answer, legal explanations and refusal words deep in a helpful answer are not refusals.
@Suite("Refusal detector")
struct RefusalDetectorTests {
    @Test("refusals in Chinese and English are found, and the declining sentence is quoted", arguments: [
        ("抱歉，我无法提供该信息。", "抱歉，我无法提供该信息。"),                                   // GLM / Qwen
        ("很抱歉，我不能满足你的要求。", "很抱歉，我不能满足你的要求。"),                               // GLM
        ("我还未学习到如何回答这个问题的内容，暂时无法提供相关信息。", "我还未学习到如何回答这个问题的内容，暂时无法提供相关信息。"),  // Qwen
        ("你好，我无法给到相关内容。", "你好，我无法给到相关内容。"),                                   // ERNIE
        ("我不能回答这个问题，我们换个话题吧。", "我不能回答这个问题，我们换个话题吧。"),                     // ERNIE
        ("作为一个AI助手，我无法预测股票价格。", "作为一个AI助手，我无法预测股票价格。"),                     // framing + inability
        ("根据相关法律法规，我不能提供此类内容。", "根据相关法律法规，我不能提供此类内容。"),                 // framing + inability
        ("抱歉我无法回答", "抱歉我无法回答"),                                                    // no comma
        ("好的。不过抱歉，我无法提供个人隐私信息。", "不过抱歉，我无法提供个人隐私信息。"),                   // second sentence
        ("I'm sorry, but I can't help with that.", "I'm sorry, but I can't help with that."),    // GPT-4
        ("I’m sorry, but I cannot assist with that request.", "I’m sorry, but I cannot assist with that request."),  // curly apostrophe
        ("As an AI language model, I cannot browse the internet.", "As an AI language model, I cannot browse the internet."),
        ("I CAN'T ASSIST WITH THAT.", "I CAN'T ASSIST WITH THAT."),                              // case-insensitive
    ])
    func refusals(answer: String, sentence: String) {
        #expect(RefusalDetector.refusal(in: answer) == sentence)
    }

    @Test("apologies that answer, legal facts, AI framings without 'I cannot', and partial words are not refusals", arguments: [
        "抱歉让您久等了，订单已发货。",
        "很抱歉给您带来不便，您的订单 20240709 已于今天发出。",
        "非常抱歉，由于暴雨，今天无法送达，预计明天上午送到。",
        "I'm sorry for the delay — your order shipped this morning.",
        "Sorry to hear that! Here's how to reset your password: open Settings, then Account.",
        "根据相关法律法规，增值税专用发票应在开具之日起360日内认证。",
        "As an AI-powered assistant for Acme, here are three options for your trip.",
        "This plan has an aim: I cannot stress enough how much it saves.",  // "has an aim" is not "as an AI"
    ])
    func notRefusals(answer: String) {
        #expect(RefusalDetector.refusal(in: answer) == nil)
    }

    @Test("a refusal phrase after the opening of a long, helpful answer does not count")
    func refusalDeepInAnswer() {
        let helpful = String(repeating: "订单已发货。", count: 25)  // 150 characters, more than the 120 searched
        #expect(RefusalDetector.refusal(in: helpful + "抱歉，我无法回答其他问题。") == nil)
        #expect(RefusalDetector.refusal(in: "抱歉，我无法回答其他问题。" + helpful) == "抱歉，我无法回答其他问题。")
    }

    @Test("phrases match whole Latin words: spaces and punctuation fold, CJK joins without them")
    func skeleton() {
        #expect(RefusalDetector.skeleton("I’m sorry, but I CAN'T!") == " i m sorry but i can t ")
        #expect(RefusalDetector.skeleton("作为一个AI助手，我无法") == " 作为一个 ai 助手我无法 ")
        #expect(RefusalDetector.key("As an AI") == " as an ai ")
        #expect(RefusalDetector.key("抱歉，我无法") == "抱歉我无法")
        #expect(RefusalDetector.key("作为一个AI") == "作为一个 ai ")
    }

    @Test("the phrase data holds at least 25 phrases, none of them a bare apology")
    func phraseData() {
        #expect(RefusalPhrases.refusals.count + RefusalPhrases.framings.count >= 25)
        for bare in ["抱歉", "很抱歉", "对不起", "I'm sorry", "Sorry"] {
            #expect(!RefusalPhrases.refusals.contains(bare))
            #expect(!RefusalPhrases.framings.contains(bare))
        }
    }
}
