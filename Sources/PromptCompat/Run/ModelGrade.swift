import Foundation

/// The outcome of one model-graded check of a case: the LLM judge (`expect.judge`) or embedding
/// similarity (`expect.semantic`), its score, the bar and — for the judge — its reason.
///
/// ```swift
/// let grade = ModelGrade(check: .judge, score: 0.3, bar: 0.6, reason: "漏掉了退款金额")
/// grade.passed        // false
/// grade.description   // "judge scored 0.30, below 0.60: 漏掉了退款金额"
/// ```
public struct ModelGrade: Sendable, Equatable, CustomStringConvertible {
    public enum Check: String, Sendable {
        /// A declared requirement, like an assertion: failing it makes the case `failed`.
        case judge
        /// A similarity, like ROUGE-L: failing it makes a passing case `drift`.
        case semantic
    }

    public var check: Check
    /// 0…1.
    public var score: Double
    public var bar: Double
    public var reason: String?

    public init(check: Check, score: Double, bar: Double, reason: String? = nil) {
        self.check = check
        self.score = score
        self.bar = bar
        self.reason = reason
    }

    public var passed: Bool { score >= bar }

    public var description: String {
        let numbers = "\(VerdictReasons.format(score)), \(passed ? "at least" : "below") \(VerdictReasons.format(bar))"
        switch check {
        case .judge: return "judge scored \(numbers)" + (reason.map { $0.isEmpty ? "" : ": \($0)" } ?? "")
        case .semantic: return "semantic similarity \(numbers)"
        }
    }
}
