import Foundation

/// What a prompt's own words require of every answer, read from its messages: length limits
/// (`不超过70字`, `under 20 words`, `一句话`), a fixed label set (`只能回答“是”或“否”`, `one of: positive,
/// negative, neutral`), whether it classifies, whether it fixes the order of a list, and which kinds of
/// value it fixes the written format of (`日期格式YYYY-MM-DD`, `two decimal places`).
///
/// ```swift
/// let constraints = PromptConstraints.read("用一句话概括，不超过30字。")
/// constraints.limits.map(\.phrase)   // ["不超过30字", "一句话"]
/// ```
public struct PromptConstraints: Sendable, Equatable {
    public struct LengthLimit: Sendable, Equatable {
        public enum Unit: String, Sendable { case characters, words, sentences }
        /// The whole answer, each line (`每条不超过20字`), or its first line (`标题不超过20字`).
        public enum Scope: String, Sendable { case whole, eachLine, firstLine }
        public var count: Int
        public var unit: Unit
        public var scope: Scope
        /// `左右` / `about`: a target, not a ceiling — allowed a wider margin.
        public var approximate = false
        /// The prompt's words, quoted in a reason: `不超过70字`.
        public var phrase = ""
    }

    public var limits: [LengthLimit] = []
    /// The labels the prompt allows, as written (empty when it names none).
    public var labels: [String] = []
    /// The prompt asks for a classification or a judgement (分类, 判断, sentiment, classify, yes or no …).
    public var classifies = false
    /// The prompt fixes the order of what it asks for (排序, 按…顺序, rank, in order …).
    public var fixesOrder = false
    /// The kinds of value whose written format the prompt fixes.
    public var fixedFormats: Set<Fact.Kind> = []
    /// The prompt fixes how digits are grouped (千分位, thousands separator): without it, `39,530.00元` and
    /// `39530.00元` are one format (`保留两位小数` fixes the decimals, not the commas).
    public var fixesDigitGrouping = false
    /// The prompt says how many items, points or steps (`列出3点`, `三条建议`, `five bullet points`; not
    /// `5个工作日`); a clock time (`六点`) reads as one too, which only keeps a count change a finding.
    public var fixesItemCount = false
    /// The prompt lets the answer word its verdict freely (`表述不限`, "in your own words"): two answers with
    /// the same polarity about the same thing are the same verdict.
    public var freeWording = false

