import Foundation
import PromptCompat
import PromptCompatTestSupport
import Testing

/// Shared fixtures for the provider tests: a config and client pointed at a `LoopbackServer`, a
/// canned request, and canned Chat Completions bodies.
enum ProviderFixtures {
    /// The environment variable the test configs read their key from.
    static let keyVariable = "X_API_KEY"
    /// A recognisable fake key, so a test can prove it never leaks into a failure.
    static let key = "sk-test-7f3e9c1d-do-not-leak"
    static let environment = [keyVariable: key]

    static func config(
        for server: LoopbackServer, apiKeyEnv: String? = keyVariable, profile: String = "openai-compatible"
    ) -> ProviderConfig {
        ProviderConfig(name: "loopback", profile: profile, baseURL: server.baseURL, model: "qwen-plus", apiKeyEnv: apiKeyEnv)
    }

    static func client(
        for server: LoopbackServer, streaming: Bool = false, timeout: Double = 10,
        apiKeyEnv: String? = keyVariable, profile: String = "openai-compatible",
        environment: [String: String] = environment
    ) -> OpenAICompatibleClient {
        OpenAICompatibleClient(
            config: config(for: server, apiKeyEnv: apiKeyEnv, profile: profile),
            timeout: timeout, streaming: streaming, environment: environment
        )
    }

    /// A client for a base URL where nothing listens.
    static func client(baseURL: URL, timeout: Double = 10) -> OpenAICompatibleClient {
        OpenAICompatibleClient(
            config: ProviderConfig(name: "nowhere", baseURL: baseURL, model: "qwen-plus", apiKeyEnv: keyVariable),
            timeout: timeout, environment: environment
        )
    }

    /// A request with a system and a user message and three parameters in a deliberate order.
    static let request = ChatRequest(
        model: "qwen-plus",
        messages: [
            ChatMessage(role: .system, content: "你是一个翻译助手。"),
            ChatMessage(role: .user, content: "Translate: good morning"),
        ],
        parameters: JSONObject([("temperature", 0), ("max_tokens", 64), ("top_p", 0.5)])
    )

    /// A non-streaming Chat Completions answer.
    static let successBody = #"""
    {"id":"chatcmpl-123","object":"chat.completion","created":1731000000,"model":"qwen-plus-2024-09-19",\#
    "choices":[{"index":0,"message":{"role":"assistant","content":"早上好"},"finish_reason":"stop"}],\#
    "usage":{"prompt_tokens":21,"completion_tokens":3,"total_tokens":24}}
    """#

    /// A non-streaming answer with the given finish reason and content.
    static func completionBody(content: String, finishReason: String) -> String {
        #"{"id":"chatcmpl-9","object":"chat.completion","model":"m","choices":[{"index":0,"message":{"role":"assistant","content":"\#(content)"},"finish_reason":"\#(finishReason)"}]}"#
    }

    /// One streaming chunk carrying a content delta.
    static func contentChunk(_ text: String) -> String {
        #"{"id":"chatcmpl-s","object":"chat.completion.chunk","model":"glm-4-plus","choices":[{"index":0,"delta":{"content":"\#(text)"},"finish_reason":null}]}"#
    }

    static let roleChunk = #"{"id":"chatcmpl-s","object":"chat.completion.chunk","model":"glm-4-plus","choices":[{"index":0,"delta":{"role":"assistant","content":""},"finish_reason":null}]}"#

    static func finishChunk(_ reason: String) -> String {
        #"{"id":"chatcmpl-s","object":"chat.completion.chunk","model":"glm-4-plus","choices":[{"index":0,"delta":{},"finish_reason":"\#(reason)"}]}"#
    }

    static let usageChunk = #"{"id":"chatcmpl-s","object":"chat.completion.chunk","model":"glm-4-plus","choices":[],"usage":{"prompt_tokens":15,"completion_tokens":9,"total_tokens":24}}"#
}

/// Runs the provider and returns the failure it throws; records an issue if it answered instead.
func expectFailure(
    of client: any Provider, _ request: ChatRequest = ProviderFixtures.request,
    sourceLocation: SourceLocation = #_sourceLocation
) async -> ProviderFailure? {
    do {
        let completion = try await client.complete(request)
        Issue.record("expected a ProviderFailure, got a completion: \(completion.text)", sourceLocation: sourceLocation)
        return nil
    } catch {
        return error
    }
}

/// The recorded request body, parsed keeping member order.
func jsonBody(of request: RecordedRequest) throws -> JSONValue {
    try JSONValue(parsing: request.body)
}

/// SSE bytes from raw lines, exactly as written (the caller supplies every `\n`).
func bytes(_ text: String) -> Data { Data(text.utf8) }
