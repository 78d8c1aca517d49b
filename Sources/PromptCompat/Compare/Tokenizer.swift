import Foundation

/// Splits text into comparison tokens the way a reader sees units of meaning: each CJK character
/// (Han, kana, Hangul) is a token, a run of Latin letters is a word, a run of digits (with `.` `,` inside)
/// is one number, and punctuation is dropped.
///
/// Whitespace tokenization — what BLEU/ROUGE do by default — treats a whole Chinese sentence as one
/// "word"; this does not.
///
/// ```swift
/// Tokenizer.tokens("订单20240709已发货, shipped today")
/// // ["订", "单", "20240709", "已", "发", "货", "shipped", "today"]
/// ```
public enum Tokenizer {
    public static func tokens(_ text: String) -> [String] {
        var tokens: [String] = []
        var current = ""
        var currentIsNumber = false
        func flush() {
            if !current.isEmpty { tokens.append(current.lowercased()) }
            current = ""
        }
        let scalars = Array(TextNormalizer.normalize(text).unicodeScalars)
        for (i, scalar) in scalars.enumerated() {
            if isCJK(scalar) {
                flush()
                currentIsNumber = false
                tokens.append(String(scalar))
            } else if scalar.properties.numericType != nil, ("0"..."9").contains(scalar) {
                if !currentIsNumber { flush() }
                currentIsNumber = true
                current.unicodeScalars.append(scalar)
            } else if currentIsNumber, !current.isEmpty, scalar == "." || scalar == ",", i + 1 < scalars.count, ("0"..."9").contains(scalars[i + 1]) {
                current.unicodeScalars.append(scalar)
            } else if scalar.properties.isAlphabetic || scalar == "_" {
                if currentIsNumber { flush() }
                currentIsNumber = false
                current.unicodeScalars.append(scalar)
            } else {
                flush()
                currentIsNumber = false
            }
        }
        flush()
        return tokens
    }

    /// Han ideographs, CJK punctuation-free symbols, Hiragana, Katakana and Hangul.
    public static func isCJK(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x4E00...0x9FFF, 0x3400...0x4DBF, 0x20000...0x2A6DF, 0xF900...0xFAFF,  // Han
            0x3040...0x309F, 0x30A0...0x30FF,  // kana
            0xAC00...0xD7AF:  // Hangul syllables
            true
        default: false
        }
    }
}
