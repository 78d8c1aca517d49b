import Foundation

/// One retry a ``RetryingProvider`` is about to make: which attempt, after what, after how long a wait.
///
/// ```swift
/// event.description   // "attempt 2 of 7, after 503, in 0.8 s"
/// ```
public struct RetryEvent: Sendable, Equatable, CustomStringConvertible {
    /// The attempt about to be made, the first call being 1.
    public var attempt: Int
    public var maxAttempts: Int
    /// What the previous attempt failed with: the HTTP status (`503`) or the cause (`network`, `timeout`).
    public var after: String
    /// Seconds waited before the attempt.
    public var delay: Double

    public init(attempt: Int, maxAttempts: Int, after failure: ProviderFailure, delay: Double) {
        self.attempt = attempt
        self.maxAttempts = maxAttempts
        self.after = failure.status.map(String.init) ?? failure.causeName
        self.delay = delay
    }

    public var description: String {
        "attempt \(attempt) of \(maxAttempts), after \(after), in \(String(format: "%.1f", delay)) s"
    }
}

/// The retries made while one piece of work runs (a case of a run), collected from every
/// ``RetryingProvider`` the work calls through, however deep.
///
/// Set it as a task-local around the work; retries made outside any log are counted by their provider only.
///
/// ```swift
/// let log = RetryLog { event in print("retrying refund-reply · late (\(event))") }
/// let completion = try await RetryLog.$current.withValue(log) { try await provider.complete(request) }
/// log.events.count   // 2: the case took three calls
/// ```
public final class RetryLog: Sendable {
    /// The log of the work running in this task, if any.
    @TaskLocal public static var current: RetryLog?

    private let lock = NSLock()
    nonisolated(unsafe) private var recorded: [RetryEvent] = []
    private let announce: @Sendable (RetryEvent) -> Void

    /// - Parameter announce: called as each retry is decided, before its wait (to tell a person).
    public init(announce: @escaping @Sendable (RetryEvent) -> Void = { _ in }) { self.announce = announce }

    /// Every retry so far, in order.
    public var events: [RetryEvent] { lock.withLock { recorded } }

    func record(_ event: RetryEvent) {
        lock.withLock { recorded.append(event) }
        announce(event)
    }
}
