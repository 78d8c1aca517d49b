import Foundation
import Testing
import PromptCompat
import PromptCompatTestSupport

@Suite("promptcompat: the command-line tool as a user runs it")
struct PromptCompatCLITests {
    @Test("--help lists the commands and exits 0")
    func help() async throws {
        let output = try await CLIProcess.run(["--help"], in: FileManager.default.temporaryDirectory)
        #expect(output.status == 0)
        #expect(output.stdout.contains("run ") && output.stdout.contains("snapshots") && output.stdout.contains("EXIT CODES"))
        let runHelp = try await CLIProcess.run(["run", "--help"], in: FileManager.default.temporaryDirectory)
        #expect(runHelp.stdout.contains("--record MODE"))
    }

    @Test("an unknown option exits 2 and names the options that exist")
    func unknownOption() async throws {
        let fixture = try RunFixture()
        let output = try await CLIProcess.run(["run", "--targt", "stub"], in: fixture.root)
        #expect(output.status == 2)
        #expect(output.stderr.contains("unknown option --targt; did you mean --target? This command takes:"))
        #expect(output.stderr.contains("--target"))
    }

    @Test("a broken prompt file exits 2 with file:line:column and what was expected")
    func brokenLibrary() async throws {
        let fixture = try RunFixture()
        try fixture.write("prompts/bad.json", "{ \"messages\": [ { \"role\": \"user\", \"content\": 5 } ], \"cases\": [] }")
        let output = try await CLIProcess.run(["run"], in: fixture.root)
        #expect(output.status == 2)
        #expect(output.stderr.contains("prompts/bad.json:1:46: error: $.messages[0].content: expected a string, found a number"))
    }

    @Test("a target without its API key exits 2 naming the variable, before any request")
    func missingKey() async throws {
        let fixture = try RunFixture()
        let output = try await CLIProcess.run(["run", "--target", "keyed"], in: fixture.root)
        #expect(output.status == 2)
        #expect(output.stderr.contains("set the environment variable STUB_API_KEY"))
        #expect(fixture.server.requests.isEmpty)
    }

    @Test("run records, then passes with exit 0 and writes report.md, report.json and results.jsonl")
    func runWritesReports() async throws {
        let fixture = try RunFixture()
        let first = try await CLIProcess.run(["run", "--target", "stub"], in: fixture.root)
        #expect(first.status == 1, "recording is not a pass")
        #expect(first.stdout.contains("recorded 2 snapshots"))
        let second = try await CLIProcess.run(["run", "--target", "stub"], in: fixture.root)
        #expect(second.status == 0)
        #expect(second.stdout.contains("stub: 100% ready (1/1 prompts)"))
        let reports = fixture.root.appendingPathComponent("reports/stub")
        let markdown = try String(contentsOf: reports.appendingPathComponent("report.md"), encoding: .utf8)
        #expect(markdown.contains("**100% ready**"))
        let json = try JSONValue(parsing: Data(contentsOf: reports.appendingPathComponent("report.json")))
        #expect(json["summary"]?["ready"]?.intValue == 1)
        let lines = try String(contentsOf: reports.appendingPathComponent("results.jsonl"), encoding: .utf8).split(separator: "\n")
        #expect(lines.count == 2)
    }

    @Test("a target that drifts exits 1 and the report names the prompt to re-tune")
    func driftExitsOne() async throws {
        let fixture = try RunFixture()
        _ = try await CLIProcess.run(["run", "--target", "stub"], in: fixture.root)
        let output = try await CLIProcess.run(["run", "--target", "other", "--record", "never"], in: fixture.root)
        #expect(output.status == 1)
        #expect(output.stdout.contains("other: 0% ready (0/1 prompts) — 1 re-tune"))
        let markdown = try String(contentsOf: fixture.root.appendingPathComponent("reports/other/report.md"), encoding: .utf8)
        #expect(markdown.contains("| `support/order-status` | re-tune |"))
    }

    @Test("CI=true never writes a snapshot, whatever --record says")
    func ciNeverWrites() async throws {
        let fixture = try RunFixture()
        let output = try await CLIProcess.run(["run", "--record", "all"], in: fixture.root, environment: ["CI": "true"])
        #expect(output.status == 1)
        #expect(output.stderr.contains("CI is set: no snapshot is written"))
        #expect(!FileManager.default.fileExists(atPath: fixture.snapshots.path))
    }

    @Test("providers shows each provider's rules and whether its key variable is set; --catalog shows every profile")
    func providers() async throws {
        let fixture = try RunFixture()
        let output = try await CLIProcess.run(["providers"], in: fixture.root, environment: ["STUB_API_KEY": ""])
        #expect(output.status == 0)
        #expect(output.stdout.contains("keyed  Any OpenAI-compatible server"))
        #expect(output.stdout.contains("key: STUB_API_KEY not set"))
        let catalog = try await CLIProcess.run(["providers", "--catalog"], in: fixture.root)
        #expect(catalog.stdout.contains("zhipu  Zhipu GLM  https://open.bigmodel.cn/api/paas/v4"))
        #expect(catalog.stdout.contains("temperature (0,1]"))
    }

