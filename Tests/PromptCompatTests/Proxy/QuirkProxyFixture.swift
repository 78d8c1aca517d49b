import Foundation
import PromptCompat
import PromptCompatTestSupport
import Testing

/// A model on loopback (answers `answer`, as one JSON body or as an SSE stream), a `QuirkProxy` playing one
/// profile in front of it, and `OpenAICompatibleClient`s of the proxy configured for that profile.
final class QuirkFixture: Sendable {
    static let keyVariable = "QUIRK_PROXY_KEY"
    static let key = "sk-quirk-0123456789abcdef"
    static let answer = "好的，这是模型的回答：订单已发货。"
    /// How long a client, the proxy and a held upstream answer wait. Only a guard against a hang: in a full
    /// run two cores are shared by hundreds of tests, and a request can sit for seconds before it is sent.
    static let patience: Double = 60

    let profile: ProviderProfile
    let upstream: LoopbackServer
    let proxy: QuirkProxy
    let log = LogBox()

    init(
        _ profileID: String, apiKey: String? = nil, sensitive: [String] = [], maxConcurrency: Int? = nil,
        keepAliveInterval: Duration = .seconds(1), answer: String = QuirkFixture.answer,
        pause: Duration = .zero, gate: Gate? = nil
    ) throws {
        profile = try #require(ProviderProfile.named(profileID))
        upstream = try LoopbackServer { request in
            gate?.wait()
            let streaming = request.jsonBody?["stream"] as? Bool == true
            return streaming ? Self.streamed(answer, pause: pause) : Self.completion(answer)
        }
        let options = QuirkProxy.Options(
            profile: profile, upstream: upstream.baseURL, apiKey: apiKey, sensitiveWords: sensitive,
            maxConcurrency: maxConcurrency, keepAliveInterval: keepAliveInterval, upstreamTimeout: Self.patience
        )
        let log = log
        proxy = try QuirkProxy(options) { log.append($0) }
    }

    deinit {
        proxy.stop()
        upstream.stop()
    }

    /// A client of the proxy for this profile; `key` nil sends no key header at all.
    func client(key: String? = QuirkFixture.key, streaming: Bool = false) -> OpenAICompatibleClient {
        let config = ProviderConfig(
            name: "quirk-\(profile.id)", profile: profile.id, baseURL: proxy.baseURL,
            model: profile.defaultModel ?? "model", apiKeyEnv: key == nil ? nil : Self.keyVariable
        )
        return OpenAICompatibleClient(config: config, timeout: Self.patience, streaming: streaming, environment: key.map { [Self.keyVariable: $0] } ?? [:])
    }

    /// A request every profile accepts as it is: one system message first, then the user.
    func request(_ user: String = "订单 20240709 到哪了？", parameters: JSONObject = JSONObject()) -> ChatRequest {
        ChatRequest(
            model: profile.defaultModel ?? "model",
            messages: [ChatMessage(role: .system, content: "你是客服。"), ChatMessage(role: .user, content: user)],
            parameters: parameters
        )
    }

    /// The proxy's log once it has `count` entries (a stream is logged when its relay ends, which can be
    /// just after the client has what it needs), or what it has after `patience` seconds.
    func logEntries(count: Int = 1) async throws -> [QuirkProxy.LogEntry] {
        let deadline = ContinuousClock.now + .seconds(Self.patience)
        while log.entries.count < count, ContinuousClock.now < deadline { try await Task.sleep(for: .milliseconds(10)) }
        return log.entries
    }

    /// What the upstream model received, parsed keeping member order.
    func upstreamBodies() throws -> [JSONValue] {
        try upstream.requests.map { try JSONValue(parsing: $0.body) }
    }

    static func completion(_ content: String) -> ScriptedResponse {
        let body: JSONValue = [
            "id": "chatcmpl-up", "object": "chat.completion", "created": 1_731_000_000, "model": "local-model",
            "choices": [["index": 0, "message": ["role": "assistant", "content": .string(content)], "finish_reason": "stop"]],
            "usage": ["prompt_tokens": 12, "completion_tokens": 9, "total_tokens": 21],
        ]
        return .json(200, body.serialized())
    }

    /// The answer as llama.cpp streams it: a role chunk, three-character content chunks, a finish chunk, [DONE].
    static func streamed(_ content: String, pause: Duration) -> ScriptedResponse {
        func chunk(_ delta: JSONValue, _ finish: JSONValue = .null) -> String {
            let value: JSONValue = [
                "id": "chatcmpl-up", "object": "chat.completion.chunk", "created": 1_731_000_000, "model": "local-model",
                "choices": [["index": 0, "delta": delta, "finish_reason": finish]],
            ]
            return value.serialized()
        }
        let characters = Array(content)
        let pieces = stride(from: 0, to: characters.count, by: 3).map { String(characters[$0..<min($0 + 3, characters.count)]) }
        let events = [chunk(["role": "assistant"])] + pieces.map { chunk(["content": .string($0)]) } + [chunk([:], "stop"), "[DONE]"]
        return .sse(events, pause: pause)
    }
}

/// Holds the upstream's answer until the test opens it (or `QuirkFixture.patience` has passed).
final class Gate: Sendable {
    private let semaphore = DispatchSemaphore(value: 0)

    func wait() { _ = semaphore.wait(timeout: .now() + QuirkFixture.patience) }
    func open() { semaphore.signal() }
}

/// The proxy's log entries, collected from its connection threads.
final class LogBox: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: [QuirkProxy.LogEntry] = []

    func append(_ entry: QuirkProxy.LogEntry) {
        lock.lock()
        stored.append(entry)
        lock.unlock()
    }

    var entries: [QuirkProxy.LogEntry] {
        lock.lock()
        defer { lock.unlock() }
        return stored
    }
}

/// The catalog profiles a team migrates to (every one with a base URL; `openai-compatible` has none).
let quirkProfiles = ProviderProfile.catalog.filter { !$0.baseURL.isEmpty && $0.id != "openai-compatible" }.map(\.id)

/// Where `FailureClassifier` misreads a real provider answer the proxy plays (reported to the lead). The
/// tests keep expecting the right cause and record these as known issues, so each one turns into a
/// failure ("known issue was not recorded") once the classifier learns the shape — then delete its line.
let knownMisclassifications: [String: String] = {
    let table: [String: String] = [:]
    return table
}()

/// Expects `failure` to have `expected` as its cause, as a known issue where the classifier misreads this
/// profile's answer (key `profile/check`).
func expectCause(
    _ failure: ProviderFailure?, _ expected: ProviderFailure.Cause, _ profile: String, _ check: String,
    sourceLocation: SourceLocation = #_sourceLocation
) {
    let known = knownMisclassifications["\(profile)/\(check)"]
    withKnownIssue(Comment(rawValue: known ?? ""), sourceLocation: sourceLocation) {
        #expect(failure?.cause == expected, "\(profile) \(check): \(failure?.description ?? "no failure"); evidence: \(failure?.evidence ?? "")", sourceLocation: sourceLocation)
        if case .safetyBlocked = expected {
            #expect(failure?.blocksMigration == true, "a safety block must block the migration", sourceLocation: sourceLocation)
        }
    } when: {
        known != nil
    }
}
