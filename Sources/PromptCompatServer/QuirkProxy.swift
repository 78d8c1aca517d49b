import Foundation
import PromptCompat

/// A loopback HTTP server in front of a real OpenAI-compatible model that behaves like a chosen provider
/// profile: it rejects what that provider rejects, with that provider's error body (HTTP-200 errors
/// included), caps `max_tokens` at the profile's output cap, blocks sensitive words on the input and the
/// output side as that provider does, answers "rate limited" with `Retry-After: 1` when more requests are
/// in flight than allowed, and sends `: keep-alive` comments in streams when the profile does.
///
/// So a migration to "GLM", "Qwen" or "ERNIE" can be rehearsed offline against a local model:
///
/// ```swift
/// let proxy = try QuirkProxy(QuirkProxy.Options(
///     profile: ProviderProfile.named("zhipu")!, upstream: URL(string: "http://127.0.0.1:8701/v1")!,
///     sensitiveWords: ["退款"], maxConcurrency: 2), port: 8711) { print($0) }
/// defer { proxy.stop() }
/// // point a provider with profile "zhipu" at proxy.baseURL: temperature 0 → 400 code 1214, "退款" → 400 code 1301
/// ```
///
/// Each request runs on its own connection thread; the upstream call blocks that thread.
public final class QuirkProxy: Sendable {
    public struct Options: Sendable {
        /// The provider to behave like.
        public var profile: ProviderProfile
        /// The real model's base URL, up to `/v1`.
        public var upstream: URL
        /// Sent upstream as `model` instead of the requested one (a local server with another name).
        public var upstreamModel: String?
        /// The key clients must send (`Authorization: Bearer …`, or `api-key` for Azure); nil: none needed.
        public var apiKey: String?
        /// Words (compared case-insensitively) the provider's content filter blocks, in any input message
        /// or in the model's answer.
        public var sensitiveWords: [String]
        /// Requests allowed in flight at once; one more is answered "rate limited". nil: no limit.
        public var maxConcurrency: Int?
        /// Silence after which a keep-alive comment is sent in a stream (profiles with `streamKeepAlive`).
        public var keepAliveInterval: Duration
        /// Seconds without progress before the upstream request fails.
        public var upstreamTimeout: Double

        public init(
            profile: ProviderProfile, upstream: URL, upstreamModel: String? = nil, apiKey: String? = nil,
            sensitiveWords: [String] = [], maxConcurrency: Int? = nil,
            keepAliveInterval: Duration = .seconds(1), upstreamTimeout: Double = 300
        ) {
            self.profile = profile
            self.upstream = upstream
            self.upstreamModel = upstreamModel
            self.apiKey = apiKey
            self.sensitiveWords = sensitiveWords.filter { !$0.isEmpty }
            self.maxConcurrency = maxConcurrency
            self.keepAliveInterval = keepAliveInterval
            self.upstreamTimeout = upstreamTimeout
        }
    }

    /// One handled request, for a log line: `POST /v1/chat/completions → 400 out-of-range: temperature 0 outside (0,1]`.
    public struct LogEntry: Sendable, CustomStringConvertible {
        public var method: String
        public var path: String
        public var status: Int
        /// `relayed`, `streamed`, `capped …`, or the ``QuirkRefusal`` and why.
        public var outcome: String

        public var description: String { "\(method) \(path) → \(status) \(outcome)" }
    }

    public let options: Options
    let shape: ErrorShape
    let inFlight: InFlightCounter
    let log: (@Sendable (LogEntry) -> Void)?
    private let server: LoopbackServer

    /// Starts listening on 127.0.0.1 on `port` (0: any free port). `log` is called once per request, from
    /// the request's thread, when its answer is complete.
    public init(_ options: Options, port: Int = 0, log: (@Sendable (LogEntry) -> Void)? = nil) throws {
        let shape = Self.errorShape(for: options.profile)
        let inFlight = InFlightCounter(limit: options.maxConcurrency)
        self.options = options
        self.shape = shape
        self.inFlight = inFlight
        self.log = log
        let handler = RequestHandler(options: options, shape: shape, inFlight: inFlight, log: log)
        server = try LoopbackServer(port: port, recordingRequests: false) { handler.handle($0) }
    }

