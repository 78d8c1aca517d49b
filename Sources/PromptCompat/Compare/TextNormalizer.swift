import Foundation

/// Brings two outputs to a common form before they are compared: Unicode NFKC (full-width letters and
/// digits fold to half-width), line ends unified, runs of spaces and tabs folded, trailing spaces and
/// leading/trailing blank lines dropped.
///
/// ```swift
/// TextNormalizer.normalize("ＡＢＣ１２３  ok \r\n")   // "ABC123 ok"
/// ```
public enum TextNormalizer {
    public static func normalize(_ text: String) -> String {
        let folded = text.precomposedStringWithCompatibilityMapping
            .replacingOccurrences(of: "\r\n", with: "\n")
            .replacingOccurrences(of: "\r", with: "\n")
        let lines = folded.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            line.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\u{3000}" }).joined(separator: " ")
        }
        return lines.joined(separator: "\n").trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// The number of characters a person counts: grapheme clusters, so a CJK character is one.
    public static func length(_ text: String) -> Int { normalize(text).count }
}
