import Testing
@testable import PromptCompat

/// What every metric promises: 0…1, both empty 1, one empty 0 (FactsPreserved: 1 without reference
/// facts), and a Scorer can be made from any of them.
@Suite("Metric contract")
struct MetricTests {
    static let all: [any Metric] = [
        RougeLMetric(), CharNGramF1.chrF, CharNGramF1.chrFPlusPlus, LevenshteinSimilarity(), LengthRatio(),
        FactsPreserved(), LanguageMix(), FormatFeatures(),
    ]

    static let samples = [
        "", "订单20240709001已于2024年7月9日发货，金额¥1,299.00。", "Your order shipped on July 9, 2024.",
        "| a | b |\n|---|---|\n| 1 | 2 |", "{\"status\": \"shipped\"}", "👍🏽 👨‍👩‍👧", "cafe\u{301}", "ＡＢＣ！",
    ]

    @Test("every score is within 0…1 and a text compared with itself scores 1")
    func range() {
        for metric in Self.all {
            for a in Self.samples {
                #expect(metric.score(a, a) == 1, "\(metric.name) of \(a) with itself")
                for b in Self.samples {
                    let score = metric.score(a, b)
                    #expect(score >= 0 && score <= 1, "\(metric.name): \(score)")
                }
            }
        }
    }

    @Test("both empty scores 1; one empty scores 0, except FactsPreserved with a fact-free reference")
    func empty() {
        for metric in Self.all {
            #expect(metric.score("", "") == 1, "\(metric.name)")
            #expect(metric.score("订单20240709001已发货", "") == 0, "\(metric.name)")
            if !(metric is FactsPreserved) { #expect(metric.score("", "订单已发货") == 0, "\(metric.name)") }
        }
        // No fact in the reference: nothing can be lost.
        #expect(FactsPreserved().score("", "订单20240709001已发货") == 1)
        #expect(FactsPreserved().score("订单已发货", "") == 1)
    }

    @Test("names are distinct, so a report can tell the metrics apart")
    func names() {
        #expect(Set(Self.all.map(\.name)).count == Self.all.count)
    }

    @Test("a Scorer made from a metric scores with it under its name")
    func scorer() {
        let scorer = Scorer(CharNGramF1.chrF)
        #expect(scorer.name == "chrF")
        #expect(scorer.score("abcd", "ab") == CharNGramF1.chrF.score("abcd", "ab"))
    }

    @Test("TextForm applies nothing, the normalizer, or the comparable form")
    func textForm() {
        #expect(TextForm.asWritten.apply(" ＡＢ，") == " ＡＢ，")
        #expect(TextForm.normalized.apply(" ＡＢ，") == "AB,")
        #expect(TextForm.comparable.apply(" ＡＢ。") == "ab.")
    }
}
