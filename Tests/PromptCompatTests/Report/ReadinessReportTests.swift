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

/// report.md goes into pull-request comments: what an answer or a note holds is shown as text.
@Suite("ReadinessReport: Markdown shows answers as text")
struct ReadinessReportMarkdownSafetyTests {
    @Test("HTML in reasons, notes and table cells is escaped; an answer holding ``` cannot end its code block")
    func escaping() throws {
        var result = CaseResult(promptID: "a", caseName: "1", target: "qwen", verdict: .drift,
                                reasons: [#"refuses: "<script>alert(1)</script>""#, "dropped: \"<img src=x onerror=alert(1) …\""])
        result.request = ChatRequest(model: "qwen-plus", messages: [])
        result.completion = Completion(text: "x", latency: 1)
        result.output = "好的\n```\n<script>alert(2)</script>\n```\n之后的文字"
        result.overrideNote = "<b>bold</b> note"
        let markdown = ReadinessReport(library: try HTMLReportFixture.library(), target: "qwen", results: [result]).markdown()
        // Outside the answer's code block (which shows it as text), no tag is left.
        #expect(markdown.components(separatedBy: "<script>").count == 2, "only the answer's own, inside its code block")
        #expect(!markdown.contains("<img"))
        #expect(!markdown.contains("<b>"))
        #expect(markdown.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        // The answer's own ``` sits inside a longer fence: the block ends only at the fence after the answer.
        #expect(markdown.contains("````\n好的\n```\n"))
        #expect(ReadinessReport.codeBlock("a ```` b") == ["`````", "a ```` b", "`````"])
    }
}
