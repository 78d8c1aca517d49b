import Foundation
import Testing
@testable import PromptCompat
import PromptCompatTestSupport

@Suite("SuiteRunner: call, compare, record")
struct SuiteRunnerTests {
    @Test("a first run records missing snapshots, and recording is never a pass")
    func firstRunRecords() async throws {
        let fixture = try RunFixture()
        let results = try await fixture.runner(record: .missing).run()
        #expect(results.map(\.verdict) == [.recorded, .recorded])
        #expect(results[0].reasons.joined().contains("re-run to compare"))
        #expect(fixture.sample("stub", "late") == "您好，关于「订单 20240709 到哪了？」：已为您查询，订单正在配送中。\n")
        #expect(fixture.server.requests.count == 2)
    }

    @Test("a second run compares with the recorded snapshots and passes")
    func secondRunPasses() async throws {
        let fixture = try RunFixture()
        _ = try await fixture.runner(record: .missing).run()
        let results = try await fixture.runner(record: .missing).run()
        #expect(results.map(\.verdict) == [.pass, .pass])
        #expect(results[0].comparison?.score == 1)
        #expect(results[0].referenceProvider == "stub")
    }

    @Test("samples: N records N outputs per case")
    func recordsSeveralSamples() async throws {
        let fixture = try RunFixture(samples: 3)
        _ = try await fixture.runner(record: .missing).run()
        #expect(fixture.server.requests.count == 6)
        #expect(fixture.sample("stub", "late", 3) != nil)
        #expect(fixture.sample("stub", "late", 4) == nil)
    }

    @Test("an edited snapshot makes exactly that case drift, with a diff of the edited line")
    func editedSnapshotDrifts() async throws {
        let fixture = try RunFixture()
        _ = try await fixture.runner(record: .missing).run()
        try fixture.write("snapshots/stub/support/order-status/late/sample-1.txt", "您好，订单 20240709 已签收，请查看门口。\n")
        let results = try await fixture.runner(record: .never).run()
        #expect(results.map(\.verdict) == [.drift, .pass])
        let diff = try #require(results[0].comparison?.diff)
        #expect(diff.contains("-您好，订单 20240709 已签收，请查看门口。"))
        #expect(diff.contains("+您好，关于「订单 20240709 到哪了？」：已为您查询，订单正在配送中。"))
        #expect(FailureMessage.text(for: results[0]).contains(diff))
    }

    @Test("under CI nothing is written, even with PROMPTCOMPAT_RECORD=all, and a missing snapshot fails (a case with assertions is judged by them alone)")
    func ciNeverWrites() async throws {
        let fixture = try RunFixture()
        let runner = try fixture.runner(environment: ["CI": "true", "PROMPTCOMPAT_RECORD": "all"])
        let results = await runner.run()
        #expect(results.map(\.verdict) == [.missingSnapshot, .pass])
        #expect(results[1].assertionsOnly)
        #expect(results[0].reasons[0].contains("CI is set"))
        #expect(!FileManager.default.fileExists(atPath: fixture.snapshots.path))
    }

    @Test("record mode failed accepts the target's new output into its own snapshot folder")
    func failedModeAcceptsTargetOutput() async throws {
        let fixture = try RunFixture()
        _ = try await fixture.runner(record: .missing).run()
        let before = try await fixture.runner(target: "other", record: .never).run()
        #expect(before.map(\.verdict) == [.drift, .drift], "the override's terse prompt gets English answers")
        let accepted = try await fixture.runner(target: "other", record: .failed).run()
        #expect(accepted.map(\.verdict) == [.recorded, .recorded])
        #expect(fixture.sample("other", "late") == "Order 20240709 is on its way.\n")
        let after = try await fixture.runner(target: "other", record: .never).run()
        #expect(after.map(\.verdict) == [.pass, .pass])
        #expect(after[0].referenceProvider == "other")
    }

    @Test("a migration target never becomes its own reference by accident: without the baseline's snapshot, missing records nothing and calls nothing")
    func targetWithoutBaselineSnapshot() async throws {
        let fixture = try RunFixture()
        let result = try await fixture.runner(target: "other", record: .missing).run(filter: "late")[0]
        #expect(result.verdict == .missingSnapshot)
        #expect(result.reasons[0].contains("record the baseline first (promptcompat run --target stub --record missing)"))
        #expect(fixture.server.requests.isEmpty)
        #expect(fixture.sample("other", "late") == nil)
    }

    @Test("record mode failed keeps the suite's sample count when it accepts a new output")
    func failedModeRecordsAllSamples() async throws {
        let fixture = try RunFixture(samples: 2)
        _ = try await fixture.runner(record: .missing).run(filter: "late")
        _ = try await fixture.runner(target: "other", record: .failed).run(filter: "late")
        #expect(fixture.sample("other", "late", 1) == "Order 20240709 is on its way.\n")
        #expect(fixture.sample("other", "late", 2) == "Order 20240709 is on its way.\n")
    }

    @Test("the target's override replaces the messages it sends, and its note is kept with the result")
    func overrideIsSent() async throws {
        let fixture = try RunFixture()
        let result = try await fixture.runner(target: "other", record: .all).run(filter: "late")[0]
        let sent = try #require(fixture.server.requests.first?.jsonBody?["messages"] as? [[String: Any]])
        #expect(sent.count == 1)
        #expect(sent[0]["content"] as? String == "查订单 20240709")
        #expect(fixture.server.requests.first?.jsonBody?["model"] as? String == "other-model")
        #expect(result.overrideNote == "shorter prompt for other")
    }

