import Foundation

extension ImportPlan {
    /// What the import did (or, with `dryRun`, would do, each prompt with its ``PromptFile/preview(indent:)``), for a person:
    ///
    /// ```
    /// 14 lines read: 3 prompts (3 new, 0 extended), 10 cases, 10 snapshots written
    ///   new prompts/imported/order-answer.json: 4 cases (gateway-log.jsonl lines 1-2, 5, 9); variables order_id, date
    ///   snapshots: snapshots/openai-gpt4/ (provider openai-gpt4)
    /// already present: 1 request (gateway-log.jsonl line 14)
    /// skipped 2 lines:
    ///   gateway-log.jsonl:7: error response (HTTP 429): Rate limit reached for gpt-4
    /// ```
    public func summary(dryRun: Bool) -> String {
        let snapshotVerb = dryRun ? "to write" : "written"
        let snapshotCount = writesSnapshots ? snapshots.count : 0
        var lines = [
            (dryRun ? "dry run, nothing written. " : "")
                + "\(linesRead) line\(linesRead == 1 ? "" : "s") read: \(plural(prompts.count, "prompt")) (\(newPrompts.count) new, \(extendedPrompts.count) extended), "
                + "\(plural(casesAdded, "case")), \(plural(snapshotCount, "snapshot")) \(snapshotVerb)"
        ]
        for prompt in prompts {
            let variables = prompt.variables.isEmpty ? "no variables" : "variables " + prompt.variables.joined(separator: ", ")
            lines.append("  \(prompt.isNew ? "new" : "extended") \(PromptLibrary.displayPath(prompt.file)): \(prompt.isNew ? "" : "+")\(plural(prompt.addedCases.count, "case")) (\(Self.lines(prompt.addedCases.map(\.source)))); \(variables)")
            if dryRun { lines += prompt.preview() }
        }
        if !snapshots.isEmpty {
            let folder = PromptLibrary.displayPath(snapshotStore.root.appendingPathComponent(provider)) + "/"
            lines.append(writesSnapshots
                ? "  snapshots: \(folder) (provider \(provider))"
                : "  snapshots: none written, \(policy.explanation) (\(snapshots.count) would go to \(folder))")
        }
        if !duplicates.isEmpty {
            lines.append("already present: \(plural(duplicates.count, "request")) (\(Self.lines(duplicates.map(\.source))))")
        }
        for (title, problems) in [("skipped", skipped), ("malformed, skipped", malformed)] where !problems.isEmpty {
            lines.append("\(title) \(plural(problems.count, "line")):")
            lines += problems.prefix(Self.listedProblems).map { "  \($0)" }
            if problems.count > Self.listedProblems { lines.append("  … and \(problems.count - Self.listedProblems) more") }
        }
        return lines.joined(separator: "\n")
    }

    /// Skipped or malformed lines listed one by one; the rest are counted.
    static let listedProblems = 50

    /// `gateway-log.jsonl lines 1-3, 7` (line numbers folded into ranges, per file).
    static func lines(_ locations: [LogLineProblem.Location]) -> String {
        var files: [String] = []
        var numbers: [String: [Int]] = [:]
        for location in locations {
            if numbers[location.file] == nil { files.append(location.file) }
            numbers[location.file, default: []].append(location.line)
        }
        return files.map { file in
            let sorted = Array(Set(numbers[file]!)).sorted()
            var ranges: [String] = []
            var start = sorted[0]
            for (i, n) in sorted.enumerated() where i == sorted.count - 1 || sorted[i + 1] != n + 1 {
                ranges.append(start == n ? "\(n)" : "\(start)-\(n)")
                if i + 1 < sorted.count { start = sorted[i + 1] }
            }
            return "\(URL(fileURLWithPath: file).lastPathComponent) line\(sorted.count == 1 ? "" : "s") \(ranges.joined(separator: ", "))"
        }.joined(separator: "; ")
    }

    private func plural(_ count: Int, _ noun: String) -> String { "\(count) \(noun)\(count == 1 ? "" : "s")" }
}
