import Foundation

/// Words the import reads in prompts, Chinese and English, as data: what task an instruction sets (to
/// name a prompt, and to tell an instruction from an input), what a prompt works on, and what a slot
/// holds (to name a variable). Matching is by lower-cased substring.
enum ImportVocabulary {
    /// Task words → the task's name in a prompt id. An instruction names its task near the start.
    static let tasks: [(words: [String], name: String)] = [
        (["情感", "情绪", "sentiment"], "sentiment"),
        (["总结", "摘要", "概括", "归纳", "summar", "tl;dr"], "summary"),
        (["翻译", "译成", "translat"], "translation"),
        (["提取", "抽取", "extract"], "extraction"),
        (["分类", "归入", "类别", "classif", "categor"], "classification"),
        (["标题", "title", "headline"], "title"),
        (["回复", "答复", "reply", "respond"], "reply"),
        (["改写", "润色", "校对", "纠正", "rewrite", "proofread", "polish"], "rewrite"),
        (["关键词", "keyword"], "keywords"),
        (["回答", "解答", "answer"], "answer"),
        (["生成", "撰写", "写一", "generate", "write"], "writing"),
    ]

    /// Words that start an instruction: a slot whose values begin with different ones holds
    /// instructions, not inputs, so its requests are different prompts.
    static let instructionCues: [String] = tasks.flatMap(\.words).filter { !["类别", "标题", "title", "headline"].contains($0) }
        + ["请判断", "判断", "识别", "列出", "输出", "identify", "determine", "list ", "output", "format"]

    /// What a prompt works on → its name in a prompt id.
    static let subjects: [(words: [String], name: String)] = [
        (["评论", "评价", "review"], "review"),
        (["文章", "新闻", "报道", "article", "news"], "article"),
        (["会议", "meeting"], "meeting"),
        (["邮件", "email", "e-mail"], "email"),
        (["简历", "resume"], "resume"),
        (["合同", "contract"], "contract"),
        (["发票", "invoice"], "invoice"),
        (["订单", "物流", "order status", "shipping"], "order"),
        (["工单", "客服", "顾客", "客户", "customer", "support", "ticket"], "support"),
        (["商品", "产品", "product"], "product"),
        (["代码", "source code"], "code"),
    ]

    /// A slot's label (the words just before it, else just after) → the variable's name. Specific words
    /// win over generic ones (`评论文本` → `review`).
    static let slotWords: [(words: [String], name: String)] = [
        (["评论", "评价", "review"], "review"),
        (["问题", "提问", "咨询", "question", "query"], "question"),
        (["文章", "新闻", "报道", "article", "news"], "article"),
        (["邮件", "email"], "email"),
        (["标题", "title", "headline"], "title"),
        (["简历", "resume"], "resume"),
        (["会议", "纪要", "transcript", "meeting"], "transcript"),
        (["对话", "聊天", "dialogue", "conversation", "chat"], "dialogue"),
        (["工单", "ticket"], "ticket"),
        (["留言", "消息", "反馈", "message", "feedback"], "message"),
        (["商品", "产品", "product"], "product"),
        (["描述", "description"], "description"),
        (["代码", "code", "snippet"], "code"),
        (["语言", "language"], "language"),
        (["语气", "风格", "tone", "style"], "tone"),
        (["主题", "话题", "topic", "subject"], "topic"),
        (["关键词", "keyword"], "keywords"),
        (["地址", "address"], "address"),
        (["姓名", "名字", "name"], "name"),
        (["句子", "sentence"], "sentence"),
        (["段落", "paragraph"], "paragraph"),
        (["原文", "source"], "source_text"),
    ]

    /// Labels that say only "some text": used when no specific word is there.
    static let genericSlotWords: [(words: [String], name: String)] = [
        (["文本", "这段话", "这段文字", "内容", "中文", "英文", "下面", "以下", "text", "passage", "content", "input", "输入", "following", "below"], "text"),
        (["信息", "资料", "information", "details", "context"], "context"),
    ]

    /// Words after a slot that refer back to it: a slot that starts a message is an input only then
    /// (`{{text}}\n\n把上面这段话翻译成英文。`).
    static let backReferences = ["上面", "以上", "上述", "前面", "above", "preceding", "tl;dr", "the text", "this text"]

    /// The name of the first entry (in `table` order of position in `text`) whose word occurs in `text`.
    static func earliest(_ table: [(words: [String], name: String)], in text: String) -> String? {
        let lower = text.lowercased()
        var best: (offset: Int, name: String)?
        for entry in table {
            for word in entry.words {
                guard let range = lower.range(of: word) else { continue }
                let offset = lower.distance(from: lower.startIndex, to: range.lowerBound)
                if offset < best?.offset ?? Int.max { best = (offset, entry.name) }
            }
        }
        return best?.name
    }

    /// The name of the entry whose word occurs last in `text` (the head of a label: `商品评论` → `review`).
    static func latest(_ table: [(words: [String], name: String)], in text: String) -> String? {
        let lower = text.lowercased()
        var best: (offset: Int, name: String)?
        for entry in table {
            for word in entry.words {
                guard let range = lower.range(of: word, options: .backwards) else { continue }
                let offset = lower.distance(from: lower.startIndex, to: range.upperBound)
                if offset > best?.offset ?? Int.min { best = (offset, entry.name) }
            }
        }
        return best?.name
    }

    /// The instruction cues in the first `prefix` characters of `text`.
    static func leadingCues(_ text: String, prefix: Int = 40) -> Set<String> {
        let head = String(text.prefix(prefix)).lowercased()
        return Set(instructionCues.filter { head.contains($0) })
    }
}
