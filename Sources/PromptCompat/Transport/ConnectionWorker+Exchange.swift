import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

extension ConnectionWorker {
    /// How one try of an exchange ended.
    enum Outcome {
        /// The whole response went out; the connection may carry another request.
        case complete(keepAlive: Bool)
        /// The body passed the exchange's cap: the stream ends after the chunk that crossed it.
        case overCap
        /// The consumer went away.
        case cancelled
        /// The request failed; `retryable` when a reused connection failed before any byte of the answer.
        case failed(URLError, retryable: Bool)
    }

    /// Runs `exchange` on the kept connection (or a new one): once more on a fresh connection when a
    /// reused one turns out to be closed before any byte of the answer came back (write failed, or the
    /// connection ended before the first byte), never after.
    func perform(_ exchange: SocketExchange) {
        guard !exchange.isCancelled else { return }
        var mayRetry = true
        while true {
            let outcome = attempt(exchange, mayRetry: mayRetry)
            let cancelled = exchange.detach()
            switch outcome {
            case .complete(let keepAlive) where keepAlive && !cancelled:
                connection?.used = true
            default:
                dropConnection()
            }
            switch outcome {
            case .complete, .overCap:
                return exchange.channel.finish()
            case .cancelled:
                return
            case .failed(_, retryable: true) where mayRetry && !cancelled:
                mayRetry = false
            case .failed(let error, _):
                return exchange.channel.finish(throwing: error)
            }
        }
    }

    /// One try: the connection, the request written, the response read.
    private func attempt(_ exchange: SocketExchange, mayRetry: Bool) -> Outcome {
        if let kept = connection, !kept.socket.isIdleAndOpen { dropConnection() }
        if connection == nil {
            switch connect(exchange) {
            case .connected(let socket): connection = (socket, false)
            case .ended(let outcome): return outcome
            }
        }
        guard let (socket, reused) = connection.map({ ($0.socket, $0.used) }) else { return .cancelled }
        guard exchange.attach(socket) else { return .cancelled }
        let timeout = exchange.request.timeoutMilliseconds
        var offset = 0
        let bytes = exchange.request.bytes
        while offset < bytes.count {
            let sent = bytes.withUnsafeBytes { socket.send(UnsafeRawBufferPointer(rebasing: $0[offset...])) }
            switch sent {
            case .success(0):
                guard let end = wait(on: socket, forWriting: true, milliseconds: timeout, exchange) else { continue }
                return end
            case .success(let count):
                offset += count
            case .failure(let failure):
                if exchange.isCancelled { return .cancelled }
                return .failed(SocketFailure.lost(exchange.url, code: failure.code, receivedAny: false), retryable: reused && mayRetry)
            }
        }
        return readResponse(exchange, on: socket, reused: reused)
    }

    /// Reads the response and passes it on, a chunk at a time as the consumer takes them.
    private func readResponse(_ exchange: SocketExchange, on socket: ClientSocket, reused: Bool) -> Outcome {
        var parser = HTTPResponseParser()
        var bodyBytes = 0
        while true {
            let received = readBuffer.withUnsafeMutableBytes { socket.receive(into: $0) }
            switch received {
            case .success(nil):
                if let end = wait(on: socket, forWriting: false, milliseconds: exchange.request.timeoutMilliseconds, exchange) { return end }
            case .success(0):
                if exchange.isCancelled { return .cancelled }
                if parser.finishAtEndOfStream() { return .complete(keepAlive: false) }
                return .failed(SocketFailure.lost(exchange.url, code: nil, receivedAny: parser.receivedAny), retryable: reused && !parser.receivedAny)
            case .failure(let failure):
                if exchange.isCancelled { return .cancelled }
                return .failed(SocketFailure.lost(exchange.url, code: failure.code, receivedAny: parser.receivedAny), retryable: reused && !parser.receivedAny)
            case .success(let count?):
                let events: [HTTPResponseParser.Event]
                do {
                    events = try readBuffer.withUnsafeBytes { try parser.feed(UnsafeRawBufferPointer(rebasing: $0[..<count])) }
                } catch {
                    return .failed(SocketFailure.badResponse(exchange.url, "\(error)"), retryable: false)
                }
                for event in events {
                    let part: StreamPart
                    switch event {
                    case .head(let status, let headers): part = .response(status: status, headers: headers)
                    case .body(let data):
                        bodyBytes += data.count
                        part = .data(data)
                    }
                    guard exchange.channel.send(part) else { return .cancelled }
                    if bodyBytes > exchange.maxBytes { return .overCap }
                }
                if parser.isComplete { return .complete(keepAlive: parser.keepAlive) }
            }
        }
    }

    /// Waits in `poll` for the socket, in slices of at most a second so a cancelled exchange is noticed
    /// even where a shutdown does not wake the wait. Nil when the socket is ready; else how the try ends.
    func wait(on socket: ClientSocket, forWriting: Bool, milliseconds: Int, _ exchange: SocketExchange) -> Outcome? {
        let clock = ContinuousClock()
        let deadline = clock.now + .milliseconds(milliseconds)
        while true {
            if exchange.isCancelled { return .cancelled }
            let left = clock.now.duration(to: deadline)
            guard left > .zero else { return .failed(SocketFailure.timedOut(exchange.url), retryable: false) }
            let slice = min(1000, Int((left / .milliseconds(1)).rounded(.up)))
            if socket.wait(forWriting: forWriting, milliseconds: slice) == .ready { return nil }
        }
    }
}
