/// An English day of a month written without its year (`June 17`, `17 June`, `Sept. 3rd`) as the key a
/// dated day answers to when its year is left out (``FactsPreserved/yearlessKey(of:)``): a candidate that says
/// `trading begins June 17` keeps the accepted `June 17, 2024`, as `6月17日` keeps `2024年6月17日`. Only
/// read where the candidate's facts are gathered: a yearless English day is no fact an answer owes.
/// Read from the UTF-8 bytes, word by word: every text the facts check compares is read.
///
/// ```swift
/// MonthDayKeys.keys(in: "on June 17 at the adjusted price")   // ["yearless:--06-17"]
/// MonthDayKeys.keys(in: "you may 2 times")                    // []: the month is written `May`
/// ```
enum MonthDayKeys {
    static func keys(in text: String) -> Set<String> {
        return text.readingUTF8 { bytes in
            var keys: Set<String> = []
            var index = 0
            while index < bytes.count {
                guard isLetter(bytes[index]), index == 0 || !isLetter(bytes[index - 1]) else { index += 1; continue }
                let start = index
                while index < bytes.count, isLetter(bytes[index]) { index += 1 }
                guard let month = month(bytes[start..<index]) else { continue }
                var after = index
                if after < bytes.count, bytes[after] == 0x2E { after += 1 }  // Sept.
                if let day = day(after: after, in: bytes) ?? day(before: start, in: bytes) {
                    keys.insert("yearless:--\(month < 10 ? "0" : "")\(month)-\(day < 10 ? "0" : "")\(day)")
                }
            }
            return keys
        }
    }

    /// `June 17`, `June 17th`: spaces, one or two digits, no third.
    static func day(after p: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        var p = p
        guard p < bytes.count, bytes[p] == 0x20 else { return nil }
        while p < bytes.count, bytes[p] == 0x20 { p += 1 }
        return number(from: p, in: bytes)?.value
    }

    /// `17 June`, `17th of June`: the digits before the month, after a space (not a decimal's or a list's).
    static func day(before p: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        var end = p
        guard end > 0, bytes[end - 1] == 0x20 else { return nil }
        while end > 0, bytes[end - 1] == 0x20 { end -= 1 }
        if end >= 2, bytes[end - 2] == 0x6F, bytes[end - 1] == 0x66 {  // "of"
            end -= 2
            guard end > 0, bytes[end - 1] == 0x20 else { return nil }
            while end > 0, bytes[end - 1] == 0x20 { end -= 1 }
        }
        if end >= 2, ["st", "nd", "rd", "th"].contains(where: { $0.utf8.elementsEqual(bytes[(end - 2)..<end]) }) { end -= 2 }
        var start = end
        while start > 0, isDigit(bytes[start - 1]), end - start < 3 { start -= 1 }
        guard start < end, start == 0 || ![0x2E, 0x2C, 0x2F, 0x3A].contains(bytes[start - 1]) && !isDigit(bytes[start - 1]) else { return nil }
        return number(from: start, in: bytes).flatMap { $0.end == end ? $0.value : nil }
    }

    /// One or two digits from `p`, not followed by a third or by a letter other than an ordinal's: a day.
    static func number(from p: Int, in bytes: UnsafeBufferPointer<UInt8>) -> (value: Int, end: Int)? {
        var end = p, value = 0
        while end < bytes.count, isDigit(bytes[end]), end - p < 3 {
            value = value * 10 + Int(bytes[end] - 0x30)
            end += 1
        }
        guard (1...2).contains(end - p), (1...31).contains(value) else { return nil }
        if end < bytes.count, isDigit(bytes[end]) { return nil }
        if end + 1 < bytes.count, isLetter(bytes[end]), !["st", "nd", "rd", "th"].contains(where: { $0.utf8.elementsEqual(bytes[end..<(end + 2)].lazy.map { $0 | 0x20 }) }) {
            return nil
        }
        return (value, end)
    }

    /// The month a word names (`June`, `jun`, `Sept`), or nil; `may` in lower case is the verb.
    static func month(_ word: Slice<UnsafeBufferPointer<UInt8>>) -> Int? {
        guard (3...9).contains(word.count), monthInitials.contains(word.first! | 0x20), !word.elementsEqual("may".utf8) else { return nil }
        let lowered = word.lazy.map { $0 | 0x20 }
        guard let index = names.firstIndex(where: { $0.utf8.elementsEqual(lowered.prefix(3)) }) else { return nil }
        // The stem alone (`Jun`), the full name, or `Sept`.
        let named = word.count == 3 || lowered.elementsEqual(fullNames[index].utf8) || index == 8 && lowered.elementsEqual("sept".utf8)
        return named ? index + 1 : nil
    }

    static let monthInitials: Set<UInt8> = Set("jfmasond".utf8)

    static let names = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]
    static let fullNames = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"]

    static func isLetter(_ byte: UInt8) -> Bool { FactScanner.Characters.isASCIILetter(UInt32(byte)) }
    static func isDigit(_ byte: UInt8) -> Bool { FactScanner.Characters.isASCIIDigit(UInt32(byte)) }
}
