import Testing
@testable import PromptCompat

/// ROUGE-L as a Metric: the same F1 as RougeL.f1, on integer token ids.
@Suite("ROUGE-L metric")
struct RougeLMetricTests {
    @Test("the metric is RougeL.f1 under the name rouge-l")
    func wrapsRougeL() {
        let metric = RougeLMetric()
        #expect(metric.name == "rouge-l")
        // 订单已发货 (5 tokens) in 您的订单已经发货 (8): LCS 5, P 5/8, R 1, F1 = 10/13.
        #expect(abs(metric.score("订单已发货", "您的订单已经发货") - 10.0 / 13.0) < 1e-15)
        #expect(metric.score("", "") == 1)
        #expect(metric.score("", "订单") == 0)
    }

    @Test("the id path gives the same F1 as the string-token path")
    func idsMatchStrings() {
        let pairs = [
            ("您好，订单20240709已发货, shipped TODAY", "订单 20240709 shipped today，您好"),
            ("Price: 1,299.00 USD 价格", "价格 1,299.00 usd price"),
            ("カタカナ 한국 café", "café 한국"),
        ]
        for (a, b) in pairs {
            #expect(RougeL.f1(a, b) == RougeL.f1(tokens: Tokenizer.tokens(a), Tokenizer.tokens(b)))
        }
    }

    @Test("emoji and punctuation are not tokens; a combining accent stays in its word after NFKC")
    func emojiAndCombining() {
        #expect(RougeLMetric().score("👍🏽 订单", "订单 👨‍👩‍👧") == 1)
        #expect(RougeLMetric().score("cafe\u{301}", "café") == 1)
        #expect(RougeLMetric().score("订单。", "订单！") == 1)
    }

    @Test("a 5,000-token text with every tenth token deleted: P 1, R 0.9, F1 18/19")
    func longInput() {
        let reference = String(repeating: "订单已发货", count: 1000)
        let candidate = String(reference.enumerated().filter { $0.offset % 10 != 9 }.map(\.element))
        // LCS = 4,500 (the candidate is a subsequence); P = 4500/4500, R = 4500/5000; F1 = 2·0.9/1.9.
        #expect(abs(RougeLMetric().score(reference, candidate) - 18.0 / 19.0) < 1e-12)
    }
}
