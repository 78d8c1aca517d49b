import Foundation

extension CandidateComparison {
    /// The version of the `compare.json` layout; raised on any incompatible change.
    public static let schemaVersion = 1

    /// `compare.json`: everything in `compare.md`, for other tools. See `docs/report-format.md`.
    public func json() -> JSONValue {
        .object(JSONObject([
            ("schemaVersion", .number(Double(Self.schemaVersion))),
            ("baseline", .string(baseline)),
            ("generatedAt", .string(generatedAt)),
            ("winner", winner.map { .string($0.target) } ?? .null),
            ("ranking", .array(ranking.map { .string($0.target) })),
            ("targets", .array(candidates.map(\.json))),
            ("prompts", .array(promptIDs.map(promptJSON))),
        ]))
    }

    private func promptJSON(_ id: String) -> JSONValue {
        var statuses = JSONObject()
        for candidate in candidates {
            statuses[candidate.target] = status(of: id, on: candidate.target).map { .string($0.rawValue) } ?? .null
        }
        return ["id": .string(id), "status": .object(statuses)]
    }
}

extension CandidateComparison.Candidate {
    var json: JSONValue {
        var object = JSONObject([
            ("target", .string(target)),
            ("readiness", .number((readiness * 10000).rounded() / 10000)),
            ("prompts", .number(Double(report.prompts.count))),
        ])
        for status in PromptStatus.allCases { object[status.rawValue] = .number(Double(report.count(status))) }
        object["drift"] = [
            "comparedCases": .number(Double(comparedCases)),
            "meanScore": meanScore.map { .number(($0 * 10000).rounded() / 10000) } ?? .null,
            "casesWithFindings": .number(Double(casesWithFindings)),
        ]
        object["costPer1000CallsCNY"] = costPer1000CallsCNY.map { .number(($0 * 10_000).rounded() / 10_000) } ?? .null
        object["pricesTaken"] = report.targetProfile?.pricesTaken.map(JSONValue.string) ?? .null
        object["latencySeconds"] = ReadinessReport.json(report.targetLatency)
        var causes = JSONObject()
        for failure in failures { causes[failure.cause] = .number(Double(failure.count)) }
        object["failures"] = .object(causes)
        return .object(object)
    }
}
