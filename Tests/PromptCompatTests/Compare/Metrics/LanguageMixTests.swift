import Testing
@testable import PromptCompat

/// CJK and Latin shares, the dominant language, and the switch sentence.
@Suite("Language mix")
struct LanguageMixTests {
    @Test("shares count CJK characters and Latin letters; digits, punctuation and emoji are not counted")
    func shares() {
        let mix = LanguageMix.of("您的订单 ABC 已发货！123 👍🏽")
        #expect(mix.cjkCharacters == 7)
        #expect(mix.latinLetters == 3)
        #expect(mix.cjkShare == 0.7)
        #expect(abs(mix.latinShare - 0.3) < 1e-15)
        #expect(LanguageMix.of("ＡＢＣ café").latinLetters == 7)
        #expect(LanguageMix.of("123，。👍").cjkShare == 0)
    }

    @Test("the dominant language weighs a CJK character as three Latin letters", arguments: [
        ("订单已发货", LanguageMix.Language.zh),
        ("Your order has shipped", .en),
        // 7 CJK, 7 Latin: 21 / (21 + 7) = 0.75 ≥ 0.7.
        ("请调用API接口返回JSON", .zh),
        // 2 CJK, 22 Latin: 6 / 28 ≈ 0.21 ≤ 0.3.
        ("Please call the 接口 via the API", .en),
        // 5 CJK, 19 Latin: 15 / 34 ≈ 0.44.
        ("订单已发货 Your order has shipped", .mixed),
        ("12345 👍", .none),
        ("", .none),
    ])
    func dominant(text: String, language: LanguageMix.Language) {
        #expect(LanguageMix.of(text).dominant == language)
    }

    @Test("the metric is 1 for the same dominant language, else 0; both empty 1, one empty 0")
    func metric() {
        let metric = LanguageMix()
        #expect(metric.score("订单已发货", "您的订单已经发货了") == 1)
        #expect(metric.score("订单已发货", "Your order has shipped") == 0)
        #expect(metric.score("", "") == 1)
        #expect(metric.score("", "订单") == 0)
        #expect(metric.score("ＯＫ", "ok") == 1)
    }

    @Test("switched describes the change of language, nil when there is none")
    func switched() {
        #expect(LanguageMix.switched(from: "订单已发货", to: "Your order has shipped") == "answer switched from Chinese to English")
        #expect(LanguageMix.switched(from: "订单已发货", to: "订单已发货 Your order has shipped") == "answer switched from Chinese to mixed Chinese and English")
        #expect(LanguageMix.switched(from: "订单已发货", to: "👍") == "answer has no letters any more (was Chinese)")
        #expect(LanguageMix.switched(from: "42", to: "Done") == "answer is now English (had no letters)")
        #expect(LanguageMix.switched(from: "订单已发货", to: "好的") == nil)
    }
}
