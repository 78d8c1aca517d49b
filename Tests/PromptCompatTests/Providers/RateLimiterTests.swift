import Foundation
import PromptCompat
import Testing

/// `RateLimiter` on a fake clock: every wait is computed, none is slept for real.
@Suite("RateLimiter")
struct RateLimiterTests {
    /// A clock that only moves when the limiter sleeps.
    final class FakeTime: @unchecked Sendable {
        private let lock = NSLock()
        private var seconds = 0.0
        private(set) var sleeps: [Double] = []
        var now: Double { lock.lock(); defer { lock.unlock() }; return seconds }
        func sleep(_ duration: Double) {
            lock.lock(); defer { lock.unlock() }
            sleeps.append(duration)
            seconds += duration
        }
        func advance(_ duration: Double) { lock.lock(); defer { lock.unlock() }; seconds += duration }
    }

    func limiter(_ limit: RateLimit, _ time: FakeTime) -> RateLimiter {
        RateLimiter(limit, now: { time.now }, sleep: { time.sleep($0) })
    }

    @Test("within requests per minute nobody waits; the next call waits until the oldest leaves the 60 s window")
    func requestsPerMinute() async {
        let time = FakeTime()
        let limiter = limiter(RateLimit(requestsPerMinute: 3), time)
        for _ in 0..<3 {
            await limiter.admit(tokens: 10)
            time.advance(1)
        }
        #expect(time.sleeps.isEmpty)
        await limiter.admit(tokens: 10)
        // Calls at t = 0, 1, 2; the fourth at t = 3 waits for the first to be 60 s old: 57 s.
        #expect(time.sleeps == [57])
        #expect(await limiter.waited == 57)
    }

    @Test("tokens per minute count the estimated prompt and max_tokens; a call that would overflow waits")
    func tokensPerMinute() async {
        let time = FakeTime()
        let limiter = limiter(RateLimit(tokensPerMinute: 1000), time)
        await limiter.admit(tokens: 600)
        time.advance(10)
        await limiter.admit(tokens: 300)
        #expect(time.sleeps.isEmpty, "900 of 1000")
        await limiter.admit(tokens: 200)
        // 1100 > 1000: wait until the 600-token call (t = 0) leaves the window at t = 60, from t = 10: 50 s.
        #expect(time.sleeps == [50])
    }

    @Test("a single call bigger than the whole token budget goes alone rather than never")
    func oversizedCall() async {
        let time = FakeTime()
        let limiter = limiter(RateLimit(tokensPerMinute: 100), time)
        await limiter.admit(tokens: 500)
        #expect(time.sleeps.isEmpty)
        await limiter.admit(tokens: 500)
        #expect(time.sleeps == [60])
    }

    @Test("no limit, no wait")
    func unlimited() async {
        let time = FakeTime()
        let limiter = limiter(RateLimit(), time)
        for _ in 0..<1000 { await limiter.admit(tokens: 10_000) }
        #expect(time.sleeps.isEmpty)
    }

    @Test("a request's cost is its estimated prompt tokens plus max_tokens, or plus 256 without one")
    func requestCost() {
        let request = ChatRequest(model: "m", messages: [ChatMessage(role: .user, content: "你好")], parameters: JSONObject([("max_tokens", 64)]))
        #expect(RateLimit.tokens(of: request) == TokenEstimator.estimate(request) + 64)
        let open = ChatRequest(model: "m", messages: [ChatMessage(role: .user, content: "你好")])
        #expect(RateLimit.tokens(of: open) == TokenEstimator.estimate(open) + 256)
    }
}
