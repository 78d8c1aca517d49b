import Foundation

extension ReadinessReport {
    /// `report.html`: one self-contained page for a person — summary cards, a sortable and filterable
    /// table of prompts, and every case with the accepted answer and the target's side by side, changed
    /// characters marked. Inline CSS and one small script; it loads nothing (a Content-Security-Policy
    /// forbids any request), and every piece of model output, prompt text and JSON is escaped.
    ///
    /// ```swift
    /// let report = ReadinessReport(library: library, target: "local-gemma", results: results)
    /// try report.html().write(to: URL(fileURLWithPath: "report.html"), atomically: true, encoding: .utf8)
    /// ```
    public func html() -> String {
        var out = ""
        writeHTML { out += $0 }
        return out
    }

    /// ``html()`` in pieces, a prompt's cases at a time, for a report too large to hold as one string.
    func writeHTML(_ emit: (String) throws -> Void) rethrows {
        func lines(_ lines: [String]) throws { for line in lines { try emit(line + "\n") } }
        let title = "Migration readiness: \(baseline) → \(target)"
        try lines([
            "<!DOCTYPE html>",
            "<html lang=\"en\">",
            "<head>",
            "<meta charset=\"utf-8\">",
            "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">",
            "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; script-src '\(HTMLReportScript.contentSecurityHash)'\">",
            "<title>\(HTMLText.escape(title))</title>",
            "<style>\n\(HTMLReportStyle.css)\n</style>",
            "</head>",
            "<body>",
            "<header class=\"top\">",
            "<div class=\"eyebrow\">PromptCompat · migration readiness</div>",
            "<h1>\(HTMLText.escape(baseline))<span class=\"arrow\">→</span>\(HTMLText.escape(target))</h1>",
            scopeNote.map { "<p class=\"scope\"><strong>\(HTMLText.escape($0))</strong></p>" } ?? "",
            "<p class=\"meta\">\(prompts.count) prompt\(prompts.count == 1 ? "" : "s"), \(cases.count) case\(cases.count == 1 ? "" : "s") · generated \(HTMLText.escape(generatedAt))</p>",
            "</header>",
            "<main>",
        ])
        try lines(htmlSummaryCards() + htmlPromptTable() + htmlAdaptations())
        try htmlCaseSections(lines)
        try lines([
            "<footer>Generated \(HTMLText.escape(generatedAt)) by promptcompat\(recordPolicy.map { "; snapshots: " + HTMLText.escape($0) } ?? "").</footer>",
            "</main>", "<script>\(HTMLReportScript.source)</script>", "</body>", "</html>",
        ])
    }

    /// Readiness, prompt statuses, case verdicts, cost, latency and the record policy.
    func htmlSummaryCards() -> [String] {
        let percent = Int((readiness * 100).rounded())
        let statuses = PromptStatus.allCases.map { (name: $0.rawValue, count: count($0)) }
        let verdicts = CaseVerdict.allCases.map { (name: $0.rawValue, count: count($0)) }.filter { $0.count > 0 }
        var out = ["<section class=\"cards\" aria-label=\"summary\">"]
        out += [
            "<div class=\"card\" id=\"readiness\"><h3>Readiness</h3>",
            "<div class=\"big\">\(percent)% ready</div>",
            Self.htmlBar(statuses),
            "<div class=\"sub\">\(count(PromptStatus.ready)) of \(prompts.count - promptsNotRun) prompts ready to move\(promptsNotRun > 0 ? " (\(promptsNotRun) not run)" : "")</div></div>",
        ]
        out += ["<div class=\"card\"><h3>Prompts</h3>", Self.htmlCounts(statuses), "</div>"]
        out += verdicts.isEmpty
            ? ["<div class=\"card\"><h3>Cases by verdict</h3><p class=\"none\">no cases in this run</p></div>"]
            : ["<div class=\"card\"><h3>Cases by verdict</h3>", Self.htmlBar(verdicts), Self.htmlCounts(verdicts), "</div>"]
        let cost = costPer1000CallsCNY.map { String(format: "%.4f", $0) + " CNY" } ?? "no price known"
        let t = tokens
        out += [
            "<div class=\"card\"><h3>Cost per 1,000 calls</h3>",
            "<div class=\"big\">\(HTMLText.escape(cost))</div>",
            "<div class=\"sub\">\(t.prompt) prompt + \(t.completion) completion tokens in this run\(targetProfile?.pricesTaken.map { "; prices of " + HTMLText.escape($0) } ?? "")</div></div>",
        ]
        func latency(_ value: (p50: Double, p95: Double)?) -> [String] {
            value.map { [String(format: "%.2f s", $0.p50), String(format: "%.2f s", $0.p95)] } ?? ["–", "–"]
        }
        let targetCells = latency(targetLatency)
        let referenceCells = latency(referenceLatency)
        out += [
            "<div class=\"card\"><h3>Latency</h3><table>",
            "<tr><th></th><th>p50</th><th>p95</th></tr>",
            "<tr><td>\(HTMLText.escape(target))</td><td>\(targetCells[0])</td><td>\(targetCells[1])</td></tr>",
            "<tr><td>\(HTMLText.escape(baseline)) (recorded)</td><td>\(referenceCells[0])</td><td>\(referenceCells[1])</td></tr>",
            "</table></div>",
        ]
        out += [
            "<div class=\"card\"><h3>Snapshots</h3>",
            "<div class=\"sub\">\(recordPolicy.map(HTMLText.escape) ?? "record policy not given")</div></div>",
        ]
        out.append("</section>")
        return out
    }

