import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// A ``Provider`` for any OpenAI-compatible Chat Completions endpoint: the Chinese providers' compatible
/// modes, OpenAI itself, and local servers such as llama.cpp.
///
/// ```swift
/// let client = OpenAICompatibleClient(config: library.config.provider(named: "qwen")!)
/// let completion = try await client.complete(request)   // reads DASHSCOPE_API_KEY from the environment
/// ```
///
/// The API key is read from the environment variable the config names, at call time; it is sent in a
/// header and never written anywhere.
public final class OpenAICompatibleClient: Provider {
    public let config: ProviderConfig
    public let timeout: Double
    /// Use SSE streaming (`"stream": true`) instead of one JSON response.
    public let streaming: Bool
    /// The most bytes of one response body read before the call fails as `malformed-response`
    /// (``defaultMaxResponseBytes``, 8 MiB, unless the suite config's `defaults.maxResponseBytes` says otherwise).
    public let maxResponseBytes: Int
    let environment: [String: String]
    /// The HTTP stack chat and embeddings calls go through (``HTTPTransportChoice``).
    let transport: any HTTPTransport
    /// The chat endpoint under the base URL, read once: every case asks for it.
    private let chatTarget: HTTPTarget
    private static let chatPath = "chat/completions"

    public var name: String { config.name }

    /// - Parameters:
    ///   - timeout: seconds without progress before the request fails with ``ProviderFailure/Cause/timeout``.
    ///   - environment: where the API key is looked up; the process environment by default.
    ///   - connectionsPerHost: HTTP connections the client may open to the provider at once, kept open
    ///     between requests. URLSession's own default is 6, which would queue the requests of a suite whose
    ///     `concurrency` is higher (16 in flight would take 16/6 as long); ``SuiteRunner`` passes its concurrency.
    ///   - transport: the HTTP stack: by default this package's own HTTP/1.1 client for `http://` on Linux
    ///     (URLSession there spins a core while it waits) and URLSession otherwise.
    ///
    /// ```swift
    /// let local = OpenAICompatibleClient(config: llamaServer, timeout: 120, connectionsPerHost: 4)
    /// let viaURLSession = OpenAICompatibleClient(config: llamaServer, transport: .urlSession)
    /// ```
    public init(
        config: ProviderConfig, timeout: Double = 60, streaming: Bool = false,
        environment: [String: String] = ProcessInfo.processInfo.environment,
        maxResponseBytes: Int = OpenAICompatibleClient.defaultMaxResponseBytes,
        connectionsPerHost: Int = 16, transport: HTTPTransportChoice = .automatic
    ) {
        self.config = config
        self.timeout = timeout
        self.streaming = streaming
        self.environment = environment
        self.maxResponseBytes = max(1, maxResponseBytes)
        chatTarget = HTTPTarget(config.baseURL.appendingPathComponent(Self.chatPath))
        if transport.usesSockets(for: config.baseURL) {
            self.transport = SocketTransport(connectionsPerHost: connectionsPerHost)
        } else {
            self.transport = URLSessionTransport(timeout: timeout, connectionsPerHost: connectionsPerHost)
        }
    }

    public func complete(_ request: ChatRequest) async throws(ProviderFailure) -> Completion {
        let urlRequest = try makeRequest(request)
        let clock = ContinuousClock()
        let start = clock.now
        var completion: Completion
        do {
            completion = streaming ? try await streamCompletion(urlRequest) : try await singleCompletion(urlRequest)
        } catch {
            throw error.redactingSecrets(apiKeySecrets)  // a body that echoes the key
        }
        let elapsed = clock.now - start
        completion.latency = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        return completion.redactingSecrets(apiKeySecrets)  // an answer that echoes the key: snapshots, cache, reports
    }

    /// The HTTP request for `request`, with the key from the environment; fails naming the variable when
    /// it is not set.
    func makeRequest(_ request: ChatRequest) throws(ProviderFailure) -> HTTPRequest {
        try makeRequest(path: Self.chatPath, body: request.body(stream: streaming).data(), accept: streaming ? "text/event-stream" : "application/json")
    }

    /// A POST of a JSON `body` to `path` under the base URL, with the timeout and the key header of every
    /// call (chat and embeddings alike); fails naming the key variable when it is not set.
    func makeRequest(path: String, body: Data, accept: String) throws(ProviderFailure) -> HTTPRequest {
        let target = path == Self.chatPath ? chatTarget : HTTPTarget(config.baseURL.appendingPathComponent(path))
        var fields = [(name: "Content-Type", value: "application/json"), (name: "Accept", value: accept)]
        if let variable = config.apiKeyEnv {
            guard let key = environment[variable], !key.isEmpty else {
                throw ProviderFailure(.auth(variable: variable), "missing API key: set the environment variable \(variable) (provider \"\(config.name)\" reads its key from it)")
            }
            switch ProviderProfile.named(config.profile)?.auth ?? .bearer {
            case .bearer: fields.append((name: "Authorization", value: "Bearer \(key)"))
            case .apiKeyHeader: fields.append((name: "api-key", value: key))
            }
        }
        return HTTPRequest(target: target, headerFields: fields, body: body, timeout: timeout)
    }

