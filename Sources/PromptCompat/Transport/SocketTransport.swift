import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// ``HTTPTransport`` of this package's own: HTTP/1.1 over POSIX sockets for `http://` URLs, with a
/// keep-alive pool of at most `connectionsPerHost` connections to each `host:port`.
///
/// Each connection has a thread that blocks in `poll(2)` while the server thinks (swift-corelibs-foundation's
/// URLSession spins a core meanwhile), reads the response a chunk at a time as the consumer takes them
/// (``TransferChannel``), stops reading and closes the connection once a body passes the cap, and closes it
/// at once when the consumer cancels.
final class SocketTransport: HTTPTransport, @unchecked Sendable {
    let connectionsPerHost: Int
    // Guarded by `lock`.
    private let lock = NSLock()
    private var pools: [String: HostConnectionPool] = [:]

    init(connectionsPerHost: Int) {
        self.connectionsPerHost = max(1, connectionsPerHost)
    }

    deinit {
        for pool in pools.values { pool.stop() }
    }

    /// TCP connections opened so far, all hosts together.
    var connectionsOpened: Int {
        lock.withLock { pools.values.reduce(0) { $0 + $1.connectionsOpened } }
    }

    func start(_ request: HTTPRequest, maxBytes: Int) -> HTTPTransfer {
        guard let bytes = HTTPRequestBytes(request) else {
            let failure = SocketFailure.badURL(request.url)
            return HTTPTransfer(parts: AsyncThrowingStream { $0.finish(throwing: failure) }, cancel: {})
        }
        let exchange = SocketExchange(request: bytes, url: request.url, maxBytes: maxBytes)
        let pool = lock.withLock {
            if let pool = pools[bytes.endpoint] { return pool }
            let pool = HostConnectionPool(limit: connectionsPerHost)
            pools[bytes.endpoint] = pool
            return pool
        }
        pool.submit(exchange)
        let channel = exchange.channel
        return HTTPTransfer(parts: channel.stream, cancel: { channel.cancel() })
    }
}
