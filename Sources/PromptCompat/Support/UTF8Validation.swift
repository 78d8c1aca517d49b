/// Whether bytes are well-formed UTF-8 (no overlong forms, no surrogates, nothing past U+10FFFF), checked
/// without building a `String`: a provider's response body is checked once before it is parsed as bytes.
/// (`String(validating:as:)` does the same from macOS 15 on; the package supports macOS 14.)
///
/// ```swift
/// UTF8Validation.isValid(Array("退款".utf8))   // true
/// UTF8Validation.isValid([0xE9, 0x80])          // false: a sequence cut short
/// ```
enum UTF8Validation {
    static func isValid(_ bytes: some Collection<UInt8>) -> Bool {
        if let answer = bytes.withContiguousStorageIfAvailable({ isValid(buffer: $0) }) { return answer }
        return Array(bytes).withUnsafeBufferPointer { isValid(buffer: $0) }
    }

    static func isValid(buffer bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var index = 0
        let count = bytes.count
        while index < count {
            let lead = bytes[index]
            if lead < 0x80 {
                index += 1
                continue
            }
            let length: Int
            var lower: UInt8 = 0x80, upper: UInt8 = 0xBF  // the allowed range of the second byte
            switch lead {
            case 0xC2...0xDF: length = 2
            case 0xE0: (length, lower) = (3, 0xA0)  // no overlong three-byte form
            case 0xE1...0xEC, 0xEE...0xEF: length = 3
            case 0xED: (length, upper) = (3, 0x9F)  // no surrogates
            case 0xF0: (length, lower) = (4, 0x90)  // no overlong four-byte form
            case 0xF1...0xF3: length = 4
            case 0xF4: (length, upper) = (4, 0x8F)  // nothing past U+10FFFF
            default: return false
            }
            guard index + length <= count, (lower...upper).contains(bytes[index + 1]) else { return false }
            for offset in 2..<max(2, length) where bytes[index + offset] & 0xC0 != 0x80 { return false }
            index += length
        }
        return true
    }
}
