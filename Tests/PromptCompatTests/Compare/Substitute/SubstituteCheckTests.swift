import Testing
@testable import PromptCompat

/// The list of checks a comparison runs, what `findings` returns, and how a finding fails a case.
@Suite("Substitute checks: the list and its findings")
struct SubstituteCheckTests {
    @Test("the defaults run most telling first, the exclusive ones (tool call, loop, echo) leading")
    func defaultsOrder() {
        #expect(SubstituteCheck.defaults.map(\.name) == [
            "tool-call", "loop", "echo", "empty", "refusal", "language", "json", "facts", "edit", "label", "constraint", "format",
            "truncation", "coverage", "list", "owner",
        ])
        #expect(SubstituteCheck.defaults.filter(\.exclusive).map(\.name) == ["tool-call", "loop", "echo"])
    }

    @Test("an exclusive check that finds something speaks alone; one that finds nothing lets the others speak")
    func exclusive() {
        let loud = SubstituteCheck(name: "loud", exclusive: true) { _ in ["the cause"] }
        let quiet = SubstituteCheck(name: "quiet", exclusive: true) { _ in [] }
        let symptom = SubstituteCheck(name: "symptom") { _ in ["a symptom"] }
        let input = SubstituteCheck.Input(samples: ["a"], candidate: "b")
        #expect(SubstituteCheck.findings(input, checks: [symptom, loud]).map(\.reason) == ["the cause"])
        #expect(SubstituteCheck.findings(input, checks: [quiet, symptom]).map(\.reason) == ["a symptom"])
    }

    @Test("without accepted samples there is nothing to compare with: no findings, even for an empty answer")
    func noSamplesNoFindings() {
        #expect(SubstituteCheck.findings(.init(samples: [], candidate: "")) == [])
        #expect(SubstituteCheck.findings(.init(samples: [], candidate: "Your order has shipped.")) == [])
    }

    @Test("each finding carries the name of the check that found it, in the order of the list")
    func findingsNameTheirCheck() {
        // 订单 20240709 已发货。: Chinese, one fact (20240709, eight digits: an identifier). The English
        // candidate switches language and drops it. It is 23 characters against 16, so not truncated, and
        // the 16-character sample is a label but the candidate neither contains it nor exceeds 2 × 16 + 4.
        let findings = SubstituteCheck.findings(.init(samples: ["订单 20240709 已发货。"], candidate: "Your order has shipped."))
        #expect(findings == [
            SubstituteFinding(check: "language", reason: "answer switched from Chinese to English"),
            SubstituteFinding(check: "facts", reason: "dropped the code 20240709"),
        ])
    }

    @Test("a team can drop a built-in check from the list")
    func dropACheck() {
        let checks = SubstituteCheck.defaults.filter { $0.name != "language" }
        let findings = SubstituteCheck.findings(.init(samples: ["订单 20240709 已发货。"], candidate: "Your order has shipped."), checks: checks)
        #expect(findings == [SubstituteFinding(check: "facts", reason: "dropped the code 20240709")])
    }

    @Test("a custom check is a closure value added to the list; its findings carry its name")
    func customCheck() {
        let competitor = SubstituteCheck(name: "competitor") { input in
            input.candidate.contains("淘宝") ? ["mentions a competitor's store"] : []
        }
        // No built-in check minds the candidate: same language, no facts, 9 characters longer (more than an
        // edit of 8), no format words in the prompt, longer than the sample.
        let input = SubstituteCheck.Input(samples: ["您可以在京东APP的订单页面申请退货。"], candidate: "您可以在京东APP的订单页面申请退货，也可以去淘宝看看。")
        #expect(SubstituteCheck.findings(input, checks: SubstituteCheck.defaults + [competitor]) == [
            SubstituteFinding(check: "competitor", reason: "mentions a competitor's store"),
        ])
        #expect(SubstituteCheck.findings(input) == [])
    }

    @Test("a finding fails the case even when the similarity passes")
    func findingFailsTheCase() {
        let result = CaseComparison.compare(
            output: "这款耳机的活动价是¥199，今天下单包邮。", samples: ["这款耳机的活动价是¥299，今天下单包邮。"],
            expect: Expectations(), defaultSimilarity: 0.25, referenceName: "snapshots/local-a", targetName: "qwen")
        #expect(result.similarityPassed, "one number of a short sentence changed: ROUGE-L stays far above 0.25")
        // The price is both a changed fact and a one-character edit of a number; the edit is shown with two
        // characters of context on the left (是¥) and to the end of the number on the right.
        #expect(result.findings == [
            SubstituteFinding(check: "facts", reason: "changed the amount ¥299 → ¥199"),
            SubstituteFinding(check: "edit", reason: #"changed "是¥299" → "是¥199""#),
        ])
        #expect(!result.passed)
    }
}
