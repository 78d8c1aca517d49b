import Foundation
import PromptCompat

/// The comparison's decision on one labeled pair.
struct Outcome {
    var pair: LabeledPair
    /// The comparison says re-tune.
    var flagged: Bool
    var reasons: [String]

    var right: Bool { flagged == pair.needsRetune }

    /// Precision, recall and F1 of "re-tune" per split and overall, with the confusion counts.
    static func table(_ outcomes: [Outcome]) -> String {
        table(["dev", "test", "all"].map { split in (split, outcomes.filter { split == "all" || $0.pair.split == split }) }, header: "split")
    }

    /// The same per split and language (`test · zh`), and for the pairs written with the prompt's messages
    /// (issue 14's set) apart from the older ones written with a one-line task.
    static func languageTable(_ outcomes: [Outcome]) -> String {
        var groups: [(String, [Outcome])] = []
        for split in ["dev", "test"] {
            for language in ["zh", "en", "mixed"] {
                groups.append(("\(split) · \(language)", outcomes.filter { $0.pair.split == split && $0.pair.language == language }))
            }
        }
        for split in ["dev", "test"] {
            groups.append(("\(split) · pairs with messages", outcomes.filter { $0.pair.split == split && $0.pair.hasMessages }))
            groups.append(("\(split) · pairs with a task line", outcomes.filter { $0.pair.split == split && !$0.pair.hasMessages }))
        }
        return table(groups, header: "split · group")
    }

    static func table(_ groups: [(String, [Outcome])], header: String) -> String {
        var lines = ["| \(header) | pairs | TP | FP | FN | TN | precision | recall | F1 |", "|---|---:|---:|---:|---:|---:|---:|---:|---:|"]
        for (name, rows) in groups where !rows.isEmpty {
            let tp = rows.filter { $0.flagged && $0.pair.needsRetune }.count
            let fp = rows.filter { $0.flagged && !$0.pair.needsRetune }.count
            let fn = rows.filter { !$0.flagged && $0.pair.needsRetune }.count
            let tn = rows.count - tp - fp - fn
            let precision = tp + fp == 0 ? 0 : Double(tp) / Double(tp + fp)
            let recall = tp + fn == 0 ? 0 : Double(tp) / Double(tp + fn)
            let f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall)
            lines.append("| \(name) | \(rows.count) | \(tp) | \(fp) | \(fn) | \(tn) | \(f(precision)) | \(f(recall)) | \(f(f1)) |")
        }
        return lines.joined(separator: "\n")
    }

    static func categories(_ outcomes: [Outcome]) -> String {
        let names = Array(Set(outcomes.map(\.pair.category))).sorted()
        return names.map { name in
            let rows = outcomes.filter { $0.pair.category == name }
            let label = rows.first?.pair.needsRetune == true ? "re-tune" : "acceptable"
            return "  \(name.padding(toLength: 22, withPad: " ", startingAt: 0)) \(label.padding(toLength: 11, withPad: " ", startingAt: 0)) \(rows.filter(\.right).count)/\(rows.count)"
        }.joined(separator: "\n")
    }

    static func list(_ outcomes: [Outcome]) -> String {
        outcomes.map { outcome in
            let label = outcome.pair.needsRetune ? "re-tune" : "acceptable"
            let verdict = "\(outcome.flagged ? "flagged" : "passed"), labeled \(label)\(outcome.right ? "" : " ✗")"
            let why = outcome.reasons.isEmpty ? "" : " — " + outcome.reasons.prefix(3).joined(separator: "; ")
            return "  [\(outcome.pair.split)] \(outcome.pair.id): \(verdict)\(why)"
        }.joined(separator: "\n")
    }

    static func f(_ value: Double) -> String { String(format: "%.3f", value) }
}
