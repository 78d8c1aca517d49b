import Foundation
import Testing
import PromptCompat
import PromptCompatTestSupport

@Suite("promptcompat run --shard, report --merge and the run history, as a CI matrix uses them")
struct ShardMergeCLITests {
    /// A second prompt without an override for `other`: the loopback model answers it as it answers the
    /// baseline, so it stays ready while `support/order-status` (whose override is answered in English) drifts.
    static let greeting = """
        { "messages": [ { "role": "user", "content": "问候 {{name}}" } ],
          "cases": [ { "name": "a", "vars": { "name": "张三" } }, { "name": "b", "vars": { "name": "李四" } },
                     { "name": "c", "vars": { "name": "王五" } }, { "name": "d", "vars": { "name": "赵六" } } ] }
        """

    func json(_ fixture: RunFixture, _ path: String) throws -> JSONValue {
        try JSONValue(parsing: Data(contentsOf: fixture.root.appendingPathComponent(path)))
    }

    /// `prompt/case` of every case entry of a report.json.
    func caseNames(_ report: JSONValue) -> [String] {
        (report["prompts"]?.arrayValue ?? []).flatMap { prompt in
            (prompt["cases"]?.arrayValue ?? []).map { "\($0["prompt"]?.stringValue ?? "")/\($0["case"]?.stringValue ?? "")" }
        }
    }

    @Test("--shard that is not i/n with 1 ≤ i ≤ n exits 2 and says what is expected")
    func badShard() async throws {
        let fixture = try RunFixture()
        let tooBig = try await CLIProcess.run(["run", "--shard", "5/4"], in: fixture.root)
        #expect(tooBig.status == 2)
        #expect(tooBig.stderr.contains("error: --shard 5/4: the shard number must be between 1 and 4"))
        let word = try await CLIProcess.run(["run", "--shard", "x"], in: fixture.root)
        #expect(word.status == 2)
        #expect(word.stderr.contains("error: --shard \"x\" is not a shard: expected i/n, like 2/4"))
        #expect(fixture.server.requests.isEmpty)
    }

    @Test("two shards merged give every case once and the same readiness as one unsharded run")
    func shardsMergeToTheWhole() async throws {
        let fixture = try RunFixture()
        try fixture.write("prompts/support/greeting.json", Self.greeting)
        #expect(try await CLIProcess.run(["run", "--target", "stub"], in: fixture.root).status == 1, "records the baseline")
        let whole = try await CLIProcess.run(["run", "--target", "other", "--record", "never"], in: fixture.root)
        let first = try await CLIProcess.run(["run", "--target", "other", "--record", "never", "--shard", "1/2"], in: fixture.root)
        let second = try await CLIProcess.run(["run", "--target", "other", "--record", "never", "--shard", "2/2"], in: fixture.root)
        #expect([whole.status, first.status, second.status] == [1, 1, 1], "order-status drifts on other: \(whole.stdout)")
        let shardCases = try [1, 2].map { caseNames(try json(fixture, "reports/other/shard-\($0)-of-2/report.json")) }
        #expect(shardCases.allSatisfy { !$0.isEmpty }, "both shards got cases: \(shardCases)")

        let merged = try await CLIProcess.run(["report", "--merge", "reports/other/shard-1-of-2", "reports/other/shard-2-of-2"], in: fixture.root)
        #expect(merged.status == whole.status, "\(merged.stderr)")
        #expect(merged.stdout.contains("other: 50% ready (1/2 prompts) — 1 re-tune"))
        let wholeReport = try json(fixture, "reports/other/report.json")
        let mergedReport = try json(fixture, "reports/other/merged/report.json")
        #expect(caseNames(mergedReport) == caseNames(wholeReport))
        #expect(caseNames(mergedReport).count == 6 && Set(caseNames(mergedReport)).count == 6)
        #expect(Set(caseNames(mergedReport)) == Set(shardCases.joined()))
        #expect(mergedReport["summary"]?["readiness"] == wholeReport["summary"]?["readiness"])
        #expect(mergedReport["summary"]?["cases"] == wholeReport["summary"]?["cases"])
        let statuses = { (report: JSONValue) in (report["prompts"]?.arrayValue ?? []).map { "\($0["id"]?.stringValue ?? "") \($0["status"]?.stringValue ?? "")" } }
        #expect(statuses(mergedReport) == statuses(wholeReport))
        let orderStatus = { (report: JSONValue) in report["prompts"]?.arrayValue?.first { $0["id"] == "support/order-status" } }
        #expect(orderStatus(mergedReport)?["override"] == "shorter prompt for other", "the merge takes the override note from the library")
        #expect(orderStatus(mergedReport)?["override"] == orderStatus(wholeReport)?["override"])
        for file in ["report.md", "junit.xml"] {
            #expect(FileManager.default.fileExists(atPath: fixture.root.appendingPathComponent("reports/other/merged/\(file)").path))
        }
    }

