import Foundation

extension ReadinessReport {
    /// The version of the `report.json` layout; raised on any incompatible change.
    public static let schemaVersion = 1

    /// `report.json`: everything in the Markdown report, for other tools. See `docs/report-format.md`.
    public func json() -> JSONValue {
        var object = jsonHeader()
        object["prompts"] = .array(prompts.map(\.json))
        return .object(object)
    }

    /// ``json()`` pretty-printed, a prompt at a time: the same bytes as `json().data(pretty: true)`
    /// without the whole document in memory.
    func writeJSON(_ emit: (String) throws -> Void) rethrows {
        let header = JSONValue.object(jsonHeader()).serialized(pretty: true)
        try emit(String(header.dropLast(2)) + ",\n  \"prompts\": [")  // the header without its "\n}"
        guard !prompts.isEmpty else { return try emit("]\n}") }
        for (index, prompt) in prompts.enumerated() {
            try emit((index == 0 ? "" : ",") + "\n    " + prompt.json.serialized(pretty: true, indent: 2))
        }
        try emit("\n  ]\n}")
    }

    /// Every member of `report.json` but `prompts` (the last).
    private func jsonHeader() -> JSONObject {
        let t = tokens
        var summary = JSONObject([
            ("readiness", .number((readiness * 10000).rounded() / 10000)),
            ("prompts", .number(Double(prompts.count))),
        ])
        for status in PromptStatus.allCases { summary[status.rawValue] = .number(Double(count(status))) }
        var verdicts = JSONObject()
        for verdict in CaseVerdict.allCases { verdicts[verdict.rawValue] = .number(Double(count(verdict))) }
        summary["cases"] = .object(verdicts)
        summary["tokens"] = ["prompt": .number(Double(t.prompt)), "completion": .number(Double(t.completion))]
        summary["latencySeconds"] = ["target": Self.json(targetLatency), "reference": Self.json(referenceLatency)]
        summary["costCNY"] = costCNY.map { .number(($0 * 1_000_000).rounded() / 1_000_000) } ?? .null
        summary["costPer1000CallsCNY"] = costPer1000CallsCNY.map { .number(($0 * 10_000).rounded() / 10_000) } ?? .null
        summary["pricesTaken"] = targetProfile?.pricesTaken.map(JSONValue.string) ?? .null
        let retries = retrySummary
        summary["retries"] = [
            "calls": .number(Double(retries.retries)), "cases": .number(Double(retries.cases)),
            "after": .object(JSONObject(retries.after.map { ($0.cause, JSONValue.number(Double($0.count))) })),
        ]
        summary["filter"] = filter.map(JSONValue.string) ?? .null
        summary["interrupted"] = .bool(interrupted)
        summary["notRun"] = .number(Double(promptsNotRun))
        summary["topReasons"] = .array(reasonKinds.map { ["kind": .string($0.kind), "cases": .number(Double($0.cases))] })
        summary["retuneFirst"] = .array(retuneFirst.map { .string($0.promptID) })
        return JSONObject([
            ("schemaVersion", .number(Double(Self.schemaVersion))),
            ("target", .string(target)),
            ("baseline", .string(baseline)),
            ("generatedAt", .string(generatedAt)),
            ("summary", .object(summary)),
            ("history", sinceLastRun?.json ?? .null),
        ])
    }

    static func json(_ latency: (p50: Double, p95: Double)?) -> JSONValue {
        guard let latency else { return .null }
        return ["p50": .number((latency.p50 * 1000).rounded() / 1000), "p95": .number((latency.p95 * 1000).rounded() / 1000)]
    }
}

extension PromptReadiness {
    var json: JSONValue {
        .object(JSONObject([
            ("id", .string(promptID)),
            ("description", description.map(JSONValue.string) ?? .null),
            ("status", .string(status.rawValue)),
            ("reasons", .array(reasons.map(JSONValue.string))),
            ("hint", hint.map(JSONValue.string) ?? .null),
            ("override", overrideNote.map(JSONValue.string) ?? .null),
            ("tags", .array(tags.map(JSONValue.string))),
            ("cases", .array(cases.map(\.json))),
        ]))
    }
}

extension CaseResult {
    /// One case as JSON: the line format of `results.jsonl` and the case entries of `report.json`.
    public var json: JSONValue {
        var object = JSONObject([
            ("prompt", .string(promptID)),
            ("case", .string(caseName)),
            ("target", .string(target)),
            ("verdict", .string(verdict.rawValue)),
            ("reasons", .array(reasons.map(JSONValue.string))),
        ])
        if let comparison {
            object["score"] = .number((comparison.score * 10000).rounded() / 10000)
            object["threshold"] = .number((comparison.threshold * 10000).rounded() / 10000)
            object["metric"] = .string(comparison.metric)
            object["noiseFloor"] = comparison.noiseFloor.map { .number(($0 * 10000).rounded() / 10000) } ?? .null
            object["configuredThreshold"] = .number((comparison.configuredThreshold * 10000).rounded() / 10000)
            if comparison.sameVerdict { object["sameVerdict"] = .bool(true) }
            if comparison.sameContent { object["sameContent"] = .bool(true) }
            object["assertionFailures"] = .array(comparison.assertionFailures.map(JSONValue.string))
            object["findings"] = .array(comparison.findings.map { ["check": .string($0.check), "reason": .string($0.reason)] })
            object["diff"] = .string(comparison.diff)
        }
        if !grades.isEmpty {
            object["grades"] = .array(grades.map { grade in
                [
                    "check": .string(grade.check.rawValue), "score": .number((grade.score * 10000).rounded() / 10000),
                    "bar": .number(grade.bar), "reason": grade.reason.map(JSONValue.string) ?? .null,
                ]
            })
        }
        object["adaptations"] = .array(adaptations.map(JSONValue.string))
        object["reference"] = referenceProvider.map(JSONValue.string) ?? .null
        object["referenceOutput"] = referenceOutput.map(JSONValue.string) ?? .null
        if let referenceLatency { object["referenceLatencySeconds"] = .number((referenceLatency * 1000).rounded() / 1000) }
        object["output"] = output.map(JSONValue.string) ?? .null
        if let completion {
            object["latencySeconds"] = .number((completion.latency * 1000).rounded() / 1000)
            object["finishReason"] = completion.finishReason.map(JSONValue.string) ?? .null
            object["truncated"] = .bool(truncated)
            if let usage = completion.usage {
                object["usage"] = ["prompt": .number(Double(usage.promptTokens)), "completion": .number(Double(usage.completionTokens))]
            }
        }
        if let failure {
            object["failure"] = [
                "cause": .string(failure.causeName), "message": .string(failure.message),
                "status": failure.status.map { .number(Double($0)) } ?? .null,
                "evidence": failure.evidence.map(JSONValue.string) ?? .null,
            ]
        }
        if let recordedPath { object["recorded"] = .string(recordedPath) }
        if let requests { object["requests"] = .number(Double(requests)) }
        if notRun { object["notRun"] = .bool(true) }
        if assertionsOnly { object["assertionsOnly"] = .bool(true) }
        if !retriedAfter.isEmpty { object["retriedAfter"] = .array(retriedAfter.map(JSONValue.string)) }
        if let request { object["request"] = request.body() }
        return .object(object)
    }
}
