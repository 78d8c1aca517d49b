import Foundation

extension ReadinessReport {
    /// `report.md`: short enough for a pull-request comment — readiness, counts, the prompts to re-tune
    /// with reasons and hints, then every case with its diff in a collapsed block.
    public func markdown() -> String {
        var out: [String] = []
        out.append("# Migration readiness: \(baseline) → \(target)")
        out.append("")
        if let scopeNote { out += ["> **\(Self.text(scopeNote))**", ""] }
        out.append(headline)
        if let sinceLastRun { out += ["", sinceLastRun.sentence] }
        out.append("")
        out.append("| | cases |")
        out.append("|---|---|")
        for verdict in CaseVerdict.allCases where count(verdict) > 0 {
            out.append("| \(verdict.rawValue) | \(count(verdict)) |")
        }
        out.append("")
        out += usageLines()
        out.append("")
        out += topReasonLines()
        out += retuneFirstLines()
        out.append("## Prompts")
        out.append("")
        out.append("| prompt | status | why | hint |")
        out.append("|---|---|---|---|")
        for prompt in prompts.sorted(by: { Self.rank($0.status) < Self.rank($1.status) }) {
            let why = prompt.reasons.first.map(Self.cell) ?? (prompt.overrideNote.map { "override: " + Self.cell($0) } ?? "")
            out.append("| `\(prompt.promptID)` | \(prompt.status.rawValue) | \(why) | \(prompt.hint.map(Self.cell) ?? "") |")
        }
        out.append("")
        out += adaptationLines()
        out.append("## Cases")
        for prompt in prompts {
            for result in prompt.cases where !result.verdict.isPass {
                out += caseSection(result)
            }
        }
        out.append("")
        out.append("_Generated \(generatedAt) by promptcompat\(recordPolicy.map { "; snapshots: \($0)" } ?? "")._")
        return out.joined(separator: "\n") + "\n"
    }

    /// `**67% ready** — 2 of 3 prompts ready, 1 to re-tune, 0 blocked, 0 incomplete.`, with `, N not run` when
    /// an interrupted run left prompts out (they are in no share).
    var headline: String {
        let notRun = promptsNotRun
        let ran = prompts.count - notRun
        let assertionsOnly = count(PromptStatus.assertionsOnly)
        let counts = "\(count(PromptStatus.ready)) of \(ran) prompts ready, \(count(PromptStatus.retune)) to re-tune, \(count(PromptStatus.blocked)) blocked, \(count(PromptStatus.incomplete) - notRun) incomplete"
            + (assertionsOnly > 0 ? ", \(assertionsOnly) passing their assertions only (no accepted answer to compare with)" : "")
        return "**\(Int((readiness * 100).rounded()))% ready** — \(counts)\(notRun > 0 ? ", \(notRun) not run" : "")."
    }

    /// "Top reasons": what made the cases that did not pass fail, by kind, most cases first.
    private func topReasonLines() -> [String] {
        let counts = reasonKinds
        guard !counts.isEmpty else { return [] }
        let line = counts.prefix(6).map { "\(Self.text($0.kind)) (\($0.cases) case\($0.cases == 1 ? "" : "s"))" }.joined(separator: ", ")
        return ["**Top reasons:** \(line).", ""]
    }

    /// "Re-tune first": up to five prompts to work on, by traffic (`weight`) when the prompt files give
    /// one, then by how many of their cases fail.
    private func retuneFirstLines() -> [String] {
        let first = retuneFirst.prefix(5)
        guard !first.isEmpty else { return [] }
        let items = first.map { prompt in
            let failing = prompt.cases.filter { !$0.verdict.isPass }.count
            let weight = prompt.weight.map { ", weight \(JSONValue.format($0))" } ?? ""
            return "`\(prompt.promptID)` (\(failing) of \(prompt.cases.count) cases\(weight))"
        }
        return ["**Re-tune first:** " + items.joined(separator: ", ") + ".", ""]
    }