    public static func read(_ instructions: String) -> PromptConstraints {
        recent.value(for: instructions) { text in
            let lowered = text.lowercasedFast()
            var constraints = PromptConstraints()
            constraints.limits = LengthLimitReader.limits(in: text)
            constraints.labels = LabelSetReader.labels(in: text)
            constraints.classifies = ConstraintWords.classifying.occurs(in: lowered)
            constraints.fixesOrder = ConstraintWords.ordering.occurs(in: lowered)
                && !ConstraintWords.unordered.occurs(in: lowered)
                && !(UTF8Search.contains("order", in: lowered) && RegexCache.matches(#"order[^.\n]{0,40}(not significant|not important|doesn't matter|does not matter|irrelevant|not matter)"#, in: lowered))
            constraints.fixedFormats = ConstraintWords.formatWords.keys(in: lowered)
            constraints.fixesDigitGrouping = ConstraintWords.digitGrouping.occurs(in: lowered)
            constraints.freeWording = ConstraintWords.freeWording.occurs(in: lowered)
            constraints.fixesItemCount = ConstraintWords.countedThings.occurs(in: lowered) && RegexCache.matches(ConstraintWords.itemCount, in: lowered)
            return constraints
        }
    }

    static let recent = RecentResults<PromptConstraints>(capacity: 64)
}

/// The words the constraint readers look for: data.
enum ConstraintWords {
    static let classifying: PhraseSet = [
        "分类", "类别", "标签", "情感", "情绪", "判断", "是否", "意图", "归类", "属于", "倾向", "选择", "打分",
        "classify", "classification", "category", "categories", "label", "sentiment", "intent", "yes or no", "true or false",
        "determine whether", "decide whether", "whether the", "one of",
    ]
    static let ordering: PhraseSet = [
        "排序", "顺序", "排列", "依次", "从高到低", "从低到高", "降序", "升序", "排名", "先后", "步骤",
        "rank", "in order", "order of", "sorted", "sort ", "ascending", "descending", "chronolog", "step by step", "steps", "priority",
    ]
    /// Words that say the order does not matter: they win over ``ordering``.
    static let unordered: PhraseSet = [
        "不限顺序", "顺序不限", "不分先后", "没有先后", "无先后", "不分前后", "无需排序", "不需要排序", "不用排序", "无顺序", "不分顺序", "不要求顺序", "顺序无关", "任意顺序", "顺序随意",
        "顺序不重要", "顺序无所谓", "顺序不要紧", "作为集合", "as a set", "order is irrelevant",
        "any order", "order does not matter", "order doesn't matter", "no particular order", "unordered", "order is not important",
    ]
    /// Every word of ``formats`` under the kind it fixes: one pass finds them all.
    static let formatWords = PhraseGroups(formats.map { ($0.key, $0.value.phrases) })

    /// Words that fix a kind of value's written form (a date's, a time's, a number's, a code's).
    static let formats: [Fact.Kind: PhraseSet] = [
        .date: ["hh:mm", "24小时制", "24-hour clock", "24-hour format", "24-hour time", "24 hour clock", "24 hour format", "24 hour time", "24h format", "24h time", "yyyy", "iso 8601", "iso-8601", "iso格式", "iso date", "日期格式", "date format", "format dates", "dates as", "dates in", "年-月-日", "mm/dd", "dd/mm"],
        .amount: ["两位小数", "2位小数", "小数点后", "decimal place", "decimals", "千分位", "thousands separator", "货币符号", "currency symbol", "金额格式", "amounts as", "amount format", "prefix with ¥", "前加¥", "以¥"],
        .number: ["两位小数", "2位小数", "小数点后", "decimal place", "千分位", "thousands separator", "数字格式", "number format"],
        .identifier: ["大写", "uppercase", "upper case", "小写", "lowercase", "编号格式", "id format", "code format"],
    ]
    /// A count of items: a number, then a word for what is counted; not an ordinal (`第五条` is article 5).
    static let itemCount = #"(?<![\d第])(?:\d+|[一二三四五六七八九十两]|\b(?:one|two|three|four|five|six|seven|eight|nine|ten))\s*(?:个(?:要点|方面|建议|步骤|理由|问题|关键词|标题|选项)|条|项|点|步|页|张|要点|方面|建议|步骤|\s(?:bullet|item|point|step|tip|reason|line|idea|question|sentence|paragraph|key|slide|page)s?\b|-(?:bullet|item|point|step|slide))"#
    /// What ``itemCount`` counts, each of which a match ends in: a text without any of them has no count of
    /// items, and the pattern is not run (a byte search instead of a regex pass over the prompt).
    static let countedThings: PhraseSet = [
        "个", "条", "项", "点", "步", "页", "张", "要点", "方面", "建议",
        "bullet", "item", "point", "step", "tip", "reason", "line", "idea", "question", "sentence", "paragraph", "key", "slide", "page",
    ]
    /// Words that leave the answer's wording free.
    static let freeWording: PhraseSet = [
        "表述可不同", "表述可以不同", "表述不限", "措辞不限", "说法不限", "可用其他表述", "用词不限", "自由表述",
        "意思相同的", "意思一样的", "同义的说法", "同义说法", "同义表述", "等价的说法",
        "wording may vary", "wording can vary", "in your own words", "any wording", "wording is up to you",
        "or an equivalent", "or a synonym", "same meaning", "worded freely", "phrased freely", "word it freely", "free wording",
    ]
    /// Words that fix how the digits of a number are grouped.
    static let digitGrouping: PhraseSet = ["千分位", "千位分隔", "thousands separator", "thousand separator", "digit grouping", "comma-separated thousands"]
}
