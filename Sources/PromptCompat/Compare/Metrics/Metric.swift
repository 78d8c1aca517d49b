import Foundation

/// An offline comparison of a candidate answer with a reference answer: a score from 0 to 1, where
/// 1 means "the same" in the metric's sense and 0 "nothing in common". Conformers are small value types
/// that say their range, definition and when to use them.
///
/// Unless a metric says otherwise, two empty texts score 1 and one empty text scores 0.
///
/// ```swift
/// let metrics: [any Metric] = [RougeLMetric(), CharNGramF1.chrF, LevenshteinSimilarity(), FactsPreserved()]
/// for metric in metrics {
///     print(metric.name, metric.score("订单已于2024年7月9日发货", "您的订单已在7月9日发货"))
/// }
/// ```
public protocol Metric: Sendable {
    /// Shown in reports: `rouge-l`, `chrF`, `levenshtein`, ….
    var name: String { get }
    /// 0…1, 1 = same.
    func score(_ reference: String, _ candidate: String) -> Double
}

/// Which form of the texts a metric compares.
///
/// ```swift
/// LevenshteinSimilarity(form: .comparable).score("价格：２９９元。", "价格:299元.")   // 1
/// ```
public enum TextForm: Sendable, Equatable {
    /// As written, code point for code point: what reference tools (sacrebleu, rapidfuzz) see.
    case asWritten
    /// ``TextNormalizer/normalize(_:)``: NFKC, line ends and runs of spaces unified.
    case normalized
    /// ``TextNormalizer/comparable(_:)``: also Chinese and Latin punctuation folded to one form, lowercased.
    case comparable

    /// `text` in this form.
    public func apply(_ text: String) -> String {
        switch self {
        case .asWritten: text
        case .normalized: TextNormalizer.normalize(text)
        case .comparable: TextNormalizer.comparable(text)
        }
    }
}

extension Scorer {
    /// A scorer that scores with `metric` under the metric's name, so any ``Metric`` can decide a case.
    ///
    /// ```swift
    /// CaseComparison.compare(output: answer, samples: accepted, expect: expect, defaultSimilarity: 0.6,
    ///                        referenceName: "baseline", targetName: "qwen", scorer: Scorer(CharNGramF1.chrF))
    /// ```
    public init(_ metric: some Metric) {
        self.init(name: metric.name) { metric.score($0, $1) }
    }
}