    /// A bar of proportional segments, one per non-zero count.
    static func htmlBar(_ counts: [(name: String, count: Int)]) -> String {
        let segments = counts.filter { $0.count > 0 }.map {
            "<span class=\"fill-\($0.name)\" style=\"flex: \($0.count)\" title=\"\($0.name): \($0.count)\"></span>"
        }
        return "<div class=\"bar\">\(segments.joined())</div>"
    }

    /// `● ready 2  ● re-tune 25 …`
    static func htmlCounts(_ counts: [(name: String, count: Int)]) -> String {
        let items = counts.map { "<li><span class=\"dot fill-\($0.name)\"></span>\($0.name) <b>\($0.count)</b></li>" }
        return "<ul class=\"counts\">\(items.joined())</ul>"
    }

    /// The prompt table: id, status, why, hint; rows in the order blocked, re-tune, incomplete, ready.
    func htmlPromptTable() -> [String] {
        guard !prompts.isEmpty else { return ["<h2>Prompts</h2>", "<p class=\"none\">No prompts in this run.</p>"] }
        var out = [
            "<h2>Prompts</h2>",
            "<div class=\"controls\">",
            "<input type=\"search\" id=\"filter-text\" placeholder=\"Filter by prompt, reason or hint\" aria-label=\"filter prompts\">",
            "<select id=\"filter-status\" aria-label=\"status\"><option value=\"\">every status</option>"
                + PromptStatus.allCases.map { "<option value=\"\($0.rawValue)\">\($0.rawValue)</option>" }.joined() + "</select>",
            "<span class=\"count\" id=\"filter-count\">\(prompts.count) prompts</span>",
            "</div>",
        ]
        out += [
            "<table class=\"prompts\" id=\"prompt-table\">",
            "<thead><tr>" + ["prompt", "status", "why", "hint"].map { "<th scope=\"col\"><button type=\"button\">\($0)</button></th>" }.joined() + "</tr></thead>",
            "<tbody>",
        ]
        for (index, prompt) in htmlOrderedPrompts() {
            let why: String
            if let first = prompt.reasons.first {
                let more = prompt.reasons.count - 1
                why = HTMLText.escape(first) + (more > 0 ? " <span class=\"more\">+\(more) more</span>" : "")
            } else {
                why = prompt.overrideNote.map { "<span class=\"more\">override:</span> " + HTMLText.escape($0) } ?? ""
            }
            out.append(
                "<tr data-status=\"\(prompt.status.rawValue)\" data-section=\"prompt-\(index)\">"
                    + "<td class=\"id\"><a href=\"#prompt-\(index)\"><code>\(HTMLText.escape(prompt.promptID))</code></a></td>"
                    + "<td data-key=\"\(Self.rank(prompt.status))\"><span class=\"badge s-\(prompt.status.rawValue)\">\(prompt.status.rawValue)</span></td>"
                    + "<td class=\"why\">\(why)</td>"
                    + "<td class=\"hint\">\(prompt.hint.map(HTMLText.escape) ?? "")</td></tr>")
        }
        return out + ["</tbody>", "</table>"]
    }

    /// The prompts with their index in ``prompts`` (the anchor of their case section), worst status first.
    func htmlOrderedPrompts() -> [(Int, PromptReadiness)] {
        prompts.enumerated().sorted { (Self.rank($0.element.status), $0.offset) < (Self.rank($1.element.status), $1.offset) }
            .map { ($0.offset, $0.element) }
    }

    /// Each distinct change made to requests, with how many cases it touched.
    func htmlAdaptations() -> [String] {
        let counts = adaptationCounts
        guard !counts.isEmpty else { return [] }
        let items = counts.map { "<li>\(HTMLText.escape($0.change)) <span class=\"more\">— \($0.cases) case\($0.cases == 1 ? "" : "s")</span></li>" }
        return ["<h2>Adaptations applied</h2>", "<ul class=\"plain\">"] + items + ["</ul>"]
    }
}
