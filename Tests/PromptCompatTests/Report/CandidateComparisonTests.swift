import Foundation
import Testing
@testable import PromptCompat

@Suite("CandidateComparison: targets side by side, the winner, the prompt × target matrix")
struct CandidateComparisonTests {
    /// `qwen` costs 4 / 12 CNY per 1M tokens (qwen-plus), `cheap` 1 / 2 (m), `base` and `free` have no price.
    func library() throws -> PromptLibrary {
        let config = try SuiteConfig.decode("""
            { "baseline": "base", "providers": {
                "base": { "baseURL": "http://127.0.0.1:1/v1", "model": "b" },
                "free": { "baseURL": "http://127.0.0.1:1/v1", "model": "f" },
                "qwen": { "profile": "dashscope", "baseURL": "http://127.0.0.1:2/v1", "model": "qwen-plus",
                          "profileOverrides": { "models": { "qwen-plus": { "price": [4, 12] } } } },
                "cheap": { "baseURL": "http://127.0.0.1:3/v1", "model": "m",
                           "profileOverrides": { "models": { "m": { "price": [1, 2] } } } } } }
            """, file: "promptcompat.json")
        return PromptLibrary(root: URL(fileURLWithPath: "/tmp"), config: config, prompts: [], warnings: [])
    }

    /// A case on `target` with 1,000 prompt and 500 completion tokens, answered in `latency` seconds.
    func result(_ target: String, _ prompt: String, _ caseName: String, _ verdict: CaseVerdict, model: String, latency: Double = 1) -> CaseResult {
        var result = CaseResult(promptID: prompt, caseName: caseName, target: target, verdict: verdict, reasons: verdict.isPass ? [] : ["x"])
        result.request = ChatRequest(model: model, messages: [])
        result.completion = Completion(text: "x", usage: Usage(promptTokens: 1000, completionTokens: 500), latency: latency)
        return result
    }

    func report(_ target: String, model: String, _ verdicts: [(String, CaseVerdict)]) throws -> ReadinessReport {
        let results = verdicts.enumerated().map { result(target, $0.element.0, "c\($0.offset)", $0.element.1, model: model) }
        return ReadinessReport(library: try library(), target: target, results: results)
    }

    func comparison(_ score: Double, findings: [SubstituteFinding] = []) -> CaseComparison {
        CaseComparison(metric: "rouge-l", score: score, threshold: 0.3, configuredThreshold: 0.3, noiseFloor: nil,
                       assertionFailures: [], findings: findings, jsonDifferences: [], diff: "")
    }

    @Test("the winner has the highest readiness; on equal readiness the cheaper one, and an unknown price ranks last")
    func ranking() throws {
        // Per call: qwen (1000 × 4 + 500 × 12) / 1M = 0.01 CNY, cheap (1000 × 1 + 500 × 2) / 1M = 0.002 CNY.
        let qwen = try report("qwen", model: "qwen-plus", [("a", .pass), ("b", .drift)])    // 50%, 10 CNY / 1,000 calls
        let cheap = try report("cheap", model: "m", [("a", .pass), ("b", .failed)])         // 50%, 2 CNY / 1,000 calls
        let free = try report("free", model: "f", [("a", .pass), ("b", .drift)])           // 50%, no price
        let best = try report("base", model: "b", [("a", .pass), ("b", .pass)])            // 100%, no price
        let comparison = CandidateComparison(reports: [free, qwen, cheap, best])
        #expect(comparison.ranking.map(\.target) == ["base", "cheap", "qwen", "free"])
        #expect(comparison.winner?.target == "base")
        #expect(!comparison.isTie)
        #expect(abs(try #require(comparison.candidates[1].costPer1000CallsCNY) - 10) < 1e-9)
        #expect(comparison.summary == "compare: base wins — 100% ready, no price known; then cheap 50% ready, 2.0000 CNY per 1,000 calls, qwen 50% ready, 10.0000 CNY per 1,000 calls, free 50% ready, no price known")
        #expect(comparison.json()["winner"] == "base")
        #expect(comparison.json()["ranking"] == ["base", "cheap", "qwen", "free"])
    }

    @Test("equal readiness and equal cost is a tie: the order given decides, and the summary says so")
    func tie() throws {
        let a = try report("free", model: "f", [("a", .pass)])
        let b = try report("base", model: "b", [("a", .pass)])
        let comparison = CandidateComparison(reports: [a, b])
        #expect(comparison.isTie)
        #expect(comparison.winner?.target == "free")
        #expect(comparison.summary.hasPrefix("compare: free and base tie, free listed first — 100% ready"))
        #expect(comparison.markdown().contains("tied with base on readiness and cost; listed first"))
    }

