import Foundation

/// Sockets bound (never listening) by `LoopbackServer.unusedPort()`, kept open for the life of
/// the process so their ports stay free of listeners and refuse every connection.
final class ReservedPorts: @unchecked Sendable {
    static let shared = ReservedPorts()

    private let lock = NSLock()
    private var sockets: [Socket] = []

    func keep(_ socket: Socket) {
        lock.lock()
        defer { lock.unlock() }
        sockets.append(socket)
    }
}
