import Foundation

extension Assertions {
    /// `refusal`, `finishReason`, `maxLatencySeconds` and `maxCostCNY`: what the answer does and how the
    /// call went. Latency and cost that are not known are noted, not failed.
    static func callChecks(_ observed: ObservedOutput, written: String, _ expect: Expectations, into outcome: inout AssertionOutcome) {
        if let refusal = expect.refusal {
            let found = RefusalDetector.refusal(in: written)
            if !refusal, let found {
                outcome.failures.append("refuses: \(excerpt(found, limit: 40))")
            } else if refusal, found == nil {
                let start = written.isEmpty ? "the output is empty" : "starts \(excerpt(written))"
                outcome.failures.append("is not a refusal, expected one (\(start))")
            }
        }
        if let reason = expect.finishReason, observed.finishReason != reason {
            let actual = observed.finishReason.map { "ended with finish_reason \(RegexPattern.quoted($0))" } ?? "ended without a finish_reason"
            outcome.failures.append("\(actual), expected \(RegexPattern.quoted(reason))")
        }
        if let limit = expect.maxLatencySeconds {
            if let latency = observed.latency {
                if latency > limit {
                    outcome.failures.append("took \(String(format: "%.2f", latency)) s, more than maxLatencySeconds \(JSONValue.format(limit))")
                }
            } else {
                outcome.notes.append("maxLatencySeconds not checked: latency not measured")
            }
        }
        if let limit = expect.maxCostCNY {
            switch observed.cost {
            case .cny(let cost) where cost > limit:
                outcome.failures.append("cost \(formatCNY(cost)) CNY, more than maxCostCNY \(JSONValue.format(limit))")
            case .cny: break
            case .unknown(let reason):
                outcome.notes.append("maxCostCNY not checked: cost unknown: \(reason)")
            }
        }
    }

    /// An amount in CNY with up to 8 decimals and no trailing zeros: `0.0123`, `0.00000135`.
    static func formatCNY(_ amount: Double) -> String {
        var text = String(format: "%.8f", amount)
        while text.hasSuffix("0") { text.removeLast() }
        if text.hasSuffix(".") { text.removeLast() }
        return text
    }
}
