/// Substring search on UTF-8 bytes, for the comparison's hot loops. With Foundation imported,
/// `String.contains(String)` and `range(of:)` go through `NSString` (bridging, UTF-16, locale-aware
/// comparison) and cost microseconds each; the refusal and format checks make dozens of such calls a case.
///
/// A byte match is a scalar match (UTF-8 is self-synchronizing), so for texts in the same normalization
/// form — both NFKC here — it finds what `range(of:)` finds.
///
/// ```swift
/// UTF8Search.contains("无法", in: "抱歉我无法回答")                                   // true
/// UTF8Search.contains("list", in: "a listing", unlessNextTo: UTF8Search.isASCIIAlphanumeric)   // false
/// ```
enum UTF8Search {
    static func contains(_ needle: String, in text: String) -> Bool {
        firstOffset(of: needle, in: text) { _, _ in true } != nil
    }

    /// Whether any of `needles` occurs in `text`: the phrase lists of the checks (courtesy, conditions,
    /// offers), asked of every clause of every answer.
    static func containsAny(_ needles: [String], in text: String) -> Bool {
        needles.contains { contains($0, in: text) }
    }

    /// Whether `needle` occurs in `text` with no byte that `isWordByte` accepts right before or right after
    /// it: the regular expression `(?<![a-z0-9])needle(?![a-z0-9])` with `isASCIIAlphanumeric`.
    static func contains(_ needle: String, in text: String, unlessNextTo isWordByte: (UInt8) -> Bool) -> Bool {
        let length = needle.utf8.count
        return firstOffset(of: needle, in: text) { bytes, offset in
            (offset == 0 || !isWordByte(bytes[offset - 1])) && (offset + length == bytes.count || !isWordByte(bytes[offset + length]))
        } != nil
    }

    /// `a`–`z` and `0`–`9`.
    static func isASCIIAlphanumeric(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
    }

    /// The first byte offset where `needle` occurs in `text` and `accept` (given the text's bytes and the
    /// offset) says yes to it; nil when no occurrence is accepted. An empty needle occurs at offset 0.
    static func firstOffset(of needle: String, in text: String, where accept: (UnsafeBufferPointer<UInt8>, Int) -> Bool) -> Int? {
        var needle = needle, text = text
        return needle.withUTF8 { pattern in
            text.withUTF8 { bytes in
                guard let first = pattern.first else { return accept(bytes, 0) ? 0 : nil }
                guard pattern.count <= bytes.count else { return nil }
                var i = 0
                let last = bytes.count - pattern.count
                while i <= last {
                    if bytes[i] == first {
                        var j = 1
                        while j < pattern.count, bytes[i + j] == pattern[j] { j += 1 }
                        if j == pattern.count, accept(bytes, i) { return i }
                    }
                    i += 1
                }
                return nil
            }
        }
    }
}
