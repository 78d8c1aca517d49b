import Foundation

/// What a `LoopbackServer` does with one request.
///
/// Every response closes its connection afterwards (`Connection: close`), so each request arrives on a
/// fresh connection and a client never retries on a stale one — except `.http` answers of a server started
/// with `keepAlive: true`, which keep the connection for the next request.
///
/// ```swift
/// let server = try LoopbackServer { request in
///     switch request.pathWithoutQuery {
///     case "/v1/models": return .json(200, #"{"data":[]}"#)
///     case "/v1/chat/completions": return .sse([#"{"choices":[]}"#, "[DONE]"], pause: .milliseconds(20))
///     default: return .delayed(.seconds(1), .text(503, "try later"))
///     }
/// }
/// ```
public enum ScriptedResponse: Sendable {
    /// A complete response with `Content-Length`.
    ///
    /// `.http(status: 429, headers: ["Retry-After": "1"], body: Data())`
    case http(status: Int, headers: [String: String] = [:], body: Data)

    /// Sends the status line and headers, then each chunk in order with a pause before each,
    /// then closes the connection (close-delimited body, `Connection: close`, no
    /// `Content-Length`) — how SSE streams are played.
    ///
    /// `.stream(chunks: [Data("data: a\n\n".utf8), Data("data: b\n\n".utf8)], pause: .milliseconds(50))`
    case stream(
        status: Int = 200,
        headers: [String: String] = ["Content-Type": "text/event-stream"],
        chunks: [Data],
        pause: Duration = .zero
    )

    /// Like `.stream` but stops after the given chunks without finishing: holds the connection
    /// open for `holdFor`, then resets it (TCP RST), so the client sees an error rather than a
    /// clean end of body. During the hold it is a stalled stream (use with a short client timeout).
    ///
    /// `.cutStream(chunks: [Data("data: {\"partial\":1}\n\n".utf8)], holdFor: .milliseconds(200))`
    case cutStream(
        headers: [String: String] = ["Content-Type": "text/event-stream"],
        chunks: [Data],
        holdFor: Duration
    )

    /// Reads the request and never answers; after `holdFor` (or when the client gives up, or
    /// the server stops) it closes the connection. For timeout tests.
    ///
    /// `.hang(holdFor: .seconds(10))` with `request.timeoutInterval = 1`
    case hang(holdFor: Duration)

    /// Reads the request, then closes the socket without a byte of response.
    case closeWithoutResponse

    /// Waits, then plays the inner response (skipped if the client hangs up meanwhile).
    ///
    /// `.delayed(.milliseconds(300), .json(200, "{}"))`
    indirect case delayed(Duration, ScriptedResponse)

    /// Sends the status line and headers, then calls `body` on the connection's thread to write the
    /// body as it is produced (close-delimited, like `.stream`), e.g. a stream relayed from elsewhere.
    /// The connection closes when `body` returns.
    ///
    /// ```swift
    /// .produced { writer in
    ///     for word in ["Hel", "lo"] where writer.write(Data("data: \(word)\n\n".utf8)) == false { return }
    /// }
    /// ```
    case produced(
        status: Int = 200,
        headers: [String: String] = ["Content-Type": "text/event-stream"],
        body: @Sendable (ResponseWriter) -> Void
    )
}

extension ScriptedResponse {
    /// Whether a keep-alive server may read another request after this answer: a complete `.http` one
    /// (possibly `.delayed`) that does not itself say `Connection: close`.
    var keepsConnectionOpen: Bool {
        switch self {
        case let .http(_, headers, _):
            !headers.contains { $0.key.lowercased() == "connection" && $0.value.lowercased().contains("close") }
        case let .delayed(_, inner): inner.keepsConnectionOpen
        default: false
        }
    }
}

/// Writes the body of a `.produced` response straight to the client's connection.
public struct ResponseWriter: Sendable {
    let socket: Socket
    let state: ServerState
    /// The response head could not be sent: every write fails.
    let broken: Bool

    /// Sends the bytes now. False once the client has hung up or the server is stopping: stop producing.
    @discardableResult
    public func write(_ data: Data) -> Bool {
        !broken && !state.isStopped && socket.sendAll(Array(data))
    }

    /// Whether the server is stopping (a producer waiting on something else should give up).
    public var isStopped: Bool { state.isStopped }
}

extension ScriptedResponse {
    /// A JSON response; sets `Content-Type: application/json` unless `headers` has one.
    ///
    /// `.json(401, #"{"error":{"message":"bad key"}}"#)`
    public static func json(_ status: Int, _ body: String, headers: [String: String] = [:]) -> ScriptedResponse {
        .http(status: status, headers: headers.addingDefault("Content-Type", "application/json"), body: Data(body.utf8))
    }

    /// A server-sent-event stream: each string becomes one chunk `"data: <string>\n\n"`.
    ///
    /// `.sse([#"{"delta":"Hel"}"#, #"{"delta":"lo"}"#, "[DONE]"], pause: .milliseconds(30))`
    public static func sse(_ events: [String], pause: Duration = .zero) -> ScriptedResponse {
        .stream(chunks: events.map { Data("data: \($0)\n\n".utf8) }, pause: pause)
    }

    /// A plain text (or any other text type) response.
    ///
    /// `.text(502, "<html>Bad Gateway</html>", contentType: "text/html")`
    public static func text(_ status: Int, _ body: String, contentType: String = "text/plain") -> ScriptedResponse {
        .http(status: status, headers: ["Content-Type": contentType], body: Data(body.utf8))
    }
}

extension Dictionary where Key == String, Value == String {
    /// Adds a header unless one with the same name (any case) is present.
    func addingDefault(_ name: String, _ value: String) -> [String: String] {
        guard !keys.contains(where: { $0.caseInsensitiveCompare(name) == .orderedSame }) else { return self }
        var copy = self
        copy[name] = value
        return copy
    }
}