    deinit { server.stop() }

    /// The port the proxy listens on.
    public var port: Int { server.port }

    /// `http://127.0.0.1:<port>/v1`: the base URL a provider config points at.
    public var baseURL: URL { server.baseURL }

    /// Stops listening and ends every open connection (streams being relayed stop at their next event).
    public func stop() { server.stop() }
}

/// Counts requests in flight against an optional limit.
final class InFlightCounter: @unchecked Sendable {
    private let lock = NSLock()
    private var count = 0
    let limit: Int?

    init(limit: Int?) { self.limit = limit }

    /// Takes a slot; false when all are taken.
    func enter() -> Bool {
        lock.lock()
        defer { lock.unlock() }
        if let limit, count >= limit { return false }
        count += 1
        return true
    }

    func leave() {
        lock.lock()
        defer { lock.unlock() }
        count -= 1
    }
}

/// Answers one request: auth, concurrency, validation against the profile, input filter, then upstream.
struct RequestHandler: Sendable {
    let options: Options
    let shape: ErrorShape
    let inFlight: InFlightCounter
    let log: (@Sendable (QuirkProxy.LogEntry) -> Void)?
    typealias Options = QuirkProxy.Options

    func handle(_ request: RecordedRequest) -> ScriptedResponse {
        let path = request.pathWithoutQuery
        func done(_ response: ScriptedResponse, _ status: Int, _ outcome: String) -> ScriptedResponse {
            log?(QuirkProxy.LogEntry(method: request.method, path: request.path, status: status, outcome: outcome))
            return response
        }
        if let refusal = authRefusal(request) {
            return done(answer(refusal, stream: false), status(of: refusal), refusal.summary)
        }
        if request.method == "GET", path.hasSuffix("/models") {
            let reply = Upstream.send(method: "GET", url: options.upstream.appendingPathComponent("models"), body: nil, timeout: options.upstreamTimeout)
            return done(reply.response, reply.status, "relayed")
        }
        guard request.method == "POST", path.hasSuffix("/chat/completions") || path.hasSuffix("/chatcompletion_v2") else {
            return done(.json(404, #"{"error":{"message":"no route \#(request.method) \#(path): the proxy serves POST …/chat/completions"}}"#), 404, "no route")
        }
        guard case .object(var body)? = try? JSONValue(parsing: request.body), body["messages"]?.arrayValue != nil else {
            let refusal = Refusal(.badRequest, facts: ["detail": "the body is not a Chat Completions request (JSON object with messages)"])
            return done(answer(refusal, stream: false), status(of: refusal), refusal.summary)
        }
        let stream = body["stream"]?.boolValue == true
        let model = body["model"]?.stringValue ?? options.profile.defaultModel ?? "model"
        guard inFlight.enter() else {
            let refusal = Refusal(.rateLimited, facts: ["model": model, "limit": String(inFlight.limit ?? 0)])
            return done(answer(refusal, stream: stream), status(of: refusal), refusal.summary)
        }
        var handedOff = false
        defer { if !handedOff { inFlight.leave() } }

        if var refusal = Validator(profile: options.profile, words: options.sensitiveWords).refusal(for: body) {
            refusal.facts["model"] = refusal.facts["model"] ?? model
            return done(answer(refusal, stream: stream), status(of: refusal), refusal.summary)
        }
        let capped = capOutput(&body, model: model)
        if let upstreamModel = options.upstreamModel { body["model"] = .string(upstreamModel) }
        let relay = Relay(options: options, shape: shape, model: model, notes: capped)
        if stream {
            let start = relay.stream(JSONValue.object(body).data()) { [inFlight, log] status, outcome in
                inFlight.leave()
                log?(QuirkProxy.LogEntry(method: request.method, path: request.path, status: status, outcome: outcome))
            }
            switch start {
            case let .answered(response, status, outcome):
                return done(response, status, outcome)
            case let .producing(response):
                handedOff = true  // the stream's producer leaves the slot when it ends
                return response
            }
        }
        let (response, status, outcome) = relay.single(JSONValue.object(body).data())
        return done(response, status, outcome)
    }

    /// The auth refusal for a request without the required key, if any.
    func authRefusal(_ request: RecordedRequest) -> Refusal? {
        guard let key = options.apiKey else { return nil }
        let sent: String? = switch options.profile.auth {
        case .bearer:
            request.header("Authorization").map { $0.hasPrefix("Bearer ") ? String($0.dropFirst(7)) : $0 }
        case .apiKeyHeader:
            request.header("api-key")
        }
        guard let sent, !sent.isEmpty else { return Refusal(.missingKey, facts: [:]) }
        guard sent != key else { return nil }
        return Refusal(.wrongKey, facts: ["keyHint": Self.hint(sent)])
    }

    /// `sk-t****leak`: enough of a key to tell which one it was.
    static func hint(_ key: String) -> String {
        key.count <= 8 ? String(repeating: "*", count: key.count) : "\(key.prefix(4))****\(key.suffix(4))"
    }

    /// Caps `max_tokens` (and `max_completion_tokens`) at the profile's output cap for the model; without
    /// either, asks for the cap, as the provider would stop there. Returns what it changed.
    func capOutput(_ body: inout JSONObject, model: String) -> String? {
        guard let cap = options.profile.outputCap(for: model) else { return nil }
        var changes: [String] = []
        for key in ["max_tokens", "max_completion_tokens"] {
            guard let value = body[key]?.intValue, value > cap else { continue }
            body[key] = .number(Double(cap))
            changes.append("\(key) \(value) → \(cap)")
        }
        if body["max_tokens"] == nil, body["max_completion_tokens"] == nil {
            body["max_tokens"] = .number(Double(cap))
            changes.append("max_tokens unset → \(cap)")
        }
        return changes.isEmpty ? nil : "capped " + changes.joined(separator: ", ")
    }

    func status(of refusal: Refusal) -> Int {
        shape.refusals[refusal.kind]?.status ?? 400
    }

    /// The provider's answer for a refusal. An HTTP-200 error to a streaming request arrives as one SSE
    /// event (as MiniMax sends it); a rate limit always carries `Retry-After: 1`.
    func answer(_ refusal: Refusal, stream: Bool) -> ScriptedResponse {
        let template = shape.refusals[refusal.kind] ?? ErrorTemplate(400, #"{"error":{"message":"{detail}"}}"#)
        return Self.play(template, facts: refusal.facts, stream: stream, retryAfter: refusal.kind == .rateLimited)
    }

    static func play(_ template: ErrorTemplate, facts: [String: String], stream: Bool, retryAfter: Bool = false) -> ScriptedResponse {
        let body = fill(template.body, facts)
        var headers = ["Content-Type": template.contentType]
        if retryAfter { headers["Retry-After"] = "1" }
        if stream, template.status == 200 {
            headers["Content-Type"] = "text/event-stream"
            return .http(status: 200, headers: headers, body: Data("data: \(body)\n\n".utf8))
        }
        return .http(status: template.status, headers: headers, body: Data(body.utf8))
    }

    /// Replaces each `{name}` with the JSON-escaped fact (request id and timestamp are always known).
    static func fill(_ template: String, _ facts: [String: String]) -> String {
        var facts = facts
        facts["id"] = facts["id"] ?? String(UUID().uuidString.lowercased().prefix(18)).replacingOccurrences(of: "-", with: "")
        facts["created"] = facts["created"] ?? String(Int(Date().timeIntervalSince1970))
        var text = template
        for name in placeholders {
            let escaped = String(JSONValue.string(facts[name] ?? "").serialized().dropFirst().dropLast())
            text = text.replacingOccurrences(of: "{\(name)}", with: escaped)
        }
        return text
    }

    /// Every placeholder a template may use; one without a fact becomes empty.
    static let placeholders = ["param", "value", "range", "comparison", "detail", "model", "limit", "keyHint", "id", "created"]
}
