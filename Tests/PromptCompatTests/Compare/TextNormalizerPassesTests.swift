import Foundation
import Testing
@testable import PromptCompat

/// The one-pass normalize and comparable give what the Foundation calls they replaced give. The oracles
/// below are the previous definitions, word for word: `replacingOccurrences` for line ends and the
/// punctuation table, lines and words split on characters, `trimmingCharacters(in: .whitespacesAndNewlines)`.
@Suite("Text normalizer passes")
struct TextNormalizerPassesTests {
    static func foundationNormalize(_ text: String) -> String {
        let folded = text.precomposedStringWithCompatibilityMapping
            .replacingOccurrences(of: "\r\n", with: "\n")
            .replacingOccurrences(of: "\r", with: "\n")
        let lines = folded.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            line.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\u{3000}" }).joined(separator: " ")
        }
        return lines.joined(separator: "\n").trimmingCharacters(in: .whitespacesAndNewlines)
    }

    static func foundationComparable(_ text: String) -> String {
        var folded = foundationNormalize(text)
        for (from, to) in TextNormalizer.punctuationFolds where folded.contains(from) {
            folded = folded.replacingOccurrences(of: from, with: to)
        }
        return folded.lowercased()
    }

    /// Line ends, runs of spaces, every folded mark, runs of dots and dashes of every length, and the
    /// characters that take the character-by-character path: a space with a combining mark, emoji, Latin
    /// with accents, no-break and em spaces, line and paragraph separators.
    static let pieces = [
        "订单", "已发货", "Order", "SHIPPED", "ok", "12,345.6", " ", "  ", "\t", "\u{3000}", "\n", "\r", "\r\n", "\n\n",
        ".", "...", "……", "…", "。", "、", "，", "——", "—", "“", "”", "「", "」", "‘", "’", "『", "』", "【", "】", "〜", "～",
        "e\u{301}", " \u{301}", "\u{301}", "👍🏽", "👨‍👩‍👧", "Ä", "ǅ", "\u{A0}", "\u{2003}", "\u{2028}", "\u{85}", "\u{0B}", "ＡＢＣ", "한국어", "ﬁ",
        "¥12.50", "€", "°C", "×", "·", "〇", "々", "〔注〕", "※", "•", "–", "\u{AD}", "\u{FE0F}", "\u{200D}",
    ]

    /// Deterministic texts of 0–24 pieces (a linear congruential generator, seed 1), less the ones where the
    /// two definitions differ on purpose: a mark or joiner right after a `\r` (see `carriageReturnBeforeMark`),
    /// and a zero-width joiner or emoji selector right after a folded mark (NSString folded "』" there although
    /// the joiner makes it part of one character with what follows; characters are folded whole now).
    static let texts: [String] = generated.filter { text in
        let scalars = Array(text.unicodeScalars)
        let folded = Set(TextNormalizer.punctuationFolds.flatMap(\.from.unicodeScalars) + ["…"])  // "…" becomes "..." first
        return !scalars.indices.dropLast().contains { i in
            let next = scalars[i + 1], afterNewline = scalars.dropFirst(i + 2).first
            let joins = next.value == 0x200D || next.value == 0xFE0F
            return (scalars[i] == "\r" && (joins || next.properties.isGraphemeExtend || (next == "\n" && afterNewline.map { $0.properties.isGraphemeExtend || $0.value == 0x200D } == true)))
                || (folded.contains(scalars[i]) && joins)
        }
    }

    static let generated: [String] = {
        var state: UInt64 = 1
        func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(bound))
        }
        return (0..<3000).map { _ in (0..<next(25)).map { _ in pieces[next(pieces.count)] }.joined() }
    }()

    static func hex(_ text: String) -> String { text.unicodeScalars.map { String($0.value, radix: 16) }.joined(separator: " ") }

    @Test("normalize equals the Foundation definition on generated texts")
    func normalizeMatchesFoundation() {
        #expect(Self.texts.count > 2_500)  // the exclusions are rare
        let mismatches = Self.texts.filter { TextNormalizer.normalize($0) != Self.foundationNormalize($0) }
        #expect(mismatches.isEmpty, "first: \(mismatches.first.map { Self.hex($0) + " → " + Self.hex(TextNormalizer.normalize($0)) + " ≠ " + Self.hex(Self.foundationNormalize($0)) } ?? "")")
    }

    @Test("comparable equals the Foundation definition on generated texts")
    func comparableMatchesFoundation() {
        let mismatches = Self.texts.filter { TextNormalizer.comparable($0) != Self.foundationComparable($0) }
        #expect(mismatches.isEmpty, "first: \(mismatches.first.map { Self.hex($0) + " → " + Self.hex(TextNormalizer.comparable($0)) + " ≠ " + Self.hex(Self.foundationComparable($0)) } ?? "")")
    }

    @Test("runs of dots fold six to three, left to right; runs of em dashes two to one", arguments: [
        ("......", "..."), (".......", "...."), ("............", "......"), (".........", "......"),
        ("———", "--"), ("————", "--"), ("。。。。。。", "......"), ("…。", "....")
    ])
    func runs(written: String, folded: String) {
        #expect(TextNormalizer.comparable(written) == folded)
    }

    @Test("a space carrying a combining mark is part of a word, not a separator")
    func spaceWithCombiningMark() {
        // " \u{301}" is one character (a space with an acute accent): splitting on the space character leaves it.
        #expect(TextNormalizer.normalize("a \u{301}b") == "a \u{301}b")
        #expect(TextNormalizer.normalize("a  b") == "a b")
    }

    @Test("a carriage return ends a line even when a combining mark follows it")
    func carriageReturnBeforeMark() {
        // NSString took "\r\u{301}" for one composed sequence and left it (and "\r\n\u{301}" half) unreplaced;
        // Swift's grapheme rules, which the split on "\n" already followed, break after a control character.
        #expect(TextNormalizer.normalize("a\r\u{301}b") == "a\n\u{301}b")
        #expect(TextNormalizer.normalize("a\r\n\u{301}b") == "a\n\u{301}b")
    }

    @Test("UTF-8 search finds what Foundation finds, and whole Latin words only where asked")
    func utf8Search() {
        #expect(UTF8Search.contains("无法", in: "抱歉我无法回答"))
        #expect(!UTF8Search.contains("无法回答了", in: "抱歉我无法回答"))
        #expect(UTF8Search.contains("", in: "x"))
        #expect(UTF8Search.contains("list", in: "a list, a listing", unlessNextTo: UTF8Search.isASCIIAlphanumeric))
        #expect(!UTF8Search.contains("list", in: "a listing", unlessNextTo: UTF8Search.isASCIIAlphanumeric))
        #expect(!UTF8Search.contains("format", in: "information", unlessNextTo: UTF8Search.isASCIIAlphanumeric))
        #expect(UTF8Search.contains("format", in: "按格式format:", unlessNextTo: UTF8Search.isASCIIAlphanumeric))
    }

    @Test("UTF-8 search finds the first occurrence a byte-by-byte scan finds, on generated texts and their own pieces")
    func utf8SearchMatchesByteScan() {
        func scan(_ needle: String, _ text: String) -> Int? {
            let n = Array(needle.utf8), t = Array(text.utf8)
            guard n.count <= t.count else { return n.isEmpty ? 0 : nil }
            return (0...(t.count - n.count)).first { Array(t[$0..<($0 + n.count)]) == n }
        }
        var mismatches: [(String, String)] = []
        for (index, text) in Self.generated.prefix(1500).enumerated() {
            let other = Self.generated[(index * 7 + 3) % Self.generated.count]
            // A piece of the text itself (found), of another text (mostly not), and a repeated one.
            let needles = [String(text.dropFirst(text.count / 3).prefix(3)), String(other.prefix(2)), String(repeating: String(text.suffix(1)), count: 2)]
            for needle in needles where UTF8Search.firstOffset(of: needle, in: text, where: { _, _ in true }) != scan(needle, text) {
                mismatches.append((needle, text))
            }
        }
        #expect(mismatches.isEmpty, "first: \(mismatches.first.map { Self.hex($0.0) + " in " + Self.hex($0.1) } ?? "")")
        #expect(UTF8Search.firstOffset(of: "款", in: "退款，退款", where: { _, offset in offset > 3 }) == 12)
    }

    @Test("containsCharacters answers what Foundation's contains answers, on generated texts and pieces of them")
    func containsCharactersMatchesFoundation() {
        var mismatches: [(String, String)] = []
        for (index, text) in Self.generated.prefix(1500).enumerated() {
            let other = Self.generated[(index * 7 + 3) % Self.generated.count]
            let needles = ["\n", "|", "", String(text.prefix(1)), String(text.dropFirst(text.count / 2).prefix(2)), String(other.prefix(1)), String(other.suffix(2))]
            for needle in needles where UTF8Search.containsCharacters(needle, in: text) != text.contains(needle) {
                mismatches.append((needle, text))
            }
        }
        #expect(mismatches.isEmpty, "first: \(mismatches.first.map { Self.hex($0.0) + " in " + Self.hex($0.1) } ?? "")")
        #expect(UTF8Search.containsCharacters("\n", in: "a\r\nb") && !UTF8Search.containsCharacters("e", in: "e\u{301}x"))
    }
}
