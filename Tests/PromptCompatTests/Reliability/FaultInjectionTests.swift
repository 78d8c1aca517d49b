import Foundation
import Testing
import PromptCompat
import PromptCompatTestSupport

@Suite("Fault injection: every case of a run against a misbehaving provider is accounted for")
struct FaultInjectionTests {
    /// Runs the fault library through the real runner, both targets at once, logging through
    /// `results.jsonl` as the CLI does.
    static func runLibrary(_ fixture: FaultFixture) async throws -> (results: [CaseResult], logged: [String], seconds: Double) {
        let plain = try fixture.runner("plain")
        let streamer = try fixture.runner("streamer")
        let log = try ResultsLog(file: fixture.root.appendingPathComponent("reports/results.jsonl"))
        let clock = ContinuousClock()
        let start = clock.now
        let results: [CaseResult] = await withDeadline(60) { () async -> [CaseResult] in
            async let a = plain.run(plain.selectedCases().filter { $0.prompt.id == "faults/plain" }) { result, _, _ in log.append(result) }
            async let b = streamer.run(streamer.selectedCases().filter { $0.prompt.id == "faults/stream" }) { result, _, _ in log.append(result) }
            return await a + b
        } ?? []
        let elapsed = clock.now - start
        let logged = try String(contentsOf: log.file, encoding: .utf8).split(separator: "\n").map(String.init)
        return (results, logged, Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18)
    }

    @Test("every fault of the library ends as a result: judged, or failed with a classified cause and evidence; none missing; the run ends in time")
    func everyCaseIsAccountedFor() async throws {
        let fixture = try FaultFixture()
        let (results, logged, seconds) = try await Self.runLibrary(fixture)

        #expect(Set(results.map(\.caseName)) == Set(Fault.library.map(\.name)), "a case is missing from the results")
        #expect(results.count == Fault.library.count, "a case came back twice")
        #expect(logged.count == Fault.library.count, "results.jsonl has \(logged.count) lines for \(Fault.library.count) cases")
        for line in logged {
            let result = try CaseResult(json: JSONValue(parsing: line))
            #expect(results.contains { $0.caseName == result.caseName && $0.verdict == result.verdict }, "\(result.caseName) reads back differently")
        }
        for result in results where !result.verdict.isPass {
            let failure = try #require(result.failure, "\(result.caseName) is \(result.verdict.rawValue) without a classified failure: \(result.reasons)")
            #expect(!failure.message.isEmpty)
            #expect(failure.status != nil || !(failure.evidence ?? "").isEmpty, "\(result.caseName): no evidence kept")
        }
        // Slowest faults: a request that never starts and a stalled stream, each 1 s twice (a timeout is retried).
        // Alone the run takes about 2 s; inside the full parallel suite, beside the llama.cpp server's
        // inference on the same two cores, 31 s and 15 s in two CI runs a few commits apart. The bound says
        // the run ends, well inside the 60 s deadline above, not how fast a loaded machine is.
        #expect(seconds < 45, "the fault run took \(seconds) s")
        let lost = Set(Fault.library.map(\.name)).subtracting(results.map(\.caseName)).count
        let classified = results.filter { !$0.verdict.isPass && $0.failure != nil }.count
        print("Fault injection: \(Fault.library.count) faults injected in one run, \(results.count) cases accounted for (\(results.count - classified) judged, \(classified) failed with a classified cause), \(lost) lost, in \(String(format: "%.1f", seconds)) s")
    }

    @Test("each fault is reported as its own cause and verdict, with the reason a person needs", arguments: Fault.library)
    func eachFaultHasItsCause(_ fault: Fault) async throws {
        let fixture = try FaultFixture(faults: [fault])
        let runner = try fixture.runner(fault.streaming ? "streamer" : "plain")
        let results: [CaseResult] = await withDeadline(30) { await runner.run() } ?? []
        let result = try #require(results.first)
        switch fault.expected {
        case .pass:
            #expect(result.verdict == .pass, "\(fault.name): \(result.verdict.rawValue) \(result.reasons)")
            #expect(result.output == Fault.answer(for: fault.name))
        case .failure(let verdict, let cause, let saying):
            #expect(result.verdict == verdict, "\(fault.name): \(result.verdict.rawValue) \(result.reasons)")
            #expect(result.failure?.causeName == cause, "\(fault.name): \(result.failure?.description ?? "no failure")")
            #expect(result.reasons.first?.contains(saying) == true, "\(fault.name): reason \(result.reasons) does not say \"\(saying)\"")
        }
    }