    @Test("a failed assertion gives verdict failed with the assertion as the reason")
    func assertionFails() async throws {
        let fixture = try RunFixture(answer: { _ in RunFixture.completion("订单正在配送中。") })
        _ = try await fixture.runner(record: .missing).run()
        let result = try await fixture.runner(record: .never).run(filter: "lost")[0]
        #expect(result.verdict == .failed)
        #expect(result.reasons == ["output does not contain \"88812345\""])
    }

    @Test("an answer cut for length where the accepted one was whole is classified truncated, first among the reasons, with its hint")
    func truncatedAnswer() async throws {
        let fixture = try RunFixture(answer: { message in
            message.hasPrefix("查订单")
                ? RunFixture.completion("您好，关于订单", finishReason: "length")
                : RunFixture.completion("您好，订单 20240709 正在配送中，预计明天送达，请留意短信通知。")
        })
        _ = try await fixture.runner(record: .missing).run(filter: "late")
        let result = try await fixture.runner(target: "other", record: .never).run(filter: "late")[0]
        #expect(result.verdict == .drift)
        #expect(result.failure?.cause == .truncated(limit: nil))
        #expect(result.reasons.first?.hasPrefix("truncated: the answer was cut at the provider's default output limit") == true, "\(result.reasons)")
        #expect(VerdictReasons.hint(for: result.reasons)?.hasPrefix("raise max_tokens") == true)
    }

    @Test("an answer cut for length that still passes says so in a note, and report.json marks it truncated")
    func truncatedButPassing() async throws {
        let whole = "您好，订单 20240709 正在配送中，预计明天送达，请留意短信通知。"
        let fixture = try RunFixture(answer: { message in
            message.hasPrefix("查订单") ? RunFixture.completion(whole, finishReason: "length") : RunFixture.completion(whole)
        })
        _ = try await fixture.runner(record: .missing).run(filter: "late")
        let result = try await fixture.runner(target: "other", record: .never).run(filter: "late")[0]
        #expect(result.verdict == .pass)
        #expect(result.truncated)
        #expect(result.reasons.contains { $0.hasPrefix("note: the answer was cut") && $0.contains("passed the comparison all the same") }, "\(result.reasons)")
        #expect(result.json["truncated"] == .bool(true))
    }

    @Test("a content-safety refusal blocks the case and keeps the provider's words")
    func safetyBlock() async throws {
        let fixture = try RunFixture(answer: { _ in
            .json(400, #"{"code":"DataInspectionFailed","message":"Input data may contain inappropriate content."}"#)
        })
        let result = try await fixture.runner(record: .missing).run(filter: "late")[0]
        #expect(result.verdict == .blocked)
        #expect(result.failure?.evidence?.contains("DataInspectionFailed") == true)
        #expect(!FileManager.default.fileExists(atPath: fixture.snapshots.path), "a failure records nothing")
    }

    @Test("a target whose key variable is unset cannot start, and the error names the variable")
    func missingKeyStopsTheRun() throws {
        let fixture = try RunFixture()
        #expect {
            try fixture.runner(target: "keyed")
        } throws: { error in
            "\(error)" == "target \"keyed\" needs an API key: set the environment variable STUB_API_KEY"
        }
        #expect(fixture.server.requests.isEmpty)
    }

    @Test("the key is sent as a Bearer header when the variable is set")
    func keyIsSent() async throws {
        let fixture = try RunFixture()
        _ = try await fixture.runner(target: "keyed", record: .all, environment: ["STUB_API_KEY": "sk-test-123"]).run(filter: "late")
        #expect(fixture.server.requests.first?.header("Authorization") == "Bearer sk-test-123")
    }

    @Test("a provider with stream: true is called with SSE streaming and its chunks are assembled")
    func streamingTarget() async throws {
        let fixture = try RunFixture(answer: { _ in
            .sse([
                #"{"choices":[{"index":0,"delta":{"content":"订单"}}]}"#,
                #"{"choices":[{"index":0,"delta":{"content":"已发货"},"finish_reason":"stop"}]}"#,
                "[DONE]",
            ])
        })
        let result = try await fixture.runner(target: "streamer", record: .all).run(filter: "late")[0]
        #expect(fixture.server.requests.first?.jsonBody?["stream"] as? Bool == true)
        #expect(result.output == "订单已发货")
        #expect(fixture.sample("streamer", "late") == "订单已发货\n")
    }

    @Test("an unknown target lists the declared providers")
    func unknownTarget() throws {
        let fixture = try RunFixture()
        #expect { try fixture.runner(target: "qwen") } throws: { "\($0)".contains("declares: stub, other, streamer, keyed") }
    }

    @Test("each finished case is appended to results.jsonl as it finishes")
    func resultsAreStreamedToDisk() async throws {
        let fixture = try RunFixture()
        let log = try ResultsLog(file: fixture.root.appendingPathComponent("reports/results.jsonl"))
        _ = try await fixture.runner(record: .missing).run { result, _, _ in log.append(result) }
        let lines = try String(contentsOf: log.file, encoding: .utf8).split(separator: "\n")
        #expect(lines.count == 2)
        let first = try JSONValue(parsing: String(lines[0]))
        #expect(first["verdict"]?.stringValue == "recorded")
        #expect(first["prompt"]?.stringValue == "support/order-status")
    }
}
