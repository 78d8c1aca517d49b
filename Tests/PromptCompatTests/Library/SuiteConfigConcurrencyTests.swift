import Foundation
import Testing
@testable import PromptCompat
import PromptCompatTestSupport

/// A provider's own `concurrency` in the suite config: how many requests are in flight when it is the target.
@Suite("Suite config: providers.<name>.concurrency")
struct SuiteConfigConcurrencyTests {
    static func config(local: String, defaults: Int = 4, baseURL: String = "http://127.0.0.1:8701/v1") -> String {
        """
        {
          "baseline": "local",
          "defaults": { "concurrency": \(defaults) },
          "providers": {
            "local": { "baseURL": "\(baseURL)", "model": "m"\(local) },
            "hosted": { "baseURL": "\(baseURL)", "model": "m" }
          }
        }
        """
    }

    @Test("a provider's concurrency is read; one without it has none and the runner uses defaults.concurrency")
    func read() throws {
        let config = try SuiteConfig.decode(Self.config(local: #", "concurrency": 1"#), file: "promptcompat.json")
        #expect(config.provider(named: "local")?.concurrency == 1)
        #expect(config.provider(named: "hosted")?.concurrency == nil)
    }

    @Test("zero, a fraction or a string is an error at its path", arguments: ["0", "1.5", #""2""#])
    func mistakes(value: String) throws {
        let error = try #require(throws: LibraryDiagnostic.self) {
            try SuiteConfig.decode(Self.config(local: #", "concurrency": "# + value), file: "promptcompat.json")
        }
        #expect(error.jsonPath == "$.providers.local.concurrency", "\(error.description)")
    }

    /// Six cases against a loopback server that holds each answer 150 ms and counts the requests it holds
    /// at once. With `defaults.concurrency` 4, a target that says 1 must never see two at once, and the
    /// other target runs several at once — though the runner has a case a core more under way than that
    /// (`SuiteRunner.comparingCases`), comparing answers while the next requests wait.
    @Test("the runner keeps a target's own concurrency, and the default for the others")
    func runnerKeepsTargetConcurrency() async throws {
        let inFlight = InFlightCounter()
        let server = try LoopbackServer { _ in
            inFlight.enter()
            Thread.sleep(forTimeInterval: 0.15)
            inFlight.leave()
            return RunFixture.completion("好的")
        }
        defer { server.stop() }
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("promptcompat-concurrency-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        let prompts = root.appendingPathComponent("prompts")
        try FileManager.default.createDirectory(at: prompts, withIntermediateDirectories: true)
        try Data(Self.config(local: #", "concurrency": 1"#, baseURL: server.baseURL.absoluteString).utf8).write(to: prompts.appendingPathComponent("promptcompat.json"))
        let cases = (1...6).map { #"{ "name": "c\#($0)", "vars": {} }"# }.joined(separator: ", ")
        try Data(#"{ "messages": [ { "role": "user", "content": "你好" } ], "cases": [\#(cases)] }"#.utf8).write(to: prompts.appendingPathComponent("hello.json"))
        let library = try PromptLibrary.load(from: prompts)

        for (target, expected) in [("local", 1), ("hosted", 4)] {
            // The baseline `local` records every case; `hosted` is then compared with those snapshots.
            let runner = try SuiteRunner(library: library, snapshots: root.appendingPathComponent("snapshots"), target: target, record: .missing, environment: [:])
            #expect(runner.concurrency == expected)
            inFlight.reset()
            let results = await runner.run()
            #expect(results.count == 6)
            #expect(results.allSatisfy { $0.completion != nil }, "every case called the target")
            if target == "local" {
                #expect(inFlight.most == 1)
            } else {
                #expect(inFlight.most > 1 && inFlight.most <= 4, "\(inFlight.most) at once")
            }
        }
    }
}

/// Counts callers between `enter` and `leave`, and the most there were at once.
final class InFlightCounter: @unchecked Sendable {
    private let lock = NSLock()
    private var now = 0
    private(set) var most = 0

    func enter() { lock.withLock { now += 1; most = max(most, now) } }
    func leave() { lock.withLock { now -= 1 } }
    func reset() { lock.withLock { now = 0; most = 0 } }
}
