import Foundation

/// Numbers written as words, rewritten as digits where they are numbers — Chinese numerals before a
/// measure word or a currency, fractions (`百分之十五`), discounts (`九折`), English cardinals — so facts
/// compare whatever the spelling: `百分之十五` = `15%`, `一百九十九元` = `199元`, `三千二百家` = `3200家`,
/// `fifteen yuan` = `15元`, `九折` = `10%` off, `two thousand` = `2000`.
///
/// Words that only look like numbers stay: `一些`, `统一`, `十分满意`, `千万不要`, `one of`.
///
/// ```swift
/// NumberWords.digits(in: "满三百元打九折，有效期三十天")   // "满300元打10%，有效期30天"
/// NumberWords.digits(in: "a fifteen percent discount")     // "a 15% discount"
/// ```
public enum NumberWords {
    public static func digits(in text: String) -> String {
        recent.value(for: text) { text in
            var result = text
            if result.contains(where: \.isCJK) { result = monthSlashDay(result) }
            if result.unicodeScalars.contains(where: { chineseScalars.contains($0.value) }) { result = chinese(result) }
            result = clockTimes(result)
            if EnglishScan.needsReading(result) { result = english(result) }
            return result
        }
    }

    static let recent = RecentResults<String>(capacity: 256)

    /// The scalars that start Chinese number reading: the numerals and 折.
    static let chineseScalars: Set<UInt32> = Set(chineseValues.keys.flatMap { $0.unicodeScalars.map(\.value) } + ["折".unicodeScalars.first!.value])

    // MARK: Chinese

    static let chineseValues: [Character: Int] = [
        "零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9,
        "壹": 1, "贰": 2, "叁": 3, "肆": 4, "伍": 5, "陆": 6, "柒": 7, "捌": 8, "玖": 9,
        "十": 10, "拾": 10, "百": 100, "佰": 100, "千": 1000, "仟": 1000, "万": 10_000, "亿": 100_000_000,
    ]

    /// Words after a numeral that make it a count or an amount: data, the common measure words and units.
    static let measureWords: [String] = [
        "元", "块", "角", "家", "个", "天", "日", "年", "月", "周", "星期", "小时", "分钟", "秒", "次", "件", "人", "名", "位",
        "张", "台", "部", "条", "项", "页", "步", "级", "层", "岁", "倍", "份", "瓶", "盒", "袋", "支", "只", "片", "粒", "克",
        "公斤", "千克", "斤", "米", "公里", "升", "毫升", "笔", "单", "款", "种", "类", "点", "期", "节", "套", "间", "座", "辆",
        "工作日", "个工作日", "折", "%", "万", "亿", "字", "词", "句", "行", "段", "遍", "分", "号", "毛", "时",
    ]

