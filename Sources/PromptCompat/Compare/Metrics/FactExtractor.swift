import Foundation

/// Finds ``Fact``s with a table of patterns, tried in order; text taken by an earlier pattern is not
/// looked at again (the digits of a date are not also numbers). Digits may be half- or full-width.
///
/// Recognized, most specific first: URLs (`https://…`), e-mails, dates (`2024-07-09`, `2024年7月9日`,
/// `July 9, 2024`, `9 Jul 2024`, `7月9日`, `10/07/2024`), mobile (`+86 138-0013-8000`) and landline or 400 phone numbers,
/// amounts with a currency before (`¥1,299.00`, `RMB 299`) or after (`299元`, `12 USD`), percentages,
/// clock times (`14:00`, `下午2:00`, `2:00 PM`, a date-kind fact `T14:00`), numbers with a unit (`180g`,
/// `1.5s`, `10000mAh`: the number), identifiers (`SKU-123`, `888VIP`, runs of 7+ digits) and numbers
/// (`1,299.00`, `12.5`). List numbering at a line's start (`1.`, `2)`, `3、`) is not a fact. The patterns
/// themselves, as the regular expressions they were, are in ``FactScanner``'s documentation.
enum FactExtractor {
    /// What a pattern's capture groups mean, i.e. how its match becomes a ``Fact/value``.
    enum Reading { case lowercased, time, measure, yearMonthDay, monthNameDayYear, dayMonthNameYear, monthDay, slashDate, phone, currencyFirst, amountFirst, percentage, identifier, number, ignored }

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
    /// the changed-fact reasons), and the fact patterns over a text cost a large share of a case: the last
    /// answers are kept in ``recent``. Each pattern is tried only on a text with the characters it needs
    /// (every pattern but the URL and e-mail ones a digit, a clock time a colon, …).
    static func facts(in text: String) -> [Fact] {
        recent.value(for: text, search)
    }

    /// The last texts' facts, shared by the runner's tasks.
    static let recent = RecentResults<[Fact]>(capacity: 256)

    /// The facts of `text` in the order they are written, found by ``FactScanner``.
    static func search(_ text: String) -> [Fact] {
        FactScanner.matches(in: text).map(\.fact)
    }

    /// The normalized value of a match; nil when it is not a valid fact (a 13th month).
    static func value(_ reading: Reading, written: String, groups: [String]) -> String? {
        let ascii = groups.map { TextNormalizer.nfkc($0) }
        switch reading {
        case .lowercased: return written.lowercasedFast()
        case .time: return clock(marker: ascii[0] + " " + ascii[3], hour: Int(ascii[1]), minute: Int(ascii[2]))
        case .measure: return canonicalNumber(ascii[0])
        case .yearMonthDay: return date(year: ascii[0], month: Int(ascii[1]), day: Int(ascii[2]))
        case .monthNameDayYear: return date(year: ascii[2], month: month(ascii[0]), day: Int(ascii[1]))
        case .dayMonthNameYear: return date(year: ascii[2], month: month(ascii[1]), day: Int(ascii[0]))
        case .monthDay: return date(year: "-", month: Int(ascii[0]), day: Int(ascii[1]))
        case .slashDate: return slashDate(Int(ascii[0]), Int(ascii[1]), year: ascii[2])
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

    /// `10/07/2024`: day first where the first number is no month (`14/11/2024`), month first where the
    /// second is none (`11/14/2024`) and where both could be (the US order; ``FactsPreserved/alternateKey(of:)``
    /// keeps the other reading too).
    static func slashDate(_ first: Int?, _ second: Int?, year: String) -> String? {
        guard let first, let second else { return nil }
        return first > 12 ? date(year: year, month: second, day: first) : date(year: year, month: first, day: second)
    }

    static func date(year: String, month: Int?, day: Int?) -> String? {
        guard let month, let day, (1...12).contains(month), (1...31).contains(day) else { return nil }
        return "\(year)-\(month < 10 ? "0" : "")\(month)-\(day < 10 ? "0" : "")\(day)"
    }

    /// `T14:05`; an afternoon marker (下午, 晚上, PM) moves a morning hour by 12.
    static func clock(marker: String, hour: Int?, minute: Int?) -> String? {
        guard var hour, let minute, (0...23).contains(hour), (0...59).contains(minute) else { return nil }
        let lowered = marker.lowercasedFast()
        let afternoon = ["下午", "晚上", "pm", "p.m."].contains { UTF8Search.containsCharacters($0, in: lowered) }
        let midnight = ["am", "a.m."].contains { UTF8Search.containsCharacters($0, in: lowered) }
        if afternoon, hour < 12 { hour += 12 }
        if midnight, hour == 12 { hour = 0 }
        return "T\(hour < 10 ? "0" : "")\(hour):\(minute < 10 ? "0" : "")\(minute)"
    }

    static func month(_ name: String) -> Int? {
        months.firstIndex(of: String(name.lowercasedFast().prefix(3))).map { $0 + 1 }
    }

    /// `1,299.00` → `1299`, `12.50` → `12.5`, `007` → `7`: separators, trailing decimal zeros and leading zeros go.
    ///
    /// The text is ASCII whenever a fact is read (digits, `,` and `.` after NFKC; a date's parts), and is
    /// then edited as bytes, which is what ``canonicalNumberOfAnyText(_:)`` does to ASCII; other text takes
    /// that slower path.
    static func canonicalNumber(_ text: String) -> String {
        var digits = Array(text.utf8)
        guard digits.allSatisfy({ $0 < 0x80 }) else { return canonicalNumberOfAnyText(text) }
        digits.removeAll { $0 == UInt8(ascii: ",") }
        if digits.contains(UInt8(ascii: ".")) {
            while digits.last == UInt8(ascii: "0") { digits.removeLast() }
            if digits.last == UInt8(ascii: ".") { digits.removeLast() }
        }
        var start = 0
        while digits.count - start > 1, digits[start] == UInt8(ascii: "0"), digits[start + 1] != UInt8(ascii: ".") { start += 1 }
        return String(decoding: digits[start...], as: UTF8.self)
    }

    /// ``canonicalNumber(_:)`` of any text, with Foundation's string editing.
    static func canonicalNumberOfAnyText(_ text: String) -> String {
        var digits = text.replacingOccurrences(of: ",", with: "").replacingOccurrences(of: "，", with: "")
        if digits.contains(".") {
            while digits.hasSuffix("0") { digits.removeLast() }
            if digits.hasSuffix(".") { digits.removeLast() }
        }
        while digits.count > 1, digits.hasPrefix("0"), !digits.hasPrefix("0.") { digits.removeFirst() }
        return digits
    }
}
