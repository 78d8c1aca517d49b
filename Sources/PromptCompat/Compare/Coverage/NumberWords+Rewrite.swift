import Foundation

/// The regex rewrites number reading applies after its character-by-character pass: dates, clock times,
/// money words; each rule tried only where its trigger words are.
extension NumberWords {
    /// `7/25` in Chinese text is a date (中文里分数写作“分之”): `7月25日`, for a month 1–12 and a day 1–31.
    static func monthSlashDay(_ text: String) -> String {
        UTF8Search.contains("/", in: text) ? rewrite(text, monthSlashDays) : text
    }

    static let monthSlashDays: RewriteRules = [
        Rewrite(#"(?<![\d/.])(\d{1,2})/(\d{1,2})(?![\d/.])"#, triggers: ["/"]) { groups in
            guard let month = Int(groups[1] ?? ""), let day = Int(groups[2] ?? ""), (1...12).contains(month), (1...31).contains(day) else { return groups[0] ?? "" }
            return "\(month)月\(day)日"
        },
    ]

    /// Every match of each pattern replaced by what its closure makes of the groups (group 0 the whole match,
    /// `nil` for a group that did not take part). A rule is tried where one of its trigger words is in `text`
    /// (all the rules' words searched for in one pass); `lowered`, when the caller has it, is `text` lowercased.
    static func rewrite(_ text: String, _ rules: RewriteRules, lowered: String? = nil) -> String {
        var result = text
        let present = rules.triggered(in: lowered ?? text.lowercasedFast())
        for (index, rule) in rules.rules.enumerated() where present.contains(index) {
            let regex = RegexCache.compiled(rule.pattern)
            let ns = result as NSString
            let matches = regex.matches(in: result, range: NSRange(location: 0, length: ns.length))
            guard !matches.isEmpty else { continue }
            var rebuilt = "", last = 0
            for match in matches {
                let groups: [String?] = (0..<match.numberOfRanges).map { i in
                    match.range(at: i).location == NSNotFound ? nil : ns.substring(with: match.range(at: i))
                }
                rebuilt += ns.substring(with: NSRange(location: last, length: match.range.location - last)) + rule.make(groups)
                last = match.range.location + match.range.length
            }
            result = rebuilt + ns.substring(from: last)
        }
        return result
    }

    /// Rewrite rules in the order they apply, with every rule's trigger words in one list.
    struct RewriteRules: Sendable, ExpressibleByArrayLiteral {
        let rules: [Rewrite]
        /// The trigger words of all the rules by the index of their rule (an empty word for a rule without any:
        /// it is always tried).
        let words: PhraseGroups<Int>

        init(_ rules: [Rewrite]) {
            self.rules = rules
            words = PhraseGroups(rules.enumerated().map { index, rule in (index, rule.triggers.isEmpty ? [""] : rule.triggers.phrases) })
        }

        init(arrayLiteral rules: Rewrite...) { self.init(rules) }

        /// The indices of the rules to try on a text, given lower-cased: those whose trigger words it holds.
        func triggered(in lowered: String) -> Set<Int> { words.keys(in: lowered) }
    }

    /// One rewrite: a pattern, and what a match becomes, made from its groups.
    struct Rewrite: Sendable {
        var pattern: String
        /// Words one of which a text must hold for the pattern to be tried (a byte search, not a regex pass).
        var triggers: PhraseSet
        var make: @Sendable ([String?]) -> String

        init(_ pattern: String, triggers: PhraseSet = [], make: @escaping @Sendable ([String?]) -> String) {
            self.pattern = pattern
            self.triggers = triggers
            self.make = make
        }
    }

    /// `8点`, `9点半`, `6点15分`, the formal `上午9时` and `6时30分`, Japanese `15時` as clock times (`8:00`,
    /// `9:30`, `6:15`, `9:00`, `6:30`, `15:00`) where a time is meant: after a part of the day or a range word
    /// (`下午3点`, `晚八点`, `至6点`), or before one (`0点至6点`, `10点前`), or with its minutes (`6时30分`, `9点15分`).
    /// `3点建议` and `24小时` stay.
    static func clockTimes(_ text: String) -> String {
        guard UTF8Search.contains("点", in: text) || UTF8Search.contains("时", in: text) || UTF8Search.contains("時", in: text) else { return text }
        return rewrite(text, clockRules)
    }

    static let clockRules = RewriteRules([afternoonRange] + clockPatterns.map { pattern in
        // 时 is in too many words (时间, 及时) to try the rules on: an hour's 时 follows a digit.
        Rewrite(pattern, triggers: PhraseSet(["点", "時"] + (0...9).map { "\($0)时" })) { groups in
            let rest = groups[3] ?? ""
            let minute = ["半": "30", "一刻": "15", "三刻": "45"][rest] ?? (rest.hasSuffix("分") ? String(rest.dropLast()) : "00")
            // 晚8点 is the evening's 8 o'clock: written the way the fact reader knows (晚上)
            let part = ["晚": "晚上", "夜": "晚上", "早": "早上"][groups[1] ?? ""] ?? (groups[1] ?? "")
            return part + (groups[2] ?? "") + ":" + (minute.count == 1 ? "0" + minute : minute)
        }
    })