    static func chinese(_ text: String) -> String {
        let characters = Array(text)
        var output = ""
        var i = 0
        while i < characters.count {
            // 百分之十五 → 15%, 千分之五 → 0.5%, 万分之五 → 0.05%
            if let (scale, length) = fraction(characters, at: i), let run = numeralRun(characters, from: i + length), run.count > 0 {
                var end = i + length + run.count
                var number = Double(value(of: run))
                // 百分之二点一五 = 2.15%: the digits after 点, one by one
                if end + 1 < characters.count, characters[end] == "点", let decimals = numeralRun(characters, from: end + 1) {
                    number += Double("0." + decimals.map { String(chineseValues[$0] ?? 0) }.joined()) ?? 0
                    end += 1 + decimals.count
                }
                output += percent(number * 100 / scale) + "%"
                i = end
                continue
            }
            // 五十分之一 → 1/50
            if let run = numeralRun(characters, from: i), i + run.count + 2 < characters.count, characters[i + run.count] == "分",
               characters[i + run.count + 1] == "之", let part = numeralRun(characters, from: i + run.count + 2) {
                output += "\(value(of: part))/\(value(of: run))"
                i += run.count + 2 + part.count
                continue
            }
            guard let run = numeralRun(characters, from: i), run.count > 0 else {
                output.append(characters[i])
                i += 1
                continue
            }
            let end = i + run.count
            let rest = String(characters[end..<min(characters.count, end + 4)])
            // 九折 / 八五折 → the share off: 10%, 15%
            if rest.hasPrefix("折"), run.count <= 2, !run.contains(where: { "十百千万亿".contains($0) }) {
                let tenths = run.count == 2 ? Double(value(of: [run[0]]) * 10 + value(of: [run[1]])) / 10 : Double(value(of: run))
                output += percent(100 - tenths * 10) + "%"
                i = end + 1
                continue
            }
            if isNumber(run, before: rest, after: i > 0 ? characters[i - 1] : nil) {
                // Digits glued to a Latin word would make one code of them (call_api三次 is not call_api3).
                if let last = output.last, last.isASCII, last.isLetter || last.isNumber || last == "_" { output += " " }
                output += String(value(of: run))
            } else {
                output += String(run)
            }
            i = end
        }
        return rewrite(output.arabicDiscounts, [
            // 一毛五 = 0.15元, 5角 = 0.5元; 三块五 = 3.5元
            Rewrite(#"(?<![\d.])(\d)[毛角]([\d一二三四五六七八九])?(?:分)?"#, triggers: ["毛", "角"]) { groups in
                let cents = groups[2].map { $0.first.flatMap { chineseValues[$0] }.map(String.init) ?? $0 } ?? ""
                return "0." + (groups[1] ?? "") + cents + "元"
            },
            Rewrite(#"(\d+)块(\d)(?![\d元钱])"#, triggers: ["块"]) { ($0[1] ?? "") + "." + ($0[2] ?? "") + "元" },
            // 7月25号 = 7月25日
            Rewrite(#"(\d{1,2})月(\d{1,2})号"#, triggers: ["号"]) { ($0[1] ?? "") + "月" + ($0[2] ?? "") + "日" },
        ])
    }

    /// `7/25` in Chinese text is a date (中文里分数写作“分之”): `7月25日`, for a month 1–12 and a day 1–31.
    static func monthSlashDay(_ text: String) -> String {
        rewrite(text, [Rewrite(#"(?<![\d/.])(\d{1,2})/(\d{1,2})(?![\d/.])"#, triggers: ["/"]) { groups in
            guard let month = Int(groups[1] ?? ""), let day = Int(groups[2] ?? ""), (1...12).contains(month), (1...31).contains(day) else { return groups[0] ?? "" }
            return "\(month)月\(day)日"
        }])
    }

    /// Every match of each pattern replaced by what its closure makes of the groups (group 0 the whole match,
    /// `nil` for a group that did not take part).
    static func rewrite(_ text: String, _ rules: [Rewrite]) -> String {
        var result = text
        let lowered = text.lowercased()
        for rule in rules where rule.triggers.isEmpty || UTF8Search.containsAny(rule.triggers, in: lowered) {
            let regex = compiled(rule.pattern)
            let ns = result as NSString
            var rebuilt = "", last = 0
            for match in regex.matches(in: result, range: NSRange(location: 0, length: ns.length)) {
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

    /// The rewrite patterns, compiled once each.
    static func compiled(_ pattern: String) -> NSRegularExpression {
        regexCache.withLock { cache in
            if let regex = cache[pattern] { return regex }
            // The patterns are literals of this file: a mistake in one is a programming error the tests catch.
            let regex = try! NSRegularExpression(pattern: pattern, options: [.caseInsensitive])
            cache[pattern] = regex
            return regex
        }
    }

    static let regexCache = LockedCache()

    /// One rewrite: a pattern, and what a match becomes, made from its groups.
    struct Rewrite: Sendable {
        var pattern: String
        /// Words one of which a text must hold for the pattern to be tried (a byte search, not a regex pass).
        var triggers: [String]
        var make: @Sendable ([String?]) -> String

        init(_ pattern: String, triggers: [String] = [], make: @escaping @Sendable ([String?]) -> String) {
            self.pattern = pattern
            self.triggers = triggers
            self.make = make
        }
    }

    /// `8点`, `9点半`, `6点15分`, Japanese `15時` as clock times (`8:00`, `9:30`, `6:15`, `15:00`) where a time is
    /// meant: after a part of the day or a range word (`下午3点`, `晚八点`, `至6点`), or before one (`0点至6点`,
    /// `10点前`). `3点建议` stays.
    static func clockTimes(_ text: String) -> String {
        guard UTF8Search.contains("点", in: text) || UTF8Search.contains("時", in: text) else { return text }
        return rewrite(text, clockPatterns.map { pattern in
            Rewrite(pattern, triggers: ["点", "時"]) { groups in
                let rest = groups[3] ?? ""
                let minute = rest == "半" ? "30" : rest.hasSuffix("分") ? String(rest.dropLast()) : "00"
                // 晚8点 is the evening's 8 o'clock: written the way the fact reader knows (晚上)
                let part = ["晚": "晚上", "夜": "晚上", "早": "早上"][groups[1] ?? ""] ?? (groups[1] ?? "")
                return part + (groups[2] ?? "") + ":" + (minute.count == 1 ? "0" + minute : minute)
            }
        })
    }

    static let clockPatterns = [
        #"(上午|下午|晚上|早上|凌晨|中午|傍晚|夜里|晚|早|午|夜|至|到|从|于|在|-|~|～)(\d{1,2})点(半|整|\d{1,2}分)?"#,
        #"()(\d{1,2})点(半|整|\d{1,2}分)?(?=至|到|-|~|～|前|后|开始|之前|以前|以后|起)"#,
        #"()(\d{1,2})時(半|\d{1,2}分)?"#,
    ]

    static func fraction(_ characters: [Character], at i: Int) -> (scale: Double, length: Int)? {
        guard i + 3 <= characters.count, characters[i + 1] == "分", characters[i + 2] == "之" else { return nil }
        switch characters[i] {
        case "百": return (100, 3)
        case "千": return (1000, 3)
        case "万": return (10_000, 3)
        default: return nil
        }
    }

    /// The numeral characters starting at `i` (nil when there are none).
    static func numeralRun(_ characters: [Character], from i: Int) -> [Character]? {
        var j = i
        while j < characters.count, chineseValues[characters[j]] != nil { j += 1 }
        return j > i ? Array(characters[i..<j]) : nil
    }

    /// A numeral run is a number when it has a unit inside (三千二百), or is followed by a measure word — and
    /// is not an idiom: a run starting with 万 / 亿 / 千万 (万一, 千万不要), 十分 (very), 一 inside a word.
    static func isNumber(_ run: [Character], before rest: String, after previous: Character?) -> Bool {
        guard let first = run.first, !"万亿千百".contains(first) || run.count > 1 && !"万亿".contains(first) else { return false }
        if run == ["千", "万"] || run == ["万", "万"] { return false }
        if run == ["十"], rest.hasPrefix("分"), !rest.hasPrefix("分钟") { return false }
        let hasUnit = run.contains { "十拾百佰千仟万亿".contains($0) }
        let measured = measureWords.contains { rest.hasPrefix($0) }
        if run.count == 1, !measured { return false }
        if run.count == 1, let previous, previous.isCJK, chineseValues[previous] == nil, !"第约近共满减送赠付花需要计".contains(previous) {
            // 统一, 唯一, 同一个: a digit glued to the word before it is part of that word unless a measure follows.
            return measured && !"统唯同单专逐万".contains(previous)
        }
        return hasUnit || measured || run.count >= 2
    }

    /// The value of a numeral run: 十五 = 15, 两百 = 200, 三千二百 = 3200, 一九九 = 199 (digit by digit).
    static func value<C: Collection>(of run: C) -> Int where C.Element == Character {
        let hasUnit = run.contains { (chineseValues[$0] ?? 0) >= 10 }
        if !hasUnit { return run.reduce(0) { $0 * 10 + (chineseValues[$1] ?? 0) } }
        var total = 0, section = 0, number = 0
        for character in run {
            guard let v = chineseValues[character] else { continue }
            if v < 10 {
                number = v
            } else if v < 10_000 {
                section += (number == 0 ? 1 : number) * v
                number = 0
            } else {
                total += (section + number == 0 ? 1 : section + number) * v
                section = 0
                number = 0
            }
        }
        return total + section + number
    }

    static func percent(_ value: Double) -> String {
        let rounded = (value * 1000).rounded() / 1000
        return rounded == rounded.rounded() ? String(Int(rounded)) : String(rounded)
    }

    // MARK: English

    static let ones: [String: Int] = [
        "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
        "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
        "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
        "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
    ]
    static let scales: [String: Int] = ["hundred": 100, "thousand": 1000, "million": 1_000_000, "billion": 1_000_000_000]

    /// English cardinals as digits (`twenty-five` → `25`, `two thousand` → `2000`); a lone `one` only where a
    /// count follows a number-taking word is clear (`one percent`, `one business day`). `N percent` → `N%`,
    /// `N yuan` / `N RMB` → `N元`, `N dollars` → `N美元`.
    static func english(_ text: String) -> String {
        let words = text.split(separator: " ", omittingEmptySubsequences: false)
        var output: [String] = []
        var i = 0
        while i < words.count {
            var j = i, total = 0, current = 0, used = 0, end = i
            var numberWords: [String] = []
            var unitSuffix = ""
            while j < words.count {
                let (core, trailing) = split(words[j])
                var parts = core.lowercased().split(separator: "-").map(String.init)
                // $1.2 million: a scale after a written number belongs to it (the rules below read it)
                if used == 0, let first = parts.first, scales[first] != nil, output.last?.last?.isNumber == true { break }
                // ten-day, twenty-one-year: the number words, then the rest of the compound (not thirty-first: an ordinal)
                if parts.count > 1, let firstWord = parts.firstIndex(where: { ones[$0] == nil && scales[$0] == nil }), firstWord > 0,
                   ordinals[parts[firstWord]] == nil {
                    unitSuffix = "-" + parts[firstWord...].joined(separator: "-")
                    parts = Array(parts[..<firstWord])
                }
                guard !parts.isEmpty, parts.allSatisfy({ ones[$0] != nil || scales[$0] != nil || ($0 == "and" && used > 0) }) else { break }
                for part in parts {
                    if let v = ones[part] { current += v } else if let s = scales[part] {
                        if s == 100 { current = max(current, 1) * 100 } else { total += max(current, 1) * s; current = 0 }
                    }
                }
                used += 1
                j += 1
                if core.lowercased() != "and" { end = j; numberWords.append(core.lowercased()) }
                if !trailing.isEmpty || !unitSuffix.isEmpty { break }
            }
            let next = end < words.count ? words[end].lowercased() : ""
            let loneOne = numberWords == ["one"] && unitSuffix.isEmpty
            if !numberWords.isEmpty, !loneOne || unitsAfterOne.contains(where: { next.hasPrefix($0) }) {
                let (_, trailing) = split(words[end - 1])
                output.append(leading(words[i]) + String(total + current) + unitSuffix + trailing)
                i = end
            } else {
                output.append(String(words[i]))
                i += 1
            }
        }
        return rewrite(output.joined(separator: " "), englishRules)
    }

    static let ordinals: [String: Int] = [
        "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8, "ninth": 9, "tenth": 10,
        "eleventh": 11, "twelfth": 12, "thirteenth": 13, "fourteenth": 14, "fifteenth": 15, "sixteenth": 16, "seventeenth": 17,
        "eighteenth": 18, "nineteenth": 19, "twentieth": 20, "thirtieth": 30,
    ]
    static let monthNames = "january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec"

    /// A day written as an ordinal word (`the thirty-first of July`) as its number.
    static func ordinalDay(_ words: String) -> String? {
        let parts = words.lowercased().split(separator: "-").map(String.init)
        guard let last = parts.last, let day = ordinals[last] else { return nil }
        let tens = parts.dropLast().compactMap { ones[$0] }.reduce(0, +)
        return String(tens + day)
    }

    static let englishRules: [Rewrite] = [
        Rewrite(#"(\d)\s?(?:percent|per cent)\b"#, triggers: ["percent", "per cent"]) { ($0[1] ?? "") + "%" },
        Rewrite(#"(\d)\s?(?:yuan|rmb|kuai)\b"#, triggers: ["yuan", "rmb", "kuai"]) { ($0[1] ?? "") + "元" },
        Rewrite(#"(\d)[\s-]?(?:dollars?|usd)\b"#, triggers: ["dollar", "usd"]) { ($0[1] ?? "") + "美元" },
        Rewrite(#"(\d)[\s-]?(?:pounds?|quid|gbp)\b"#, triggers: ["pound", "quid", "gbp"]) { ($0[1] ?? "") + "英镑" },
        Rewrite(#"(\d)\s?(?:euros?)\b"#, triggers: ["euro"]) { ($0[1] ?? "") + "欧元" },
        // $1.2 million = $1200000, $7.5K = $7500
        Rewrite(#"(\d+(?:\.\d+)?)\s?(million|billion|bn|k)\b"#, triggers: ["million", "billion", "bn", "0k", "1k", "2k", "3k", "4k", "5k", "6k", "7k", "8k", "9k", "0 k", "5 k"]) { groups in
            let scales: [String: Double] = ["million": 1e6, "billion": 1e9, "bn": 1e9, "k": 1e3]
            let value = (Double(groups[1] ?? "") ?? 0) * (scales[(groups[2] ?? "").lowercased()] ?? 1)
            return JSONValue.format(value)
        },
        // the thirty-first of July = 31 July; July 31st = July 31
        Rewrite(#"(?:the\s+)?([a-z]+(?:-[a-z]+)?)\s+of\s+("# + monthNames + #")\b"#, triggers: ["st of", "nd of", "rd of", "th of"]) { groups in
            ordinalDay(groups[1] ?? "").map { $0 + " " + (groups[2] ?? "") } ?? (groups[0] ?? "")
        },
        Rewrite(#"(\d{1,2})(?:st|nd|rd|th)\b"#, triggers: ["1st", "2nd", "3rd", "0th", "4th", "5th", "6th", "7th", "8th", "9th"]) { $0[1] ?? "" },
        // a 150,000-unit plant, a 13-month window: the number and its unit
        Rewrite(#"(\d)-(units?|days?|weeks?|months?|years?|hours?|minutes?|nights?|people|persons?|seats?|rooms?|beds?|miles?|items?|pages?|pieces?|points?|percent|steps?|inch|foot|feet|kg|km|gb)\b"#, triggers: (0...9).map { "\($0)-" }) {
            ($0[1] ?? "") + " " + ($0[2] ?? "")
        },
    ]

    static let unitsAfterOne = ["percent", "per cent", "yuan", "dollar", "day", "week", "month", "year", "hour", "minute", "business", "working", "item", "time"]

    /// A word and the punctuation after it: `fifteen,` → (`fifteen`, `,`); an opening bracket or quote
    /// before it is dropped from the core (`(three` → `three`) and put back by ``leading(_:)``.
    static func split(_ word: Substring) -> (Substring, String) {
        let body = word.drop { "([\"'“‘".contains($0) }
        let core = body.prefix { $0.isLetter || $0 == "-" }
        return (core, String(body.dropFirst(core.count)))
    }

    /// The opening brackets and quotes before a word.
    static func leading(_ word: Substring) -> String { String(word.prefix { "([\"'“‘".contains($0) }) }
}

private extension String {
    /// `8折` / `8.5折` / `85折` → the share off (`20%`, `15%`, `15%`).
    var arabicDiscounts: String {
        guard UTF8Search.contains("折", in: self) else { return self }
        var result = self
        while let match = result.range(of: #"(?<![\d.])(\d{1,2}(?:\.\d)?)折"#, options: .regularExpression) {
            let number = result[match].dropLast()
            guard var tenths = Double(number) else { break }
            if tenths >= 10 { tenths /= 10 }
            result.replaceSubrange(match, with: NumberWords.percent(100 - tenths * 10) + "%")
        }
        return result
    }
}

/// Whether English number reading has anything to do in a text, found in one pass over its bytes: a digit
/// (the rewrite rules read `15 percent`, `$1.2 million`, `31st`, `10-day`), or a word that is a number, an
/// ordinal or a currency. Most English text has none and skips the word-by-word reading.
enum EnglishScan {
    static let words: Set<String> = Set(NumberWords.ones.keys).union(NumberWords.scales.keys).union(NumberWords.ordinals.keys)
        .union(["percent", "cent", "yuan", "rmb", "kuai", "dollar", "dollars", "usd", "pound", "pounds", "quid", "gbp", "euro", "euros"])

    static func needsReading(_ text: String) -> Bool {
        var word: [UInt8] = []
        var found = false
        func flush() {
            if !word.isEmpty, word.count <= 11, words.contains(String(decoding: word, as: UTF8.self)) { found = true }
            word.removeAll(keepingCapacity: true)
        }
        for byte in text.utf8 {
            if byte >= 0x30 && byte <= 0x39 { return true }
            if byte >= 0x61 && byte <= 0x7A { word.append(byte) } else if byte >= 0x41 && byte <= 0x5A { word.append(byte + 32) } else {
                flush()
                if found { return true }
            }
        }
        flush()
        return found
    }
}
