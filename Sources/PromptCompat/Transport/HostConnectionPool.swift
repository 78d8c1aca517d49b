import Foundation

/// The connections of the socket transport to one `host:port`: at most ``limit``, each owned by a
/// ``ConnectionWorker`` thread that runs one exchange at a time on it and keeps it open between them
/// (keep-alive). A request arriving while every worker is busy waits in a FIFO for the first one free, so
/// a run at concurrency 16 opens 16 connections and reuses them.
///
/// Workers left idle for ``idleSeconds`` close their connection and end; ``stop()`` ends the idle ones at
/// once and the busy ones after their exchange.
final class HostConnectionPool: @unchecked Sendable {
    let limit: Int
    let idleSeconds: Double
    // Guarded by `lock`.
    private let lock = NSLock()
    private var waiting: [SocketExchange] = []
    private var waitingHead = 0
    private var idle: [ConnectionWorker] = []
    private var workers = 0
    private var stopped = false
    private var opened = 0

    init(limit: Int, idleSeconds: Double = 60) {
        self.limit = max(1, limit)
        self.idleSeconds = idleSeconds
    }

    /// TCP connections opened so far.
    var connectionsOpened: Int { lock.withLock { opened } }

    /// Runs `exchange` on an idle worker, a new one (below ``limit``), or the first one to become free.
    func submit(_ exchange: SocketExchange) {
        lock.lock()
        if stopped {
            lock.unlock()
            return exchange.channel.finish(throwing: CancellationError())
        }
        if let worker = idle.popLast() {
            lock.unlock()
            worker.hand(.exchange(exchange))
        } else if workers < limit {
            workers += 1
            lock.unlock()
            ConnectionWorker.start(pool: self, first: exchange)
        } else {
            waiting.append(exchange)
            lock.unlock()
        }
    }

    /// Called by a worker between exchanges: the next waiting exchange, else (after idling) the one handed
    /// to it; nil when the worker must end.
    func nextExchange(for worker: ConnectionWorker) -> SocketExchange? {
        lock.lock()
        while waitingHead < waiting.count {
            let exchange = waiting[waitingHead]
            waitingHead += 1
            if waitingHead == waiting.count { (waiting, waitingHead) = ([], 0) }
            if !exchange.isCancelled {
                lock.unlock()
                return exchange
            }
        }
        if stopped {
            workers -= 1
            lock.unlock()
            return nil
        }
        idle.append(worker)
        lock.unlock()
        if let slot = worker.waitForSlot(seconds: idleSeconds) { return slot.exchange }
        // Idle too long: leave, unless `submit` took this worker meanwhile and is handing it an exchange.
        let leaving = lock.withLock {
            guard let index = idle.firstIndex(where: { $0 === worker }) else { return false }
            idle.remove(at: index)
            workers -= 1
            return true
        }
        return leaving ? nil : worker.waitForSlot(seconds: nil)?.exchange
    }

    /// Counts a new TCP connection.
    func connectionOpened() {
        lock.withLock { opened += 1 }
    }

    /// Ends the idle workers now and the busy ones after their exchange; new exchanges fail.
    func stop() {
        let idle: [ConnectionWorker] = lock.withLock {
            stopped = true
            let idle = self.idle
            self.idle = []
            workers -= idle.count
            return idle
        }
        for worker in idle { worker.hand(.stop) }
    }
}
