import Foundation

extension ReadinessReport {
    /// The most characters `summary.md` holds: a pull-request comment takes 65,536.
    public static let summaryLimit = 60_000

    /// `summary.md`: what a pull-request comment can hold, always — the headline, the counts, each prompt
    /// to re-tune or blocked with its first reason and hint, and where the full report is. When even one
    /// line a prompt does not fit, the rest are counted, not listed.
    ///
    /// ```swift
    /// let text = report.summaryMarkdown(fullReport: "reports/qwen/report.md")
    /// text.count <= ReadinessReport.summaryLimit   // true
    /// ```
    public func summaryMarkdown(fullReport: String = "report.md", limit: Int = ReadinessReport.summaryLimit) -> String {
        var head = ["# Migration readiness: \(baseline) → \(target)", ""]
        if let scopeNote { head += ["> **\(Self.text(scopeNote))**", ""] }
        head.append(headline)
        if let sinceLastRun { head += ["", sinceLastRun.sentence] }
        let tail = ["", "Full report: `\(fullReport)` (every case, its diff and the provider's answer), `report.html`, `report.json`."]
        var budget = limit - (head + tail).reduce(0) { $0 + $1.count + 1 } - 200
        var body: [String] = []
        let listed = prompts.filter { $0.status != .ready }.sorted { Self.rank($0.status) < Self.rank($1.status) }
        if !listed.isEmpty { body += ["", "| prompt | status | why | hint |", "|---|---|---|---|"] }
        var shown = 0
        for prompt in listed {
            let why = prompt.reasons.first.map { Self.cell(String($0.prefix(300))) } ?? ""
            let row = "| `\(prompt.promptID)` | \(prompt.status.rawValue) | \(why) | \(prompt.hint.map { Self.cell(String($0.prefix(200))) } ?? "") |"
            guard row.count + 1 <= budget else { break }
            body.append(row)
            budget -= row.count + 1
            shown += 1
        }
        if shown < listed.count { body += ["", "… and \(listed.count - shown) more prompts not ready: see the full report."] }
        return (head + body + tail).joined(separator: "\n") + "\n"
    }
}
