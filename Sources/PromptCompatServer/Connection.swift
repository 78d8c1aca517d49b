import Foundation

/// One accepted client connection: reads a request, asks the handler, plays the answer, closes — or, on a
/// keep-alive server, reads the next request after each `.http` answer (others still close).
///
/// Runs on its own thread. Every wait polls in short slices and ends early when the server
/// stops (`stop()` also shuts the socket down) or the client hangs up.
struct Connection {
    let socket: Socket
    let state: ServerState
    /// Keep the connection open after an `.http` answer and read the next request from it.
    var keepAlive = false

    /// Serves one request (more on a keep-alive server); the connection is closed afterwards.
    func serve(_ handler: (RecordedRequest) -> ScriptedResponse) {
        var reset = false
        defer { state.closeConnection(socket, reset: reset) }

        var reader = HTTPRequestReader(socket: socket)
        while !state.isStopped {
            guard let head = reader.readHead() else { return }
            if head.headers["expect"]?.lowercased() == "100-continue" {
                guard socket.sendAll(Array("HTTP/1.1 100 Continue\r\n\r\n".utf8)) else { return }
            }
            guard let body = reader.readBody(for: head), !state.isStopped else { return }

            let request = RecordedRequest(method: head.method, path: head.target, headers: head.headers, body: body)
            state.record(request)
            let response = handler(request)
            let again = keepAlive && response.keepsConnectionOpen && head.headers["connection"]?.lowercased() != "close"
            reset = play(response, keepAlive: again)
            guard again, !reset else { return }
        }
    }

    /// Plays a response. Returns true when the connection must end with a reset, not a FIN.
    private func play(_ response: ScriptedResponse, keepAlive: Bool = false) -> Bool {
        switch response {
        case let .http(status, headers, body):
            let head = ResponseHead.bytes(status: status, headers: headers, contentLength: body.count, keepAlive: keepAlive)
            _ = socket.sendAll(head + Array(body))
            return false

        case let .stream(status, headers, chunks, pause):
            let head = ResponseHead.bytes(status: status, headers: headers, contentLength: nil)
            guard socket.sendAll(head) else { return false }
            for chunk in chunks {
                if pause > .zero {
                    guard hold(pause) else { return false }
                }
                guard socket.sendAll(Array(chunk)) else { return false }
            }
            return false

        case let .cutStream(headers, chunks, holdFor):
            let head = ResponseHead.bytes(status: 200, headers: headers, contentLength: nil)
            guard socket.sendAll(head) else { return false }
            for chunk in chunks {
                guard socket.sendAll(Array(chunk)) else { return false }
            }
            _ = hold(holdFor)
            return true

        case let .hang(holdFor):
            _ = hold(holdFor)
            return false

        case .closeWithoutResponse:
            return false

        case let .delayed(delay, inner):
            guard hold(delay) else { return false }
            return play(inner, keepAlive: keepAlive)

        case let .produced(status, headers, body):
            // The producer runs even when the head could not be sent (its first write fails), so whatever
            // it holds (an upstream request, a concurrency slot) is always released by it.
            let head = ResponseHead.bytes(status: status, headers: headers, contentLength: nil)
            let sent = socket.sendAll(head)
            body(ResponseWriter(socket: socket, state: state, broken: !sent))
            return false
        }
    }

    /// Keeps the connection open for `duration`, ignoring anything the client sends.
    /// Returns false as soon as the server stops or the client hangs up.
    private func hold(_ duration: Duration) -> Bool {
        let clock = ContinuousClock()
        let deadline = clock.now.advanced(by: duration)
        while true {
            if state.isStopped { return false }
            let remaining = clock.now.duration(to: deadline)
            if remaining <= .zero { return true }
            let milliseconds = Int((remaining / .milliseconds(1)).rounded(.up))
            switch socket.waitReadable(milliseconds: min(100, max(1, milliseconds))) {
            case .timedOut:
                continue
            case .failed:
                return false
            case .readable:
                var ignored: [UInt8] = []
                if socket.receive(into: &ignored) <= 0 { return false }
            }
        }
    }
}
