import Foundation
import PromptCompat
import PromptCompatTestSupport
import Testing

/// What one case may put in results.jsonl and the reports: each long text cut, saying how much was left out.
@Suite("CaseResult: capped for the reports")
struct CaseResultCapsTests {
    @Test("a 1 MiB answer (under the response cap) is recorded whole but reported cut: results.jsonl and report.md stay small")
    func runawayAnswerIsCutInReports() async throws {
        let runaway = String(repeating: "退款将在三个工作日内原路返回。", count: 25_000)  // 1.1 MB
        let fixture = try RunFixture(answer: { _ in RunFixture.completion(runaway) })
        let recorded = try await fixture.runner(record: .missing).run(filter: "late")[0]
        #expect(recorded.verdict == .recorded)
        #expect(fixture.sample("stub", "late") == runaway + "\n", "the snapshot keeps the whole answer")

        let result = try await fixture.runner(target: "other", record: .never).run(filter: "late")[0]
        let output = try #require(result.output)
        #expect(output.utf8.count < CaseResult.reportTextLimit + 40)
        let kept = CaseResult.reportTextLimit / 3 * 3  // every character of the answer is 3 bytes
        #expect(output.hasSuffix("… \(runaway.utf8.count - kept) bytes more"))
        #expect((result.referenceOutput?.utf8.count ?? 0) < CaseResult.reportTextLimit + 40)
        let line = result.json.serialized()
        #expect(line.utf8.count < 4 * CaseResult.reportTextLimit, "one results.jsonl line: \(line.utf8.count) bytes")

        let report = ReadinessReport(library: try fixture.library(), target: "other", results: [result])
        #expect(report.markdown().utf8.count < 4 * CaseResult.reportTextLimit)
    }

    @Test("each message of the request is cut the same way; short texts are untouched")
    func requestMessagesAreCut() throws {
        var result = CaseResult(promptID: "p", caseName: "c", target: "t", verdict: .pass, reasons: ["fine"])
        result.request = ChatRequest(model: "m", messages: [
            ChatMessage(role: .system, content: "你是客服。"),
            ChatMessage(role: .user, content: String(repeating: "x", count: 100_000)),
        ], parameters: JSONObject())
        result.output = "好的"

        let capped = result.cappedForReports(limit: 1000)

        #expect(capped.request?.messages[0].content == "你是客服。")
        #expect(capped.request?.messages[1].content == String(repeating: "x", count: 1000) + "… 99000 bytes more")
        #expect(capped.output == "好的")
        #expect(capped.reasons == ["fine"])
    }
}
