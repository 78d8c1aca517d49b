import Foundation

/// A provider's request budget per minute, kept on the client side so a large run does not trip 429s
/// in the first place: requests per minute and tokens per minute (prompt tokens estimated, plus the
/// request's `max_tokens`). Set per provider in the suite config: `"rateLimit": {"requestsPerMinute":
/// 60, "tokensPerMinute": 100000}`.
public struct RateLimit: Sendable, Equatable {
    public var requestsPerMinute: Int?
    public var tokensPerMinute: Int?

    public init(requestsPerMinute: Int? = nil, tokensPerMinute: Int? = nil) {
        self.requestsPerMinute = requestsPerMinute
        self.tokensPerMinute = tokensPerMinute
    }

    /// What a request counts against `tokensPerMinute`: its estimated prompt tokens and its `max_tokens`
    /// (256 when it sets none).
    public static func tokens(of request: ChatRequest) -> Int {
        let output = ["max_tokens", "max_completion_tokens"].lazy.compactMap { request.parameters[$0]?.intValue }.first ?? 256
        return TokenEstimator.estimate(request) + output
    }
}

/// Admits calls within a ``RateLimit`` over a sliding 60-second window, making each caller wait until
/// its call fits. One limiter per target per run, shared by every concurrent case.
///
/// ```swift
/// let limiter = RateLimiter(RateLimit(requestsPerMinute: 60))
/// await limiter.admit(tokens: 900)   // returns at once for the first 60 calls of a minute
/// ```
public actor RateLimiter {
    /// Seconds since some fixed point.
    public typealias Clock = @Sendable () -> Double
    public typealias Sleeper = @Sendable (Double) async -> Void

    public let limit: RateLimit
    private let now: Clock
    private let sleep: Sleeper
    private var admitted: [(time: Double, tokens: Int)] = []
    /// Total seconds callers waited, for the run's summary.
    public private(set) var waited = 0.0

    public static let window = 60.0

    public init(
        _ limit: RateLimit,
        now: @escaping Clock = { ProcessInfo.processInfo.systemUptime },
        sleep: @escaping Sleeper = { try? await Task.sleep(for: .seconds($0)) }
    ) {
        self.limit = limit
        self.now = now
        self.sleep = sleep
    }

    /// Waits until a call costing `tokens` fits the limit, then counts it. A single call larger than the
    /// whole token budget is admitted alone once the window is empty, rather than never.
    public func admit(tokens: Int) async {
        while true {
            let time = now()
            admitted.removeAll { time - $0.time >= Self.window }
            guard let wait = waitBeforeAdmitting(tokens: tokens, at: time) else {
                admitted.append((time, tokens))
                return
            }
            waited += wait
            await sleep(wait)
        }
    }

    /// Seconds until the oldest call that blocks this one leaves the window, or nil when it fits now.
    func waitBeforeAdmitting(tokens: Int, at time: Double) -> Double? {
        var blocked = false
        if let requests = limit.requestsPerMinute, admitted.count >= requests { blocked = true }
        if let budget = limit.tokensPerMinute, !admitted.isEmpty, admitted.reduce(0, { $0 + $1.tokens }) + tokens > budget { blocked = true }
        guard blocked, let oldest = admitted.first else { return nil }
        return max(0.001, oldest.time + Self.window - time)
    }
}

/// A ``Provider`` that waits for its ``RateLimiter`` before each call.
public final class RateLimitedProvider: Provider {
    public let base: any Provider
    public let limiter: RateLimiter

    public var name: String { base.name }

    public init(wrapping base: any Provider, limiter: RateLimiter) {
        self.base = base
        self.limiter = limiter
    }

    public func complete(_ request: ChatRequest) async throws(ProviderFailure) -> Completion {
        await limiter.admit(tokens: RateLimit.tokens(of: request))
        return try await base.complete(request)
    }
}
