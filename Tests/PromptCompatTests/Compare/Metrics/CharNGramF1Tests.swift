import Testing
@testable import PromptCompat

/// chrF as sacrebleu defines it: character n-grams 1…6 without whitespace, precision and recall averaged
/// over the effective orders, then F-beta. Every expected value is computed by hand in its comment (and
/// agrees with `sacrebleu.sentence_chrf(hyp, [ref]).score / 100`).
@Suite("chrF (character n-gram F-score)")
struct CharNGramF1Tests {
    let chrF = CharNGramF1.chrF

    /// F-beta of averaged precision and recall.
    static func f(_ precision: Double, _ recall: Double, beta: Double = 2) -> Double {
        (1 + beta * beta) * precision * recall / (beta * beta * precision + recall)
    }

    @Test("abc vs abd: orders 1–3 effective, P̄ = R̄ = 7/18")
    func symmetricExample() {
        // 1-grams a b c / a b d: 2 match of 3 and 3. 2-grams ab bc / ab bd: 1 of 2 and 2. 3-grams: 0 of 1 and 1.
        // P̄ = R̄ = (2/3 + 1/2 + 0)/3 = 7/18, and F-beta of equal P and R is that value.
        #expect(abs(chrF.score("abc", "abd") - 7.0 / 18.0) < 1e-15)
    }

    @Test("recall weighs twice: a candidate missing half the reference scores 25/53, the reverse 25/32")
    func betaWeighsRecall() {
        // Reference abcd, candidate ab. 1-grams: 2 of 2 and 4 match (P 1, R 1/2); 2-grams: ab, 1 of 1 and 3
        // (P 1, R 1/3); 3-grams: none in the candidate, not effective. P̄ = 1, R̄ = 5/12.
        // β=2: 5·(5/12) / (4 + 5/12) = 25/53. β=1: 2·(5/12) / (1 + 5/12) = 10/17.
        #expect(abs(chrF.score("abcd", "ab") - 25.0 / 53.0) < 1e-15)
        #expect(abs(CharNGramF1.f1.score("abcd", "ab") - 10.0 / 17.0) < 1e-15)
        // Swapped: P̄ = 5/12, R̄ = 1: 5·(5/12) / (4·5/12 + 1) = 25/32.
        #expect(abs(chrF.score("ab", "abcd") - 25.0 / 32.0) < 1e-15)
    }

    @Test("a Chinese pair: 订单已发货 vs 订单已经发货 with five effective orders")
    func chineseExample() {
        // 1-grams: 5 match of 6 (hyp) and 5 (ref). 2-grams: 订单 单已 发货 match, of 5 and 4. 3-grams: 订单已,
        // 1 of 4 and 3. 4-grams: 0 of 3 and 2. 5-grams: 0 of 2 and 1. 6-grams: the reference has none.
        let precision = (5.0 / 6 + 3.0 / 5 + 1.0 / 4 + 0 + 0) / 5
        let recall = (1.0 + 3.0 / 4 + 1.0 / 3 + 0 + 0) / 5
        #expect(abs(chrF.score("订单已发货", "订单已经发货") - Self.f(precision, recall)) < 1e-15)
    }

    @Test("chrF++ adds word unigrams and bigrams, with trailing punctuation split off")
    func chrFPlusPlus() {
        // Reference "the cat sat." → chars thecatsat. (10), words the cat sat . ; candidate "the cat sat" (9
        // chars, 3 words). Every candidate n-gram matches: P = 1 for all 8 orders. Recall: chars n=1…6
        // (10−n+1 − 1)/(10−n+1) = 9/10, 8/9, 7/8, 6/7, 5/6, 4/5; words 3/4 and 2/3.
        let recall = (9.0 / 10 + 8.0 / 9 + 7.0 / 8 + 6.0 / 7 + 5.0 / 6 + 4.0 / 5 + 3.0 / 4 + 2.0 / 3) / 8
        #expect(abs(CharNGramF1.chrFPlusPlus.score("the cat sat.", "the cat sat") - Self.f(1, recall)) < 1e-15)
        #expect(CharNGramF1.words("(hi) you, ok") == ["(hi", ")", "you", ",", "ok"])
    }

