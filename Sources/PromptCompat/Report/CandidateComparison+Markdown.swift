import Foundation

extension CandidateComparison {
    /// `compare.md`: a column per target (readiness, drift, cost, latency, failures by cause), the
    /// winner, and a prompt × target matrix of statuses.
    public func markdown() -> String {
        let targets = candidates.map(\.target)
        var out = ["# Candidates compared against \(baseline)", ""]
        if let winner {
            let how = isTie ? "tied with \(ranking[1].target) on readiness and cost; listed first" : "ranked by readiness, then cost per 1,000 calls"
            out += ["**Winner: \(winner.target)** — \(Self.brief(winner)) (\(how)).", ""]
        }
        out.append("| | " + targets.joined(separator: " | ") + " |")
        out.append("|---|" + String(repeating: "---|", count: targets.count))
        for row in summaryRows {
            out.append("| \(row.label) | " + candidates.map(row.value).joined(separator: " | ") + " |")
        }
        out += ["", "## Prompt × target", ""]
        out.append("| prompt | " + targets.joined(separator: " | ") + " |")
        out.append("|---|" + String(repeating: "---|", count: targets.count))
        for id in promptIDs {
            let cells = targets.map { target in status(of: id, on: target).map(\.rawValue) ?? "–" }
            out.append("| `\(id)` | " + cells.joined(separator: " | ") + " |")
        }
        out += ["", "Each target's own report, with reasons, hints and diffs: `<reports>/<target>/report.md`.", ""]
        out.append("_Generated \(generatedAt) by promptcompat._")
        return out.joined(separator: "\n") + "\n"
    }

    private struct Row {
        var label: String
        var value: (Candidate) -> String
    }

    /// The rows of the summary table, each a label and how a target's cell reads.
    private var summaryRows: [Row] {
        [
            Row(label: "readiness") { Self.percent($0.readiness) },
            Row(label: "prompts " + PromptStatus.allCases.map(\.rawValue).joined(separator: " / ")) { c in
                PromptStatus.allCases.map { String(c.report.count($0)) }.joined(separator: " / ")
            },
            Row(label: "mean similarity (compared cases)") { c in
                c.meanScore.map { String(format: "%.2f (%d)", $0, c.comparedCases) } ?? "– (0)"
            },
            Row(label: "cases with findings") { String($0.casesWithFindings) },
            Row(label: "cost per 1,000 calls") { Self.costText($0.costPer1000CallsCNY, pricesTaken: $0.report.targetProfile?.pricesTaken) },
            Row(label: "latency p50 / p95") { c in
                c.report.targetLatency.map { String(format: "%.2f s / %.2f s", $0.p50, $0.p95) } ?? "–"
            },
            Row(label: "failures by cause") { c in
                c.failures.isEmpty ? "none" : c.failures.map { "`\($0.cause)` \($0.count)" }.joined(separator: ", ")
            },
        ]
    }
}
