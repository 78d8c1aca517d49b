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

    @Test("lowercasedFast equals lowercased() on generated texts, cased scripts and every scalar up to U+2FFFF")
    func lowercasedFastMatchesStandardLibrary() {
        let cased = ["订单 OK，已发货", "ÀBÇ Straße", "İstanbul", "ΣΑΣ", "Ｆｕｌｌ ＷＩＤＴＨ", "ǅ", "ＡＢＣ订单", "カタカナ ABC"]
        let mismatches = (Self.texts + cased).filter { $0.lowercasedFast() != $0.lowercased() }
        #expect(mismatches.isEmpty, "first: \(mismatches.first.map(TextNormalizerPassesTests.hex) ?? "")")
        // Every scalar up to U+2FFFF, copied or asked for its case, beside an ASCII capital.
        let every = (0x80..<0x3_0000).compactMap(Unicode.Scalar.init).map { "A\($0)" }
        let wrong = every.filter { $0.lowercasedFast() != $0.lowercased() }
        #expect(wrong.isEmpty, "first: \(wrong.first.map(TextNormalizerPassesTests.hex) ?? "")")
    }

    @Test("splitting(on:) equals split(whereSeparator:) on characters, CR-LF and combining marks included")
    func splittingMatchesCharacterSplit() {
        let ends = "。\n;；!！?？,."
        let texts = Self.texts + ["是。否！\r\n好", "a;\u{301}b", "Done.\r\nNext", "。。", "x?\u{200D}y"]
        // ASCII separators on both sides of 64 (`?` is 63, `@` 64, `~` 126) and none beyond ASCII.
        let others = " @_|~\u{7F}"
        let extra = ["a@b_c|d~e f", "@@ ~\u{301}x", "\u{7F}y z"]
        let mismatches = texts.filter { text in
            text.splitting(on: Set(ends.unicodeScalars)).map(String.init) != text.split(whereSeparator: { ends.contains($0) }).map(String.init)
        } + (texts + extra).filter { text in
            text.splitting(on: Set(others.unicodeScalars), keepingEmpty: true).map(String.init)
                != text.split(omittingEmptySubsequences: false, whereSeparator: { others.contains($0) }).map(String.init)
        }
        #expect(mismatches.isEmpty, "first: \(mismatches.first.map(TextNormalizerPassesTests.hex) ?? "")")
    }

    @Test("lines equals split(whereSeparator: \\.isNewline), and splitting on \"\\n\" keeping empty pieces equals split(separator:)")
    func linesMatchCharacterSplit() {
        let texts = Self.texts + ["a\r\nb\n\nc", "\r\r\n\n", "x\u{2028}y\u{85}z\u{0B}", "\n\u{301}a\r\n\u{301}"]
        let mismatches = texts.filter { text in
            text.lines.map(String.init) != text.split(whereSeparator: \.isNewline).map(String.init)
                || text.splitting(on: ["\n"], keepingEmpty: true).map(String.init) != text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        }
        #expect(mismatches.isEmpty, "first: \(mismatches.first.map(TextNormalizerPassesTests.hex) ?? "")")
    }

    @Test("characterCount equals count on generated texts and on every scalar of the blocks it counts itself")
    func characterCountMatchesCount() {
        let scalars = [0x80...0xFF, 0x2000...0x2FFF, 0x3000...0x9FFF, 0xFE00...0xFFFF].joined().compactMap(Unicode.Scalar.init)
        let texts = Self.texts + ["a\r\nb", "\r\r\n", "☀\u{FE0F}", "e\u{301}", "\u{1100}\u{1161}"] + scalars.map { "a\($0)\u{301}b\($0)" }
        let mismatches = texts.filter { $0.characterCount != $0.count }
        #expect(mismatches.isEmpty, "first: \(mismatches.first.map(TextNormalizerPassesTests.hex) ?? "")")
    }

    @Test("hasAtMostCharacters(n) equals characterCount <= n on generated texts, at every bound around their length")
    func hasAtMostCharactersMatchesCount() {
        let texts = Self.texts + ["a\r\nb", "☀\u{FE0F}☀\u{FE0F}", "e\u{301}e\u{301}e\u{301}", "订单已发货", ""]
        for text in texts {
            let count = text.characterCount
            for limit in Set([0, 1, max(0, count - 1), count, count + 1, text.utf8.count]) {
                #expect(text.hasAtMostCharacters(limit) == (count <= limit), "\(text) at \(limit)")
            }
        }
    }

    @Test("removingWhitespace equals filter { !$0.isWhitespace } on generated texts and every whitespace scalar before a mark")
    func removingWhitespaceMatchesCharacterFilter() {
        let spaces = (0...0x3000).compactMap(Unicode.Scalar.init).filter(\.properties.isWhitespace)
        let texts = Self.texts + spaces.map { "a\($0)\u{301}b\($0)\u{200D}\($0)" } + ["\r\n\u{301}", " \u{301}\u{302}x"]
        let mismatches = texts.filter { $0.removingWhitespace != String($0.filter { !$0.isWhitespace }) }
        #expect(mismatches.isEmpty, "first: \(mismatches.first.map(TextNormalizerPassesTests.hex) ?? "")")
        // What the scalar walk takes for granted: no scalar above U+3000 is white space.
        #expect((0x3001...0x10FFFF).compactMap(Unicode.Scalar.init).filter(\.properties.isWhitespace).isEmpty)
    }

    @Test("trimmingScalars(where:) equals trimmingCharacters(in:) with the same set, marks after a trimmed scalar included")
    func trimmingScalarsMatchesFoundation() {
        let set = CharacterSet(charactersIn: "“”\"'`「」《》[]【】*。.!！ ")
        let texts = Self.texts + ["「正面」。", "。\u{301}是", "**Yes**!", "\"\"", "【中性】\n"]
        let mismatches = texts.filter { $0[...].trimmingScalars(where: set.contains) != $0.trimmingCharacters(in: set) }
        #expect(mismatches.isEmpty, "first: \(mismatches.first.map(TextNormalizerPassesTests.hex) ?? "")")
    }

    @Test("droppingFinalLineFeed equals hasSuffix(\"\\n\") ? dropLast() : self, a final CR-LF kept")
    func droppingFinalLineFeedMatchesCharacters() {
        let texts = Self.texts + ["好\n", "好\r\n", "\n", "\n\n", "x\n\u{301}", "\r", ""]
        let mismatches = texts.filter { $0.droppingFinalLineFeed != ($0.hasSuffix("\n") ? String($0.dropLast()) : $0) }
        #expect(mismatches.isEmpty, "first: \(mismatches.first.map(TextNormalizerPassesTests.hex) ?? "")")
        #expect("好\r\n".droppingFinalLineFeed == "好\r\n")
    }
}