    @Test("a merge without one of the shards exits 2 naming the missing shard; a folder without results exits 2")
    func missingShard() async throws {
        let fixture = try RunFixture()
        _ = try await CLIProcess.run(["run", "--target", "stub"], in: fixture.root)
        _ = try await CLIProcess.run(["run", "--target", "stub", "--shard", "1/2"], in: fixture.root)
        let merged = try await CLIProcess.run(["report", "--merge", "reports/stub/shard-1-of-2"], in: fixture.root)
        #expect(merged.status == 2)
        #expect(merged.stderr.contains("shard 2/2 missing"))
        let nowhere = try await CLIProcess.run(["report", "--merge", "reports/nowhere"], in: fixture.root)
        #expect(nowhere.status == 2)
        #expect(nowhere.stderr.contains("--merge reports/nowhere: no results.jsonl in it or below it"))
    }

    @Test("a shard that no case falls in exits 0 and leaves an empty results.jsonl for the merge")
    func emptyShard() async throws {
        let fixture = try RunFixture()
        // The hash (computed in Python, see ShardTests) puts order-status · late in shard 1 of 4 and · lost in shard 3 of 4.
        let output = try await CLIProcess.run(["run", "--target", "stub", "--shard", "2/4"], in: fixture.root)
        #expect(output.status == 0)
        #expect(output.stdout.contains("stub: shard 2/4 has none of the 2 selected cases; nothing to run"))
        let log = try String(contentsOf: fixture.root.appendingPathComponent("reports/stub/shard-2-of-4/results.jsonl"), encoding: .utf8)
        #expect(log.isEmpty)
        #expect(fixture.server.requests.isEmpty)
    }

    @Test("the second run's report says what changed since the first: a prompt that was ready and drifts now regressed")
    func historyChangeLine() async throws {
        let fixture = try RunFixture()
        let recording = try await CLIProcess.run(["run", "--target", "stub"], in: fixture.root)
        #expect(recording.status == 1)
        let report = { try String(contentsOf: fixture.root.appendingPathComponent("reports/stub/report.md"), encoding: .utf8) }
        #expect(try report().contains("First run for this target: nothing to compare with yet."))
        #expect(try await CLIProcess.run(["run", "--target", "stub"], in: fixture.root).status == 0)
        let readyAt = try json(fixture, "reports/stub/report.json")["generatedAt"]?.stringValue ?? "?"
        try fixture.write("snapshots/stub/support/order-status/late/sample-1.txt", "A completely different accepted answer about something else.\n")
        #expect(try await CLIProcess.run(["run", "--target", "stub", "--record", "never"], in: fixture.root).status == 1)
        #expect(try report().contains("Since the last run (\(readyAt)): 1 prompt regressed (ready → re-tune: support/order-status), 0 improved."))
        let history = try json(fixture, "reports/stub/report.json")["history"]
        #expect(history?["regressed"] == [["prompt": "support/order-status", "from": "ready", "to": "re-tune"]])
        let lines = try String(contentsOf: fixture.root.appendingPathComponent(".promptcompat/history.jsonl"), encoding: .utf8).split(separator: "\n")
        #expect(lines.count == 3)
    }
}
