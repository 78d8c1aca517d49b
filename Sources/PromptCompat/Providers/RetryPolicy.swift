import Foundation

/// When and how long ``RetryingProvider`` waits before calling a provider again.
///
/// Only failures a re-run may not see again are retried: rate limits, server errors, network faults and
/// timeouts. A safety block, a rejected key, an exhausted quota, an unsupported parameter, a too-long
/// context, any other rejected request and a malformed answer are the provider's answer: asking again
/// changes nothing (and a safety block asked again is a second strike on the account).
///
/// The wait before retry `n` (0 for the first retry) is the provider's `Retry-After` when it sent one,
/// capped by ``maxDelay``; otherwise an exponential backoff with jitter, a random number of seconds in
/// `c/2...c` where `c = min(maxDelay, baseDelay · 2ⁿ)`. Half of each wait is certain, so the defaults
/// ride out an outage of at least ``minimumRideOut`` (30.5 s: a gateway restarting, a provider's brief
/// 502s) before a case fails, and concurrent cases still spread their retries.
///
/// ```swift
/// let policy = RetryPolicy(maxAttempts: 4, baseDelay: 1, maxDelay: 20, budget: 50)
/// let provider = RetryingProvider(wrapping: client, policy: policy)
/// ```
public struct RetryPolicy: Sendable, Equatable {
    /// Calls per request, the first included: 3 means at most 2 retries. 1 never retries.
    public var maxAttempts: Int
    /// Seconds; the backoff before retry `n` is drawn from `c/2...c`, `c = min(maxDelay, baseDelay · 2ⁿ)`.
    public var baseDelay: Double
    /// Seconds; no wait is longer, not even one a `Retry-After` header asks for.
    public var maxDelay: Double
    /// Retries allowed across all calls through one ``RetryingProvider`` (one target of one run) that did
    /// not end in an answer; once spent, failures pass through at once. The retries of a call that then
    /// succeeded are given back: an outage the run rode out costs nothing, a provider down for good costs
    /// at most `budget` extra calls.
    public var budget: Int

    public init(maxAttempts: Int = 7, baseDelay: Double = 1, maxDelay: Double = 30, budget: Int = 100) {
        self.maxAttempts = max(1, maxAttempts)
        self.baseDelay = max(0, baseDelay)
        self.maxDelay = max(0, maxDelay)
        self.budget = max(0, budget)
    }

    /// Never retries.
    public static let none = RetryPolicy(maxAttempts: 1, budget: 0)

    /// Whether `failure` is worth another call: rate limited, server error, network fault or timeout.
    public static func isRetryable(_ failure: ProviderFailure) -> Bool {
        switch failure.cause {
        case .rateLimited, .server, .network, .timeout: true
        case .auth, .quotaExhausted, .contextTooLong, .truncated, .safetyBlocked, .unsupported, .invalidRequest, .malformedResponse, .notCached: false
        }
    }

    /// The range the backoff before retry `retry` (0-based) is drawn from: `c/2...c`, `c = min(maxDelay, baseDelay · 2^retry)`.
    public func backoffRange(beforeRetry retry: Int) -> ClosedRange<Double> {
        let exponential = baseDelay * pow(2, Double(max(0, retry)))
        let cap = min(maxDelay, exponential.isFinite ? exponential : maxDelay)
        return (cap / 2)...cap
    }

    /// The shortest time, in seconds, from a request's first failure to its last attempt when every
    /// failure is a network fault or a server error: the outage it is sure to ride out (30.5 s by default).
    public var minimumRideOut: Double {
        (0..<max(0, maxAttempts - 1)).reduce(0) { $0 + backoffRange(beforeRetry: $1).lowerBound }
    }

    /// Seconds to wait before retry `retry` (0-based) after `failure`: its `Retry-After` capped by
    /// ``maxDelay``, else a draw of `random` from ``backoffRange(beforeRetry:)``.
    public func delay(
        beforeRetry retry: Int, after failure: ProviderFailure,
        random: (ClosedRange<Double>) -> Double = { Double.random(in: $0) }
    ) -> Double {
        if case .rateLimited(let retryAfter?) = failure.cause, retryAfter.isFinite {
            return min(maxDelay, max(0, retryAfter))
        }
        let range = backoffRange(beforeRetry: retry)
        return min(range.upperBound, max(range.lowerBound, random(range)))
    }
}
