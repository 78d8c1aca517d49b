import Foundation

/// How much of a text is Chinese (CJK characters) and how much English (Latin-script words), for
/// `expect.language`. Each CJK character and each run of Latin letters counts as one unit, the way a
/// reader weighs them: "您的 iPhone 15 Pro 订单已发货" is 7 CJK units against 2 Latin ones, Chinese.
/// Digits, punctuation and other scripts do not count. Minimal on purpose; a richer language-mix metric
/// lives with the metrics.
struct LanguageShare: Equatable {
    var cjk = 0
    var latinWords = 0

    init(_ text: String) {
        var inWord = false
        for scalar in text.unicodeScalars {
            if Tokenizer.isCJK(scalar) {
                cjk += 1
                inWord = false
            } else if Self.isLatinLetter(scalar) {
                if !inWord { latinWords += 1 }
                inWord = true
            } else if scalar != "'" && scalar != "’" {
                inWord = false
            }
        }
    }

    var units: Int { cjk + latinWords }
    /// 0…1; 0 when there are no units.
    var cjkShare: Double { units == 0 ? 0 : Double(cjk) / Double(units) }
    var latinShare: Double { units == 0 ? 0 : Double(latinWords) / Double(units) }

    /// The language that holds more than half of the units, if one does.
    var dominant: Expectations.Language? {
        if cjkShare > 0.5 { return .zh }
        if latinShare > 0.5 { return .en }
        return nil
    }

    /// Why the text is not in `expected`, or `nil` when it is: `is in English (Latin script 92%, CJK 8%), expected zh`.
    func mismatch(expected: Expectations.Language) -> String? {
        guard units > 0 else { return "has no letters to tell its language, expected \(expected.rawValue)" }
        guard dominant != expected else { return nil }
        let shares = "Latin script \(Self.percent(latinShare)), CJK \(Self.percent(cjkShare))"
        let actual = switch dominant {
        case .zh?: "is in Chinese"
        case .en?: "is in English"
        case nil: "is mixed"
        }
        return "\(actual) (\(shares)), expected \(expected.rawValue)"
    }

    static func percent(_ share: Double) -> String { "\(Int((share * 100).rounded()))%" }

    /// A letter of the Latin script: ASCII, Latin-1, Latin Extended-A/B and Extended Additional.
    static func isLatinLetter(_ scalar: Unicode.Scalar) -> Bool {
        guard scalar.properties.isAlphabetic else { return false }
        switch scalar.value {
        case 0x41...0x5A, 0x61...0x7A, 0xC0...0x24F, 0x1E00...0x1EFF: return true
        default: return false
        }
    }
}