    @Test("obsolete snapshots are listed, and removed only with --remove-obsolete")
    func obsoleteSnapshots() async throws {
        let fixture = try RunFixture()
        _ = try await CLIProcess.run(["run"], in: fixture.root)
        try fixture.write("snapshots/stub/support/gone/case-a/meta.json", "{}")
        try fixture.write("snapshots/stub/support/gone/case-a/sample-1.txt", "old\n")
        let listed = try await CLIProcess.run(["snapshots"], in: fixture.root)
        #expect(listed.status == 1)
        #expect(listed.stdout.contains("snapshots/stub/support/gone/case-a"))
        #expect(FileManager.default.fileExists(atPath: fixture.snapshots.appendingPathComponent("stub/support/gone/case-a").path))
        let removed = try await CLIProcess.run(["snapshots", "--remove-obsolete"], in: fixture.root)
        #expect(removed.status == 0)
        #expect(!FileManager.default.fileExists(atPath: fixture.snapshots.appendingPathComponent("stub/support/gone/case-a").path))
        #expect(FileManager.default.fileExists(atPath: fixture.snapshots.appendingPathComponent("stub/support/order-status/late/meta.json").path))
    }

    @Test("a --reports path that cannot be a folder is an error in words, not a Foundation dump")
    func badReportsPathInWords() async throws {
        let fixture = try RunFixture()
        try fixture.write("afile", "not a folder\n")
        let output = try await CLIProcess.run(["run", "--reports", fixture.root.appendingPathComponent("afile/reports").path], in: fixture.root)
        #expect(output.status != 0)
        #expect(output.stderr.contains("cannot write") && output.stderr.contains("a part of the path is a file, not a folder"), "\(output.stderr)")
        #expect(!output.stderr.contains("NSCocoaErrorDomain"))
    }

    @Test("a library with no prompt file exits 2 saying so, not \"no case matches --filter\" or 100% ready")
    func emptyLibraryIsAnError() async throws {
        let fixture = try RunFixture()
        try FileManager.default.removeItem(at: fixture.root.appendingPathComponent("prompts/support"))
        let output = try await CLIProcess.run(["run"], in: fixture.root)
        #expect(output.status == 2)
        #expect(output.stderr.contains("error: the library has no prompt files, only promptcompat.json; add a prompt file"), "\(output.stderr)")
        #expect(!output.stderr.contains("no case matches"))
    }