    @Test("drift is the mean similarity of the compared cases and the number of cases with findings; failures are counted by cause")
    func driftAndFailures() throws {
        var results = [
            result("qwen", "a", "1", .pass, model: "qwen-plus"), result("qwen", "a", "2", .drift, model: "qwen-plus"),
            result("qwen", "b", "1", .blocked, model: "qwen-plus"), result("qwen", "b", "2", .blocked, model: "qwen-plus"),
            result("qwen", "c", "1", .blocked, model: "qwen-plus"), result("qwen", "c", "2", .drift, model: "qwen-plus"),
        ]
        results[0].comparison = comparison(0.9)
        results[1].comparison = comparison(0.2, findings: [SubstituteFinding(check: "language", reason: "answer switched from Chinese to English")])
        results[5].comparison = comparison(0.4)
        for i in 2...4 { results[i].failure = ProviderFailure(.safetyBlocked(side: .input), "blocked") }
        results[5].failure = ProviderFailure(.truncated(limit: 32), "cut")
        let comparison = CandidateComparison(reports: [ReadinessReport(library: try library(), target: "qwen", results: results)])
        let qwen = try #require(comparison.candidates.first)
        #expect(qwen.comparedCases == 3)
        #expect(abs(try #require(qwen.meanScore) - 0.5) < 1e-9)   // (0.9 + 0.2 + 0.4) / 3
        #expect(qwen.casesWithFindings == 1)
        #expect(qwen.failures == [.init(cause: "safety-blocked", count: 3), .init(cause: "truncated", count: 1)])
        let markdown = comparison.markdown()
        #expect(markdown.contains("| mean similarity (compared cases) | 0.50 (3) |"))
        #expect(markdown.contains("| failures by cause | `safety-blocked` 3, `truncated` 1 |"))
        let json = comparison.json()["targets"]?.arrayValue?.first
        #expect(json?["drift"]?["meanScore"] == 0.5)
        #expect(json?["failures"] == .object(JSONObject([("safety-blocked", 3), ("truncated", 1)])))
        #expect(json?["blocked"] == 2)   // prompts b and c each have a blocked case
    }

    @Test("the prompt × target matrix shows each prompt's status per target, and – where a target ran none of its cases")
    func matrix() throws {
        let qwen = try report("qwen", model: "qwen-plus", [("a", .pass), ("b", .blocked)])
        let cheap = try report("cheap", model: "m", [("b", .drift), ("c", .pass)])
        let comparison = CandidateComparison(reports: [qwen, cheap])
        #expect(comparison.promptIDs == ["a", "b", "c"])
        #expect(comparison.status(of: "b", on: "cheap") == .retune)
        #expect(comparison.status(of: "a", on: "cheap") == nil)
        let markdown = comparison.markdown()
        #expect(markdown.contains("| prompt | qwen | cheap |\n|---|---|---|\n| `a` | ready | – |\n| `b` | blocked | re-tune |\n| `c` | – | ready |"))
        let prompts = try #require(comparison.json()["prompts"]?.arrayValue)
        #expect(prompts[0] == ["id": "a", "status": .object(JSONObject([("qwen", "ready"), ("cheap", .null)]))])
    }

    @Test("cost and latency come from each report: CNY per 1,000 calls with the prices' date, or no price known")
    func costAndLatency() throws {
        let qwen = try report("qwen", model: "qwen-plus", [("a", .pass)])
        let free = try report("free", model: "f", [("a", .pass)])
        let markdown = CandidateComparison(reports: [qwen, free]).markdown()
        // One call of 1,000 + 500 tokens at 4 / 12 CNY per 1M is 0.01 CNY, so 10 CNY per 1,000 calls.
        #expect(markdown.contains("| cost per 1,000 calls | 10.0000 CNY (prices of 2024-07) | no price known |"))
        #expect(markdown.contains("| latency p50 / p95 | 1.00 s / 1.00 s | 1.00 s / 1.00 s |"))
        #expect(markdown.contains("| readiness | 100% | 100% |"))
        #expect(markdown.contains("| prompts ready / re-tune / blocked / incomplete / assertions-only | 1 / 0 / 0 / 0 / 0 | 1 / 0 / 0 / 0 / 0 |"))
        let targets = try #require(CandidateComparison(reports: [qwen, free]).json()["targets"]?.arrayValue)
        #expect(targets[0]["costPer1000CallsCNY"] == 10)
        #expect(targets[1]["costPer1000CallsCNY"] == .null)
        #expect(targets[0]["latencySeconds"] == ["p50": 1, "p95": 1])
    }

    @Test("write puts compare.md and compare.json into the folder, and compare.json reads back")
    func write() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("promptcompat-compare-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let comparison = CandidateComparison(reports: [try report("qwen", model: "qwen-plus", [("a", .pass)]), try report("free", model: "f", [("a", .drift)])])
        let files = try comparison.write(to: folder)
        #expect(files.map(\.lastPathComponent) == ["compare.md", "compare.json"])
        let json = try JSONValue(parsing: Data(contentsOf: folder.appendingPathComponent("compare.json")))
        #expect(json["schemaVersion"] == 1)
        #expect(json["baseline"] == "base")
        #expect(json["targets"]?.arrayValue?.map { $0["target"] } == ["qwen", "free"])
    }
}
