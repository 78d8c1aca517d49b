import Foundation

/// At most `limit` operations at once; the rest wait their turn in order. Shared by every caller of one
/// target, so a parallel `swift test` run does not flood a provider (or a local server that answers one
/// request at a time) past the suite's `concurrency`.
///
/// ```swift
/// let limiter = ConcurrencyLimiter(limit: 2)
/// let completion = try await limiter.run { try await provider.complete(request) }
/// ```
public actor ConcurrencyLimiter {
    public let limit: Int
    private var running = 0
    private var waiting: [CheckedContinuation<Void, Never>] = []

    public init(limit: Int) { self.limit = max(1, limit) }

    public func run<T: Sendable, E: Error>(_ operation: @Sendable () async throws(E) -> T) async throws(E) -> T {
        await acquire()
        defer { release() }
        return try await operation()
    }

    private func acquire() async {
        if running < limit {
            running += 1
            return
        }
        await withCheckedContinuation { waiting.append($0) }
    }

    private func release() {
        if waiting.isEmpty {
            running -= 1
        } else {
            waiting.removeFirst().resume()  // the permit passes straight to the next waiter
        }
    }
}
