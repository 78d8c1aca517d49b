import Foundation

/// Brings two outputs to a common form before they are compared: Unicode NFKC (full-width letters and
/// digits fold to half-width), line ends unified, runs of spaces and tabs folded, trailing spaces and
/// leading/trailing blank lines dropped.
///
/// ```swift
/// TextNormalizer.normalize("ＡＢＣ１２３  ok \r\n")   // "ABC123 ok"
/// TextNormalizer.comparable("您好！“订单”已发货。")   // "您好!\"订单\"已发货."
/// ```
public enum TextNormalizer {
    /// The normalized form: NFKC, `\r\n` and `\r` made `\n`, spaces, tabs and ideographic spaces dropped at
    /// a line's ends and runs of them inside a line made one space, then whitespace and newlines trimmed at
    /// both ends of the text (`CharacterSet.whitespacesAndNewlines`).
    ///
    /// Done in one pass without Foundation string calls (`TextNormalizer+Passes.swift`): on UTF-8 bytes for
    /// Chinese and English prose, character by character for anything else.
    ///
    /// The last texts' forms are remembered (``RecentResults``): the checks of one comparison ask for the
    /// same answer's form again and again.
    public static func normalize(_ text: String) -> String {
        recentNormalized.value(for: text) { text in
            let folded = nfkc(text)
            return (normalizedStableBytes(folded) ?? normalizedCharacters(folded)).trimming(.whitespacesAndNewlines)
        }
    }

    static let recentNormalized = RecentResults<String>(capacity: 256)
    static let recentComparable = RecentResults<String>(capacity: 256)

    /// The number of characters a person counts: grapheme clusters, so a CJK character is one.
    public static func length(_ text: String) -> Int { normalize(text).characterCount }

    /// The form two texts are compared in when punctuation style and letter case must not count:
    /// ``normalize(_:)``, then every entry of ``punctuationFolds`` replaced, then lowercased.
    ///
    /// What is folded, and by what:
    ///
    /// | written | becomes | by |
    /// |---|---|---|
    /// | full-width letters, digits, `，：；！？（）％＄＠～．` | half-width `A 1 , : ; ! ? ( ) % $ @ ~ .` | NFKC |
    /// | `…` (one) | `...` | NFKC |
    /// | `……` (Chinese ellipsis, two) | `...` | table |
    /// | `。` `、` | `.` `,` | table |
    /// | `“` `”` `「` `」` | `"` | table |
    /// | `‘` `’` `『` `』` | `'` | table |
    /// | `【` `】` | `[` `]` | table |
    /// | `——` (Chinese dash, two) and `—` | `-` | table |
    /// | `〜` (wave dash) | `~` | table |
    /// | `A`–`Z` and other cased letters | lower case | `lowercased()` |
    ///
    /// ```swift
    /// TextNormalizer.comparable("价格：￥２９９……") == TextNormalizer.comparable("价格:¥299...")   // true
    /// ```
    public static func comparable(_ text: String) -> String {
        recentComparable.value(for: text) { text in
            let normalized = normalize(text)
            guard normalized.unicodeScalars.contains(where: { foldStarts.contains($0) }) else { return normalized.lowercasedFast() }
            return foldedStableScalars(normalized) ?? foldedCharacters(normalized).lowercased()
        }
    }

    /// The punctuation table ``comparable(_:)`` applies after NFKC, in order (longer forms first). Full-width
    /// `，：；！？（）` are not listed: NFKC has already made them half-width.
    public static let punctuationFolds: [(from: String, to: String)] = [
        ("......", "..."),  // "……" after NFKC (each "…" became "...")
        ("——", "-"), ("—", "-"),
        ("。", "."), ("、", ","),
        ("“", "\""), ("”", "\""), ("「", "\""), ("」", "\""),
        ("‘", "'"), ("’", "'"), ("『", "'"), ("』", "'"),
        ("【", "["), ("】", "]"),
        ("〜", "~"),
    ]

    /// Unicode NFKC. The (slow) Foundation call is skipped when every scalar is one NFKC leaves alone or one
    /// of the singletons it maps to ASCII that Chinese text is full of (full-width `，！？：；（）１Ａ`, the
    /// ideographic space, `…`): those are folded here, with the same result.
    static func nfkc(_ text: String) -> String {
        guard !text.unicodeScalars.allSatisfy(isNFKCStable) else { return text }
        guard let scalars = quickNFKCScalars(text) else { return text.precomposedStringWithCompatibilityMapping }
        return Tokenizer.string(scalars[...])
    }

    /// The scalars of ``nfkc(_:)``, without building the string when the quick path applies.
    static func nfkcScalars(_ text: String) -> [Unicode.Scalar] {
        quickNFKCScalars(text) ?? Array(text.precomposedStringWithCompatibilityMapping.unicodeScalars)
    }

    /// NFKC in one pass for texts of stable scalars and ASCII singletons; nil when a scalar needs the full
    /// algorithm.
    static func quickNFKCScalars(_ text: String) -> [Unicode.Scalar]? {
        var result: [Unicode.Scalar] = []
        result.reserveCapacity(text.utf8.count)  // every scalar here takes at least as many UTF-8 bytes as it yields scalars
        for scalar in text.unicodeScalars {
            if isNFKCStable(scalar) {
                result.append(scalar)
            } else if (0xFF01...0xFF5E).contains(scalar.value) {
                result.append(Unicode.Scalar(UInt8(scalar.value - 0xFEE0)))  // full-width ASCII
            } else if scalar.value == 0x3000 {
                result.append(" ")  // ideographic space
            } else if scalar.value == 0x2026 {
                result += [".", ".", "."]  // horizontal ellipsis
            } else {
                return nil
            }
        }
        return result
    }

    /// Scalars without a compatibility decomposition that never compose with a neighbour: printable ASCII and
    /// line controls, CJK unified ideographs, precomposed Hangul syllables, the common Chinese punctuation
    /// `、。〃々〇〈〉《》「」『』【】〒〔〕〖〗〜〝〞` and the symbols answers are full of: `¥ £ € ° ± × ÷ · § © ®`,
    /// `– — ‘ ’ “ ” † ‡ • ‰ ※`. Anything else goes through full NFKC.
    ///
    /// Each of them is a character of its own next to any other of them (none extends, joins or prefixes a
    /// grapheme) and none has a lower case but `A`–`Z`, so text made only of them is normalized and folded
    /// on bytes and scalars (`TextNormalizer+Passes.swift`).
    static func isNFKCStable(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09...0x0D, 0x20...0x7E, 0x4E00...0x9FFF, 0x3400...0x4DBF, 0xAC00...0xD7A3,
            0xA1...0xA7, 0xA9, 0xAB, 0xAC, 0xAE, 0xB0, 0xB1, 0xB6, 0xB7, 0xBB, 0xBF, 0xD7, 0xF7,
            0x2010, 0x2013...0x2016, 0x2018...0x2019, 0x201C...0x201D, 0x2020...0x2022, 0x2030, 0x203B, 0x20AC,
            0x3001...0x3007, 0x3008...0x3011, 0x3012...0x301F:
            true
        default: false
        }
    }
}
