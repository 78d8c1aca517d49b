import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

extension ConnectionWorker {
    /// A new connection, or how the try ended without one.
    enum Connected {
        case connected(ClientSocket)
        case ended(Outcome)
    }

    /// A new connection to the exchange's host, trying each of its addresses in turn, each within the
    /// request's timeout.
    func connect(_ exchange: SocketExchange) -> Connected {
        let request = exchange.request
        let addresses: [ResolvedAddress]
        switch ResolvedAddress.resolve(host: request.host, port: request.port) {
        case .success(let resolved): addresses = resolved
        case .failure(let lookup): return .ended(.failed(SocketFailure.cannotFindHost(exchange.url, host: request.host, code: lookup.code), retryable: false))
        }
        var lastError: Int32 = ECONNREFUSED
        for address in addresses {
            let socket: ClientSocket
            switch ClientSocket.open(address) {
            case .success(let opened): socket = opened
            case .failure(let failure):
                lastError = failure.code
                continue
            }
            guard exchange.attach(socket) else {
                socket.close()
                return .ended(.cancelled)
            }
            let waited = wait(on: socket, forWriting: true, milliseconds: request.timeoutMilliseconds, exchange)
            let code = waited == nil ? socket.connectResult() : 0
            if waited == nil && code == 0 {
                pool.connectionOpened()
                return .connected(socket)
            }
            _ = exchange.detach()
            socket.close()
            if let waited { return .ended(waited) }
            lastError = code
        }
        return .ended(.failed(SocketFailure.cannotConnect(exchange.url, code: lastError), retryable: false))
    }
}
