import Foundation

/// The phrasings by which chat models decline a request, as data for ``RefusalDetector``.
///
/// Where they come from: the typical refusal openings of GPT-4 / GPT-3.5 ("I'm sorry, but I can't",
/// "I can't assist with that", "As an AI language model, I cannot …"), Qwen / 通义千问 ("我还未学习到如何回答
/// 这个问题的内容，暂时无法提供相关信息"), GLM / 智谱清言 ("作为一个AI助手，我不能…", "很抱歉，我不能满足你的
/// 要求"), ERNIE / 文心一言 ("我无法给到相关内容", "我不能回答这个问题，我们换个话题吧"), DeepSeek and others
/// ("抱歉，我无法回答", "根据相关法律法规，我不能…"), as seen in their public chat transcripts.
///
/// A phrase is written as a person reads it; matching ignores case, Unicode width, spaces and
/// punctuation (see ``RefusalDetector``), so "抱歉，我无法" also matches "抱歉我无法" and "I’m sorry, but I
/// can’t" matches with a straight apostrophe. A bare apology ("抱歉", "I'm sorry") is deliberately not a
/// phrase: "抱歉让您久等了，订单已发货" apologises and answers.
enum RefusalPhrases {
    /// Each of these near the start of an answer means the model declines.
    static let refusals: [String] = [
        // Chinese: an apology followed by "I cannot" (GLM, Qwen, DeepSeek, ERNIE).
        "抱歉，我无法", "很抱歉，我无法", "对不起，我无法",
        "抱歉，我不能", "很抱歉，我不能", "对不起，我不能",
        // Chinese: declining to answer, help or take part.
        "我无法回答", "我不能回答", "暂时无法回答", "不便回答", "我拒绝回答",
        "我无法协助", "我不能协助", "我无法帮助你", "我无法帮助您", "我不能帮助你", "我不能帮助您",
        "我无法满足", "我不能满足", "我不能参与",
        // Qwen and ERNIE's stock refusals.
        "我还未学习到如何回答", "无法提供相关信息", "我无法提供相关", "我无法给到相关内容", "我们换个话题",
        // English: GPT-4 / GPT-3.5 openings.
        "I'm sorry, but I can't", "I'm sorry, but I cannot", "I'm sorry, I can't", "I'm sorry, I cannot",
        "Sorry, but I can't", "I apologize, but I can't", "I apologize, but I cannot",
        "I can't help with that", "I cannot help with that", "I can't assist with that", "I cannot assist with that",
        "I can't help with this request", "I can't assist with this request",
        "I'm unable to help with that", "I'm not able to help with that", "I can't answer that", "I cannot answer that",
        "I must decline", "I can't fulfill", "I cannot fulfill", "I can't comply", "I cannot comply",
        "I won't be able to help with",
    ]

    /// A model's framing of a refusal: its AI identity or "the law". These count only together with a
    /// first-person inability (``inabilities``) near the start: "作为一个AI，我无法预测股价" declines,
    /// "根据相关法律法规，发票应在180天内认证" answers.
    static let framings: [String] = [
        "作为一个人工智能", "作为人工智能", "作为一个AI", "作为AI", "作为一个语言模型",
        "根据相关法律法规", "根据相关规定",
        "As an AI", "As a language model", "As an artificial intelligence",
    ]

    /// "I cannot" in the first person, which turns a framing into a refusal.
    static let inabilities: [String] = [
        "我无法", "我不能", "我不便", "我不可以", "我没有办法", "我拒绝",
        "I can't", "I cannot", "I'm unable", "I am unable", "I'm not able", "I am not able",
        "I won't", "I will not", "I'm not allowed", "I am not allowed",
    ]
}
