import Foundation

extension CaseResult {
    /// The most UTF-8 bytes of one text a case puts in results.jsonl and the reports: the answer, the
    /// accepted answer, the diff, each message of the request. 64 KiB holds any real answer; a runaway
    /// one (a loop to a 50 MiB cap, a gateway's error page) is cut with `… N bytes more`.
    public static let reportTextLimit = 64 << 10

    /// This case with every long text cut to ``reportTextLimit`` bytes. The runner applies it once the
    /// case is judged, so no writer (results.jsonl, report.md/.json/.html, JUnit, a test's failure
    /// message) holds more than that of a case; snapshots are written from the answers themselves.
    ///
    /// ```swift
    /// var result = await runner.run(prompt, promptCase)   // already capped
    /// result.output?.utf8.count ?? 0 <= CaseResult.reportTextLimit + 32   // true
    /// ```
    public func cappedForReports(limit: Int = CaseResult.reportTextLimit) -> CaseResult {
        var result = self
        func cap(_ text: String) -> String { TextCap.cut(text, toBytes: limit) }
        result.output = output.map(cap)
        result.referenceOutput = referenceOutput.map(cap)
        result.completion?.text = cap(completion?.text ?? "")
        result.comparison?.diff = cap(comparison?.diff ?? "")
        result.reasons = reasons.map(cap)
        if var request {
            for index in request.messages.indices { request.messages[index].content = cap(request.messages[index].content) }
            result.request = request
        }
        return result
    }
}