    @Test("whitespace is ignored, case and width count as written")
    func whitespaceAndForm() {
        #expect(chrF.score("a b\tc", "abc") == 1)
        #expect(chrF.score("订单 已发货", "订单已发货\u{3000}") == 1)
        #expect(chrF.score("ＡＢＣ", "ABC") == 0)
        #expect(CharNGramF1(form: .normalized).score("ＡＢＣ", "ABC") == 1)
        #expect(CharNGramF1(form: .comparable).score("您好！订单。", "您好!订单.") == 1)
        #expect(chrF.score("ABC", "abc") == 0)
    }

    @Test("empty texts: both empty (or only spaces) 1, one empty 0")
    func empty() {
        #expect(chrF.score("", "") == 1)
        #expect(chrF.score("  ", "\n") == 1)
        #expect(chrF.score("", "abc") == 0)
        #expect(chrF.score("abc", "") == 0)
    }

    @Test("emoji and combining marks are n-grams of Unicode scalars")
    func scalars() {
        // 👍🏽 = 👍 + skin tone (2 scalars) vs 👍: 1-grams P 1, R 1/2; 2-grams: none in the candidate.
        // P̄ = 1, R̄ = 1/2: 5·(1/2) / (4 + 1/2) = 5/9.
        #expect(abs(chrF.score("👍🏽", "👍") - 5.0 / 9.0) < 1e-15)
        // é vs e + U+0301: no scalar in common as written; NFKC composes them.
        #expect(chrF.score("é", "e\u{301}") == 0)
        #expect(CharNGramF1(form: .normalized).score("é", "e\u{301}") == 1)
    }

    @Test("a 5,000-character periodic text against its first half: P = 1, Rₙ = (2501−n)/(5001−n)")
    func longInput() {
        // Every n-gram of "abab…" (2,500 characters) occurs in "abab…" (5,000), so each order has precision 1
        // and recall (2500−n+1)/(5000−n+1).
        let reference = String(repeating: "ab", count: 2500)
        let recalls: [Double] = (1...6).map { (n: Int) -> Double in Double(2501 - n) / Double(5001 - n) }
        let recall = recalls.reduce(0, +) / 6
        #expect(abs(chrF.score(reference, String(reference.prefix(2500))) - Self.f(1, recall)) < 1e-14)
    }

    @Test("a character order above 6 takes the dictionary path and still counts exactly")
    func highOrder() {
        // abcdefgh vs abcdefgx: order n has 9−n n-grams each, of which 8−n match (n ≤ 7); order 8: 0 of 1.
        let metric = CharNGramF1(charOrder: 8, beta: 1)
        let precisions: [Double] = (1...8).map { (n: Int) -> Double in Double(8 - n) / Double(9 - n) }
        let p = precisions.reduce(0, +) / 8
        #expect(abs(metric.score("abcdefgh", "abcdefgx") - p) < 1e-15)
    }

    @Test("names: chrF, chrF++, and non-default parameters spelled out")
    func names() {
        #expect(CharNGramF1.chrF.name == "chrF")
        #expect(CharNGramF1.chrFPlusPlus.name == "chrF++")
        #expect(CharNGramF1.f1.name == "chrF-β1")
        #expect(CharNGramF1(charOrder: 4, wordOrder: 3, beta: 0.5).name == "chrF+w3-β0.5-c4")
    }
}

/// The whitespace chrF removes is exactly what Python's str.split() splits on.
@Suite("chrF whitespace")
struct CharNGramF1WhitespaceTests {
    @Test("the whitespace table is Unicode White_Space plus U+001C…U+001F, as Python's str.isspace()")
    func pythonWhitespace() {
        for value in UInt32(0)...0x3000 {
            guard let scalar = Unicode.Scalar(value) else { continue }
            let python = scalar.properties.isWhitespace || (0x1C...0x1F).contains(value)
            #expect(CharNGramF1.isPythonWhitespace(scalar) == python, "U+\(String(value, radix: 16))")
        }
    }
}
