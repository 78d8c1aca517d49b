import Foundation
import PromptCompat
import Testing

/// An answer cut for length becomes a classified `truncated` failure, unless the accepted answer was cut too.
@Suite("ProviderFailure.truncation")
struct TruncationTests {
    func request(maxTokens: Int?) -> ChatRequest {
        var parameters = JSONObject()
        if let maxTokens { parameters["max_tokens"] = .number(Double(maxTokens)) }
        return ChatRequest(model: "m", messages: [ChatMessage(role: .user, content: "介绍退货流程")], parameters: parameters)
    }

    func answer(_ finishReason: String?, tokens: Int = 64) -> Completion {
        Completion(text: "您好，退货流程如下：第一步，登录账户；第二步", finishReason: finishReason, usage: Usage(promptTokens: 20, completionTokens: tokens))
    }

    @Test("finish_reason length at the requested max_tokens is a truncation naming the limit and how the answer ends")
    func cutAtMaxTokens() throws {
        let failure = try #require(ProviderFailure.truncation(of: answer("length"), request: request(maxTokens: 64), referenceFinishReasons: ["stop"]))
        #expect(failure.cause == .truncated(limit: 64))
        #expect(failure.causeName == "truncated")
        #expect(failure.message.hasPrefix("the answer was cut at max_tokens 64 (finish_reason length)"))
        #expect(failure.message.hasSuffix("it ends: …您好，退货流程如下：第一步，登录账户；第二步"))
        #expect(!failure.blocksMigration, "a cut answer is re-tuned (max_tokens, a shorter answer), not a blocker")
        #expect(!RetryPolicy.isRetryable(failure))
    }

    @Test("cut before the requested max_tokens: the provider's own cap, with the token count where it stopped")
    func providerCap() throws {
        let failure = try #require(ProviderFailure.truncation(of: answer("length", tokens: 1024), request: request(maxTokens: 4096)))
        #expect(failure.cause == .truncated(limit: 1024))
        #expect(failure.message.contains("cut after 1024 tokens although max_tokens is 4096: the provider caps output"))
    }

    @Test("a cap the adapter applied is named in the message")
    func adapterCap() throws {
        let cap = Adaptation(rule: "max_tokens", change: "max_tokens 8192 → 4096 (Zhipu GLM caps glm-4 output at 4096 tokens)")
        let failure = try #require(ProviderFailure.truncation(of: answer("length", tokens: 4096), request: request(maxTokens: 4096), adaptations: [cap]))
        #expect(failure.message.contains("the adapter capped it: max_tokens 8192 → 4096"))
    }

    @Test("no max_tokens sent: cut at the provider's default limit")
    func defaultLimit() throws {
        let failure = try #require(ProviderFailure.truncation(of: answer("length"), request: request(maxTokens: nil)))
        #expect(failure.cause == .truncated(limit: nil))
        #expect(failure.message.contains("default output limit"))
    }

    @Test("other spellings of a length stop count too", arguments: ["max_tokens", "model_length"])
    func otherSpellings(reason: String) {
        #expect(ProviderFailure.truncation(of: answer(reason), request: request(maxTokens: 64))?.cause == .truncated(limit: 64))
    }

    @Test("a finished answer is not truncated", arguments: ["stop", "tool_calls", nil] as [String?])
    func finishedAnswers(reason: String?) {
        #expect(ProviderFailure.truncation(of: answer(reason), request: request(maxTokens: 64)) == nil)
    }

    @Test("when the accepted answer was cut at its max_tokens too, the cut is the prompt's design, not a migration break")
    func baselineCutToo() {
        #expect(ProviderFailure.truncation(of: answer("length"), request: request(maxTokens: 64), referenceFinishReasons: ["length", "stop"]) == nil)
    }
}
