import Foundation
import Testing
@testable import PromptCompat

@Suite("CaseResult(json:): a results.jsonl line reads back into the case the report was made from")
struct CaseResultDecodingTests {
    /// A case with every member the report uses set, to values the JSON writes exactly (scores with at
    /// most 4 decimals, latencies with at most 3).
    func fullCase() -> CaseResult {
        var result = CaseResult(promptID: "support/退款", caseName: "late \"7\"", target: "qwen", verdict: .failed, reasons: [
            "truncated: the answer was cut at max_tokens 64 (finish_reason length)",
            "output does not contain \"20240709\"", "dropped 20240709", "note: cost unknown",
        ])
        result.request = ChatRequest(
            model: "qwen-plus",
            messages: [ChatMessage(role: .system, content: "你是客服。"), ChatMessage(role: .user, content: "订单 20240709", extra: JSONObject([("name", "alice")]))],
            parameters: JSONObject([("temperature", 0.01), ("max_tokens", 64), ("response_format", ["type": "json_object"])])
        )
        result.output = "您好，订单正在配送中"
        result.completion = Completion(text: "您好，订单正在配送中", finishReason: "length", usage: Usage(promptTokens: 120, completionTokens: 64), latency: 1.234)
        result.comparison = CaseComparison(
            metric: "rouge-l", score: 0.1234, threshold: 0.25, configuredThreshold: 0.3, noiseFloor: 0.35,
            assertionFailures: ["does not contain \"20240709\""], findings: [SubstituteFinding(check: "facts", reason: "dropped 20240709")],
            jsonDifferences: [], diff: "--- snapshots/base/support/退款/late\n+++ qwen output\n@@ -1,1 +1,1 @@\n-订单 20240709 已发货\n+您好，订单正在配送中"
        )
        result.failure = ProviderFailure(.truncated(limit: nil), "the answer was cut at max_tokens 64 (finish_reason length)", status: 200, evidence: "{\"finish_reason\":\"length\"}")
        result.referenceProvider = "base"
        result.referenceOutput = "订单 20240709 已发货"
        result.referenceLatency = 0.75
        result.recordedPath = "snapshots/qwen/support/退款/late \"7\""
        result.adaptations = ["temperature 0 → 0.01 (Zhipu GLM accepts (0,1])", "not adapted: assistant message last"]
        result.grades = [ModelGrade(check: .judge, score: 0.25, bar: 0.6, reason: "漏掉了订单号"), ModelGrade(check: .semantic, score: 0.8125, bar: 0.7)]
        return result
    }

    /// The way `ResultsLog` writes a line, and the way a merge reads it.
    func roundTrip(_ result: CaseResult) throws -> CaseResult {
        try CaseResult(json: JSONValue(parsing: result.json.serialized()))
    }

    @Test("every member the report uses comes back equal: verdict, reasons, output, reference, comparison, findings, adaptations, failure, usage, latency, grades, request")
    func everyMember() throws {
        let original = fullCase()
        let decoded = try roundTrip(original)
        #expect(decoded.promptID == original.promptID && decoded.caseName == original.caseName && decoded.target == original.target)
        #expect(decoded.verdict == original.verdict)
        #expect(decoded.reasons == original.reasons)
        #expect(decoded.output == original.output)
        #expect(decoded.referenceOutput == original.referenceOutput)
        #expect(decoded.referenceProvider == original.referenceProvider)
        #expect(decoded.referenceLatency == original.referenceLatency)
        #expect(decoded.comparison == original.comparison)
        #expect(decoded.comparison?.findings == original.comparison?.findings)
        #expect(decoded.adaptations == original.adaptations)
        #expect(decoded.failure == original.failure)
        #expect(decoded.completion == original.completion)
        #expect(decoded.completion?.usage == Usage(promptTokens: 120, completionTokens: 64))
        #expect(decoded.completion?.latency == 1.234)
        #expect(decoded.grades == original.grades)
        #expect(decoded.request == original.request)
        #expect(decoded.recordedPath == original.recordedPath)
    }

    @Test("a short verdict that said the same in other words comes back as such, so a merged report counts it right")
    func sameVerdictRoundTrips() throws {
        var original = fullCase()
        original.comparison?.sameVerdict = true
        let decoded = try roundTrip(original)
        #expect(decoded.comparison?.sameVerdict == true)
        #expect(decoded.comparison == original.comparison)
    }

    @Test("an answer that passed on content below the bar comes back as such")
    func sameContentRoundTrips() throws {
        var original = fullCase()
        original.comparison?.sameContent = true
        let decoded = try roundTrip(original)
        #expect(decoded.comparison?.sameContent == true)
        #expect(decoded.comparison == original.comparison)
    }

    @Test("the decoded case writes the very same JSON again")
    func sameJSONAgain() throws {
        let original = fullCase()
        #expect(try roundTrip(original).json == original.json)
    }

    @Test("a failed call without an answer, and a case with no snapshot, read back with nothing invented")
    func sparseCases() throws {
        var error = CaseResult(promptID: "p", caseName: "c", target: "qwen", verdict: .error, reasons: ["network: connection refused"])
        error.failure = ProviderFailure(.network, "connection refused", evidence: nil)
        let decodedError = try roundTrip(error)
        #expect(decodedError.completion == nil && decodedError.comparison == nil && decodedError.output == nil && decodedError.request == nil)
        #expect(decodedError.failure == error.failure)
        #expect(decodedError.json == error.json)
        let missing = CaseResult(promptID: "p", caseName: "d", target: "qwen", verdict: .missingSnapshot, reasons: ["no accepted snapshot at snapshots/base/p/d"])
        let decodedMissing = try roundTrip(missing)
        #expect(decodedMissing.verdict == .missingSnapshot && decodedMissing.failure == nil && decodedMissing.grades.isEmpty)
        #expect(decodedMissing.json == missing.json)
    }

    @Test("every failure cause the writer names reads back to the same cause name")
    func causeNames() throws {
        for failure in ProviderFailure.causesByName {
            var result = CaseResult(promptID: "p", caseName: "c", target: "t", verdict: .error, reasons: [])
            result.failure = ProviderFailure(failure.cause, "m", status: 429)
            #expect(try roundTrip(result).failure?.causeName == failure.causeName)
        }
        // ProviderFailure.Cause has 13 cases (auth … timeout, not-cached included).
        #expect(Set(ProviderFailure.causesByName.map(\.causeName)).count == 13, "one entry per cause")
    }

    @Test("a line that is not a case names the member that is wrong")
    func errors() throws {
        #expect(throws: CaseResultDecodingError("the case: expected an object, found an array")) { try CaseResult(json: [1]) }
        #expect(throws: CaseResultDecodingError("verdict: expected one of pass, drift, failed, blocked, error, missing-snapshot, recorded")) {
            try CaseResult(json: ["prompt": "p", "case": "c", "target": "t", "verdict": "fine", "reasons": []])
        }
        #expect(throws: CaseResultDecodingError("adaptations: expected an array of strings")) {
            try CaseResult(json: ["prompt": "p", "case": "c", "target": "t", "verdict": "pass", "reasons": []])
        }
        #expect(throws: CaseResultDecodingError("failure.cause: unknown cause \"gremlins\"")) {
            try CaseResult(json: ["prompt": "p", "case": "c", "target": "t", "verdict": "error", "reasons": [], "adaptations": [],
                                  "failure": ["cause": "gremlins", "message": "?"]])
        }
    }
}
