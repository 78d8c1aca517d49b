import Foundation

/// A thread of a ``HostConnectionPool``: owns at most one connection and runs exchanges on it one after
/// another, keeping it open between them when the server allows. Between exchanges it sleeps on a
/// condition variable; while an exchange waits for the server it sleeps in `poll(2)`: waiting costs no CPU.
final class ConnectionWorker: @unchecked Sendable {
    /// What a worker is handed while idle.
    enum Slot {
        case exchange(SocketExchange)
        case stop

        var exchange: SocketExchange? {
            if case .exchange(let exchange) = self { return exchange }
            return nil
        }
    }

    let pool: HostConnectionPool
    // Guarded by `condition`.
    private let condition = NSCondition()
    private var slot: Slot?
    // Only the worker's own thread touches these.
    /// The kept-alive connection, and whether an exchange has used it yet.
    var connection: (socket: ClientSocket, used: Bool)?
    var readBuffer = [UInt8](repeating: 0, count: 64 << 10)

    private init(pool: HostConnectionPool) {
        self.pool = pool
    }

    /// Starts a worker thread running `first`.
    static func start(pool: HostConnectionPool, first: SocketExchange) {
        let worker = ConnectionWorker(pool: pool)
        let thread = Thread { worker.run(first) }
        thread.name = "PromptCompat HTTP \(first.request.endpoint)"
        thread.stackSize = 512 << 10
        thread.start()
    }

    /// Gives an idle worker its next exchange (or tells it to end).
    func hand(_ slot: Slot) {
        condition.withLock {
            self.slot = slot
            condition.signal()
        }
    }

    /// Sleeps until handed something, or `seconds` pass (nil: no limit).
    func waitForSlot(seconds: Double?) -> Slot? {
        let deadline = seconds.map { Date(timeIntervalSinceNow: $0) }
        return condition.withLock {
            while slot == nil {
                if let deadline {
                    if !condition.wait(until: deadline) { break }
                } else {
                    condition.wait()
                }
            }
            defer { slot = nil }
            return slot
        }
    }

    private func run(_ first: SocketExchange) {
        var next: SocketExchange? = first
        while let exchange = next {
            perform(exchange)
            next = pool.nextExchange(for: self)
        }
        dropConnection()
    }

    /// Closes the kept connection, if any.
    func dropConnection() {
        connection?.socket.close()
        connection = nil
    }
}
