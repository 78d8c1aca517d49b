import Foundation

/// Finds ``Fact``s with a table of patterns, tried in order; text taken by an earlier pattern is not
/// looked at again (the digits of a date are not also numbers). Digits may be half- or full-width.
enum FactExtractor {
    /// What a pattern's capture groups mean, i.e. how its match becomes a ``Fact/value``.
    enum Reading { case lowercased, time, measure, yearMonthDay, monthNameDayYear, dayMonthNameYear, monthDay, phone, currencyFirst, amountFirst, percentage, identifier, number, ignored }

    static let digit = "[0-9０-９]"
    static let number = "\(digit){1,3}(?:[,，]\(digit){3})+(?:[.．]\(digit)+)?|\(digit)+(?:[.．]\(digit)+)?"
    static let monthName = "Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?"
    static let currencySymbols = "¥|￥|\\$|＄|€|£|RMB|CNY|USD|EUR|GBP|人民币"
    /// Units written right after a number (`180g`, `10000mAh`); anything else after digits is a code.
    static let units = "mAh|kWh|Wh|kW|W|V|mA|A|GHz|MHz|Hz|TB|GB|MB|KB|kb|Gb|Mb|kg|mg|g|ml|mL|L|l|km|cm|mm|m|ms|s|min|h|in|ft|lb|oz|px|pt|K|k|x"
    static let currencyWords = "元|块钱|块|美元|欧元|英镑|RMB|CNY|USD|EUR|GBP"

    /// The patterns, most specific first.
    static let patterns: [(kind: Fact.Kind?, reading: Reading, regex: NSRegularExpression)] = ([
        (.url, .lowercased, #"https?://[^\s<>"'，。、；：！？）)】」]+[^\s<>"'，。、；：！？）)】」.,;:!?]"#),
        (.email, .lowercased, "[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\\.[A-Za-z0-9-]+)*\\.[A-Za-z]{2,}"),
        (.date, .yearMonthDay, "(?<!\(digit))(\(digit){4})\\s*[-/.年]\\s*(\(digit){1,2})\\s*[-/.月]\\s*(\(digit){1,2})(?:\\s*[日号])?(?!\(digit))"),
        (.date, .monthNameDayYear, "(?i)\\b(\(monthName))\\.?\\s+(\(digit){1,2})(?:st|nd|rd|th)?,?\\s+(\(digit){4})(?!\(digit))"),
        (.date, .dayMonthNameYear, "(?i)(?<!\(digit))(\(digit){1,2})(?:st|nd|rd|th)?\\s+(\(monthName))\\.?,?\\s+(\(digit){4})(?!\(digit))"),
        (.date, .monthDay, "(?<!\(digit))(\(digit){1,2})\\s*月\\s*(\(digit){1,2})\\s*[日号]"),
        (.phone, .phone, "(?<![0-9０-９+])(?:\\+?86[-\\s]?)?1[3-9]\(digit)[-\\s]?\(digit){4}[-\\s]?\(digit){4}(?!\(digit))"),
        (.phone, .phone, "(?<!\(digit))(?:0\(digit){2,3}-\(digit){7,8}|400-?\(digit){3}-?\(digit){4})(?!\(digit))"),
        (.amount, .currencyFirst, "(?i)(\(currencySymbols))\\s?(\(number))"),
        (.amount, .amountFirst, "(\(number))\\s?(\(currencyWords))"),
        (.percentage, .percentage, "(\(number))\\s?[%％]"),
        (nil, .ignored, "(?m)^\\s*\(digit){1,3}[.)、](?!\(digit))"),  // list numbering, not a fact
        // A clock time: 14:00 = 下午2:00 = 2:00 PM (a date-kind fact, value T14:00).
        (.date, .time, "(?i)(上午|早上|中午|下午|晚上|AM|PM)?\\s*(?<![0-9０-９])(\(digit){1,2})[:：](\(digit){2})(?![0-9０-９])\\s*(AM|PM|a\\.m\\.|p\\.m\\.)?"),
        // A number with a unit (180g, 1.5s, 10000mAh, 20W): the number is the fact, not an identifier.
        (.number, .measure, "(?<![A-Za-z0-9Ａ-Ｚａ-ｚ０-９.．])(\(digit){1,6}(?:[.．]\(digit)+)?)(?:\(units))(?![A-Za-z0-9Ａ-Ｚａ-ｚ０-９])"),
        (.identifier, .identifier, "(?<![A-Za-z0-9Ａ-Ｚａ-ｚ０-９])(?=[A-Za-z0-9Ａ-Ｚａ-ｚ０-９_-]*[A-Za-zＡ-Ｚａ-ｚ])(?=[A-Za-z0-9Ａ-Ｚａ-ｚ０-９_-]*[0-9０-９])[A-Za-z0-9Ａ-Ｚａ-ｚ０-９]+(?:[-_][A-Za-z0-9Ａ-Ｚａ-ｚ０-９]+)*"),
        (.identifier, .identifier, "(?<![0-9０-９.,])\(digit){7,}(?!\(digit))"),
        (.number, .number, "(?<![0-9０-９.．])(?:\(number))(?![0-9０-９])"),
    ] as [(Fact.Kind?, Reading, String)]).map { ($0.0, $0.1, try! NSRegularExpression(pattern: $0.2)) }

    /// Currency spellings and the ISO code they mean.
    static let currencies: [String: String] = [
        "¥": "CNY", "￥": "CNY", "RMB": "CNY", "CNY": "CNY", "人民币": "CNY", "元": "CNY", "块": "CNY", "块钱": "CNY",
        "$": "USD", "＄": "USD", "USD": "USD", "美元": "USD", "€": "EUR", "EUR": "EUR", "欧元": "EUR",
        "£": "GBP", "GBP": "GBP", "英镑": "GBP",
    ]

    static let months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]

