import Foundation

extension StringProtocol {
    /// `lowercased()`, without its per-scalar case tables for the text the checks read: ASCII and the
    /// caseless blocks (Latin-1 punctuation, general punctuation, currency, symbols, CJK punctuation, kana,
    /// Han, full-width punctuation, emoji) are copied byte by byte, any other scalar is asked whether it
    /// changes when lower-cased, and one that does sends the whole text to `lowercased()`. Same result as
    /// `lowercased()` for every text.
    ///
    /// ```swift
    /// "订单 OK，已发货".lowercasedFast()   // "订单 ok，已发货" (no case table consulted)
    /// "ÀB".lowercasedFast()              // "àb" (through lowercased())
    /// ```
    func lowercasedFast() -> String {
        var result: String?
        var copy = String(self)
        copy.withUTF8 { bytes in
            var i = 0
            while i < bytes.count {
                let byte = bytes[i]
                switch byte {
                case 0..<0x80: i += 1
                case 0xC2: i += 2  // U+0080–U+00BF: Latin-1 punctuation, no capitals
                // U+2000–U+20FF punctuation and currency, U+2500–U+2BFF box drawing, shapes, symbols, arrows,
                // U+2E00–U+2FFF punctuation and radicals (not the letterlike, enclosed or Glagolitic blocks)
                case 0xE2 where bytes[i + 1] <= 0x83 || (0x94...0xAF).contains(bytes[i + 1]) || bytes[i + 1] >= 0xB8: i += 3
                case 0xE3...0xE9: i += 3
                // U+F000–U+FFFF but the full-width capitals Ａ–Ｚ (EF BC A1–BA): compatibility ideographs,
                // presentation forms, full-width punctuation and digits
                case 0xEF where !(bytes[i + 1] == 0xBC && (0xA1...0xBA).contains(bytes[i + 2])): i += 3
                case 0xF0 where bytes[i + 1] == 0x9F: i += 4  // U+1F000–U+1FFFF: emoji and symbols
                // Any other scalar (`×`, `→`, `≤`, `℃`, `é`): asked whether it has a lower case of its own.
                default:
                    let length = byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : 2
                    var value = UInt32(byte) & (length == 2 ? 0x1F : length == 3 ? 0x0F : 0x07)
                    for k in 1..<length { value = value << 6 | UInt32(bytes[i + k] & 0x3F) }
                    guard let scalar = Unicode.Scalar(value), !scalar.properties.changesWhenLowercased else { return }
                    i += length
                }
            }
            result = String(unsafeUninitializedCapacity: bytes.count) { buffer in
                for (j, byte) in bytes.enumerated() { buffer[j] = (0x41...0x5A).contains(byte) ? byte | 0x20 : byte }
                return bytes.count
            }
        }
        return result ?? copy.lowercased()
    }
}
