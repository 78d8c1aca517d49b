import Foundation

/// One request of the socket transport: its bytes, the channel its response goes out through, and the
/// socket it is using, so that cancelling it (``TransferChannel/cancel()``) wakes and ends that socket's
/// wait at once.
final class SocketExchange: Sendable {
    let request: HTTPRequestBytes
    /// For the errors' failing URL.
    let url: URL?
    /// The body bytes read before the transfer stops (the chunk that crosses it is passed on).
    let maxBytes: Int
    let channel: TransferChannel
    private let control: Control

    init(request: HTTPRequestBytes, url: URL?, maxBytes: Int) {
        self.request = request
        self.url = url
        self.maxBytes = maxBytes
        let control = Control()
        self.control = control
        channel = TransferChannel(onCancel: control.cancel)
    }

    var isCancelled: Bool { control.isCancelled }

    /// Marks `socket` as the one this exchange is using; false when the exchange is already cancelled.
    func attach(_ socket: ClientSocket) -> Bool {
        control.attach(socket)
    }

    /// Forgets the socket (before the worker closes or pools it); true when the exchange was cancelled,
    /// in which case the socket may have been shut down and must not be pooled.
    func detach() -> Bool {
        control.detach()
    }

    /// The cancellation flag and the socket in use, under one lock: a socket is shut down only while
    /// attached, and detached before it is closed, so a late cancel never touches a reused descriptor.
    private final class Control: @unchecked Sendable {
        private let lock = NSLock()
        private var cancelled = false
        private var socket: ClientSocket?

        var isCancelled: Bool { lock.withLock { cancelled } }

        func attach(_ socket: ClientSocket) -> Bool {
            lock.withLock {
                guard !cancelled else { return false }
                self.socket = socket
                return true
            }
        }

        func detach() -> Bool {
            lock.withLock {
                socket = nil
                return cancelled
            }
        }

        @Sendable func cancel() {
            lock.withLock {
                cancelled = true
                socket?.shutdown()
            }
        }
    }
}
