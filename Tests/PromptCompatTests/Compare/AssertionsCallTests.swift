import Testing
@testable import PromptCompat

/// The assertions about the call rather than the text: refusal, finish reason, latency and cost. What
/// cannot be known (no price, no latency) is noted, not failed.
@Suite("Assertions on the call")
struct AssertionsCallTests {
    @Test("refusal false: a refusal fails, quoting the sentence that declines")
    func refusalFalse() {
        let expect = Expectations(refusal: false)
        #expect(Assertions.failures(of: "您好，订单 20240709 已发货。", against: expect).isEmpty)
        #expect(Assertions.failures(of: "抱歉，我无法提供该信息。请咨询专业律师。", against: expect) == [#"refuses: "抱歉，我无法提供该信息。""#])
    }

    @Test("refusal true: an answer that does not decline fails, quoting its start")
    func refusalTrue() {
        let expect = Expectations(refusal: true)
        #expect(Assertions.failures(of: "I'm sorry, but I can't help with that.", against: expect).isEmpty)
        // The first 24 characters are "Sure! Here is the recipe".
        #expect(Assertions.failures(of: "Sure! Here is the recipe you asked for: mix flour and water.", against: expect)
            == [#"is not a refusal, expected one (starts "Sure! Here is the recipe…")"#])
        #expect(Assertions.failures(of: "", against: expect) == ["is not a refusal, expected one (the output is empty)"])
    }

    @Test("finishReason: the completion must end the way the case expects")
    func finishReason() {
        let expect = Expectations(finishReason: "stop")
        #expect(Assertions.failures(of: ObservedOutput(text: "ok", finishReason: "stop"), against: expect).isEmpty)
        #expect(Assertions.failures(of: ObservedOutput(text: "ok", finishReason: "length"), against: expect)
            == [#"ended with finish_reason "length", expected "stop""#])
        #expect(Assertions.failures(of: ObservedOutput(text: "ok"), against: expect) == [#"ended without a finish_reason, expected "stop""#])
    }

    @Test("maxLatencySeconds: slower fails; an unmeasured latency is noted, not failed")
    func maxLatency() {
        let expect = Expectations(maxLatencySeconds: 10)
        #expect(Assertions.evaluate(ObservedOutput(text: "ok", latency: 10), against: expect) == AssertionOutcome())
        #expect(Assertions.failures(of: ObservedOutput(text: "ok", latency: 12.5), against: expect) == ["took 12.50 s, more than maxLatencySeconds 10"])
        #expect(Assertions.evaluate(ObservedOutput(text: "ok"), against: expect)
            == AssertionOutcome(notes: ["maxLatencySeconds not checked: latency not measured"]))
    }

    @Test("maxCostCNY: a dearer call fails; an unknown cost is noted with its reason, not failed")
    func maxCost() {
        let expect = Expectations(maxCostCNY: 0.01)
        #expect(Assertions.failures(of: ObservedOutput(text: "ok", cost: .cny(0.01)), against: expect).isEmpty)
        #expect(Assertions.failures(of: ObservedOutput(text: "ok", cost: .cny(0.0123)), against: expect) == ["cost 0.0123 CNY, more than maxCostCNY 0.01"])
        let unpriced = ObservedOutput(text: "ok", cost: .unknown(reason: "no price for model qwen-long in the Alibaba DashScope / Bailian (Qwen) profile"))
        #expect(Assertions.evaluate(unpriced, against: expect)
            == AssertionOutcome(notes: ["maxCostCNY not checked: cost unknown: no price for model qwen-long in the Alibaba DashScope / Bailian (Qwen) profile"]))
    }

    @Test("a call's cost is usage times the profile's price per 1M tokens for the model")
    func callCost() throws {
        let zhipu = try #require(ProviderProfile.named("zhipu"))
        let price = try #require(zhipu.model(named: "glm-4-air"))
        #expect(price.inputPrice == 1 && price.outputPrice == 1)
        // (1000 × 1 + 500 × 1) / 1,000,000 = 0.0015 CNY
        #expect(CallCost(usage: Usage(promptTokens: 1000, completionTokens: 500), model: "glm-4-air", profile: zhipu) == .cny(0.0015))
        #expect(CallCost(usage: Usage(promptTokens: 1, completionTokens: 1), model: "glm-5", profile: zhipu)
            == .unknown(reason: "no price for model glm-5 in the \(zhipu.displayName) profile"))
        #expect(CallCost(usage: nil, model: "glm-4-air", profile: zhipu) == .unknown(reason: "the provider reported no token usage"))
        #expect(CallCost(usage: Usage(promptTokens: 1, completionTokens: 1), model: "glm-4-air", profile: nil)
            == .unknown(reason: "no price for model glm-4-air"))
    }

    @Test("an observation of a completion keeps its text, finish reason, latency and the cost given")
    func observationOfACompletion() {
        let completion = Completion(text: "好的", finishReason: "stop", model: "glm-4-air", usage: Usage(promptTokens: 3, completionTokens: 2), latency: 1.5)
        #expect(ObservedOutput(completion, cost: .cny(0.2)) == ObservedOutput(text: "好的", finishReason: "stop", latency: 1.5, cost: .cny(0.2)))
    }

    @Test("a cost is written with up to 8 decimals and no trailing zeros")
    func costFormat() {
        #expect(Assertions.formatCNY(0.0123) == "0.0123")
        #expect(Assertions.formatCNY(0.00000135) == "0.00000135")
        #expect(Assertions.formatCNY(2) == "2")
    }

    @Test("text failures come first, then JSON, tool call, refusal, finish reason, latency and cost")
    func fixedOrder() {
        let expect = Expectations(json: true, contains: ["订单"], refusal: false, finishReason: "stop", maxLatencySeconds: 1, maxCostCNY: 0)
        let observed = ObservedOutput(text: "I'm sorry, but I can't.", finishReason: "length", latency: 2, cost: .cny(0.5))
        #expect(Assertions.failures(of: observed, against: expect) == [
            #"does not contain "订单""#,
            "is not valid JSON",
            #"refuses: "I'm sorry, but I can't.""#,
            #"ended with finish_reason "length", expected "stop""#,
            "took 2.00 s, more than maxLatencySeconds 1",
            "cost 0.5 CNY, more than maxCostCNY 0",
        ])
    }
}
