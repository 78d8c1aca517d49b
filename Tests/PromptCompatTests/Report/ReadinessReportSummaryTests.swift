import Foundation
import Testing
@testable import PromptCompat

/// `summary.md`: the report that always fits a pull-request comment.
@Suite("ReadinessReport: summary.md")
struct ReadinessReportSummaryTests {
    func report(prompts count: Int, reason: String) throws -> ReadinessReport {
        let config = try SuiteConfig.decode(#"{ "baseline": "base", "providers": { "base": { "baseURL": "http://127.0.0.1:1/v1", "model": "b" } } }"#, file: "promptcompat.json")
        let library = PromptLibrary(root: URL(fileURLWithPath: "/tmp"), config: config, prompts: [], warnings: [])
        let results = (0..<count).flatMap { index in
            [
                CaseResult(promptID: "team/prompt-\(index)", caseName: "a", target: "base", verdict: index % 3 == 0 ? .pass : .drift, reasons: index % 3 == 0 ? [] : [reason]),
                CaseResult(promptID: "team/prompt-\(index)", caseName: "b", target: "base", verdict: .pass, reasons: []),
            ]
        }
        return ReadinessReport(library: library, target: "base", results: results)
    }

    @Test("a library of 3,000 prompts with long reasons: at most 60,000 characters, the rest counted and pointed to")
    func largeReportFits() throws {
        let report = try report(prompts: 3000, reason: "dropped: \"" + String(repeating: "退货须在签收后七天内申请，", count: 40) + "\"")
        let summary = report.summaryMarkdown(fullReport: "reports/base/report.md")
        #expect(summary.count <= ReadinessReport.summaryLimit)
        #expect(report.markdown().count > 4 * ReadinessReport.summaryLimit, "the full report would not fit")
        #expect(summary.contains("**33% ready** — 1000 of 3000 prompts ready, 2000 to re-tune"))
        #expect(summary.contains("more prompts not ready: see the full report."))
        #expect(summary.contains("Full report: `reports/base/report.md`"))
    }

    @Test("a small report lists every prompt to re-tune with its first reason, and no ready one")
    func smallReportListsAll() throws {
        let summary = try report(prompts: 4, reason: "label changed: \"积极\" → \"消极\"").summaryMarkdown()
        #expect(summary.contains("| `team/prompt-1` | re-tune | a: label changed: \"积极\" → \"消极\" |"))
        #expect(summary.contains("`team/prompt-2`"))
        #expect(!summary.contains("`team/prompt-0`") && !summary.contains("`team/prompt-3`"))
        #expect(!summary.contains("more prompts not ready"))
    }
}

/// The report's figures count only what happened: prompts that ran, requests that were sent.
@Suite("ReadinessReport: counts are true")
struct ReadinessReportCountsTests {
    func library() throws -> PromptLibrary {
        let config = try SuiteConfig.decode(#"{ "baseline": "base", "providers": { "base": { "baseURL": "http://127.0.0.1:1/v1", "model": "b" } } }"#, file: "promptcompat.json")
        return PromptLibrary(root: URL(fileURLWithPath: "/tmp"), config: config, prompts: [], warnings: [])
    }

    func result(_ prompt: String, _ verdict: CaseVerdict, requests: Int?, notRun: Bool = false, adaptations: [String] = []) -> CaseResult {
        var result = CaseResult(promptID: prompt, caseName: "a", target: "base", verdict: verdict, reasons: verdict.isPass ? [] : ["r"])
        result.requests = requests
        result.notRun = notRun
        result.adaptations = adaptations
        return result
    }

    @Test("prompts an interrupted run never reached are not in the readiness share, and are said as not run")
    func notRunPromptsAreLeftOut() throws {
        var report = ReadinessReport(library: try library(), target: "base", results: [
            result("ready", .pass, requests: 1), result("drifts", .drift, requests: 1), result("unreached", .error, requests: nil, notRun: true),
        ])
        report.interrupted = true
        #expect(report.readiness == 0.5)
        #expect(report.markdown().contains("**50% ready** — 1 of 2 prompts ready, 1 to re-tune, 0 blocked, 0 incomplete, 1 not run."))
        #expect(report.json()["summary"]?["notRun"] == 1)
    }

    @Test("adaptations count only cases whose request was sent; a results line without requests falls back to whether an answer came")
    func adaptationsOfSentRequestsOnly() throws {
        let change = "temperature 0 → 0.01 (Zhipu GLM accepts (0,1])"
        var answeredOldLine = result("old", .pass, requests: nil, adaptations: [change])
        answeredOldLine.completion = Completion(text: "ok", finishReason: "stop", model: "m", usage: nil)
        let report = ReadinessReport(library: try library(), target: "base", results: [
            result("sent", .pass, requests: 1, adaptations: [change]),
            result("no-snapshot", .missingSnapshot, requests: 0, adaptations: [change]),
            result("unreached", .error, requests: nil, notRun: true, adaptations: [change]),
            answeredOldLine,
        ])
        #expect(report.adaptationCounts.map(\.cases) == [2])
    }
}
