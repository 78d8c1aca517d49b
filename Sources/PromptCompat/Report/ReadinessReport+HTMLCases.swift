import Foundation

extension ReadinessReport {
    /// One section per prompt (worst status first) with each of its cases; cases that did not pass are
    /// open, passing ones collapsed.
    func htmlCaseSections(_ emit: ([String]) throws -> Void) rethrows {
        try emit([
            "<h2>Cases</h2>",
            "<div class=\"controls\"><button type=\"button\" data-open-cases=\"all\">open every case</button>"
                + "<button type=\"button\" data-open-cases=\"none\">close every case</button></div>",
        ])
        guard !prompts.isEmpty else { return try emit(["<p class=\"none\">No cases in this run.</p>"]) }
        for (index, prompt) in htmlOrderedPrompts() {
            var out = ["<section class=\"prompt-cases\" id=\"prompt-\(index)\">"]
            out.append("<header><h3><code>\(HTMLText.escape(prompt.promptID))</code><span class=\"badge s-\(prompt.status.rawValue)\">\(prompt.status.rawValue)</span></h3>")
            if let description = prompt.description { out.append("<p>\(HTMLText.escape(description))</p>") }
            if let note = prompt.overrideNote { out.append("<p><span class=\"tag\">override</span>\(HTMLText.escape(note))</p>") }
            if let hint = prompt.hint { out.append("<p class=\"hint\"><b>hint:</b> \(HTMLText.escape(hint))</p>") }
            out.append("</header>")
            for result in prompt.cases { out += Self.htmlCase(result, promptOverrideNote: prompt.overrideNote) }
            out.append("</section>")
            try emit(out)
        }
    }

    /// One case: verdict, reasons (tagged with the check that gave them), adaptations, the override
    /// note (when it is not the prompt's, shown above), the accepted answer and the output side by side,
    /// then the raw evidence on demand.
    static func htmlCase(_ result: CaseResult, promptOverrideNote: String? = nil) -> [String] {
        let verdict = result.verdict.rawValue
        var summary = "<summary><span class=\"badge v-\(verdict)\">\(verdict)</span><b>\(HTMLText.escape(result.caseName))</b>"
        if let comparison = result.comparison {
            summary += "<span class=\"score\">\(HTMLText.escape(comparison.metric)) \(VerdictReasons.format(comparison.score)) · bar \(VerdictReasons.format(comparison.threshold))</span>"
        }
        var out = ["<details class=\"case\"\(result.verdict.isPass ? "" : " open")>", summary + "</summary>", "<div class=\"case-body\">"]
        if !result.reasons.isEmpty {
            out.append("<ul class=\"plain reasons\">" + result.reasons.map { reason in
                let tag = reasonTag(reason, of: result).map { "<span class=\"tag\">\(HTMLText.escape($0))</span>" } ?? ""
                return "<li>\(tag)\(HTMLText.escape(reason))</li>"
            }.joined() + "</ul>")
        }
        out.append(htmlFacts(result))
        if let note = result.overrideNote, note != promptOverrideNote { out.append("<p><span class=\"tag\">override</span>\(HTMLText.escape(note))</p>") }
        if !result.adaptations.isEmpty {
            out.append("<ul class=\"adaptations\">" + result.adaptations.map { "<li><span class=\"tag\">adapted</span>\(HTMLText.escape($0))</li>" }.joined() + "</ul>")
        }
        if let failure = result.failure {
            out.append("<div class=\"failure\"><b>\(HTMLText.escape(failure.causeName))</b>\(failure.status.map { " (HTTP \($0))" } ?? ""): \(HTMLText.escape(failure.message))</div>")
        }
        out += htmlSideBySide(result)
        out += htmlRawEvidence(result)
        out += ["</div>", "</details>"]
        return out
    }

    /// Which check a reason came from, for its tag: a built-in check's name, `assertion`, `similarity`, ….
    static func reasonTag(_ reason: String, of result: CaseResult) -> String? {
        if let finding = result.comparison?.findings.first(where: { $0.reason == reason }) { return finding.check }
        if let grade = result.grades.first(where: { $0.description == reason }) { return grade.check.rawValue }
        if let failure = result.failure, reason == failure.description { return failure.causeName }
        let prefixes: [(prefix: String, tag: String)] = [
            ("output ", "assertion"), ("note: ", "note"), ("truncated", "truncation"), ("answer ", "length"),
            ("recorded ", "recorded"), ("no accepted snapshot", "snapshot"), ("grading could not run", "grading"),
        ]
        if reason.contains(" similarity "), reason.contains("below the bar") { return "similarity" }
        return prefixes.first { reason.hasPrefix($0.prefix) }?.tag
    }

