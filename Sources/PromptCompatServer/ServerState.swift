import Foundation

/// The mutable state a `LoopbackServer` shares with its accept thread and connection threads.
///
/// Every field is guarded by `lock`. Descriptor rules that keep cross-thread
/// `shutdown` safe (a descriptor is never shut down after it was closed and reused):
/// - the listener is closed only by `acceptLoopFinished()`, under the lock;
/// - a connection is closed only by `closeConnection(_:reset:)`, under the lock,
///   which also forgets it; `stop()` shuts down only sockets it still knows, under the lock.
final class ServerState: @unchecked Sendable {
    private let lock = NSLock()
    private var stopped = false
    private var listener: Socket?
    private var connections: Set<Socket> = []
    private var recorded: [RecordedRequest] = []
    private var accepted = 0
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

    /// Connections accepted so far.
    var connectionsAccepted: Int {
        locked { accepted }
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
            accepted += 1
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

    /// Called by the accept thread on its way out: closes the listener.
    func acceptLoopFinished() {
        locked {
            listener?.closeNow()
            listener = nil
        }
    }

    private func locked<T>(_ body: () -> T) -> T {
        lock.lock()
        defer { lock.unlock() }
        return body()
    }

    /// Marks the server stopped and shuts down the listener and every open connection, which wakes the
    /// threads blocked on them. Idempotent. It does not wait for the accept thread: a listener that is
    /// shut down refuses new connections at once (and its port can be bound again), and the accept thread,
    /// woken by the shutdown, closes the descriptor on its way out. Waiting for that thread here made every
    /// `stop()` on a loaded machine wait to be scheduled, on the caller's thread — in tests, the
    /// cooperative pool's.
    func stop() {
        locked {
            guard !stopped else { return }
            stopped = true
            listener?.shutdownBoth()
            for connection in connections {
                connection.shutdownBoth()
            }
        }
    }
}
