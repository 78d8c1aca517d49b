import Foundation

/// A ``Provider`` that calls another again after a retryable failure (rate limit, server error, network
/// fault, timeout), waiting as its ``RetryPolicy`` says, and never after a safety block, a rejected key or
/// any other answer a retry cannot change.
///
/// All calls through one `RetryingProvider` share the policy's retry budget: the runner makes one per
/// target per run, so a provider that is down for good costs at most `budget` extra calls, not
/// `maxAttempts` times every case; the retries of a call that then got its answer are given back. Each
/// retry is told to the task's ``RetryLog`` (the runner keeps one per case) before its wait.
///
/// ```swift
/// let provider = RetryingProvider(wrapping: OpenAICompatibleClient(config: qwen), policy: RetryPolicy())
/// let (completion, retries) = try await provider.completeCountingRetries(request)
/// ```
public final class RetryingProvider: Provider {
    /// Waits the given number of seconds.
    public typealias Sleeper = @Sendable (Double) async -> Void
    /// Draws a number from the range; `Double.random(in:)` by default.
    public typealias RandomSource = @Sendable (ClosedRange<Double>) -> Double

    public let base: any Provider
    public let policy: RetryPolicy
    private let sleep: Sleeper
    private let random: RandomSource
    private let budget: RetryBudget

    public var name: String { base.name }

    /// - Parameters:
    ///   - sleep: how a wait is done; `Task.sleep` by default (tests pass one that records the seconds).
    ///   - random: the jitter source; `Double.random(in:)` by default.
    public init(
        wrapping base: any Provider, policy: RetryPolicy = RetryPolicy(),
        sleep: @escaping Sleeper = RetryingProvider.taskSleep,
        random: @escaping RandomSource = { Double.random(in: $0) }
    ) {
        self.base = base
        self.policy = policy
        self.sleep = sleep
        self.random = random
        budget = RetryBudget(policy.budget)
    }

    /// `Task.sleep` for the given seconds; returns early when the task is cancelled.
    public static let taskSleep: Sleeper = { seconds in
        guard seconds > 0 else { return }
        try? await Task.sleep(nanoseconds: UInt64(min(seconds, 86_400) * 1_000_000_000))
    }

    /// Retries of the budget spent so far by calls that did not end in an answer (or have not yet).
    public var retriesUsed: Int { budget.used }

    /// Every retry made so far by all calls through this provider, given back or not.
    public var retriesMade: Int { budget.made }

    public func complete(_ request: ChatRequest) async throws(ProviderFailure) -> Completion {
        try await completeCountingRetries(request).0
    }

    /// The completion and how many retries it took; throws the last failure when no retry is left.
    public func completeCountingRetries(_ request: ChatRequest) async throws(ProviderFailure) -> (Completion, retries: Int) {
        let (result, retries) = await completeReportingRetries(request)
        return (try result.get(), retries)
    }

    /// The outcome, success or the last failure, and how many retries were made either way.
    public func completeReportingRetries(_ request: ChatRequest) async -> (result: Result<Completion, ProviderFailure>, retries: Int) {
        var retries = 0
        while true {
            do throws(ProviderFailure) {
                let completion = try await base.complete(request)
                budget.giveBack(retries)
                return (.success(completion), retries)
            } catch {
                guard retries + 1 < policy.maxAttempts, RetryPolicy.isRetryable(error), !Task.isCancelled, budget.take() else {
                    return (.failure(error), retries)
                }
                let delay = policy.delay(beforeRetry: retries, after: error, random: random)
                RetryLog.current?.record(RetryEvent(attempt: retries + 2, maxAttempts: policy.maxAttempts, after: error, delay: delay))
                await sleep(delay)
                if Task.isCancelled { return (.failure(error), retries) }
                retries += 1
            }
        }
    }
}

/// A count of retries left, shared by concurrent calls.
final class RetryBudget: Sendable {
    private let lock = NSLock()
    private let total: Int
    nonisolated(unsafe) private var spent = 0
    nonisolated(unsafe) private var taken = 0

    init(_ total: Int) { self.total = total }

    /// Spends one retry; false when none is left.
    func take() -> Bool {
        lock.withLock {
            guard spent < total else { return false }
            spent += 1
            taken += 1
            return true
        }
    }

    /// Gives back the retries of a call that got its answer.
    func giveBack(_ count: Int) {
        guard count > 0 else { return }
        lock.withLock { spent = max(0, spent - count) }
    }

    var used: Int { lock.withLock { spent } }
    var made: Int { lock.withLock { taken } }
}
