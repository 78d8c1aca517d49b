import Foundation

/// The mutable state a `LoopbackServer` shares with its accept thread and connection threads.
///
/// Every field is guarded by `condition`. Descriptor rules that keep cross-thread
/// `shutdown` safe (a descriptor is never shut down after it was closed and reused):
/// - the listener is closed only by `acceptLoopFinished()`, under the lock;
/// - a connection is closed only by `closeConnection(_:reset:)`, under the lock,
///   which also forgets it; `stop()` shuts down only sockets it still knows, under the lock.
final class ServerState: @unchecked Sendable {
    private let condition = NSCondition()
    private var stopped = false
    private var listener: Socket?
    private var acceptLoopRunning = true
    private var connections: Set<Socket> = []
    private var recorded: [RecordedRequest] = []
    private let recording: Bool

    init(listener: Socket, recording: Bool = true) {
        self.listener = listener
        self.recording = recording
    }

    var isStopped: Bool {
        locked { stopped }
    }

    var requests: [RecordedRequest] {
        locked { recorded }
    }

    func record(_ request: RecordedRequest) {
        guard recording else { return }
        locked { recorded.append(request) }
    }

    /// Starts tracking an accepted connection; false (and the socket is closed) once stopped.
    func register(_ connection: Socket) -> Bool {
        locked {
            guard !stopped else {
                connection.closeNow()
                return false
            }
            connections.insert(connection)
            return true
        }
    }

    /// Closes a connection (gracefully, or with an RST) and forgets it.
    func closeConnection(_ connection: Socket, reset: Bool) {
        locked {
            connections.remove(connection)
            if reset {
                connection.resetAndClose()
            } else {
                connection.closeNow()
            }
        }
    }

    /// Called by the accept thread on its way out: closes the listener and wakes `stop()`.
    func acceptLoopFinished() {
        locked {
            listener?.closeNow()
            listener = nil
            acceptLoopRunning = false
            condition.broadcast()
        }
    }

    private func locked<T>(_ body: () -> T) -> T {
        condition.lock()
        defer { condition.unlock() }
        return body()
    }

    /// Marks the server stopped, wakes every blocked thread, and waits (bounded) until the
    /// listener is closed. Idempotent.
    func stop() {
        condition.lock()
        defer { condition.unlock() }
        if !stopped {
            stopped = true
            listener?.shutdownBoth()
            for connection in connections {
                connection.shutdownBoth()
            }
        }
        let deadline = Date().addingTimeInterval(5)
        while acceptLoopRunning, condition.wait(until: deadline) {}
    }
}
