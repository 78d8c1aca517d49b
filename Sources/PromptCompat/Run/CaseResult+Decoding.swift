import Foundation

extension CaseResult {
    /// Reads a case back from its JSON: the inverse of ``json``, for a `results.jsonl` line or a case entry
    /// of `report.json`. Used to merge the results of sharded runs into one report.
    ///
    /// ```swift
    /// let line = try JSONValue(parsing: #"{"prompt":"a","case":"b","target":"qwen","verdict":"pass","reasons":[],"adaptations":[],"reference":null,"output":"x"}"#)
    /// let result = try CaseResult(json: line)   // result.verdict == .pass
    /// ```
    ///
    /// What the JSON does not carry comes back empty: the override note (the library has it), the
    /// comparison's `jsonDifferences`, `assertionNotes` (they are among the reasons as `note: …`),
    /// `closestSample` and `lengthChange`, the answering model's own name, and the parameters of a failure's
    /// cause (its side, `Retry-After`, the parameter name: the message and the reasons keep their words).
    /// Numbers come back as written: scores and bars to 4 decimals, latencies to 3.
    public init(json: JSONValue) throws(CaseResultDecodingError) {
        let object = try Self.object(json, "the case")
        guard let verdictName = object["verdict"]?.stringValue, let verdict = CaseVerdict(rawValue: verdictName) else {
            throw CaseResultDecodingError("verdict: expected one of \(CaseVerdict.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        self.init(
            promptID: try Self.string(object, "prompt"), caseName: try Self.string(object, "case"),
            target: try Self.string(object, "target"), verdict: verdict, reasons: try Self.strings(object, "reasons")
        )
        adaptations = try Self.strings(object, "adaptations")
        referenceProvider = object["reference"]?.stringValue
        referenceOutput = object["referenceOutput"]?.stringValue
        referenceLatency = object["referenceLatencySeconds"]?.numberValue
        output = object["output"]?.stringValue
        recordedPath = object["recorded"]?.stringValue
        requests = object["requests"]?.numberValue.map { Int($0) }
        notRun = object["notRun"]?.boolValue ?? false
        assertionsOnly = object["assertionsOnly"]?.boolValue ?? false
        if object["retriedAfter"] != nil { retriedAfter = try Self.strings(object, "retriedAfter") }
        if let body = object["request"] {
            guard let request = ChatRequest(body: body) else { throw CaseResultDecodingError("request: expected a request body with model and messages") }
            self.request = request
        }
        comparison = try Self.comparison(object)
        grades = try (object["grades"]?.arrayValue ?? []).map { value throws(CaseResultDecodingError) in try Self.grade(value) }
        completion = try Self.completion(object, text: output)
        if let value = object["failure"] { failure = try Self.failure(value) }
    }

    private static func comparison(_ object: JSONObject) throws(CaseResultDecodingError) -> CaseComparison? {
        guard let score = object["score"]?.numberValue else { return nil }
        let threshold = try number(object, "threshold")
        let findings = try (object["findings"]?.arrayValue ?? []).map { value throws(CaseResultDecodingError) in
            let finding = try Self.object(value, "findings[]")
            return SubstituteFinding(check: try string(finding, "check"), reason: try string(finding, "reason"))
        }
        var comparison = CaseComparison(
            metric: try string(object, "metric"), score: score, threshold: threshold,
            configuredThreshold: object["configuredThreshold"]?.numberValue ?? threshold,
            noiseFloor: object["noiseFloor"]?.numberValue,
            assertionFailures: object["assertionFailures"] == nil ? [] : try strings(object, "assertionFailures"),
            findings: findings, jsonDifferences: [], diff: object["diff"]?.stringValue ?? ""
        )
        comparison.sameVerdict = object["sameVerdict"]?.boolValue ?? false
        comparison.sameContent = object["sameContent"]?.boolValue ?? false
        return comparison
    }

    private static func grade(_ value: JSONValue) throws(CaseResultDecodingError) -> ModelGrade {
        let grade = try object(value, "grades[]")
        guard let checkName = grade["check"]?.stringValue, let check = ModelGrade.Check(rawValue: checkName) else {
            throw CaseResultDecodingError("grades[].check: expected judge or semantic")
        }
        return ModelGrade(check: check, score: try number(grade, "score"), bar: try number(grade, "bar"), reason: grade["reason"]?.stringValue)
    }

    /// An answer is present when the writer wrote its latency (it always does for an answer).
    private static func completion(_ object: JSONObject, text: String?) throws(CaseResultDecodingError) -> Completion? {
        guard let latency = object["latencySeconds"]?.numberValue else { return nil }
        var usage: Usage?
        if let value = object["usage"] {
            let tokens = try Self.object(value, "usage")
            guard let prompt = tokens["prompt"]?.intValue, let completion = tokens["completion"]?.intValue else {
                throw CaseResultDecodingError("usage: expected whole numbers prompt and completion")
            }
            usage = Usage(promptTokens: prompt, completionTokens: completion)
        }
        return Completion(text: text ?? "", finishReason: object["finishReason"]?.stringValue, usage: usage, latency: latency)
    }

    private static func failure(_ value: JSONValue) throws(CaseResultDecodingError) -> ProviderFailure {
        let failure = try object(value, "failure")
        let name = try string(failure, "cause")
        guard let cause = ProviderFailure.causesByName.first(where: { $0.causeName == name })?.cause else {
            throw CaseResultDecodingError("failure.cause: unknown cause \"\(name)\"")
        }
        return ProviderFailure(cause, try string(failure, "message"), status: failure["status"]?.intValue, evidence: failure["evidence"]?.stringValue)
    }

    private static func object(_ value: JSONValue, _ name: String) throws(CaseResultDecodingError) -> JSONObject {
        guard let object = value.objectValue else { throw CaseResultDecodingError("\(name): expected an object, found \(value.typeDescription)") }
        return object
    }

    private static func string(_ object: JSONObject, _ key: String) throws(CaseResultDecodingError) -> String {
        guard let text = object[key]?.stringValue else { throw CaseResultDecodingError("\(key): expected a string") }
        return text
    }

    private static func number(_ object: JSONObject, _ key: String) throws(CaseResultDecodingError) -> Double {
        guard let number = object[key]?.numberValue else { throw CaseResultDecodingError("\(key): expected a number") }
        return number
    }

    private static func strings(_ object: JSONObject, _ key: String) throws(CaseResultDecodingError) -> [String] {
        guard let values = object[key]?.arrayValue else { throw CaseResultDecodingError("\(key): expected an array of strings") }
        return try values.map { value throws(CaseResultDecodingError) in
            guard let text = value.stringValue else { throw CaseResultDecodingError("\(key): expected an array of strings, found \(value.typeDescription) in it") }
            return text
        }
    }
}

extension ProviderFailure {
    /// One cause of each kind, without the details the JSON does not keep, to read `failure.cause` back.
    static let causesByName: [ProviderFailure] = [
        .auth(variable: nil), .rateLimited(retryAfter: nil), .quotaExhausted, .contextTooLong, .truncated(limit: nil),
        .safetyBlocked(side: .unknown), .unsupported(parameter: nil), .invalidRequest, .malformedResponse, .notCached, .server, .network, .timeout,
    ].map { ProviderFailure($0, "") }
}

/// A case's JSON that does not read back: the member and what was expected.
public struct CaseResultDecodingError: Error, Sendable, Equatable, CustomStringConvertible {
    public var description: String
    public init(_ description: String) { self.description = description }
}
