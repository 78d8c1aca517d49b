import Foundation

/// The single passes behind ``TextNormalizer/normalize(_:)`` and ``TextNormalizer/comparable(_:)``: one over
/// UTF-8 bytes or scalars for text made only of ``TextNormalizer/isNFKCStable(_:)`` scalars (where every
/// character is one scalar, but `\r\n`), one over characters for any other text. They replace Foundation's
/// `replacingOccurrences` and `trimmingCharacters`, which cost microseconds a call on Linux; the comparison
/// makes dozens of such calls a case.
extension TextNormalizer {
    /// Line ends unified and spaces folded, on bytes; nil when the text holds a scalar that is not
    /// NFKC-stable (a combining mark could make a space part of a character, so characters decide there).
    static func normalizedStableBytes(_ text: String) -> String? {
        guard text.unicodeScalars.allSatisfy(isNFKCStable) else { return nil }
        return text.readingUTF8 { bytes in
            var result: [UInt8] = []
            result.reserveCapacity(bytes.count)
            var lineStarted = false, spacePending = false
            var i = 0
            while i < bytes.count {
                let byte = bytes[i]
                switch byte {
                case UInt8(ascii: "\r"), UInt8(ascii: "\n"):
                    if byte == UInt8(ascii: "\r"), i + 1 < bytes.count, bytes[i + 1] == UInt8(ascii: "\n") { i += 1 }
                    result.append(UInt8(ascii: "\n"))
                    (lineStarted, spacePending) = (false, false)
                case UInt8(ascii: " "), UInt8(ascii: "\t"):
                    spacePending = lineStarted
                default:
                    if spacePending { result.append(UInt8(ascii: " ")) }
                    result.append(byte)
                    (lineStarted, spacePending) = (true, false)
                }
                i += 1
            }
            return String(decoding: result, as: UTF8.self)
        }
    }

    /// Line ends unified and spaces folded, character by character: the lines split on `\n` (after `\r\n`
    /// and `\r` became `\n`), each line's words split on space, tab and ideographic-space characters and
    /// joined with one space.
    static func normalizedCharacters(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        var lineStarted = false, spacePending = false
        for character in text {
            // `asciiValue` is 10 for "\r\n" too.
            switch character.asciiValue {
            case 10, 13:
                result.append("\n")
                (lineStarted, spacePending) = (false, false)
            case 32, 9:
                spacePending = lineStarted
            case nil where character.isScalar("\u{3000}"):
                spacePending = lineStarted
            default:
                if spacePending { result.append(" ") }
                result.append(character)
                (lineStarted, spacePending) = (true, false)
            }
        }
        return result
    }

    /// ``punctuationFolds`` as scalars. Every `from` is made of scalars that have no canonical decomposition
    /// and compose with nothing, so a character equals one of them exactly when it is that one scalar.
    static let scalarFolds: [(from: [Unicode.Scalar], to: [Unicode.Scalar])] = punctuationFolds.map {
        (Array($0.from.unicodeScalars), Array($0.to.unicodeScalars))
    }
    static let foldStarts = Set(scalarFolds.map(\.from[0]))

    /// The folds and lower case on scalars, for a normalized text of NFKC-stable scalars only (one scalar a
    /// character, and no cased letter but `A`–`Z`); nil for any other text.
    static func foldedStableScalars(_ text: String) -> String? {
        guard text.unicodeScalars.allSatisfy(isNFKCStable) else { return nil }
        var scalars = Array(text.unicodeScalars)
        for (from, to) in scalarFolds where scalars.contains(from[0]) {
            scalars = replacing(from, with: to, in: scalars) { $0 == $1 }
        }
        for i in scalars.indices where ("A"..."Z").contains(scalars[i]) {
            scalars[i] = Unicode.Scalar(scalars[i].value + 0x20)!
        }
        return Tokenizer.string(scalars[...])
    }

    /// The folds on characters, for any normalized text (lower case not applied).
    static func foldedCharacters(_ text: String) -> String {
        var characters = Array(text)
        for (from, to) in scalarFolds where characters.contains(where: { $0.isScalar(from[0]) }) {
            characters = replacing(from, with: to.map(Character.init), in: characters) { $0.isScalar($1) }
        }
        return String(characters)
    }

    /// Each non-overlapping occurrence of `pattern`, left to right, replaced: what `replacingOccurrences`
    /// does.
    static func replacing<Element>(
        _ pattern: [Unicode.Scalar], with replacement: [Element], in text: [Element], matches: (Element, Unicode.Scalar) -> Bool
    ) -> [Element] {
        var result: [Element] = []
        result.reserveCapacity(text.count)
        var i = 0
        while i < text.count {
            if i + pattern.count <= text.count, pattern.indices.allSatisfy({ matches(text[i + $0], pattern[$0]) }) {
                result.append(contentsOf: replacement)
                i += pattern.count
            } else {
                result.append(text[i])
                i += 1
            }
        }
        return result
    }
}

extension Character {
    /// Whether this character is exactly the one scalar `scalar`.
    func isScalar(_ scalar: Unicode.Scalar) -> Bool {
        let scalars = unicodeScalars
        return scalars.first == scalar && scalars.count == 1
    }
}
