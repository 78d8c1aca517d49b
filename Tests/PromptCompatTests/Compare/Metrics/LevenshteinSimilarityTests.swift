import Testing
@testable import PromptCompat

/// 1 − distance / max(length), over Unicode scalars as rapidfuzz counts Python str.
@Suite("Levenshtein similarity")
struct LevenshteinSimilarityTests {
    let metric = LevenshteinSimilarity()

    @Test("hand-computed values: kitten/sitting 4/7, one CJK insertion in six characters 5/6")
    func knownValues() {
        // kitten → sitting: k→s, e→i, +g = 3 edits; max length 7.
        #expect(abs(metric.score("kitten", "sitting") - 4.0 / 7.0) < 1e-15)
        // 订单已发货 (5) → 订单已经发货 (6): insert 经 = 1 edit; 1 − 1/6.
        #expect(abs(metric.score("订单已发货", "订单已经发货") - 5.0 / 6.0) < 1e-15)
        #expect(LevenshteinSimilarity.distance("订单已发货", "订单已经发货") == 1)
        #expect(metric.score("abc", "xyz") == 0)
        #expect(metric.score("same", "same") == 1)
    }

    @Test("empty texts: both empty 1, one empty 0")
    func empty() {
        #expect(metric.score("", "") == 1)
        #expect(metric.score("", "订单") == 0)
        #expect(metric.score("订单", "") == 0)
    }

    @Test("emoji count in scalars: a skin tone is one more scalar, a ZWJ family several")
    func emoji() {
        // 👍 (1 scalar) vs 👍🏽 (👍 + U+1F3FD, 2 scalars): one insertion, max 2.
        #expect(metric.score("👍", "👍🏽") == 0.5)
        // 👨‍👩‍👧 = 👨 ZWJ 👩 ZWJ 👧 (5 scalars); 👨‍👩‍👧‍👦 adds ZWJ 👦 (7 scalars): 2 insertions, 1 − 2/7.
        #expect(abs(metric.score("👨‍👩‍👧", "👨‍👩‍👧‍👦") - 5.0 / 7.0) < 1e-15)
    }

    @Test("combining characters: e + U+0301 differs from é as written, equals it after NFKC")
    func combining() {
        // "é" is 1 scalar, "e\u{301}" 2: substitute é→e, insert U+0301 = 2 edits over 2.
        #expect(metric.score("é", "e\u{301}") == 0)
        #expect(LevenshteinSimilarity(form: .normalized).score("é", "e\u{301}") == 1)
    }

    @Test("full-width and Chinese punctuation count as written; the normalized and comparable forms fold them")
    func widthAndPunctuation() {
        #expect(metric.score("ＡＢＣ１２３", "ABC123") == 0)
        #expect(LevenshteinSimilarity(form: .normalized).score("ＡＢＣ１２３", "ABC123") == 1)
        // 你好，世界。 vs 你好,世界.: as written ， and 。 differ (2 of 6); NFKC folds ， only (1 of 6);
        // comparable folds both.
        #expect(abs(metric.score("你好，世界。", "你好,世界.") - 4.0 / 6.0) < 1e-15)
        #expect(abs(LevenshteinSimilarity(form: .normalized).score("你好，世界。", "你好,世界.") - 5.0 / 6.0) < 1e-15)
        #expect(LevenshteinSimilarity(form: .comparable).score("你好，世界。", "你好,世界.") == 1)
    }

    @Test("a 5,000-character text with 50 substitutions scores 1 − 50/5000")
    func longInput() {
        let reference = String(repeating: "订单已发货", count: 1000)
        var candidate = Array(reference)
        for i in stride(from: 0, to: 5000, by: 100) { candidate[i] = "X" }
        #expect(abs(metric.score(reference, String(candidate)) - 0.99) < 1e-12)
    }
}
