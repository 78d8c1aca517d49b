import Foundation
import Testing
import PromptCompat
import PromptCompatTestSupport

@Suite("promptcompat run with several targets: one comparison in reports/compare/")
struct CompareRunTests {
    @Test("two --targets write compare.md and compare.json after the per-target reports, and the summary names the winner")
    func twoTargets() async throws {
        let fixture = try RunFixture()
        _ = try await CLIProcess.run(["run", "--target", "stub"], in: fixture.root)   // records the baseline
        // `other` has an override whose terse prompt the loopback answers in English: it drifts; `stub` passes.
        let output = try await CLIProcess.run(["run", "--target", "other", "--target", "stub", "--record", "never"], in: fixture.root)
        #expect(output.status == 1)
        #expect(output.stdout.contains("other: 0% ready (0/1 prompts)"))
        #expect(output.stdout.contains("stub: 100% ready (1/1 prompts)"))
        #expect(output.stdout.contains("compare: stub wins — 100% ready, no price known; then other 0% ready, no price known"))
        #expect(output.stdout.contains("comparison: reports/compare/compare.md, reports/compare/compare.json"))
        let compare = fixture.root.appendingPathComponent("reports/compare")
        let markdown = try String(contentsOf: compare.appendingPathComponent("compare.md"), encoding: .utf8)
        #expect(markdown.contains("**Winner: stub**"))
        #expect(markdown.contains("| `support/order-status` | re-tune | ready |"))
        let json = try JSONValue(parsing: Data(contentsOf: compare.appendingPathComponent("compare.json")))
        #expect(json["ranking"] == ["stub", "other"])
        #expect(json["targets"]?.arrayValue?.map { $0["drift"]?["comparedCases"] } == [2, 2])
        #expect(FileManager.default.fileExists(atPath: fixture.root.appendingPathComponent("reports/other/report.json").path))
    }

    @Test("one target writes no comparison")
    func oneTarget() async throws {
        let fixture = try RunFixture()
        let output = try await CLIProcess.run(["run", "--target", "stub"], in: fixture.root)
        #expect(!output.stdout.contains("compare:"))
        #expect(!FileManager.default.fileExists(atPath: fixture.root.appendingPathComponent("reports/compare").path))
    }
}