    @Test("a retry is said on stderr as it happens, counted in results.jsonl, report.md and the cache line")
    func retriesAreVisible() async throws {
        let first = FirstRequestFails()
        let fixture = try RunFixture(answer: { text in first.take() ? .text(503, "Service Unavailable") : RunFixture.echo(text) })
        try fixture.write("prompts/promptcompat.json", String(decoding: try Data(contentsOf: fixture.prompts.appendingPathComponent("promptcompat.json")), as: UTF8.self)
            .replacingOccurrences(of: #""concurrency": 2"#, with: #""concurrency": 1"#))

        let output = try await CLIProcess.run(["run", "--quiet"], in: fixture.root)

        #expect(output.status == 1, "recorded, not failed: \(output.stderr)")
        #expect(output.stdout.contains("recorded 2 snapshots"))
        // Whichever case's request goes first gets the 503: with a case a core more under way than requests in
        // flight, two cases may wait for the one request slot.
        #expect(["late", "lost"].contains { output.stderr.contains("retrying support/order-status · \($0) (attempt 2 of 7, after 503, in 0.0 s)") }, "\(output.stderr)")
        #expect(output.stdout.contains("3 calls (1 of them retries)"), "\(output.stdout)")
        let results = try String(contentsOf: fixture.root.appendingPathComponent("reports/stub/results.jsonl"), encoding: .utf8)
        #expect(results.contains(#""retriedAfter":["503"]"#), "\(results)")
        let markdown = try String(contentsOf: fixture.root.appendingPathComponent("reports/stub/report.md"), encoding: .utf8)
        #expect(markdown.contains("| retried calls | 1 in 1 case (after 503 ×1) | |"))
    }

    @Test("a --filter run writes its own report, says filtered in every format, and never enters the history")
    func filteredRunKeepsTheSuiteReport() async throws {
        let fixture = try RunFixture()
        try fixture.write("prompts/support/greeting.json", """
            { "messages": [ { "role": "user", "content": "你好" } ], "cases": [ { "name": "hello" } ] }
            """)
        _ = try await CLIProcess.run(["run"], in: fixture.root)
        let whole = try await CLIProcess.run(["run"], in: fixture.root)
        #expect(whole.stdout.contains("stub: 100% ready (2/2 prompts)"), "\(whole.stdout)")
        let history = fixture.root.appendingPathComponent(".promptcompat/history.jsonl")
        let historyBefore = try String(contentsOf: history, encoding: .utf8)
        let suiteReport = try String(contentsOf: fixture.root.appendingPathComponent("reports/stub/report.md"), encoding: .utf8)

        let filtered = try await CLIProcess.run(["run", "--filter", "support/greeting"], in: fixture.root)

        #expect(filtered.status == 0)
        #expect(filtered.stdout.contains("stub: 100% ready (1/1 prompts)") && filtered.stdout.contains("filtered: \"support/greeting\" only"), "\(filtered.stdout)")
        #expect(filtered.stdout.contains("reports/stub/filtered/report.md"))
        #expect(try String(contentsOf: fixture.root.appendingPathComponent("reports/stub/report.md"), encoding: .utf8) == suiteReport, "the suite's report is untouched")
        #expect(try String(contentsOf: history, encoding: .utf8) == historyBefore, "a filtered run is not the suite's readiness")
        let folder = fixture.root.appendingPathComponent("reports/stub/filtered")
        let note = #"filtered: only cases matching "support/greeting" — not the suite's readiness"#
        for file in ["summary.md", "report.md"] {
            #expect(try String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8).contains(note), "\(file)")
        }
        let json = try JSONValue(parsing: Data(contentsOf: folder.appendingPathComponent("report.json")))
        #expect(json["summary"]?["filter"] == "support/greeting")
        #expect(try String(contentsOf: folder.appendingPathComponent("report.html"), encoding: .utf8).contains("filtered: only cases matching &quot;support/greeting&quot;"))
        #expect(try String(contentsOf: folder.appendingPathComponent("junit.xml"), encoding: .utf8).contains(#"<property name="scope" value="filtered: only cases matching &quot;support/greeting&quot;"#))
    }

    @Test("--target X --target X runs X once")
    func repeatedTargetRunsOnce() async throws {
        let fixture = try RunFixture()
        _ = try await CLIProcess.run(["run", "--quiet"], in: fixture.root)
        let before = fixture.server.requests.count
        let output = try await CLIProcess.run(["run", "--target", "stub", "--target", "stub", "--no-cache", "--quiet"], in: fixture.root)
        #expect(output.status == 0)
        #expect(fixture.server.requests.count - before == 2, "two cases, asked once each")
        #expect(output.stdout.components(separatedBy: "stub: 100% ready").count == 2, "one summary line: \(output.stdout)")
    }

    @Test("--remove-obsolete removes nothing when the library has no cases, or when more than half would go, unless --force")
    func removeObsoleteRefusesMassDeletion() async throws {
        let fixture = try RunFixture()
        _ = try await CLIProcess.run(["run"], in: fixture.root)
        let accepted = fixture.snapshots.appendingPathComponent("stub/support/order-status")
        // The prompts folder loads no prompt (only the suite config is left): every snapshot looks obsolete.
        let prompt = fixture.root.appendingPathComponent("prompts/support/order-status.json")
        let moved = fixture.root.appendingPathComponent("order-status.json.away")
        try FileManager.default.moveItem(at: prompt, to: moved)
        let refused = try await CLIProcess.run(["snapshots", "--remove-obsolete"], in: fixture.root)
        #expect(refused.status == 2)
        #expect(refused.stdout.contains("snapshots/stub/support/order-status"), "what would go is listed first")
        #expect(refused.stderr.contains("has no cases") && refused.stderr.contains("--force"))
        #expect(FileManager.default.fileExists(atPath: accepted.path))
        // Back with its prompt; three obsolete snapshots beside the accepted ones: more than half would go.
        try FileManager.default.moveItem(at: moved, to: prompt)
        for name in ["a", "b", "c"] {
            try fixture.write("snapshots/stub/support/gone/\(name)/meta.json", "{}")
            try fixture.write("snapshots/stub/support/gone/\(name)/sample-1.txt", "old\n")
        }
        let half = try await CLIProcess.run(["snapshots", "--remove-obsolete"], in: fixture.root)
        #expect(half.stdout.contains("3 obsolete snapshots"))
        #expect(half.status == 2)
        #expect(half.stderr.contains("not removing 3 of ") && half.stderr.contains("more than half would go"))
        let gone = fixture.snapshots.appendingPathComponent("stub/support/gone")
        #expect(FileManager.default.fileExists(atPath: gone.appendingPathComponent("a/meta.json").path))
        let forced = try await CLIProcess.run(["snapshots", "--remove-obsolete", "--force"], in: fixture.root)
        #expect(forced.status == 0)
        #expect(!FileManager.default.fileExists(atPath: gone.appendingPathComponent("a/meta.json").path))
        #expect(!FileManager.default.fileExists(atPath: gone.appendingPathComponent("b/meta.json").path))
        #expect(FileManager.default.fileExists(atPath: accepted.path))
    }
}

/// True for the first call only, whichever thread asks.
final class FirstRequestFails: Sendable {
    private let lock = NSLock()
    nonisolated(unsafe) private var taken = false
    func take() -> Bool { lock.withLock { defer { taken = true }; return !taken } }
}
