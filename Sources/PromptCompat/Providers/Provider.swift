import Foundation

/// Something that answers Chat Completions requests: a real provider over HTTP, a local llama.cpp
/// server, or a replay of recorded answers.
///
/// Implementations throw ``ProviderFailure`` for every failure, already classified.
public protocol Provider: Sendable {
    /// The provider's name in the suite config.
    var name: String { get }
    func complete(_ request: ChatRequest) async throws(ProviderFailure) -> Completion
}

/// A model's answer to one request.
public struct Completion: Sendable, Equatable {
    /// The message content; for a reply that is only tool calls, their JSON (`[{"name":…,"arguments":…}]`).
    public var text: String
    /// `stop`, `length`, `tool_calls`, `content_filter`, … as the provider said it.
    public var finishReason: String?
    /// The model that answered, as the provider reports it.
    public var model: String?
    public var usage: Usage?
    /// Seconds from sending the request to the last byte of the answer.
    public var latency: Double
    /// A reasoning model's thinking (`reasoning_content`, DeepSeek's thinking mode), kept apart from the
    /// answer: it is not compared and not recorded as the output.
    public var reasoning: String?

    public init(text: String, finishReason: String? = nil, model: String? = nil, usage: Usage? = nil, latency: Double = 0) {
        self.text = text
        self.finishReason = finishReason
        self.model = model
        self.usage = usage
        self.latency = latency
    }
}

/// Token counts of one request, as the provider reports them.
public struct Usage: Sendable, Equatable, Codable {
    public var promptTokens: Int
    public var completionTokens: Int

    public init(promptTokens: Int, completionTokens: Int) {
        self.promptTokens = promptTokens
        self.completionTokens = completionTokens
    }
}
