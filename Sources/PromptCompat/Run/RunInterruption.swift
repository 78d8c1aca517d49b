import Foundation

/// A request to stop a run early (Ctrl-C, `kill`), in two steps: first no new case starts and the cases
/// in flight may finish; after a grace period, or a second request, the cases still in flight are
/// cancelled. Thread-safe: a signal handler raises it, the runner reads it.
///
/// ```swift
/// let interruption = RunInterruption(grace: 5)
/// let run = Task { await runner.run(cases, interruption: interruption) }
/// interruption.onCancel { run.cancel() }
/// // from a signal handler:
/// interruption.raise(signal: SIGINT)   // no new case starts; in-flight ones get 5 s, then are cancelled
/// ```
public final class RunInterruption: Sendable {
    /// Seconds the cases in flight get to finish before they are cancelled.
    public let grace: Double
    private let state = Mutex()

    private final class Mutex: @unchecked Sendable {
        let lock = NSLock()
        var signal: Int32?
        var cancelled = false
        var cancelHandlers: [@Sendable () -> Void] = []
    }

    public init(grace: Double = 5) {
        self.grace = max(0, grace)
    }

    /// Whether a stop was asked for: the runner starts no new case.
    public var isStopping: Bool { state.lock.withLock { state.signal != nil } }

    /// Whether the cases in flight were cancelled (grace over, or asked twice).
    public var isCancelled: Bool { state.lock.withLock { state.cancelled } }

    /// The signal that asked first (`SIGINT`, `SIGTERM`), or 0 for a stop asked for without one.
    public var signal: Int32? { state.lock.withLock { state.signal } }

    /// Asks the run to stop. The first call stops new cases and cancels the cases in flight after
    /// ``grace`` seconds; a second call cancels them at once.
    public func raise(signal number: Int32 = 0) {
        let first = state.lock.withLock {
            guard state.signal == nil else { return false }
            state.signal = number
            return true
        }
        guard first else { return cancelInFlight() }
        DispatchQueue.global().asyncAfter(deadline: .now() + grace) { [self] in cancelInFlight() }
    }

    /// Calls `handler` when the cases in flight are cancelled (at once when they already were).
    public func onCancel(_ handler: @escaping @Sendable () -> Void) {
        let now = state.lock.withLock {
            if state.cancelled { return true }
            state.cancelHandlers.append(handler)
            return false
        }
        if now { handler() }
    }

    /// Cancels the cases in flight now.
    public func cancelInFlight() {
        let handlers = state.lock.withLock {
            guard !state.cancelled else { return [@Sendable () -> Void]() }
            state.cancelled = true
            if state.signal == nil { state.signal = 0 }
            defer { state.cancelHandlers = [] }
            return state.cancelHandlers
        }
        handlers.forEach { $0() }
    }
}
