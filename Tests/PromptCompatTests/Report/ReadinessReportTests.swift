import Foundation
import Testing
@testable import PromptCompat

@Suite("ReadinessReport: statuses, cost and the written formats")
struct ReadinessReportTests {
    /// A library whose target `qwen` is priced at 4 / 12 CNY per 1M tokens for qwen-plus (shared with the HTML tests).
    func library() throws -> PromptLibrary { try HTMLReportFixture.library() }

    func result(_ prompt: String, _ caseName: String, _ verdict: CaseVerdict, usage: Usage? = nil, adaptations: [String] = []) -> CaseResult {
        var result = CaseResult(promptID: prompt, caseName: caseName, target: "qwen", verdict: verdict, reasons: verdict.isPass ? [] : ["output is not valid JSON"])
        result.request = ChatRequest(model: "qwen-plus", messages: [])
        result.completion = Completion(text: "x", usage: usage, latency: 1)
        result.adaptations = adaptations
        return result
    }

    @Test("a prompt is ready only when every case passes; blocked beats incomplete beats re-tune")
    func statuses() throws {
        let report = ReadinessReport(library: try library(), target: "qwen", results: [
            result("a", "1", .pass), result("a", "2", .pass),
            result("b", "1", .pass), result("b", "2", .failed),
            result("c", "1", .drift), result("c", "2", .blocked),
            result("d", "1", .failed), result("d", "2", .error),
        ])
        #expect(report.prompts.map(\.status) == [.ready, .retune, .blocked, .incomplete])
        #expect(report.readiness == 0.25)
        #expect(report.prompts[1].hint == "give the exact JSON shape with one filled-in example and end the prompt where the JSON starts")
    }

    @Test("cost in CNY comes from each case's usage and the target profile's price")
    func cost() throws {
        let report = ReadinessReport(library: try library(), target: "qwen", results: [
            result("a", "1", .pass, usage: Usage(promptTokens: 1000, completionTokens: 500)),
            result("a", "2", .pass, usage: Usage(promptTokens: 3000, completionTokens: 1500)),
        ])
        // (4000 × 4 + 2000 × 12) / 1M = 0.04 CNY for 2 calls → 20 CNY per 1,000 calls.
        #expect(abs(try #require(report.costCNY) - 0.04) < 1e-9)
        #expect(abs(try #require(report.costPer1000CallsCNY) - 20) < 1e-9)
        #expect(report.markdown().contains("| cost per 1,000 calls | 20.0000 CNY (prices of 2024-07) | |"))
        #expect(report.json()["summary"]?["costCNY"] == 0.04)
    }

    @Test("a target without a known price says so instead of a number")
    func noPrice() throws {
        let report = ReadinessReport(library: try library(), target: "base", results: [result("a", "1", .pass, usage: Usage(promptTokens: 10, completionTokens: 10))])
        #expect(report.costCNY == nil)
        #expect(report.markdown().contains("| cost per 1,000 calls | no price known | |"))
    }

    @Test("the adaptations applied are listed once each with how many cases they touched")
    func adaptations() throws {
        let change = "temperature 0 → 0.01 (Zhipu GLM accepts (0,1])"
        let report = ReadinessReport(library: try library(), target: "qwen", results: [
            result("a", "1", .pass, adaptations: [change]), result("a", "2", .failed, adaptations: [change]),
        ])
        let markdown = report.markdown()
        #expect(markdown.contains("## Adaptations applied\n\n- \(change) — 2 cases"))
        #expect(markdown.contains("- adapted: \(change)"))
        #expect(report.json()["prompts"]?.arrayValue?.first?["cases"]?.arrayValue?.first?["adaptations"] == [.string(change)])
    }
}