    /// The facts of `text` in the order they are written.
    ///
    /// A comparison asks this of the same two or three texts several times (the facts check, the metric,
    /// the changed-fact reasons), and 17 regular expressions a text cost a large share of a case: the last
    /// answers are kept in ``recent``. Every pattern but the URL and e-mail ones needs a digit, so a text
    /// without one is not searched with them.
    static func facts(in text: String) -> [Fact] {
        recent.value(for: text, search)
    }

    /// The last texts' facts, shared by the runner's tasks.
    static let recent = RecentResults<[Fact]>(capacity: 256)

    static func search(_ text: String) -> [Fact] {
        let hasDigit = text.unicodeScalars.contains { ("0"..."9").contains($0) || ("０"..."９").contains($0) }
        let string = text as NSString
        var taken: [NSRange] = []
        var found: [(location: Int, fact: Fact)] = []
        for (kind, reading, regex) in patterns where hasDigit || kind == .url || kind == .email {
            for match in regex.matches(in: text, range: NSRange(location: 0, length: string.length)) {
                guard !taken.contains(where: { NSIntersectionRange($0, match.range).length > 0 }) else { continue }
                let groups = (1..<match.numberOfRanges).map { i in
                    match.range(at: i).location == NSNotFound ? "" : string.substring(with: match.range(at: i))
                }
                let written = string.substring(with: match.range).trimmingCharacters(in: .whitespaces)
                guard let kind else {  // matched, and not a fact
                    taken.append(match.range)
                    continue
                }
                // An invalid match (a 13th month) leaves its text to the later patterns.
                guard let value = value(reading, written: written, groups: groups) else { continue }
                taken.append(match.range)
                found.append((match.range.location, Fact(kind: kind, text: written, value: value)))
            }
        }
        return found.sorted { $0.location < $1.location }.map(\.fact)
    }

    /// The normalized value of a match; nil when it is not a valid fact (a 13th month).
    static func value(_ reading: Reading, written: String, groups: [String]) -> String? {
        let ascii = groups.map { TextNormalizer.nfkc($0) }
        switch reading {
        case .lowercased: return written.lowercased()
        case .time: return clock(marker: ascii[0] + " " + ascii[3], hour: Int(ascii[1]), minute: Int(ascii[2]))
        case .measure: return canonicalNumber(ascii[0])
        case .yearMonthDay: return date(year: ascii[0], month: Int(ascii[1]), day: Int(ascii[2]))
        case .monthNameDayYear: return date(year: ascii[2], month: month(ascii[0]), day: Int(ascii[1]))
        case .dayMonthNameYear: return date(year: ascii[2], month: month(ascii[1]), day: Int(ascii[0]))
        case .monthDay: return date(year: "-", month: Int(ascii[0]), day: Int(ascii[1]))
        case .phone:
            let digits = TextNormalizer.nfkc(written).filter(\.isASCII).filter(\.isNumber)
            return digits.count == 13 && digits.hasPrefix("86") ? String(digits.dropFirst(2)) : digits
        case .currencyFirst: return currencies[ascii[0].uppercased()].map { "\($0) \(canonicalNumber(ascii[1]))" }
        case .amountFirst: return currencies[ascii[1].uppercased()].map { "\($0) \(canonicalNumber(ascii[0]))" }
        case .percentage: return canonicalNumber(ascii[0]) + "%"
        case .identifier: return TextNormalizer.nfkc(written).uppercased()
        case .number: return canonicalNumber(TextNormalizer.nfkc(written))
        case .ignored: return nil
        }
    }

    static func date(year: String, month: Int?, day: Int?) -> String? {
        guard let month, let day, (1...12).contains(month), (1...31).contains(day) else { return nil }
        return "\(year)-\(month < 10 ? "0" : "")\(month)-\(day < 10 ? "0" : "")\(day)"
    }

    /// `T14:05`; an afternoon marker (下午, 晚上, PM) moves a morning hour by 12.
    static func clock(marker: String, hour: Int?, minute: Int?) -> String? {
        guard var hour, let minute, (0...23).contains(hour), (0...59).contains(minute) else { return nil }
        let afternoon = ["下午", "晚上", "pm", "p.m."].contains { marker.lowercased().contains($0) }
        let midnight = ["am", "a.m."].contains { marker.lowercased().contains($0) }
        if afternoon, hour < 12 { hour += 12 }
        if midnight, hour == 12 { hour = 0 }
        return "T\(hour < 10 ? "0" : "")\(hour):\(minute < 10 ? "0" : "")\(minute)"
    }

    static func month(_ name: String) -> Int? {
        months.firstIndex(of: String(name.lowercased().prefix(3))).map { $0 + 1 }
    }

    /// `1,299.00` → `1299`, `12.50` → `12.5`, `007` → `7`: separators, trailing decimal zeros and leading zeros go.
    static func canonicalNumber(_ text: String) -> String {
        var digits = text.replacingOccurrences(of: ",", with: "").replacingOccurrences(of: "，", with: "")
        if digits.contains(".") {
            while digits.hasSuffix("0") { digits.removeLast() }
            if digits.hasSuffix(".") { digits.removeLast() }
        }
        while digits.count > 1, digits.hasPrefix("0"), !digits.hasPrefix("0.") { digits.removeFirst() }
        return digits
    }
}