    private func singleCompletion(_ urlRequest: HTTPRequest) async throws(ProviderFailure) -> Completion {
        let (status, headers, data) = try await receiveBody(urlRequest)
        return try completion(status: status, headers: headers, body: data)
    }

    /// Reads one non-streaming response: an error status or error body classified, a body that is not
    /// UTF-8 or not JSON a `malformed-response` saying so, else the completion.
    func completion(status: Int, headers: [String: String], body data: Data) throws(ProviderFailure) -> Completion {
        guard (200..<300).contains(status) else {
            throw FailureClassifier.classify(status: status, headers: headers, body: data, keyVariable: config.apiKeyEnv, errorShape: config.resolvedProfile.errorShape)
        }
        let json: JSONValue
        do {
            json = try JSONValue(parsing: data)  // checks the bytes are UTF-8 first: once, on the way
        } catch {
            if let problem = Self.invalidUTF8(in: data) {
                throw ProviderFailure(.malformedResponse, "the response body is not text: \(problem)", status: status, evidence: ProviderFailure.evidence(from: data))
            }
            let what = data.isEmpty ? "the response body is empty" : "the response body is not JSON (\(error))"
            throw ProviderFailure(.malformedResponse, what, status: status, evidence: ProviderFailure.evidence(from: data))
        }
        if FailureClassifier.isErrorBody(json) {
            throw FailureClassifier.classify(status: status, headers: headers, body: data, keyVariable: config.apiKeyEnv, errorShape: config.resolvedProfile.errorShape)
        }
        return try Self.completion(from: json, evidence: data, status: status)
    }

    /// Reads a non-streaming Chat Completions response body.
    static func completion(from json: JSONValue, evidence: Data, status: Int) throws(ProviderFailure) -> Completion {
        guard let choice = json["choices"]?.arrayValue?.first, let message = choice["message"]?.objectValue else {
            throw ProviderFailure(.malformedResponse, "the response has no choices[0].message", status: status, evidence: ProviderFailure.evidence(from: evidence))
        }
        let finishReason = choice["finish_reason"]?.stringValue
        try checkSafetyFinish(finishReason, status: status, evidence: evidence)
        var text = message["content"]?.stringValue ?? ""
        if text.isEmpty, let calls = message["tool_calls"]?.arrayValue, !calls.isEmpty {
            text = toolCallsText(calls)
        }
        var completion = Completion(text: text, finishReason: finishReason, model: json["model"]?.stringValue, usage: usage(from: json["usage"]))
        completion.reasoning = message["reasoning_content"]?.stringValue
        return completion
    }

    /// A finish reason that means the provider's safety filter withheld the output.
    static func checkSafetyFinish(_ finishReason: String?, status: Int, evidence: Data) throws(ProviderFailure) {
        guard let finishReason, ["content_filter", "sensitive"].contains(finishReason) else { return }
        throw ProviderFailure(.safetyBlocked(side: .output), "the provider's content filter withheld the answer (finish_reason \"\(finishReason)\")", status: status, evidence: ProviderFailure.evidence(from: evidence))
    }

    /// Tool calls as compact JSON: `[{"name":"get_weather","arguments":{"city":"北京"}}]`.
    static func toolCallsText(_ calls: [JSONValue]) -> String {
        let simplified: [JSONValue] = calls.map { call in
            let function = call["function"]
            let arguments = function?["arguments"]?.stringValue
            let parsed = arguments.flatMap { try? JSONValue(parsing: $0) } ?? function?["arguments"] ?? .null
            return ["name": function?["name"] ?? .null, "arguments": parsed]
        }
        return JSONValue.array(simplified).serialized()
    }

    static func usage(from value: JSONValue?) -> Usage? {
        guard let prompt = value?["prompt_tokens"]?.intValue, let completion = value?["completion_tokens"]?.intValue else { return nil }
        return Usage(promptTokens: prompt, completionTokens: completion)
    }

    static func headers(of response: HTTPURLResponse) -> [String: String] {
        var headers: [String: String] = [:]
        for (key, value) in response.allHeaderFields {
            if let key = key as? String, let value = value as? String { headers[key.lowercased()] = value }
        }
        return headers
    }

    /// Classifies a transport's error (a `URLError`, from either transport): timeout, or a network failure naming what went wrong.
    static func transportFailure(_ error: any Error, url: URL?) -> ProviderFailure {
        if let failure = error as? ProviderFailure { return failure }
        let where_ = url.map { " (\($0.absoluteString))" } ?? ""
        guard let urlError = error as? URLError else {
            return ProviderFailure(.network, "request failed\(where_): \(error.localizedDescription)", evidence: "\(error)")
        }
        switch urlError.code {
        case .timedOut:
            return ProviderFailure(.timeout, "no answer within the timeout\(where_)", evidence: "\(urlError)")
        case .cannotConnectToHost:
            return ProviderFailure(.network, "connection refused\(where_): is the server running?", evidence: "\(urlError)")
        default:
            return ProviderFailure(.network, "network error\(where_): \(urlError.localizedDescription)", evidence: "\(urlError)")
        }
    }
}
