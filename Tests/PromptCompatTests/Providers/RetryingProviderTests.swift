import Foundation
import Testing
import PromptCompat
import PromptCompatTestSupport

/// Plays scripted responses in order, one per request; the last one repeats.
final class ResponseScript: Sendable {
    private let lock = NSLock()
    nonisolated(unsafe) private var remaining: [ScriptedResponse]

    init(_ responses: [ScriptedResponse]) { remaining = responses }

    func next() -> ScriptedResponse {
        lock.lock()
        defer { lock.unlock() }
        return remaining.count > 1 ? remaining.removeFirst() : remaining[0]
    }
}

/// Records what a `RetryingProvider` asked of its sleeper and its random source, without waiting.
final class RetryRecorder: Sendable {
    private let lock = NSLock()
    nonisolated(unsafe) private var sleptFor: [Double] = []
    nonisolated(unsafe) private var asked: [ClosedRange<Double>] = []

    var sleeps: [Double] { lock.withLock { sleptFor } }
    var ranges: [ClosedRange<Double>] { lock.withLock { asked } }

    var sleeper: RetryingProvider.Sleeper { { seconds in self.lock.withLock { self.sleptFor.append(seconds) } } }

    /// Draws really at random, and records the range it was asked for.
    var random: RetryingProvider.RandomSource {
        { range in
            self.lock.withLock { self.asked.append(range) }
            return Double.random(in: range)
        }
    }
}

/// Simulated time for an outage: waits advance it without sleeping, and the provider is down until `outage` seconds.
final class OutageClock: Sendable {
    private let lock = NSLock()
    private let outage: Double
    nonisolated(unsafe) private var now = 0.0

    init(outage: Double) { self.outage = outage }

    var waited: Double { lock.withLock { now } }
    var isDown: Bool { lock.withLock { now < outage } }
    var sleeper: RetryingProvider.Sleeper { { seconds in self.lock.withLock { self.now += seconds } } }
}

/// Lines told to a callback, kept in order.
final class Announcements: Sendable {
    private let lock = NSLock()
    nonisolated(unsafe) private var kept: [String] = []
    var lines: [String] { lock.withLock { kept } }
    func append(_ line: String) { lock.withLock { kept.append(line) } }
}

@Suite("RetryingProvider: retries only what a retry can fix, as the provider asks")
struct RetryingProviderTests {
    static let safetyBody = #"{"code":"DataInspectionFailed","message":"Input data may contain inappropriate content.","request_id":"r1"}"#

    /// A server playing `responses` in order, and a retrying client for it that records instead of sleeping.
    func setUp(_ responses: [ScriptedResponse], policy: RetryPolicy = RetryPolicy()) throws -> (LoopbackServer, RetryingProvider, RetryRecorder) {
        let script = ResponseScript(responses)
        let server = try LoopbackServer { _ in script.next() }
        let recorder = RetryRecorder()
        let provider = RetryingProvider(
            wrapping: ProviderFixtures.client(for: server), policy: policy, sleep: recorder.sleeper, random: recorder.random
        )
        return (server, provider, recorder)
    }

    func failure(of provider: RetryingProvider, sourceLocation: SourceLocation = #_sourceLocation) async -> ProviderFailure? {
        do {
            let completion = try await provider.complete(ProviderFixtures.request)
            Issue.record("expected a ProviderFailure, got a completion: \(completion.text)", sourceLocation: sourceLocation)
            return nil
        } catch {
            return error
        }
    }