    private func usageLines() -> [String] {
        var lines = ["| | \(target) | \(baseline) (recorded) |", "|---|---|---|"]
        let t = tokens
        lines.append("| tokens (prompt / completion) | \(t.prompt) / \(t.completion) | |")
        let cost = costPer1000CallsCNY.map { String(format: "%.4f CNY", $0) + (targetProfile?.pricesTaken.map { " (prices of \($0))" } ?? "") } ?? "no price known"
        lines.append("| cost per 1,000 calls | \(cost) | |")
        func latency(_ value: (p50: Double, p95: Double)?) -> String {
            value.map { String(format: "%.2f s / %.2f s", $0.p50, $0.p95) } ?? "–"
        }
        lines.append("| latency p50 / p95 | \(latency(targetLatency)) | \(latency(referenceLatency)) |")
        let retries = retrySummary
        if retries.retries > 0 {
            let after = retries.after.map { "\(Self.cell($0.cause)) ×\($0.count)" }.joined(separator: ", ")
            lines.append("| retried calls | \(retries.retries) in \(retries.cases) case\(retries.cases == 1 ? "" : "s") (after \(after)) | |")
        }
        return lines
    }

    /// Each distinct change made to requests, with how many cases it touched.
    private func adaptationLines() -> [String] {
        let counts = adaptationCounts
        guard !counts.isEmpty else { return [] }
        return ["## Adaptations applied", ""] + counts.map { "- \(Self.text($0.change)) — \($0.cases) case\($0.cases == 1 ? "" : "s")" } + [""]
    }

    private func caseSection(_ result: CaseResult) -> [String] {
        var out = ["", "### `\(result.displayName)` — \(result.verdict.rawValue)", ""]
        out += result.reasons.map { "- \(Self.text($0))" }
        if let note = result.overrideNote { out.append("- override used: \(Self.text(note))") }
        out += result.adaptations.map { "- adapted: \(Self.text($0))" }
        if !result.retriedAfter.isEmpty {
            out.append("- retried \(result.retriedAfter.count)× (after \(Self.text(result.retriedAfter.joined(separator: ", "))))")
        }
        if let comparison = result.comparison {
            var line = "- \(comparison.metric) \(String(format: "%.2f", comparison.score)), bar \(String(format: "%.2f", comparison.threshold))"
            if let floor = comparison.noiseFloor { line += ", baseline noise floor \(String(format: "%.2f", floor))" }
            out.append(line)
            if !comparison.diff.isEmpty {
                out += ["", "<details><summary>diff</summary>", ""] + Self.codeBlock(comparison.diff, language: "diff") + ["", "</details>"]
            } else if let output = result.output {
                out += ["", "output (the same as the accepted one):", ""] + Self.codeBlock(output)
            }
        } else if let output = result.output {
            out += [""] + Self.codeBlock(output)
        }
        if let evidence = result.failure?.evidence, !evidence.isEmpty {
            out += ["", "<details><summary>provider's answer</summary>", ""] + Self.codeBlock(String(evidence.prefix(1000))) + ["", "</details>"]
        }
        return out
    }

    static func rank(_ status: PromptStatus) -> Int {
        switch status {
        case .blocked: 0
        case .retune: 1
        case .incomplete: 2
        case .assertionsOnly: 3
        case .ready: 4
        }
    }

    /// Text safe inside a Markdown table cell: no HTML, no column break, one line.
    static func cell(_ text: String) -> String {
        Self.text(text).replacingOccurrences(of: "|", with: "\\|").replacingOccurrences(of: "\n", with: " ")
    }

    /// Text from an answer, a reason or a note, shown as text: `<`, `>` and `&` as entities, so an answer's
    /// `<script>` or a tag cut in half renders as characters in a pull-request comment, not as markup.
    static func text(_ text: String) -> String {
        guard text.contains(where: { $0 == "<" || $0 == ">" || $0 == "&" }) else { return text }
        return text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;").replacingOccurrences(of: ">", with: "&gt;")
    }

    /// A fenced code block whose fence is longer than any run of backticks in `content` (CommonMark's rule),
    /// so an answer holding ``` cannot end the block and spill the rest of itself into the page.
    static func codeBlock(_ content: String, language: String = "") -> [String] {
        var longest = 0, run = 0
        for character in content {
            run = character == "`" ? run + 1 : 0
            longest = max(longest, run)
        }
        let fence = String(repeating: "`", count: max(3, longest + 1))
        return [fence + language, content, fence]
    }
}
