import Foundation
import PromptCompat
import PromptCompatTestSupport
import Testing

/// Shared fixtures for the grading tests: provider configs pointed at a `LoopbackServer`, a scratch cache
/// folder, and canned `/embeddings` and Chat Completions bodies.
enum GradingFixtures {
    static let keyVariable = "X_GRADING_KEY"
    static let key = "sk-grading-3b7a-do-not-leak"
    static let environment = [keyVariable: key]

    static func config(for server: LoopbackServer, profile: String = "openai-compatible", apiKeyEnv: String? = keyVariable) -> ProviderConfig {
        ProviderConfig(name: "loopback", profile: profile, baseURL: server.baseURL, model: "grader-model", apiKeyEnv: apiKeyEnv)
    }

    static func client(for server: LoopbackServer, profile: String = "openai-compatible") -> OpenAICompatibleClient {
        OpenAICompatibleClient(config: config(for: server, profile: profile), timeout: 10, environment: environment)
    }

    static func judge(for server: LoopbackServer, profile: String = "openai-compatible", language: JudgeLanguage? = nil, cache: GradingCache? = nil) -> LLMJudge {
        LLMJudge(config: config(for: server, profile: profile), language: language, cache: cache, timeout: 10, retry: .none, environment: environment)
    }

    static func embedder(for server: LoopbackServer, cache: GradingCache? = nil) -> EmbeddingSimilarity {
        EmbeddingSimilarity(config: config(for: server), cache: cache, timeout: 10, retry: .none, environment: environment)
    }

    /// A fresh, empty folder for a cache; remove it with `FileManager.default.removeItem`.
    static func scratchFolder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("promptcompat-grading-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// An OpenAI-style `/embeddings` answer with one pooled vector per input.
    static func pooledBody(_ vectors: [[Double]]) -> String {
        let data = vectors.enumerated().map { #"{"object":"embedding","index":\#($0.offset),"embedding":\#(numbers($0.element))}"# }
        return #"{"object":"list","data":[\#(data.joined(separator: ","))],"model":"grader-model","usage":{"prompt_tokens":4,"total_tokens":4}}"#
    }

    /// A llama-cpp-python style answer: one vector per token for each input, no `index` order guarantee needed.
    static func tokenLevelBody(_ inputs: [[[Double]]]) -> String {
        let data = inputs.enumerated().map { input in
            #"{"object":"embedding","embedding":[\#(input.element.map(numbers).joined(separator: ","))],"index":\#(input.offset)}"#
        }
        return #"{"object":"list","data":[\#(data.joined(separator: ","))],"model":"smollm2-135m-embed","usage":{"prompt_tokens":6,"total_tokens":6}}"#
    }

    static func numbers(_ vector: [Double]) -> String {
        "[" + vector.map { JSONValue.format($0) }.joined(separator: ",") + "]"
    }

    /// A Chat Completions answer whose message content is `reply`.
    static func chatBody(reply: String, finishReason: String = "stop") -> String {
        let content = JSONValue.string(reply).serialized()
        return #"{"id":"chatcmpl-j","object":"chat.completion","model":"judge-model-2024","choices":[{"index":0,"message":{"role":"assistant","content":\#(content)},"finish_reason":"\#(finishReason)"}]}"#
    }
}

/// Runs `body` and returns the ``ProviderFailure`` it throws; records an issue if it returned instead.
func expectGradingFailure<T>(
    sourceLocation: SourceLocation = #_sourceLocation, _ body: () async throws(ProviderFailure) -> T
) async -> ProviderFailure? {
    do {
        let value = try await body()
        Issue.record("expected a ProviderFailure, got \(value)", sourceLocation: sourceLocation)
        return nil
    } catch {
        return error
    }
}
