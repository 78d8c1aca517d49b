import Foundation
import Testing
@testable import PromptCompat

/// `trimming(_:)`, `unifyingLineEnds` and `isAlphanumeric` replace Foundation calls in the comparison's hot path; the oracle
/// is the Foundation call itself, on the normalizer tests' generated texts (every kind of space, line end,
/// combining mark and emoji, at the ends and inside) plus texts made only of spaces.
@Suite("Character-set questions answered without Foundation")
struct StringCharacterSetsTests {
    static let texts = TextNormalizerPassesTests.generated + [
        "", " ", "\t\u{3000}\u{A0}", "\n\r\u{85}\u{2028}\u{2029}\u{0B}\u{0C}", " \u{301}", "\u{301} ", "\u{2003}标题\u{2003}", "a\r\r\nb",
    ]

    @Test("trimming(.whitespaces / .newlines / .whitespacesAndNewlines) equals trimmingCharacters(in:)", arguments: [
        (TrimmedCharacters.whitespaces, CharacterSet.whitespaces),
        (.newlines, .newlines),
        (.whitespacesAndNewlines, .whitespacesAndNewlines),
    ])
    func trimmingMatchesFoundation(trimmed: TrimmedCharacters, set: CharacterSet) {
        let mismatches = Self.texts.filter { $0.trimming(trimmed) != $0.trimmingCharacters(in: set) }
        #expect(mismatches.isEmpty, "first: \(mismatches.first.map(TextNormalizerPassesTests.hex) ?? "")")
        let substrings = Self.texts.map { $0.dropFirst(min(1, $0.count)) }
        #expect(substrings.allSatisfy { $0.trimming(trimmed) == $0.trimmingCharacters(in: set) })
    }

    @Test("a U+3000 ideographic space is trimmed as a space, not as a line end")
    func ideographicSpace() {
        #expect("\u{3000}退货\u{3000}".trimming(.whitespaces) == "退货")
        #expect("\u{3000}退货\u{3000}".trimming(.newlines) == "\u{3000}退货\u{3000}")
    }

    @Test("unifyingLineEnds equals replacingOccurrences(of: \"\\r\\n\", with: \"\\n\")")
    func lineEndsMatchFoundation() {
        let mismatches = Self.texts.filter { $0.unifyingLineEnds != $0.replacingOccurrences(of: "\r\n", with: "\n") }
        #expect(mismatches.isEmpty, "first: \(mismatches.first.map(TextNormalizerPassesTests.hex) ?? "")")
        // The one pass leaves a CR that a removed CR-LF brought next to a LF: Foundation does the same.
        #expect("a\r\r\nb".unifyingLineEnds == "a\r\nb")
    }

    @Test("isAlphanumeric equals CharacterSet.alphanumerics on every scalar of the Basic Multilingual Plane and beyond")
    func alphanumericMatchesFoundation() {
        let scalars = (0..<0x3_0000).compactMap(Unicode.Scalar.init)
        let mismatches = scalars.filter { $0.isAlphanumeric != CharacterSet.alphanumerics.contains($0) }
        #expect(mismatches.isEmpty, "first: \(mismatches.first.map { String($0.value, radix: 16) } ?? "")")
    }
}
