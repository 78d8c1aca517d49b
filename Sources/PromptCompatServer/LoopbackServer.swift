import Foundation

/// A small real HTTP/1.1 server on 127.0.0.1: each request is answered by a handler that
/// returns a `ScriptedResponse`, over a real TCP connection, so `URLSession` runs its whole
/// network path (timeouts, streaming, resets) with no stubbing. Tests script provider
/// behaviours with it; `QuirkProxy` serves with it.
///
/// Each connection runs on its own thread and serves one request (`Connection: close`); a server
/// started with `keepAlive: true` keeps a connection open after each `.http` answer for the next request.
/// The server stops when `stop()` is called or when it is deinitialized.
///
/// ```swift
/// let server = try LoopbackServer { request in
///     request.path == "/v1/chat/completions"
///         ? .json(200, #"{"choices":[{"message":{"content":"hi"}}]}"#)
///         : .text(404, "no such route")
/// }
/// defer { server.stop() }
/// let url = server.baseURL.appendingPathComponent("chat/completions")
/// let (data, response) = try await URLSession.shared.data(from: url)
/// #expect(server.requests.count == 1)
/// ```
public final class LoopbackServer: Sendable {
    /// The TCP port the server listens on (the one asked for, or the one the OS chose).
    public let port: Int
    private let state: ServerState

    /// Starts listening on 127.0.0.1 on `port`; 0 (the default) lets the OS choose a free one.
    ///
    /// The handler runs on the connection's thread, once per request, after the whole
    /// request (head and body) has arrived and been added to `requests`.
    ///
    /// ```swift
    /// let server = try LoopbackServer { _ in .sse(["{\"n\":1}", "[DONE]"]) }
    /// let fixed = try LoopbackServer(port: 8711) { _ in .json(200, "{}") }   // throws "bind failed: Address already in use" if taken
    /// ```
    ///
    /// A long-running server (a proxy) passes `recordingRequests: false`, so `requests` stays empty
    /// instead of keeping every request body for the life of the process. With `keepAlive: true` an
    /// `.http` answer (without its own `Connection: close`) leaves the connection open for the next
    /// request; `connectionsAccepted` counts the connections.
    ///
    /// ```swift
    /// let server = try LoopbackServer(keepAlive: true) { _ in .json(200, "{}") }
    /// // … five requests through one keep-alive client …
    /// #expect(server.connectionsAccepted == 1)
    /// ```
    public init(
        port: Int = 0, recordingRequests: Bool = true, keepAlive: Bool = false,
        _ handler: @escaping @Sendable (RecordedRequest) -> ScriptedResponse
    ) throws {
        let (listener, port) = try Socket.bindLoopback(listening: true, port: port)
        let state = ServerState(listener: listener, recording: recordingRequests)
        self.port = port
        self.state = state
        let thread = Thread {
            Self.acceptLoop(listener: listener, state: state, keepAlive: keepAlive, handler: handler)
        }
        thread.name = "LoopbackServer:\(port) accept"
        thread.start()
    }

    deinit {
        state.stop()
    }

    /// `http://127.0.0.1:<port>/v1`
    ///
    /// ```swift
    /// server.baseURL.appendingPathComponent("models")   // http://127.0.0.1:53211/v1/models
    /// ```
    public var baseURL: URL {
        URL(string: "http://127.0.0.1:\(port)/v1")!
    }

    /// Every request received so far, in order of arrival (complete requests only).
    ///
    /// ```swift
    /// #expect(server.requests.map(\.method) == ["POST", "POST"])
    /// ```
    public var requests: [RecordedRequest] {
        state.requests
    }

    /// TCP connections accepted so far (each request's own, unless the server keeps connections alive).
    ///
    /// ```swift
    /// #expect(server.connectionsAccepted == 1)   // five requests, one kept-alive connection
    /// ```
    public var connectionsAccepted: Int {
        state.connectionsAccepted
    }

    /// Shuts down the listener and all open connections, waking any response that is waiting.
    /// Idempotent; also called from `deinit`. Once it returns, new connections are refused and the
    /// port can be bound again; the accept thread closes the listener's descriptor on its way out.
    ///
    /// ```swift
    /// let server = try LoopbackServer { _ in .hang(holdFor: .seconds(60)) }
    /// defer { server.stop() }   // returns promptly even with a hanging request
    /// ```
    public func stop() {
        state.stop()
    }

    /// A port on 127.0.0.1 with nothing listening (for connection-refused tests).
    ///
    /// The port stays reserved (bound, never listening) for the rest of the process, so no
    /// other server can take it in the meantime; each call uses one file descriptor.
    ///
    /// ```swift
    /// let url = URL(string: "http://127.0.0.1:\(try LoopbackServer.unusedPort())/v1")!
    /// ```
    public static func unusedPort() throws -> Int {
        let (socket, port) = try Socket.bindLoopback(listening: false)
        ReservedPorts.shared.keep(socket)
        return port
    }

    // MARK: - Accepting

    private static func acceptLoop(
        listener: Socket,
        state: ServerState,
        keepAlive: Bool,
        handler: @escaping @Sendable (RecordedRequest) -> ScriptedResponse
    ) {
        defer { state.acceptLoopFinished() }
        while !state.isStopped {
            // `stop()` shuts the listener down, which wakes this wait at once; the timeout is a spare.
            switch listener.waitReadable(milliseconds: 1000) {
            case .timedOut:
                continue
            case .failed:
                return
            case .readable:
                guard let client = listener.acceptClient() else {
                    // Shut down (the loop condition ends it) or out of descriptors: don't spin.
                    Thread.sleep(forTimeInterval: 0.005)
                    continue
                }
                guard state.register(client) else { return }
                let thread = Thread {
                    Connection(socket: client, state: state, keepAlive: keepAlive).serve(handler)
                }
                thread.name = "LoopbackServer connection"
                thread.start()
            }
        }
    }
}
