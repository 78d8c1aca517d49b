import Testing
@testable import PromptCompat

/// ROUGE-L F1 over tokens: the longest common subsequence as the harmonic mean of precision and recall.
@Suite("ROUGE-L")
struct RougeLTests {
    @Test("identical texts score 1, also after normalization")
    func identicalIsOne() {
        #expect(RougeL.f1("订单已发货", "订单已发货") == 1)
        #expect(RougeL.f1("Order shipped.", "order  SHIPPED") == 1)
        #expect(RougeL.f1("ＡＢＣ１２３", "ABC 123") == 1)
    }

    @Test("texts without a common token score 0")
    func disjointIsZero() {
        #expect(RougeL.f1("abc def", "xyz uvw") == 0)
        #expect(RougeL.f1("订单已发货", "hello world") == 0)
    }

    @Test("a hand-computed CJK value: LCS 7 of 7 and 10 tokens gives 14/17")
    func knownCJKValue() {
        // 您好，订单已发货 → 您 好 订 单 已 发 货 (7); 您好，您的订单已经发货 → 您 好 您 的 订 单 已 经 发 货 (10).
        // LCS = 您 好 订 单 已 发 货 = 7: recall 7/7, precision 7/10, F1 = 2·0.7·1 / 1.7 = 14/17.
        #expect(abs(RougeL.f1("您好，订单已发货", "您好，您的订单已经发货") - 14.0 / 17.0) < 1e-12)
        // 订单已发货 (5) in 您的订单已经发货 (8): LCS 5, precision 5/8, recall 1, F1 = 10/13.
        #expect(abs(RougeL.f1("订单已发货", "您的订单已经发货") - 10.0 / 13.0) < 1e-12)
    }

    @Test("a hand-computed Latin value: order matters, not only overlap")
    func knownLatinValue() {
        // a b c d vs d c b a: the LCS is one token; precision = recall = 1/4, F1 = 1/4.
        #expect(RougeL.f1("a b c d", "d c b a") == 0.25)
        // a b c d vs a b c e: LCS 3; precision = recall = 3/4.
        #expect(RougeL.f1("a b c d", "a b c e") == 0.75)
    }

    @Test("F1 is symmetric: swapping reference and candidate swaps precision and recall")
    func symmetric() {
        #expect(RougeL.f1("订单已发货", "您的订单已经发货") == RougeL.f1("您的订单已经发货", "订单已发货"))
    }

    @Test("two empty texts score 1; one empty text scores 0; punctuation alone counts as empty")
    func emptyCases() {
        #expect(RougeL.f1("", "") == 1)
        #expect(RougeL.f1("", "something") == 0)
        #expect(RougeL.f1("something", "") == 0)
        #expect(RougeL.f1("。！", "") == 1)
        #expect(RougeL.f1(tokens: [], []) == 1)
        #expect(RougeL.f1(tokens: ["a"], []) == 0)
    }

    @Test("the LCS length counts common elements in order")
    func lcsLength() {
        #expect(RougeL.lcsLength(Array("ABCBDAB"), Array("BDCABA")) == 4)
        #expect(RougeL.lcsLength([Int](), [1, 2]) == 0)
        #expect(RougeL.lcsLength([1, 2, 3], [1, 2, 3]) == 3)
    }

    @Test("the rouge-l scorer is ROUGE-L F1 under a name the report shows")
    func scorer() {
        #expect(Scorer.rougeL.name == "rouge-l")
        #expect(Scorer.rougeL.score("a b c d", "a b c e") == 0.75)
        #expect(Scorer.for(Expectations()).name == "rouge-l")
        #expect(Scorer.for(Expectations(json: false)).name == "rouge-l")
        #expect(Scorer.for(Expectations(json: true)).name == "json-structure")
    }
}
