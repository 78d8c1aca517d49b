import Foundation
import PromptCompat

/// How long each built-in check takes a pair, over every labeled pair: where a comparison's time goes.
enum CheckTimes {
    static func table(_ pairs: [LabeledPair], rounds: Int = 3) -> String {
        let inputs = pairs.map {
            SubstituteCheck.Input(samples: [$0.baseline], candidate: $0.target, expect: $0.expect, instructions: $0.instructions, wholePrompt: $0.hasMessages)
        }
        var rows: [(String, Double)] = []
        for check in SubstituteCheck.defaults {
            let clock = ContinuousClock()
            var found = 0
            let elapsed = clock.measure {
                for _ in 0..<rounds { for input in inputs { found &+= check.run(input).count } }
            }
            let micros = Double(elapsed.components.seconds) * 1e6 + Double(elapsed.components.attoseconds) / 1e12
            rows.append((check.name, micros / Double(rounds * max(1, inputs.count))))
        }
        return rows.map { "  \($0.0.padding(toLength: 12, withPad: " ", startingAt: 0)) \(String(format: "%8.1f", $0.1))" }.joined(separator: "\n")
    }
}