    @Test("a 429 with Retry-After: 2 waits exactly 2 s, then the second request succeeds")
    func retryAfterIsHonoured() async throws {
        let (server, provider, recorder) = try setUp([
            .json(429, #"{"error":{"message":"Requests rate limit exceeded"}}"#, headers: ["Retry-After": "2"]),
            .json(200, ProviderFixtures.successBody),
        ])
        defer { server.stop() }
        let (completion, retries) = try await provider.completeCountingRetries(ProviderFixtures.request)
        #expect(completion.text == "早上好")
        #expect(retries == 1)
        #expect(recorder.sleeps == [2])
        #expect(recorder.ranges.isEmpty, "a Retry-After wait is not jittered")
        #expect(server.requests.count == 2)
        #expect(provider.retriesMade == 1)
        #expect(provider.retriesUsed == 0, "answered in the end: the retry goes back to the budget")
    }

    @Test("a Retry-After longer than maxDelay is cut to maxDelay")
    func retryAfterIsCapped() async throws {
        let (server, provider, recorder) = try setUp(
            [.json(429, #"{"error":{"message":"slow down"}}"#, headers: ["Retry-After": "3600"]), .json(200, ProviderFixtures.successBody)],
            policy: RetryPolicy(maxDelay: 7)
        )
        defer { server.stop() }
        _ = try await provider.complete(ProviderFixtures.request)
        #expect(recorder.sleeps == [7])
    }

    @Test("503 twice then 200 succeeds after two jittered backoffs within c/2…c, c = base·2ⁿ")
    func serverErrorsBackOffWithJitter() async throws {
        let (server, provider, recorder) = try setUp(
            [.text(503, "Service Unavailable"), .text(503, "Service Unavailable"), .json(200, ProviderFixtures.successBody)],
            policy: RetryPolicy(maxAttempts: 3, baseDelay: 0.5, maxDelay: 30)
        )
        defer { server.stop() }
        let (completion, retries) = try await provider.completeCountingRetries(ProviderFixtures.request)
        #expect(completion.text == "早上好")
        #expect(retries == 2)
        #expect(server.requests.count == 3)
        #expect(recorder.ranges == [0.25...0.5, 0.5...1.0])
        #expect(recorder.sleeps.count == 2)
        for (delay, range) in zip(recorder.sleeps, recorder.ranges) {
            #expect(range.contains(delay))
        }
    }

    @Test("backoff never exceeds maxDelay, however many retries")
    func backoffIsCappedByMaxDelay() {
        let policy = RetryPolicy(maxAttempts: 20, baseDelay: 1, maxDelay: 5)
        #expect((0..<6).map { policy.backoffRange(beforeRetry: $0).upperBound } == [1, 2, 4, 5, 5, 5])
        let failure = ProviderFailure(.server, "boom", status: 500)
        #expect(policy.delay(beforeRetry: 10, after: failure, random: { $0.upperBound + 100 }) == 5, "a wild random source is clamped")
    }

    @Test("a safety block (400 DataInspectionFailed) is not retried: one request, no wait")
    func safetyBlockIsNotRetried() async throws {
        let (server, provider, recorder) = try setUp([.json(400, Self.safetyBody), .json(200, ProviderFixtures.successBody)])
        defer { server.stop() }
        let failure = try #require(await failure(of: provider))
        #expect(failure.cause == .safetyBlocked(side: .input))
        #expect(server.requests.count == 1)
        #expect(recorder.sleeps.isEmpty)
        #expect(provider.retriesUsed == 0)
    }

    @Test("a 401 is not retried: one request, and the failure names the key variable")
    func authErrorIsNotRetried() async throws {
        let (server, provider, recorder) = try setUp([
            .json(401, #"{"error":{"message":"Incorrect API key provided","code":"invalid_api_key"}}"#),
            .json(200, ProviderFixtures.successBody),
        ])
        defer { server.stop() }
        let failure = try #require(await failure(of: provider))
        #expect(failure.cause == .auth(variable: ProviderFixtures.keyVariable))
        #expect(server.requests.count == 1)
        #expect(recorder.sleeps.isEmpty)
    }

    @Test("only rate limits, server errors, network faults and timeouts are retryable")
    func retryableCauses() {
        let retryable: [ProviderFailure.Cause] = [.rateLimited(retryAfter: nil), .rateLimited(retryAfter: 1), .server, .network, .timeout]
        let final: [ProviderFailure.Cause] = [
            .safetyBlocked(side: .output), .auth(variable: "K"), .quotaExhausted, .unsupported(parameter: "n"),
            .contextTooLong, .invalidRequest, .malformedResponse,
        ]
        #expect(retryable.allSatisfy { RetryPolicy.isRetryable(ProviderFailure($0, "x")) })
        #expect(final.allSatisfy { !RetryPolicy.isRetryable(ProviderFailure($0, "x")) })
    }

    @Test("when maxAttempts is spent, the last failure is thrown")
    func exhaustedAttemptsThrowTheLastFailure() async throws {
        let (server, provider, recorder) = try setUp(
            [.text(503, "first"), .text(502, "second"), .text(500, "third"), .json(200, ProviderFixtures.successBody)],
            policy: RetryPolicy(maxAttempts: 3)
        )
        defer { server.stop() }
        let (result, retries) = await provider.completeReportingRetries(ProviderFixtures.request)
        guard case .failure(let failure) = result else { Issue.record("expected the last failure, got \(result)"); return }
        #expect(failure.status == 500)
        #expect(failure.evidence == "third")
        #expect(retries == 2)
        #expect(server.requests.count == 3)
        #expect(recorder.sleeps.count == 2)
    }

    @Test("a network fault (connection refused) is retried, then thrown as network")
    func networkFaultIsRetried() async throws {
        let recorder = RetryRecorder()
        let url = URL(string: "http://127.0.0.1:\(try LoopbackServer.unusedPort())/v1")!
        let provider = RetryingProvider(
            wrapping: ProviderFixtures.client(baseURL: url), policy: RetryPolicy(maxAttempts: 2), sleep: recorder.sleeper, random: recorder.random
        )
        let failure = try #require(await failure(of: provider))
        #expect(failure.cause == .network)
        #expect(recorder.sleeps.count == 1)
        #expect(provider.retriesUsed == 1)
    }

    @Test("the budget is shared by all calls: once spent, failures pass through at once")
    func budgetIsSharedAcrossCalls() async throws {
        let (server, provider, recorder) = try setUp([.text(503, "down")], policy: RetryPolicy(maxAttempts: 3, budget: 3))
        defer { server.stop() }
        let first = await provider.completeReportingRetries(ProviderFixtures.request)
        #expect(first.retries == 2)
        let second = await provider.completeReportingRetries(ProviderFixtures.request)
        #expect(second.retries == 1, "one retry was left in the budget")
        let third = await provider.completeReportingRetries(ProviderFixtures.request)
        #expect(third.retries == 0)
        #expect(server.requests.count == 3 + 2 + 1)
        #expect(recorder.sleeps.count == 3)
        #expect(provider.retriesUsed == 3)
    }

    @Test("the budget holds under concurrent calls")
    func budgetHoldsUnderConcurrency() async throws {
        let (server, provider, _) = try setUp([.text(503, "down")], policy: RetryPolicy(maxAttempts: 5, budget: 4))
        defer { server.stop() }
        let retries = await withTaskGroup(of: Int.self) { group in
            for _ in 0..<6 { group.addTask { await provider.completeReportingRetries(ProviderFixtures.request).retries } }
            return await group.reduce(0, +)
        }
        #expect(retries == 4)
        #expect(server.requests.count == 6 + 4)
    }

    @Test("the default policy rides out a 30 s outage of closed connections: the case gets its answer")
    func defaultPolicyRidesOutAThirtySecondOutage() async throws {
        let clock = OutageClock(outage: 30)
        let server = try LoopbackServer { _ in clock.isDown ? .closeWithoutResponse : .json(200, ProviderFixtures.successBody) }
        defer { server.stop() }
        let provider = RetryingProvider(wrapping: ProviderFixtures.client(for: server), sleep: clock.sleeper)

        let (completion, retries) = try await provider.completeCountingRetries(ProviderFixtures.request)

        #expect(completion.text == "早上好")
        #expect(retries <= RetryPolicy().maxAttempts - 1)
        #expect(clock.waited >= 30)
        #expect(RetryPolicy().minimumRideOut >= 30, "whatever the jitter draws")
        #expect(provider.retriesUsed == 0, "an outage ridden out gives its retries back to the budget")
        #expect(provider.retriesMade == retries)
    }

    @Test("the default waits grow and stay bounded: at most 30 s each, at most 61 s of waiting before a case gives up")
    func defaultBackoffIsBounded() {
        let policy = RetryPolicy()
        let ranges = (0..<(policy.maxAttempts - 1)).map { policy.backoffRange(beforeRetry: $0) }
        #expect(ranges.map(\.upperBound) == [1, 2, 4, 8, 16, 30])
        #expect(ranges.map(\.lowerBound) == [0.5, 1, 2, 4, 8, 15])
        #expect(ranges.reduce(0) { $0 + $1.upperBound } == 61)
    }

    @Test("retries of a call that got its answer are given back; a provider down for good spends the budget")
    func budgetIsGivenBackOnSuccess() async throws {
        let (server, provider, _) = try setUp(
            [.text(503, "down"), .json(200, ProviderFixtures.successBody), .text(503, "down"), .json(200, ProviderFixtures.successBody), .text(503, "down")],
            policy: RetryPolicy(maxAttempts: 3, budget: 1)
        )
        defer { server.stop() }
        #expect(await provider.completeReportingRetries(ProviderFixtures.request).retries == 1)
        #expect(await provider.completeReportingRetries(ProviderFixtures.request).retries == 1, "the first call's retry came back")
        #expect(provider.retriesUsed == 0)
        let down = await provider.completeReportingRetries(ProviderFixtures.request)
        #expect(down.retries == 1)
        #expect(provider.retriesUsed == 1)
        #expect(await provider.completeReportingRetries(ProviderFixtures.request).retries == 0, "the budget is spent")
        #expect(provider.retriesMade == 3)
    }

    @Test("each retry is told to the task's RetryLog before its wait: attempt, of how many, after what")
    func retriesAreLogged() async throws {
        let (server, provider, recorder) = try setUp(
            [.text(503, "down"), .closeWithoutResponse, .json(200, ProviderFixtures.successBody)], policy: RetryPolicy(maxAttempts: 4)
        )
        defer { server.stop() }
        let announced = Announcements()
        let log = RetryLog { announced.append($0.description) }

        _ = try await RetryLog.$current.withValue(log) { try await provider.complete(ProviderFixtures.request) }

        #expect(log.events.map(\.attempt) == [2, 3])
        #expect(log.events.map(\.after) == ["503", "network"])
        #expect(log.events.map(\.maxAttempts) == [4, 4])
        #expect(log.events.map(\.delay) == recorder.sleeps)
        #expect(announced.lines.count == 2)
        #expect(announced.lines[0].hasPrefix("attempt 2 of 4, after 503, in "))
    }

    @Test("RetryPolicy.none makes one request only")
    func noneNeverRetries() async throws {
        let (server, provider, recorder) = try setUp([.text(503, "down"), .json(200, ProviderFixtures.successBody)], policy: .none)
        defer { server.stop() }
        let failure = try #require(await failure(of: provider))
        #expect(failure.cause == .server)
        #expect(server.requests.count == 1)
        #expect(recorder.sleeps.isEmpty)
    }

    @Test("the suite runner's default client retries a 503 and the case still records")
    func suiteRunnerRetriesByDefault() async throws {
        let script = ResponseScript([.text(503, "Service Unavailable"), RunFixture.completion("订单正在配送中。")])
        let fixture = try RunFixture(answer: { _ in script.next() })
        let result = try await fixture.runner(record: .missing).run(filter: "late")[0]
        #expect(result.verdict == .recorded)
        #expect(result.retriedAfter == ["503"])
        #expect(try CaseResult(json: result.json).retriedAfter == ["503"], "results.jsonl keeps it")
        #expect(result.requests == 1, "one request, retried once below it")
        #expect(try CaseResult(json: result.json).requests == 1)
        #expect(fixture.server.requests.count == 2)
        #expect(fixture.sample("stub", "late") == "订单正在配送中。\n")
    }
}