    /// A range's second hour in the afternoon or evening shares the first one's part of the day: `晚上7点至9点`
    /// = `晚上7点至晚上9点` (19:00–21:00), `下午2点到4点半`. Not past noon's 12, not an hour already on the
    /// 24-hour clock (`下午2点到17点`), and not in the morning (`上午8点到12点` ends at noon).
    static let afternoonRange = Rewrite(#"(下午|晚上|傍晚|夜里|晚|夜)(\d{1,2})[点时](半|整|\d{1,2}分|[一三]刻)?(至|到|-|~|～)(\d{1,2})[点时](?![段辰期])"#, triggers: PhraseSet(["点"] + (0...9).map { "\($0)时" })) { g in
        guard let first = Int(g[2] ?? ""), let last = Int(g[5] ?? ""), first < last, last < 12 else { return g[0] ?? "" }
        let part = g[1] ?? ""
        return part + (g[2] ?? "") + "点" + (g[3] ?? "") + (g[4] ?? "") + part + (g[5] ?? "") + "点"
    }

    /// Hours without minutes, written the way the fact reader reads a clock time: `11 AM` = `11:00 AM`,
    /// `8–11 AM` = `8:00–11:00 AM` (a range's first hour shares the last one's AM or PM), `9-17点` = `9:00-17点`
    /// (whose `17点` ``clockTimes(_:)`` then reads). An hour of 1–12 before AM/PM, of 0–24 before 点. Noon and
    /// midnight are 12:00 PM and 12:00 AM.
    static let hourForms: RewriteRules = [
        Rewrite(#"(?<![\d:.])(\d{1,2})(?::(\d{2}))?(\s*(?:-|–|—|to)\s*)(\d{1,2})(?::(\d{2}))?\s*(a\.m\.|p\.m\.|am|pm)(?![a-z])"#, triggers: hourTriggers) { g in
            guard g[2] == nil || g[5] == nil, let first = Int(g[1] ?? ""), let last = Int(g[4] ?? ""), (1...12).contains(first), (1...12).contains(last) else { return g[0] ?? "" }
            return "\(first):\(g[2] ?? "00")\(g[3] ?? "-")\(last):\(g[5] ?? "00") \(g[6] ?? "")"
        },
        Rewrite(#"(?<![\d:.])(\d{1,2})\s*(a\.m\.|p\.m\.|am|pm)(?![a-z])"#, triggers: hourTriggers) { g in
            guard let hour = Int(g[1] ?? ""), (1...12).contains(hour) else { return g[0] ?? "" }
            return "\(hour):00 \(g[2] ?? "")"
        },
        Rewrite(#"(?<![\d:.])(\d{1,2})(-|–|—|~|～|至|到)(?=\d{1,2}点)"#, triggers: ["点"]) { g in
            guard let hour = Int(g[1] ?? ""), hour <= 24 else { return g[0] ?? "" }
            return "\(hour):00\(g[2] ?? "")"
        },
        // noon = 12:00, midnight = 00:00 (`open 12:00–00:00` = `open from noon until midnight`)
        Rewrite(#"(?i)\b(?:12\s*)?(noon|midday|midnight)\b"#, triggers: ["noon", "midday", "midnight"]) { g in
            (g[1] ?? "").lowercasedFast() == "midnight" ? "12:00 am" : "12:00 pm"
        },
    ]
    /// A digit, perhaps a space, then AM or PM: what a text must hold for the hour rules to be tried (`team`
    /// and `example` hold `am`).
    static let hourTriggers = PhraseSet((0...9).flatMap { digit in ["am", "pm", "a.m.", "p.m."].flatMap { ["\(digit)\($0)", "\(digit) \($0)"] } })

    /// Digits before 万 or 亿 as one whole number: `1万元` = `10000元`, `1.5万人` = `15000人`, `5.1亿` =
    /// `510000000` (as `一万元` and `十万元` read); a Latin word right after stays a word (`1.5亿 tokens`).
    /// `万分之五` is a fraction, read before this; more decimals than the scale has zeros stay as written.
    static let digitScales: RewriteRules = [
        Rewrite(#"(?<![\d.])(\d+)(?:\.(\d+))?(万|亿)(?!分之)(?=([a-z])?)"#, triggers: ["万", "亿"]) { g in
            let zeros = g[3] == "万" ? 4 : 8, decimals = g[2] ?? ""
            guard decimals.count <= zeros, let whole = g[1] else { return g[0] ?? "" }
            let digits = (whole + decimals + String(repeating: "0", count: zeros - decimals.count)).drop { $0 == "0" }
            return (digits.isEmpty ? "0" : String(digits)) + (g[4] == nil ? "" : " ")
        },
    ]