    /// The configured bar and noise floor, model grades, the reference, finish reason, latency and tokens.
    static func htmlFacts(_ result: CaseResult) -> String {
        var facts: [String] = []
        if let comparison = result.comparison {
            // The score and the bar are in the case's summary line.
            if comparison.threshold < comparison.configuredThreshold { facts.append("configured bar \(VerdictReasons.format(comparison.configuredThreshold))") }
            if let floor = comparison.noiseFloor { facts.append("noise floor \(VerdictReasons.format(floor))") }
        }
        facts += result.grades.map { "\($0.check.rawValue) \(VerdictReasons.format($0.score)) \($0.passed ? "≥" : "<") \(VerdictReasons.format($0.bar))" }
        if let reference = result.referenceProvider { facts.append("reference: \(reference)") }
        if let completion = result.completion {
            if let finish = completion.finishReason { facts.append("finish: \(finish)") }
            facts.append(String(format: "%.2f s", completion.latency))
            if let usage = completion.usage { facts.append("\(usage.promptTokens) + \(usage.completionTokens) tokens") }
        }
        guard !facts.isEmpty else { return "" }
        return "<div class=\"facts\">" + facts.map { "<span>\(HTMLText.escape($0))</span>" }.joined() + "</div>"
    }

    /// The accepted sample and the output in two columns, deleted characters marked on the left and
    /// inserted ones on the right; one column when only one side exists.
    static func htmlSideBySide(_ result: CaseResult) -> [String] {
        let acceptedCaption = "accepted" + (result.referenceProvider.map { " · snapshots/\($0)" } ?? "")
        let outputCaption = "\(result.target) output"
        func column(_ caption: String, _ body: String) -> String {
            "<figure><figcaption>\(HTMLText.escape(caption))</figcaption><pre>\(body)</pre></figure>"
        }
        switch (result.referenceOutput, result.output) {
        case let (accepted?, output?):
            let segments = CharacterDiff.segments(from: accepted, to: output)
            return ["<div class=\"sxs\">",
                    column(acceptedCaption, CharacterDiff.html(segments, side: .accepted)),
                    column(outputCaption + (accepted == output ? " (the same)" : ""), CharacterDiff.html(segments, side: .output)),
                    "</div>"]
        case let (nil, output?):
            let note = result.verdict == .recorded ? " (recorded as the accepted answer)" : " (no accepted sample compared)"
            return ["<div class=\"sxs single\">", column(outputCaption + note, HTMLText.escape(output)), "</div>"]
        case let (accepted?, nil):
            return ["<div class=\"sxs\">", column(acceptedCaption, HTMLText.escape(accepted)),
                    column(outputCaption, "<span class=\"none\">no output</span>"), "</div>"]
        case (nil, nil):
            return ["<p class=\"none\">No output from \(HTMLText.escape(result.target)).</p>"]
        }
    }

    /// The request as sent, the raw output, the line diff and the provider's answer, each collapsed.
    static func htmlRawEvidence(_ result: CaseResult) -> [String] {
        var blocks: [(title: String, text: String)] = []
        if let request = result.request { blocks.append(("request JSON", request.body().serialized(pretty: true))) }
        if let output = result.output { blocks.append(("raw output", output)) }
        if let diff = result.comparison?.diff, !diff.isEmpty { blocks.append(("line diff", diff)) }
        if let evidence = result.failure?.evidence, !evidence.isEmpty { blocks.append(("provider's answer", evidence)) }
        if let path = result.recordedPath { blocks.append(("snapshot written", path)) }
        guard !blocks.isEmpty else { return [] }
        return ["<div class=\"raw-group\">"]
            + blocks.map { "<details class=\"raw\"><summary>\(HTMLText.escape($0.title))</summary><pre class=\"raw\">\(HTMLText.escape($0.text))</pre></details>" }
            + ["</div>"]
    }
}
