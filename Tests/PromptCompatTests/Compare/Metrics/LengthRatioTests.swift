import Testing
@testable import PromptCompat

/// Shorter over longer, in characters a person counts.
@Suite("Length ratio")
struct LengthRatioTests {
    let metric = LengthRatio()

    @Test("CJK characters count one each: 5 vs 9 characters is 5/9")
    func cjk() {
        #expect(abs(metric.score("订单已发货", "您的订单已经发货了") - 5.0 / 9.0) < 1e-15)
        #expect(abs(metric.score("您的订单已经发货了", "订单已发货") - 5.0 / 9.0) < 1e-15)
    }

    @Test("an emoji with a skin tone, a ZWJ family and e + U+0301 are one character each")
    func graphemes() {
        #expect(metric.score("👍🏽", "a") == 1)
        #expect(metric.score("👨‍👩‍👧‍👦", "b") == 1)
        #expect(metric.score("e\u{301}", "é") == 1)
        // "ok 👍🏽" is 4 characters (o, k, space, 👍🏽) against 8.
        #expect(metric.score("ok 👍🏽", "ok thanks") == 4.0 / 9.0)
    }

    @Test("full-width and half-width, Chinese and Latin punctuation are the same length")
    func widthAndPunctuation() {
        #expect(metric.score("ＡＢＣ", "ABC") == 1)
        #expect(metric.score("你好，世界。", "你好,世界.") == 1)
    }

    @Test("empty texts: both empty 1, one empty 0; spaces around do not count")
    func empty() {
        #expect(metric.score("", "") == 1)
        #expect(metric.score("  \n", "") == 1)
        #expect(metric.score("", "订单") == 0)
        #expect(metric.score("订单", "") == 0)
    }

    @Test("change is signed: 4 of 5 is −0.2, 15 of 10 is +0.5, an empty reference is +∞")
    func change() {
        #expect(abs(LengthRatio.change("订单已发货", "订单已发") - -0.2) < 1e-15)
        #expect(LengthRatio.change("0123456789", "012345678901234") == 0.5)
        #expect(LengthRatio.change("same", "SAME") == 0)
        #expect(LengthRatio.change("", "") == 0)
        #expect(LengthRatio.change("", "x") == .infinity)
        #expect(LengthRatio.change("x", "") == -1)
    }

    @Test("a 5,000-character text against 4,000 characters scores 0.8")
    func longInput() {
        #expect(metric.score(String(repeating: "订", count: 5000), String(repeating: "单", count: 4000)) == 0.8)
    }
}
