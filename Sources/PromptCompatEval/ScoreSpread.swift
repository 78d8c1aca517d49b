import Foundation
import PromptCompat

/// Score distributions per category, to see where a similarity bar separates the labels.
enum ScoreSpread {
    static let metrics: [any Metric] = [RougeLMetric(), CharNGramF1(form: .comparable), CharNGramF1(beta: 1, form: .comparable), LevenshteinSimilarity(form: .comparable)]

    static func table(_ pairs: [LabeledPair]) -> String {
        var lines = ["category".padding(toLength: 22, withPad: " ", startingAt: 0) + metrics.map { $0.name.padding(toLength: 26, withPad: " ", startingAt: 0) }.joined()]
        for name in Array(Set(pairs.map(\.category))).sorted() {
            let rows = pairs.filter { $0.category == name }
            let cells = metrics.map { metric -> String in
                let scores = rows.map { metric.score($0.baseline, $0.target) }.sorted()
                let text = "\(Outcome.f(scores.first ?? 0)) \(Outcome.f(scores[scores.count / 2])) \(Outcome.f(scores.last ?? 0))"
                return text.padding(toLength: 26, withPad: " ", startingAt: 0)
            }
            lines.append(name.padding(toLength: 22, withPad: " ", startingAt: 0) + cells.joined())
        }
        return lines.joined(separator: "\n")
    }
}
