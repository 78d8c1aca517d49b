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
    public static func text(for result: CaseResult) -> String {
        var lines = ["\(result.displayName) on \(result.target): \(result.verdict.rawValue)"]
        lines += result.reasons.map { "  " + $0 }
        if let note = result.overrideNote { lines.append("  override used: \(note)") }
        lines += result.adaptations.filter { !$0.hasPrefix("model ") }.map { "  adapted: \($0)" }
        if let hint = VerdictReasons.hint(for: result.reasons), result.verdict == .drift || result.verdict == .failed || result.verdict == .blocked {
            lines.append("  hint: \(hint)")
        }
        if let diff = result.comparison?.diff, !diff.isEmpty {
            lines.append(diff)
        } else if let output = result.output, result.verdict != .recorded {
            lines.append("output:\n\(output)")
        }
        if let evidence = result.failure?.evidence, !evidence.isEmpty {
            lines.append("provider's answer:\n\(evidence.prefix(1000))")
        }
        return lines.joined(separator: "\n")
    }
}
