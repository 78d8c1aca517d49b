import Foundation

/// The text of a failed case as a person reads it in a test log or the CLI: the verdict, the reasons,
/// the hint, and the diff.
///
/// ```
/// support/refund-reply · late-delivery on local-gemma: drift
///   rouge-l similarity 0.21 is below the bar 0.30
///   hint: read the diff; add an override for this target (…)
/// --- snapshots/local-smollm/support/refund-reply/late-delivery
/// +++ local-gemma output
/// @@ -1 +1 @@
/// -您好，订单 20240709 正在配送中。
/// +订单查询
/// ```
public enum FailureMessage {
    /// The most lines of a diff a failure message prints; the whole diff is in the reports (and attached
    /// to the test), so a test log stays readable.
    public static let diffLineLimit = 60

    public static func text(for result: CaseResult) -> String {
        var lines = ["\(result.displayName) on \(result.target): \(result.verdict.rawValue)"]
        lines += result.reasons.map { "  " + $0 }
        if let note = result.overrideNote { lines.append("  override used: \(note)") }
        lines += result.adaptations.filter { !$0.hasPrefix("model ") }.map { "  adapted: \($0)" }
        if let hint = VerdictReasons.hint(for: result.reasons), result.verdict == .drift || result.verdict == .failed || result.verdict == .blocked {
            lines.append("  hint: \(hint)")
        }
        if let diff = result.comparison?.diff, !diff.isEmpty {
            lines.append(shortened(diff))
        } else if let output = result.output, result.verdict != .recorded {
            lines.append("output:\n\(output)")
        }
        if let evidence = result.failure?.evidence, !evidence.isEmpty {
            lines.append("provider's answer:\n\(evidence.prefix(1000))")
        }
        return lines.joined(separator: "\n")
    }

    /// `diff` cut to ``diffLineLimit`` lines, saying how many more there are and where to read them.
    static func shortened(_ diff: String) -> String {
        let lines = diff.split(separator: "\n", omittingEmptySubsequences: false)
        guard lines.count > diffLineLimit else { return diff }
        return lines.prefix(diffLineLimit).joined(separator: "\n") + "\n… \(lines.count - diffLineLimit) more lines of the diff: the whole diff is in report.md and report.html (and attached to the test)"
    }
}
