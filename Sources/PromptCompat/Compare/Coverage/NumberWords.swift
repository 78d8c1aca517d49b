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
            if result.unicodeScalars.contains(where: { chineseValues[Character($0)] != nil || $0 == "折" }) { result = chinese(result) }
            result = clockTimes(result)
            if result.utf8.contains(where: { $0 >= 0x61 && $0 <= 0x7A || $0 >= 0x41 && $0 <= 0x5A }) { result = english(result) }
            return result
        }
    }

    static let recent = RecentResults<String>(capacity: 256)

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
        "工作日", "个工作日", "折", "%", "万", "亿", "字", "词", "句", "行", "段", "遍", "分",
    ]

    static func chinese(_ text: String) -> String {
        let characters = Array(text)
        var output = ""
        var i = 0
        while i < characters.count {
            // 百分之十五 → 15%, 千分之五 → 0.5%, 万分之五 → 0.05%
            if let (scale, length) = fraction(characters, at: i), let run = numeralRun(characters, from: i + length), run.count > 0 {
                output += percent(Double(value(of: characters[i + length..<i + length + run.count])) * 100 / scale) + "%"
                i += length + run.count
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
        return output.arabicDiscounts
    }

    /// `8点`, `9点半`, `6点15分` as clock times (`8:00`, `9:30`, `6:15`) where a time is meant: after a part
    /// of the day or a range word (`下午3点`, `至6点`), or before one (`0点至6点`, `10点前`). `3点建议` stays.
    static func clockTimes(_ text: String) -> String {
        guard text.contains("点") else { return text }
        var result = text
        for regex in clockPatterns {
            let ns = result as NSString
            var rebuilt = "", last = 0
            for match in regex.matches(in: result, range: NSRange(location: 0, length: ns.length)) {
                let hour = ns.substring(with: match.range(at: 2))
                let rest = match.range(at: 3).location == NSNotFound ? "" : ns.substring(with: match.range(at: 3))
                let minute = rest == "半" ? "30" : rest.hasSuffix("分") ? String(rest.dropLast()) : "00"
                rebuilt += ns.substring(with: NSRange(location: last, length: match.range.location - last))
                rebuilt += ns.substring(with: match.range(at: 1)) + hour + ":" + (minute.count == 1 ? "0" + minute : minute)
                last = match.range.location + match.range.length
            }
            result = rebuilt + ns.substring(from: last)
        }
        return result
    }

    static let clockPatterns: [NSRegularExpression] = [
        #"(上午|下午|晚上|早上|凌晨|中午|傍晚|夜里|至|到|从|于|在|-|~|～)(\d{1,2})点(半|整|\d{1,2}分)?"#,
        #"()(\d{1,2})点(半|整|\d{1,2}分)?(?=至|到|-|~|～|前|后|开始|之前|以前|以后|起)"#,
    ].map { try! NSRegularExpression(pattern: $0) }

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
            while j < words.count {
                let (core, trailing) = split(words[j])
                let parts = core.lowercased().split(separator: "-").map(String.init)
                guard !parts.isEmpty, parts.allSatisfy({ ones[$0] != nil || scales[$0] != nil || ($0 == "and" && used > 0) }) else { break }
                for part in parts {
                    if let v = ones[part] { current += v } else if let s = scales[part] {
                        if s == 100 { current = max(current, 1) * 100 } else { total += max(current, 1) * s; current = 0 }
                    }
                }
                used += 1
                j += 1
                if core.lowercased() != "and" { end = j; numberWords.append(core.lowercased()) }
                if !trailing.isEmpty { break }
            }
            let next = end < words.count ? words[end].lowercased() : ""
            let loneOne = numberWords == ["one"]
            if !numberWords.isEmpty, !loneOne || unitsAfterOne.contains(where: { next.hasPrefix($0) }) {
                let (_, trailing) = split(words[end - 1])
                output.append(String(total + current) + trailing)
                i = end
            } else {
                output.append(String(words[i]))
                i += 1
            }
        }
        return output.joined(separator: " ")
            .replacingOccurrences(of: #"(\d)\s?(?:percent|per cent)\b"#, with: "$1%", options: [.regularExpression, .caseInsensitive])
            .replacingOccurrences(of: #"(\d)\s?(?:yuan|rmb|kuai)\b"#, with: "$1元", options: [.regularExpression, .caseInsensitive])
            .replacingOccurrences(of: #"(\d)\s?(?:dollars|usd)\b"#, with: "$1美元", options: [.regularExpression, .caseInsensitive])
    }

    static let unitsAfterOne = ["percent", "per cent", "yuan", "dollar", "day", "week", "month", "year", "hour", "minute", "business", "working", "item", "time"]

    /// A word and the punctuation after it: `fifteen,` → (`fifteen`, `,`).
    static func split(_ word: Substring) -> (Substring, String) {
        let core = word.prefix { $0.isLetter || $0 == "-" }
        guard core.count == word.count || !core.isEmpty else { return (word, "") }
        return (core, String(word.dropFirst(core.count)))
    }
}

private extension String {
    /// `8折` / `8.5折` / `85折` → the share off (`20%`, `15%`, `15%`).
    var arabicDiscounts: String {
        guard contains("折") else { return self }
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
