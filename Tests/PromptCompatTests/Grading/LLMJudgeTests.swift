import Foundation
import PromptCompat
import PromptCompatTestSupport
import Testing

/// `LLMJudge` over real loopback HTTP: the request it sends, reading the reply, and failures.
@Suite("LLM judge")
struct LLMJudgeTests {
    typealias F = GradingFixtures

    static let task = "把退款政策告诉客户。"
    static let reference = "退款将在7个工作日内原路退回。"
    static let candidate = "您的退款会在七个工作日内退回原账户。"

    @Test("the request: judge model, system + user message, temperature 0, max_tokens 120, JSON mode on llama.cpp")
    func requestShape() async throws {
        let server = try LoopbackServer { _ in .json(200, F.chatBody(reply: #"{"score": 9, "reason": "意思一致"}"#)) }
        defer { server.stop() }
        _ = try await F.judge(for: server, profile: "llama-cpp").verdict(.pairwise(reference: Self.reference), task: Self.task, candidate: Self.candidate)

        let request = try #require(server.requests.first)
        #expect(request.path == "/v1/chat/completions")
        #expect(request.header("Authorization") == "Bearer \(F.key)")
        let body = try JSONValue(parsing: request.body)
        #expect(body["model"] == "grader-model")
        #expect(body["temperature"] == 0)
        #expect(body["max_tokens"] == 120)
        #expect(body["response_format"]?["type"] == "json_object")
        #expect(body["response_format"]?["schema"] == LLMJudge.verdictSchema, "llama.cpp constrains the reply to the verdict's schema")
        #expect(body["stream"] == nil)
        let messages = try #require(body["messages"]?.arrayValue)
        #expect(messages.map { $0["role"]?.stringValue } == ["system", "user"])
        let user = try #require(messages[1]["content"]?.stringValue)
        #expect(user.contains(Self.task) && user.contains(Self.reference) && user.contains(Self.candidate))
        #expect(user.contains("答案B能否作为答案A的可接受替代"))
    }

    @Test("no response_format when the profile does not support it (Hunyuan)")
    func noJSONModeWhereUnsupported() async throws {
        let server = try LoopbackServer { _ in .json(200, F.chatBody(reply: #"{"score": 9, "reason": "ok"}"#)) }
        defer { server.stop() }
        let judge = F.judge(for: server, profile: "hunyuan")
        #expect(judge.usesJSONMode == false)
        _ = try await judge.verdict(.rubric("说明到账时间"), task: Self.task, candidate: Self.candidate)
        let body = try JSONValue(parsing: try #require(server.requests.first).body)
        #expect(body["response_format"] == nil)
    }

    @Test("the request is adapted to the profile: temperature 0 → 0.01 on Zhipu")
    func adaptedToProfile() {
        let request = Self.offlineJudge(profile: "zhipu").request(.rubric("r"), task: "t", candidate: "c")
        #expect(request.parameters["temperature"] == 0.01)
        #expect(request.parameters["response_format"] == ["type": "json_object"], "plain JSON mode, no schema, off llama.cpp")
    }

    /// A judge whose requests are only built, never sent.
    static func offlineJudge(profile: String = "openai-compatible", language: JudgeLanguage? = nil) -> LLMJudge {
        LLMJudge(config: ProviderConfig(name: "offline", profile: profile, baseURL: URL(string: "http://127.0.0.1:9/v1")!, model: "m"), language: language, cache: nil)
    }

    @Test("the instruction language follows the config, else the task text", arguments: [
        (JudgeLanguage?.none, "把退款政策告诉客户。", "答案B能否作为答案A的可接受替代"),
        (JudgeLanguage?.none, "Tell the customer the refund policy.", "Is answer B an acceptable substitute for answer A"),
        (JudgeLanguage.en, "把退款政策告诉客户。", "Is answer B an acceptable substitute for answer A"),
        (JudgeLanguage.zh, "Tell the customer the refund policy.", "答案B能否作为答案A的可接受替代"),
    ])
    func language(configured: JudgeLanguage?, task: String, expectedPhrase: String) {
        let request = Self.offlineJudge(language: configured).request(.pairwise(reference: "A"), task: task, candidate: "B")
        #expect(request.messages[1].content.contains(expectedPhrase))
    }

    @Test("a fenced or prose-wrapped verdict is read; score 0–10 becomes 0…1; the model is the provider's")
    func tolerantReading() async throws {
        let reply = "好的，评审结果如下：\n```json\n{\"score\": 7, \"reason\": \"基本一致，但少了原路退回\"}\n```"
        let server = try LoopbackServer { _ in .json(200, F.chatBody(reply: reply)) }
        defer { server.stop() }
        let verdict = try await F.judge(for: server).verdict(.pairwise(reference: Self.reference), task: Self.task, candidate: Self.candidate)
        #expect(verdict.score == 0.7)
        #expect(verdict.reason == "基本一致，但少了原路退回")
        #expect(verdict.raw == reply)
        #expect(verdict.model == "judge-model-2024")
        #expect(verdict.cached == false)
    }

    @Test("a reply that is not a JSON verdict is a malformed-response failure carrying the raw reply, not a 0")
    func unparseableReply() async throws {
        let reply = "这个回答很好，我给8分。"
        let server = try LoopbackServer { _ in .json(200, F.chatBody(reply: reply)) }
        defer { server.stop() }
        let failure = try #require(await expectGradingFailure { () async throws(ProviderFailure) in
            try await F.judge(for: server).verdict(.rubric("说明到账时间"), task: Self.task, candidate: Self.candidate)
        })
        #expect(failure.cause == .malformedResponse)
        #expect(failure.evidence == reply)
        #expect(failure.message.contains(reply))
    }

    @Test("a verdict cut at max_tokens says so")
    func cutReply() async throws {
        let server = try LoopbackServer { _ in .json(200, F.chatBody(reply: #"{"score": 6, "reason": "回答提到了退"#, finishReason: "length")) }
        defer { server.stop() }
        let failure = try #require(await expectGradingFailure { () async throws(ProviderFailure) in
            try await F.judge(for: server).verdict(.rubric("r"), task: Self.task, candidate: Self.candidate)
        })
        #expect(failure.cause == .malformedResponse)
        #expect(failure.message.contains("cut at max_tokens"))
    }

    @Test("HTTP failures keep their classification", arguments: [
        (401, #"{"error":{"message":"Incorrect API key provided"}}"#, ProviderFailure.Cause.auth(variable: GradingFixtures.keyVariable)),
        (429, #"{"error":{"message":"Rate limit reached for requests"}}"#, ProviderFailure.Cause.rateLimited(retryAfter: nil)),
        (404, #"{"error":{"message":"The model `grader-model` does not exist"}}"#, ProviderFailure.Cause.invalidRequest),
    ])
    func httpFailures(status: Int, body: String, cause: ProviderFailure.Cause) async throws {
        let server = try LoopbackServer { _ in .json(status, body) }
        defer { server.stop() }
        let failure = try #require(await expectGradingFailure { () async throws(ProviderFailure) in
            try await F.judge(for: server).verdict(.rubric("r"), task: Self.task, candidate: Self.candidate)
        })
        #expect(failure.cause == cause)
        #expect(failure.status == status)
        #expect(failure.evidence == body)
        #expect(server.requests.count == 1)
    }
}
