import Foundation

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

    /// Foundation's `text.contains(needle)` (a search by whole characters), on bytes: an occurrence counts
    /// unless an extending mark (Grapheme_Extend) follows it (`e` is not in `e\u{301}x`), and the empty needle
    /// is in no text. A needle that starts with such a mark is left to Foundation.
    ///
    /// ```swift
    /// UTF8Search.containsCharacters("\n", in: "a\r\nb")         // true, as Foundation
    /// UTF8Search.containsCharacters("e", in: "e\u{301}x")       // false, as Foundation
    /// ```
    static func containsCharacters(_ needle: String, in text: String) -> Bool {
        guard let first = needle.unicodeScalars.first else { return false }
        guard !first.extendsCharacter else { return text.contains(needle) }
        let length = needle.utf8.count
        return firstOffset(of: needle, in: text) { bytes, offset in
            offset + length >= bytes.count || !scalar(in: bytes, at: offset + length).properties.isGraphemeExtend
        } != nil
    }

    /// The scalar whose UTF-8 encoding starts at `offset` of valid UTF-8 `bytes`.
    static func scalar(in bytes: UnsafeBufferPointer<UInt8>, at offset: Int) -> Unicode.Scalar {
        let lead = UInt32(bytes[offset])
        func continuation(_ k: Int) -> UInt32 { UInt32(bytes[offset + k] & 0x3F) }
        let value: UInt32 = switch lead {
        case 0..<0x80: lead
        case 0xC0..<0xE0: (lead & 0x1F) << 6 | continuation(1)
        case 0xE0..<0xF0: (lead & 0x0F) << 12 | continuation(1) << 6 | continuation(2)
        default: (lead & 0x07) << 18 | continuation(1) << 12 | continuation(2) << 6 | continuation(3)
        }
        return Unicode.Scalar(value) ?? " "
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
        needle.readingUTF8 { pattern in
            text.readingUTF8 { bytes in
                guard let start = pattern.baseAddress, !pattern.isEmpty else { return accept(bytes, 0) ? 0 : nil }
                guard pattern.count <= bytes.count, let base = bytes.baseAddress else { return nil }
                // memchr (vectorized) finds the needle's anchor byte; each hit is then compared whole.
                let anchor = anchorIndex(pattern), anchorByte = Int32(pattern[anchor]), last = bytes.count - pattern.count
                var from = anchor
                while from < bytes.count, let hit = memchr(base + from, anchorByte, bytes.count - from) {
                    let found = base.distance(to: hit.assumingMemoryBound(to: UInt8.self)), i = found - anchor
                    if i > last { return nil }
                    if memcmp(base + i, start, pattern.count) == 0, accept(bytes, i) { return i }
                    from = found + 1
                }
                return nil
            }
        }
    }

    /// The byte of `pattern` the search anchors on: its last, which in Chinese is a character's third byte
    /// (one value in 64, where a lead byte is one in six), unless that is a space.
    static func anchorIndex(_ pattern: UnsafeBufferPointer<UInt8>) -> Int {
        let last = pattern.count - 1
        return last > 0 && pattern[last] == UInt8(ascii: " ") ? last - 1 : last
    }
}
