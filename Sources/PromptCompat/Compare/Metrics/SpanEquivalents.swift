/// A span of time said in weeks or in days: `2周` (`两周`, `2个星期`, `2 weeks`) is `14天` (`14 days`). Each
/// number of a span also stands for its other reading, so a fact kept in the other unit is kept:
/// `每副戴14天` → `每副戴两周` drops no number.
///
/// ```swift
/// SpanEquivalents.keys(in: "每副戴2周")    // ["number:14"]
/// SpanEquivalents.keys(in: "14 days")     // ["number:2"]
/// ```
enum SpanEquivalents {
    /// The fact keys the spans of `text` also answer for: a week count's days, a day count's weeks (when
    /// it is whole weeks). Not `日` (`14日` is a date's day), not `周末`, `周年`, `周岁`, and not working days.
    /// Read from the UTF-8 bytes: the facts check asks this of every text it compares.
    static func keys(in text: String) -> Set<String> {
        guard spanWords.contains(where: { UTF8Search.contains($0, in: text) }) else { return [] }
        return text.readingUTF8 { bytes in
            var keys: Set<String> = []
            var index = 0
            while index < bytes.count {
                guard isDigit(bytes[index]) else { index += 1; continue }
                let start = index
                var value = 0
                while index < bytes.count, isDigit(bytes[index]) {
                    if value < 1_000_000 { value = value * 10 + Int(bytes[index] - 0x30) }
                    index += 1
                }
                // Not a decimal's digits (`1.5周`).
                if start > 0 && bytes[start - 1] == 0x2E || index < bytes.count && bytes[index] == 0x2E { continue }
                switch unit(after: index, in: bytes) {
                case .weeks: keys.insert("number:\(value * 7)")
                case .days where value > 0 && value % 7 == 0: keys.insert("number:\(value / 7)")
                default: break
                }
            }
            return keys
        }
    }

    private enum Unit { case weeks, days }

    /// What a text must hold for a span to be in it.
    private static let spanWords = ["周", "星期", "礼拜", "天", "week", "Week", "WEEK", "day", "Day", "DAY"]

    private static func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }

    private static let measureWord = Array("个".utf8)
    private static let weekWords = ["周", "星期", "礼拜"].map { Array($0.utf8) }
    /// After 周, what makes it another word: 周末 (the weekend), 周年 (an anniversary), 周岁 (years of age).
    private static let notWeeks = ["末", "年", "岁"].map { Array($0.utf8) }
    private static let dayWord = Array("天".utf8)

    /// The unit right after a number (a space and the measure word `个` may come between): weeks or days.
    private static func unit(after start: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Unit? {
        var at = start
        while at < bytes.count, bytes[at] == 0x20 { at += 1 }
        func has(_ word: [UInt8], at offset: Int) -> Bool {
            offset + word.count <= bytes.count && word.indices.allSatisfy { bytes[offset + $0] == word[$0] }
        }
        if has(measureWord, at: at) { at += measureWord.count }
        for word in weekWords where has(word, at: at) {
            return word == weekWords[0] && notWeeks.contains(where: { has($0, at: at + word.count) }) ? nil : .weeks
        }
        if has(dayWord, at: at) { return .days }
        // English, any case, a whole word: `2 weeks`, `14 days`, not `2 weekends`.
        func hasWord(_ word: String) -> Bool {
            let letters = Array(word.utf8)
            guard at + letters.count <= bytes.count, letters.indices.allSatisfy({ bytes[at + $0] | 0x20 == letters[$0] }) else { return false }
            let after = at + letters.count
            return after == bytes.count || !((bytes[after] | 0x20) >= 0x61 && (bytes[after] | 0x20) <= 0x7A)
        }
        if hasWord("weeks") || hasWord("week") { return .weeks }
        if hasWord("days") || hasWord("day") { return .days }
        return nil
    }
}