    /// An English date without a year written day first, as month first: `20 December` = `December 20`
    /// (`20th of December` too); with a year after it, the fact reader reads it whole. `May` is left alone
    /// (`10 may apply`). A Chinese range's second day shares the first one's month: `7月15日到21日` =
    /// `7月15日到7月21日`.
    static let yearlessDates: RewriteRules = [
        Rewrite(#"(?<!\d)(\d{1,2})月(\d{1,2})日(至|到|-|~|～|—|–)(\d{1,2})日"#, triggers: ["日至", "日到", "日-", "日~", "日～", "日—", "日–"]) { g in
            guard let first = Int(g[2] ?? ""), let last = Int(g[4] ?? ""), first < last, last <= 31 else { return g[0] ?? "" }
            return "\(g[1] ?? "")月\(first)日\(g[3] ?? "")\(g[1] ?? "")月\(last)日"
        },
        Rewrite(#"\b(\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?(january|february|march|april|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec)\b(?!\.?,?\s*\d{4})"#,
                triggers: ["jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]) { g in
            "\(g[2] ?? "") \(g[1] ?? "")"
        },
    ]

    /// A later day said alone soon after a date (`9月16日全天停航；17日视海况恢复`) is in the same month; not a
    /// count of days (`3日内`, `7日无理由`, `5日后`). Tried only on a text with two days written with digits
    /// (``digitDays(in:)``): most texts have one date at most.
    static let laterDays: RewriteRules = [
        Rewrite(#"(?<!\d)(\d{1,2})月(\d{1,2})日([^月日\d\n]{1,20})(?<![第共约近满])(\d{1,2})日(?![内前后起无以之左间])"#, triggers: []) { g in
            guard let first = Int(g[2] ?? ""), let day = Int(g[4] ?? ""), first < day, day <= 31 else { return g[0] ?? "" }
            return "\(g[1] ?? "")月\(first)日\(g[3] ?? "")\(g[1] ?? "")月\(day)日"
        },
    ]

    /// How many times a digit is followed by `日` in `text`, up to two.
    static func digitDays(in text: String) -> Int {
        var count = 0, previous: UInt8 = 0, index = 0
        let bytes = Array(text.utf8)
        while index + 2 < bytes.count, count < 2 {
            if bytes[index] == 0xE6, bytes[index + 1] == 0x97, bytes[index + 2] == 0xA5, previous >= 0x30, previous <= 0x39 { count += 1 }
            previous = bytes[index]
            index += 1
        }
        return count
    }

    /// A day and month between slashes, in a text without Chinese, where only one order is a date: `20/12`
    /// (UK) and `12/20` (US) = `December 20`. `3/4` (either), `15/20` (neither) and `24/7` stay.
    static let slashDates: RewriteRules = [
        Rewrite(#"(?<![\d/.:])(\d{1,2})/(\d{1,2})(?![\d/.:])"#, triggers: ["/"]) { g in
            guard let a = Int(g[1] ?? ""), let b = Int(g[2] ?? ""), !(a == 24 && b == 7) else { return g[0] ?? "" }
            let (month, day) = a > 12 && (1...12).contains(b) ? (b, a) : b > 12 && (1...12).contains(a) ? (a, b) : (0, 0)
            guard month > 0, day <= 31 else { return g[0] ?? "" }
            return "\(monthWords[month - 1]) \(day)"
        },
    ]
    static let monthWords = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"]

    static let clockPatterns = [
        #"(上午|下午|晚上|早上|凌晨|中午|傍晚|夜里|晚|早|午|夜|至|到|从|于|在|-|–|—|~|～)(\d{1,2})点(半|整|\d{1,2}分|[一三]刻)?"#,
        #"()(\d{1,2})点(半|整|\d{1,2}分|[一三]刻)?(?=至|到|-|~|～|前|后|开始|之前|以前|以后|起)"#,
        // With its minutes an hour is a time wherever it stands (`我们9点15分在门口会合`).
        #"()(\d{1,2})点(\d{1,2}分)"#,
        // 時間 is a duration (`3時間前`, three hours before), not 3 o'clock.
        #"()(\d{1,2})時(半|\d{1,2}分)?(?!間)"#,
        // The formal 时 (`上午9时`, `6时30分`): not `24小时`, whose 时 follows 小, nor `3时段`.
        #"(上午|下午|晚上|早上|凌晨|中午|傍晚|夜里|晚|早|午|夜|至|到|从|于|在|-|~|～)(\d{1,2})时(半|整|\d{1,2}分)?(?![段辰期])"#,
        #"()(\d{1,2})时(\d{1,2}分)"#,
        #"()(\d{1,2})时(半|整)?(?=至|到|-|~|～|前|后|开始|之前|以前|以后|起)"#,
    ]
}
