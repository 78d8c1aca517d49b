import Foundation

/// The accepted output(s) of one case on one provider, and how they were produced.
///
/// On disk (see ``SnapshotStore``) each sample is a plain text file, so a pull-request diff shows changed
/// output lines as lines; the metadata sits beside them in `meta.json`.
public struct Snapshot: Sendable, Equatable {
    /// One or more outputs; several samples let the comparison measure the provider's own variation.
    public var samples: [String]
    public var metadata: Metadata

    public struct Metadata: Sendable, Equatable {
        public var provider: String
        /// The model that answered, as the provider reported it (or as requested).
        public var model: String?
        /// The request parameters sent (temperature, max_tokens, …), without messages.
        public var parameters: JSONObject
        /// ISO 8601, UTC.
        public var recordedAt: String
        public var usage: [Usage]
        public var latencySeconds: [Double]
        public var finishReasons: [String?]

        public init(
            provider: String, model: String?, parameters: JSONObject, recordedAt: String = Metadata.now(),
            usage: [Usage] = [], latencySeconds: [Double] = [], finishReasons: [String?] = []
        ) {
            self.provider = provider
            self.model = model
            self.parameters = parameters
            self.recordedAt = recordedAt
            self.usage = usage
            self.latencySeconds = latencySeconds
            self.finishReasons = finishReasons
        }

        public static func now() -> String {
            let formatter = ISO8601DateFormatter()
            formatter.formatOptions = [.withInternetDateTime]
            return formatter.string(from: Date())
        }
    }

    public init(samples: [String], metadata: Metadata) {
        self.samples = samples
        self.metadata = metadata
    }

    /// A snapshot of the given completions of one request.
    public init(provider: String, request: ChatRequest, completions: [Completion]) {
        self.init(
            samples: completions.map(\.text),
            metadata: Metadata(
                provider: provider, model: completions.first?.model ?? request.model,
                parameters: request.parameters, usage: completions.compactMap(\.usage),
                latencySeconds: completions.map { ($0.latency * 1000).rounded() / 1000 },
                finishReasons: completions.map(\.finishReason)
            )
        )
    }
}

extension Snapshot.Metadata {
    var json: JSONValue {
        .object(JSONObject([
            ("provider", .string(provider)),
            ("model", model.map(JSONValue.string) ?? .null),
            ("recordedAt", .string(recordedAt)),
            ("parameters", .object(parameters)),
            ("usage", .array(usage.map { ["promptTokens": .number(Double($0.promptTokens)), "completionTokens": .number(Double($0.completionTokens))] })),
            ("latencySeconds", .array(latencySeconds.map(JSONValue.number))),
            ("finishReasons", .array(finishReasons.map { $0.map(JSONValue.string) ?? .null })),
        ]))
    }

    init(json: JSONValue) {
        provider = json["provider"]?.stringValue ?? ""
        model = json["model"]?.stringValue
        recordedAt = json["recordedAt"]?.stringValue ?? ""
        parameters = json["parameters"]?.objectValue ?? JSONObject()
        usage = (json["usage"]?.arrayValue ?? []).compactMap { entry in
            guard let p = entry["promptTokens"]?.intValue, let c = entry["completionTokens"]?.intValue else { return nil }
            return Usage(promptTokens: p, completionTokens: c)
        }
        latencySeconds = (json["latencySeconds"]?.arrayValue ?? []).compactMap(\.numberValue)
        finishReasons = (json["finishReasons"]?.arrayValue ?? []).map(\.stringValue)
    }
}
