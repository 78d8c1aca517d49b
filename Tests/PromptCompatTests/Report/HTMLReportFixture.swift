import Foundation
@testable import PromptCompat

/// Hand-made case results for the `report.html` tests: one pass, one drift with a Chinese diff, one
/// whose output is a script-injection payload, on a target `qwen` priced at 4 / 12 CNY per 1M tokens.
enum HTMLReportFixture {
    static let hostileOutput = "<script>document.title='pwned'</script><img src=x onerror=alert(1)>"
    static let acceptedRefund = "您好，订单 20240709 已发货，预计明天送达。"
    static let outputRefund = "您好，订单 20240709 未发货，预计后天送达。"

    static func library() throws -> PromptLibrary {
        let config = try SuiteConfig.decode("""
            { "baseline": "base", "providers": {
                "base": { "baseURL": "http://127.0.0.1:1/v1", "model": "b" },
                "qwen": { "profile": "dashscope", "baseURL": "http://127.0.0.1:2/v1", "model": "qwen-plus",
                          "profileOverrides": { "models": { "qwen-plus": { "price": [4, 12] } } } } } }
            """, file: "promptcompat.json")
        return PromptLibrary(root: URL(fileURLWithPath: "/tmp"), config: config, prompts: [], warnings: [])
    }

    /// A compared case: 1,000 prompt and 500 completion tokens, `latency` seconds, scored `score`.
    static func compared(_ prompt: String, _ caseName: String, _ verdict: CaseVerdict, accepted: String, output: String,
                         score: Double, latency: Double, reasons: [String] = []) -> CaseResult {
        var result = CaseResult(promptID: prompt, caseName: caseName, target: "qwen", verdict: verdict, reasons: reasons)
        result.request = ChatRequest(model: "qwen-plus", messages: [ChatMessage(role: .user, content: "问题：\(caseName) <b>bold</b>")])
        result.completion = Completion(text: output, finishReason: "stop", usage: Usage(promptTokens: 1000, completionTokens: 500), latency: latency)
        result.output = output
        result.referenceOutput = accepted
        result.referenceProvider = "base"
        result.adaptations = ["model gpt-4o → qwen-plus (mapped by the suite config)"]
        result.comparison = CaseComparison(
            metric: "rouge-l", score: score, threshold: 0.5, configuredThreshold: 0.5, noiseFloor: nil,
            assertionFailures: [], jsonDifferences: [],
            diff: LineDiff.unified(from: accepted, to: output, fromName: "snapshots/base/\(prompt)/\(caseName)", toName: "qwen output"))
        return result
    }

    /// Ready `classify/sentiment`, re-tune `support/refund-reply` (Chinese drift) and re-tune
    /// `office/tone-rewrite` (the hostile output); latencies 1, 2 and 3 s.
    static func results() -> [CaseResult] {
        [
            compared("classify/sentiment", "positive", .pass, accepted: "正面", output: "正面", score: 1, latency: 1),
            compared("support/refund-reply", "late-delivery", .drift, accepted: acceptedRefund, output: outputRefund, score: 0.4, latency: 2,
                     reasons: ["rouge-l similarity 0.40 is below the bar 0.50"]),
            compared("office/tone-rewrite", "hostile", .drift, accepted: "好的，我们马上处理。", output: hostileOutput, score: 0, latency: 3,
                     reasons: ["rouge-l similarity 0.00 is below the bar 0.50 <script>alert('reason')</script>"]),
        ]
    }

    static func report() throws -> ReadinessReport {
        var report = ReadinessReport(library: try library(), target: "qwen", results: results(), recordPolicy: "CI is set: no snapshot is written")
        report.generatedAt = "2026-01-02T03:04:05Z"
        return report
    }
}