    @Test("a fault that persists is asked twice (one retry) when retryable, once when it is the provider's answer")
    func retriesFollowTheCause() async throws {
        let fixture = try FaultFixture()
        _ = try await Self.runLibrary(fixture)
        // Computed from the policy: maxAttempts 2 → a retryable fault that persists costs 2 calls; one that
        // clears after the first call costs 2 as well; a malformed answer or a rejected request costs 1.
        for name in ["429-retry-after", "500-html", "503-then-ok", "never-starts", "sse-stalls", "close-without-response"] {
            #expect(fixture.calls(name) == 2, "\(name): \(fixture.calls(name)) calls")
        }
        for name in ["ok", "gigantic-50mb", "invalid-utf8", "http-200-error-body", "empty-200", "sse-invalid-utf8"] {
            #expect(fixture.calls(name) == 1, "\(name): \(fixture.calls(name)) calls")
        }
    }

    @Test("a provider that goes down for 30 seconds mid-run and comes back: the default retry policy carries every case through")
    func providerDownAndBack() async throws {
        let fixture = try FaultFixture(faults: (1...6).map { Fault(name: "steady-\($0)", expected: .pass) { _ in .closeWithoutResponse } })
        // The provider runs on a port of its own choosing (bound with SO_REUSEADDR), so a second server can
        // take the port over once the first is gone.
        let port = fixture.server.port
        fixture.server.stop()
        let first = AnsweringServer(port: port)
        let second = AnsweringServer(port: nil)
        try fixture.write("prompts/promptcompat.json", FaultFixture.config(baseURL: URL(string: "http://127.0.0.1:\(port)/v1")!).replacingOccurrences(
            // The suite's own policy removed: the defaults (waits drawn from c/2…c, c = 1, 2, 4 … 30 s) reach at
            // least 30.5 s after the first failure, whatever the jitter draws.
            of: #""concurrency": 4,\#n    "retries": { "maxAttempts": 2, "baseDelaySeconds": 0.05, "maxDelaySeconds": 0.2, "budget": 100 }"#, with: #""concurrency": 4"#
        ).replacingOccurrences(of: #""concurrency": 4"#, with: #""concurrency": 1"#))
        let runner = try fixture.runner("plain")
        #expect(runner.library.config.defaults.retry == RetryPolicy(), "the default policy")

        // Take the server down once two cases were answered, and bring a new one up on the same port 30 s later.
        let outage = Thread {
            let deadline = Date().addingTimeInterval(30)
            while first.requests < 2, Date() < deadline { usleep(5_000) }
            usleep(150_000)  // the second answer is on its way out
            first.stop()
            usleep(30_000_000)
            second.start(port: port)
        }
        outage.start()
        let clock = ContinuousClock()
        let start = clock.now
        let results = await withDeadline(120) { await runner.run() } ?? []
        let elapsed = clock.now - start

        #expect(results.count == 6)
        #expect(results.allSatisfy { $0.verdict == .pass }, "\(results.map { "\($0.caseName): \($0.verdict.rawValue) \($0.reasons)" })")
        #expect(second.requests >= 4, "the cases after the outage were answered by the server that came back")
        #expect(elapsed > .seconds(30), "the run waited out the outage")
        second.stop()
    }
}

/// A loopback provider that answers every case with its accepted answer; started now or later, on a given port.
final class AnsweringServer: Sendable {
    private let lock = NSLock()
    nonisolated(unsafe) private var server: LoopbackServer?

    init(port: Int?) {
        if let port { start(port: port) }
    }

    func start(port: Int) {
        let server = try? LoopbackServer(port: port) { request in
            let messages = (request.jsonBody?["messages"] as? [[String: Any]]) ?? []
            let name = (messages.last?["content"] as? String ?? "").replacingOccurrences(of: "fault: ", with: "")
            return .delayed(.milliseconds(100), Fault.ok(name))
        }
        lock.withLock { self.server = server }
    }

    var requests: Int { lock.withLock { server?.requests.count ?? 0 } }
    func stop() { lock.withLock { server?.stop() } }
}
