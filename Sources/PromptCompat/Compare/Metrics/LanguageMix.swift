/// Which script an answer is written in: the share of CJK characters and of Latin letters, and the
/// dominant language, so "the new model answers a Chinese prompt in English" is caught at once.
///
/// - Range (as a ``Metric``): 1 when both texts have the same ``Language`` (two texts without letters
///   too), else 0. Nothing in between: use it as a gate, not as a similarity.
/// - Definition: CJK characters are ``Tokenizer/isCJK(_:)`` scalars (Han, kana, Hangul); Latin letters are
///   alphabetic scalars of the Latin script blocks (ASCII, Latin-1, Latin Extended, full-width). Digits,
///   punctuation and other scripts are not counted. `cjkShare` = CJK / (CJK + Latin), `latinShare` = the
///   rest. For the dominant language a CJK character weighs as much as ``cjkCharacterWeight`` Latin letters
///   (a Chinese word is about 1.5 characters, an English one about 4.7 letters), so "请调用API接口返回JSON"
///   is Chinese: weighted CJK share ≥ 0.7 → `zh`, ≤ 0.3 → `en`, in between `mixed`, no letters `none`.
/// - When to use: any prompt whose answer language is part of the contract (Chinese customer service,
///   translation); report ``switched(from:to:)``.
///
/// ```swift
/// let mix = LanguageMix.of("您的订单 ABC 已发货")   // 7 CJK, 3 Latin: cjkShare 0.7, dominant .zh
/// LanguageMix.switched(from: "订单已发货", to: "Your order has shipped")   // "answer switched from Chinese to English"
/// ```
public struct LanguageMix: Metric, Equatable {
    public enum Language: String, Sendable, Equatable {
        case zh, en, mixed, none

        /// In a sentence: "Chinese", "English", "mixed Chinese and English", "no letters".
        public var description: String {
            switch self {
            case .zh: "Chinese"
            case .en: "English"
            case .mixed: "mixed Chinese and English"
            case .none: "no letters"
            }
        }
    }

    /// How many Latin letters one CJK character counts as when deciding the dominant language.
    public static let cjkCharacterWeight = 3.0

    /// Han, kana and Hangul scalars counted.
    public private(set) var cjkCharacters = 0
    /// Latin letters counted.
    public private(set) var latinLetters = 0

    /// The metric: compares the dominant languages of two texts.
    public init() {}

    /// Counts the CJK characters and Latin letters of `text`.
    public static func of(_ text: String) -> LanguageMix {
        var mix = LanguageMix()
        for scalar in text.unicodeScalars {
            if Tokenizer.isCJK(scalar) {
                mix.cjkCharacters += 1
            } else if isLatinLetter(scalar) {
                mix.latinLetters += 1
            }
        }
        return mix
    }

    /// CJK characters over CJK characters and Latin letters; 0 without letters.
    public var cjkShare: Double {
        cjkCharacters + latinLetters == 0 ? 0 : Double(cjkCharacters) / Double(cjkCharacters + latinLetters)
    }

    /// Latin letters over CJK characters and Latin letters; 0 without letters.
    public var latinShare: Double {
        cjkCharacters + latinLetters == 0 ? 0 : Double(latinLetters) / Double(cjkCharacters + latinLetters)
    }

    public var dominant: Language {
        guard cjkCharacters + latinLetters > 0 else { return .none }
        let weighted = Self.cjkCharacterWeight * Double(cjkCharacters)
        let share = weighted / (weighted + Double(latinLetters))
        return share >= 0.7 ? .zh : share <= 0.3 ? .en : .mixed
    }

    public var name: String { "language" }

    public func score(_ reference: String, _ candidate: String) -> Double {
        Self.of(reference).dominant == Self.of(candidate).dominant ? 1 : 0
    }

    /// A sentence when the dominant language changed, e.g. "answer switched from Chinese to English";
    /// nil when it did not.
    public static func switched(from reference: String, to candidate: String) -> String? {
        let before = of(reference).dominant, after = of(candidate).dominant
        guard before != after else { return nil }
        if after == .none { return "answer has no letters any more (was \(before.description))" }
        if before == .none { return "answer is now \(after.description) (had no letters)" }
        return "answer switched from \(before.description) to \(after.description)"
    }

    /// Alphabetic scalars of Basic Latin, Latin-1, Latin Extended-A/B, Latin Extended Additional and the
    /// full-width Latin letters.
    static func isLatinLetter(_ scalar: Unicode.Scalar) -> Bool {
        latinBlocks.contains { $0.contains(scalar.value) } && scalar.properties.isAlphabetic
    }

    static let latinBlocks: [ClosedRange<UInt32>] = [
        0x41...0x5A, 0x61...0x7A, 0xC0...0x24F, 0x1E00...0x1EFF, 0xFF21...0xFF3A, 0xFF41...0xFF5A,
    ]
}
