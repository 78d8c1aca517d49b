import Foundation
import PromptCompat
import PromptCompatTestSupport

/// The transports every fault test of the client runs against: URLSession (what `https://` uses) and the
/// package's own socket client (what `http://` uses on Linux), both forced on the loopback `http://` URL.
enum Transports {
    static let all: [HTTPTransportChoice] = [.urlSession, .sockets]
}

extension ProviderFixtures {
    /// ``client(for:streaming:timeout:apiKeyEnv:profile:environment:)`` through the given transport.
    static func client(
        for server: LoopbackServer, streaming: Bool = false, timeout: Double = 10,
        apiKeyEnv: String? = keyVariable, profile: String = "openai-compatible",
        environment: [String: String] = environment, maxResponseBytes: Int = OpenAICompatibleClient.defaultMaxResponseBytes,
        connectionsPerHost: Int = 16, transport: HTTPTransportChoice
    ) -> OpenAICompatibleClient {
        OpenAICompatibleClient(
            config: config(for: server, apiKeyEnv: apiKeyEnv, profile: profile),
            timeout: timeout, streaming: streaming, environment: environment,
            maxResponseBytes: maxResponseBytes, connectionsPerHost: connectionsPerHost, transport: transport
        )
    }

    /// A client for a base URL where nothing listens, through the given transport.
    static func client(baseURL: URL, timeout: Double = 10, transport: HTTPTransportChoice) -> OpenAICompatibleClient {
        OpenAICompatibleClient(
            config: ProviderConfig(name: "nowhere", baseURL: baseURL, model: "qwen-plus", apiKeyEnv: keyVariable),
            timeout: timeout, environment: environment, transport: transport
        )
    }
}
