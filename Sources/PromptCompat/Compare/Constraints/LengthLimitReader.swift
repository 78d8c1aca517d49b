import Foundation

/// Reads length limits from a prompt's words (numbers already in digits, ``NumberWords``): `不超过70字`,
/// `70字以内`, `字数控制在100`, `一句话`, `under 20 words`, `no more than 140 characters`, `in one sentence`,
/// `a 50-word summary` (approximate). Minimums (`不少于`, `at least`) are not limits. A limit right after
/// a title word applies to the first line, after `每条` / `each` to every line.
enum LengthLimitReader {
    typealias Limit = PromptConstraints.LengthLimit

    struct Pattern {
        var regex: NSRegularExpression
        /// Capture group of the number, and of the unit word (0 when the unit is fixed).
        var number: Int
        var unitGroup: Int
        var fixedUnit: Limit.Unit?
        var approximateGroup: Int = 0
        /// A pattern of Chinese units (`字`, `句`), tried only where a digit stands before one.
        var chinese = false
        /// Words a match must hold, one of each group: the pattern is tried only on a text that has them
        /// (a byte search instead of a regex pass).
        var needs: [[String]] = []

        func mayMatch(_ text: String) -> Bool {
            needs.allSatisfy { group in group.contains { UTF8Search.contains($0, in: text) } }
        }
    }

