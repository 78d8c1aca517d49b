import Foundation
import Testing
@testable import PromptCompat

/// The short top of report.md: what failed most, and which prompts to re-tune first.
@Suite("ReadinessReport: top reasons and re-tune first")
struct ReadinessReportPrioritiesTests {
    /// Prompts `busy` (weight 900), `quiet` (weight 5) and `unweighted`, each with one case.
    func library() throws -> PromptLibrary {
        let config = try SuiteConfig.decode(#"{ "baseline": "base", "providers": { "base": { "baseURL": "http://127.0.0.1:1/v1", "model": "b" } } }"#, file: "promptcompat.json")
        func prompt(_ id: String, weight: Double?) -> Prompt {
            Prompt(id: id, file: URL(fileURLWithPath: "/tmp/\(id).json"), description: nil, tags: [], messages: [], parameters: JSONObject(),
                   cases: [], samples: nil, overrides: [:], positions: [:], weight: weight)
        }
        return PromptLibrary(root: URL(fileURLWithPath: "/tmp"), config: config, prompts: [
            prompt("busy", weight: 900), prompt("quiet", weight: 5), prompt("unweighted", weight: nil), prompt("fine", weight: 10_000),
        ], warnings: [])
    }

    func result(_ prompt: String, _ name: String, _ verdict: CaseVerdict, findings: [String] = [], failure: ProviderFailure? = nil) -> CaseResult {
        var result = CaseResult(promptID: prompt, caseName: name, target: "base", verdict: verdict, reasons: ["r"])
        if verdict == .drift || verdict == .failed {
            result.comparison = CaseComparison(
                metric: "rouge-l", score: 0.9, threshold: 0.25, configuredThreshold: 0.25, noiseFloor: nil,
                assertionFailures: verdict == .failed ? ["does not contain \"x\""] : [],
                findings: findings.map { SubstituteFinding(check: $0, reason: "\($0) finding") }, jsonDifferences: [], diff: ""
            )
        }
        result.failure = failure
        return result
    }

    @Test("re-tune first: by the prompt files' weight, then by failing cases; ready prompts are not listed")
    func retuneFirst() throws {
        let report = ReadinessReport(library: try library(), target: "base", results: [
            result("unweighted", "a", .drift, findings: ["facts"]), result("unweighted", "b", .drift, findings: ["facts"]),
            result("quiet", "a", .drift, findings: ["format"]),
            result("busy", "a", .failed), result("busy", "b", .pass),
            result("fine", "a", .pass),
        ])
        #expect(report.retuneFirst.map(\.promptID) == ["busy", "quiet", "unweighted"])
        #expect(report.markdown().contains("**Re-tune first:** `busy` (1 of 2 cases, weight 900), `quiet` (1 of 1 cases, weight 5), `unweighted` (2 of 2 cases)."))
    }

    @Test("retried calls are counted by case and by cause in report.json, report.md's usage table and each case")
    func retriesAreCounted() throws {
        var retried = result("busy", "a", .drift, findings: ["facts"])
        retried.retriedAfter = ["503", "network"]
        var passed = result("quiet", "a", .pass)
        passed.retriedAfter = ["503"]
        let report = ReadinessReport(library: try library(), target: "base", results: [retried, passed, result("fine", "a", .pass)])

        let summary = report.retrySummary
        #expect(summary.retries == 3)
        #expect(summary.cases == 2)
        #expect(summary.after.map(\.cause) == ["503", "network"])
        #expect(summary.after.map(\.count) == [2, 1])
        let json = report.json()
        #expect(json["summary"]?["retries"] == ["calls": 3, "cases": 2, "after": ["503": 2, "network": 1]])
        let markdown = report.markdown()
        #expect(markdown.contains("| retried calls | 3 in 2 cases (after 503 ×2, network ×1) | |"))
        #expect(markdown.contains("- retried 2× (after 503, network)"))
    }

    @Test("top reasons count cases by kind: checks, assertions, failure causes")
    func topReasons() throws {
        let cut = ProviderFailure(.truncated(limit: 64), "the answer was cut at max_tokens 64 (finish_reason length)")
        let report = ReadinessReport(library: try library(), target: "base", results: [
            result("unweighted", "a", .drift, findings: ["facts", "format"]),
            result("unweighted", "b", .drift, findings: ["facts"], failure: cut),
            result("busy", "a", .failed),
            result("quiet", "a", .blocked, failure: ProviderFailure(.safetyBlocked(side: .input), "blocked")),
        ])
        #expect(report.reasonKinds.map(\.kind) == ["facts", "assertion", "format", "safety-blocked", "truncated"])
        #expect(report.reasonKinds.first?.cases == 2)
        #expect(report.markdown().contains("**Top reasons:** facts (2 cases), assertion (1 case), format (1 case), safety-blocked (1 case), truncated (1 case)."))
    }

    @Test("a prompt file's weight is read; a negative or non-number weight is an error at $.weight")
    func weightDecoding() throws {
        let ok = try ScratchLibrary(files: ["p.json": #"{"weight": 120, "messages":[{"role":"user","content":"你好"}],"cases":[{"name":"a"}]}"#])
        defer { ok.delete() }
        #expect(try ok.load().prompts[0].weight == 120)
        let bad = try ScratchLibrary(files: ["p.json": #"{"weight": -1, "messages":[{"role":"user","content":"你好"}],"cases":[{"name":"a"}]}"#])
        defer { bad.delete() }
        let error = try bad.loadError()
        #expect(error.jsonPath == "$.weight")
        #expect(error.message.contains("a number ≥ 0"))
    }
}