    static let patterns: [Pattern] = [
        zh(#"(?:不超过|不多于|不能超过|不要超过|不得超过|不可超过|勿超过|(?<!不)少于|(?<!不)低于|控制在|限制在|限定在|限于|最多|至多|以|限)\s*(\d+)\s*个?(字|汉字|字符|词)(?:以内|之内|以下|内)?"#, unit: .characters,
           needs: [["超过", "多于", "少于", "低于", "在", "限", "最多", "至多", "以"], ["字", "词"]]),
        zh(#"(\d+)\s*个?(?:字|汉字|字符)(?:以内|之内|以下|内|(左右))"#, unit: .characters, approximate: 2, needs: [["字"], ["内", "以下", "左右"]]),
        zh(#"字数\s*(?:不超过|不多于|控制在|限制在|少于|在|限|≤|<=|<)\s*(\d+)"#, unit: .characters, needs: [["字数"]]),
        zh(#"(?:用|以|一共|仅|只用|不超过|最多)?(\d+)\s*句话"#, unit: .sentences, needs: [["句话"]]),
        zh(#"不超过\s*(\d+)\s*句"#, unit: .sentences, needs: [["不超过"], ["句"]]),
        Pattern(regex: regex(#"(?:under|no more than|not more than|at most|a maximum of|maximum of|maximum:?|max\.?:?|within|less than|fewer than|up to|limit(?:ed)? to|limit(?: of|:)?|not exceed(?:ing)?|no longer than|shorter than|below)\s+(\d+)\s+(characters|chars|words|sentences)\b"#), number: 1, unitGroup: 2),
        Pattern(regex: regex(#"\b(\d+)\s+(characters|chars|words|sentences)\s+(?:or less|or fewer|max\b|maximum|at most|at the most)"#), number: 1, unitGroup: 2),
        Pattern(regex: regex(#"\b(\d+)[- ](word|character|sentence)\s+(?:summary|answer|reply|response|description|tagline|slogan|title|headline|message|sms|text|limit|max)"#), number: 1, unitGroup: 2, approximateGroup: 2),
        Pattern(regex: regex(#"\b(?:in|as|with|using|into|write)\s+(?:exactly\s+)?(?:one|a single|1|single)\s+sentence\b"#), number: 0, unitGroup: 0, fixedUnit: .sentences),
    ]

    static func zh(_ pattern: String, unit: Limit.Unit, approximate: Int = 0, needs: [[String]]) -> Pattern {
        Pattern(regex: regex(pattern), number: 1, unitGroup: 0, fixedUnit: unit, approximateGroup: approximate, chinese: true, needs: needs)
    }

    static func regex(_ pattern: String) -> NSRegularExpression {
        // The patterns are literals of this file: a mistake in one is a programming error caught by the tests.
        try! NSRegularExpression(pattern: pattern, options: [.caseInsensitive])
    }

    static let titleWords = ["标题", "题目", "title", "headline", "subject line", "subject"]
    /// Where the clause before a limit starts: after the last of these.
    static let clauseEnds: Set<Character> = Set("。.;；\n!?！？")
    static let eachWords = ["每条", "每行", "每点", "每个", "每句", "每项", "每一", "单条", "各条", "各", "each", "every", "per ", "bullet"]

    /// Every limit pattern has a digit a few bytes before its unit (`70字`, `50 words`, `1句话`) or the word
    /// "sentence": a text with neither is read without a regex pass, in one scan of its bytes.
    /// Which patterns may match: the Chinese ones (a digit before `字` or `句`), the English ones (a digit
    /// before `word` or `char`, or the word "sentence").
    static func mayHoldLimits(_ text: String) -> (chinese: Bool, english: Bool) {
        var english = UTF8Search.contains("sentence", in: text.lowercasedFast()), chinese = false
        let units: [(bytes: [UInt8], chinese: Bool)] = [(Array("字".utf8), true), (Array("句".utf8), true), (Array("word".utf8), false),
                                                       (Array("char".utf8), false), (Array("Word".utf8), false), (Array("Char".utf8), false)]
        text.readingUTF8 { bytes in
            var lastDigit = -100
            for i in bytes.indices where !(chinese && english) {
                if bytes[i] >= 0x30 && bytes[i] <= 0x39 { lastDigit = i; continue }
                guard i - lastDigit <= 8 else { continue }
                for unit in units where i + unit.bytes.count <= bytes.count && bytes[i..<(i + unit.bytes.count)].elementsEqual(unit.bytes) {
                    if unit.chinese { chinese = true } else { english = true }
                }
            }
        }
        return (chinese, english)
    }

    /// The limits `text` states (number words read as digits), pattern by pattern, each pattern's in the order
    /// they are written. Read line by line, each line remembered: a limit is stated within one line (its
    /// scope stops at the line's start), and a library's cases share their system prompt, where it usually is.
    static func limits(in text: String) -> [Limit] {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: true).map { line in
            recentLines.value(for: String(line)) { limitsByPattern(in: NumberWords.digits(in: $0)) }
        }
        return patterns.indices.flatMap { index in lines.flatMap { $0.isEmpty ? [] : $0[index] } }
    }

    static let recentLines = RecentResults<[[Limit]]>(capacity: 256)

    /// The limits of one line, one list a pattern (an empty array when the line can hold none).
    static func limitsByPattern(in text: String) -> [[Limit]] {
        let families = mayHoldLimits(text)
        guard families.chinese || families.english else { return [] }
        let ns = text as NSString
        var limits: [[Limit]] = Array(repeating: [], count: patterns.count)
        var taken: [NSRange] = []
        for (index, pattern) in patterns.enumerated() where (pattern.chinese ? families.chinese : families.english) && pattern.mayMatch(text) {
            for match in pattern.regex.matches(in: text, range: NSRange(location: 0, length: ns.length)) {
                guard !taken.contains(where: { NSIntersectionRange($0, match.range).length > 0 }) else { continue }
                let count = pattern.number == 0 ? 1 : Int(ns.substring(with: match.range(at: pattern.number))) ?? 0
                guard count > 0 else { continue }
                var unit = pattern.fixedUnit ?? .characters
                if pattern.unitGroup > 0 {
                    let word = ns.substring(with: match.range(at: pattern.unitGroup)).lowercasedFast()
                    unit = word.hasPrefix("word") ? .words : word.hasPrefix("sentence") ? .sentences : .characters
                }
                let approximate = pattern.approximateGroup > 0 && match.range(at: pattern.approximateGroup).location != NSNotFound
                taken.append(match.range)
                limits[index].append(Limit(count: count, unit: unit, scope: scope(before: match.range, in: ns), approximate: approximate,
                                    phrase: ns.substring(with: match.range).trimming(.whitespaces)))
            }
        }
        return limits
    }

    /// The scope a limit's preceding words give it: the words of its own clause, at most 12 characters back.
    static func scope(before range: NSRange, in text: NSString) -> Limit.Scope {
        let start = max(0, range.location - 12)
        var window = text.substring(with: NSRange(location: start, length: range.location - start)).lowercasedFast()
        if let cut = window.lastIndex(where: clauseEnds.contains) { window = String(window[window.index(after: cut)...]) }
        if eachWords.contains(where: { UTF8Search.containsCharacters($0, in: window) }) { return .eachLine }
        if titleWords.contains(where: { UTF8Search.containsCharacters($0, in: window) }) { return .firstLine }
        return .whole
    }
}
