import Foundation

/// Model answers on disk, keyed by the request exactly as it is sent (after overrides, model mapping and
/// adaptation) and the provider's base URL, so a re-run asks a provider only what changed: edit one
/// prompt, and only its cases call out. Never holds an API key or a header.
///
/// The `n`-th call with the same request in a run is its own entry (`key`, `key-1`, `key-2` …), so the
/// samples of a case (`samples: 3`) stay three different answers on a re-run.
///
/// ```swift
/// let cache = ResponseCache(directory: URL(fileURLWithPath: ".promptcompat/cache"))
/// let key = ResponseCache.key(baseURL: config.baseURL, request: request, occurrence: 0)
/// cache.store(completion, for: key)
/// cache.completion(for: key)?.text
/// ```
public struct ResponseCache: Sendable {
    /// Whether a run reads the cache, calls on a miss, or never calls.
    public enum Mode: String, Sendable, CaseIterable {
        /// Answer from the cache; call the provider on a miss and store its answer.
        case use
        /// Always call the provider, and store the new answers over the old.
        case refresh
        /// Never call: a miss is a `not-cached` failure.
        case offline
    }

    let storage: DiskCache

    public var directory: URL { storage.directory }

    public init(directory: URL) {
        storage = DiskCache(directory: directory)
    }

    /// The cache `promptcompat run` and `swift test` share by default: `.promptcompat/cache` beside the
    /// prompts folder.
    public static func beside(prompts: URL) -> ResponseCache {
        ResponseCache(directory: prompts.deletingLastPathComponent().appendingPathComponent(".promptcompat/cache"))
    }

    /// Bumped when the meaning of an entry changes, so old entries stop matching.
    static let version = "promptcompat-response-v1"

    /// The key of the `occurrence`-th call (0-based) with `request` in a run.
    public static func key(baseURL: URL, request: ChatRequest, occurrence: Int) -> String {
        let key = DiskCache.key(version, baseURL.absoluteString, request.body().serialized())
        return occurrence == 0 ? key : "\(key)-\(occurrence)"
    }

    public func completion(for key: String) -> Completion? {
        guard let entry = storage.entry(for: key), let text = entry["text"]?.stringValue else { return nil }
        var completion = Completion(
            text: text, finishReason: entry["finishReason"]?.stringValue, model: entry["model"]?.stringValue,
            usage: entry["usage"].flatMap { usage in
                guard let prompt = usage["prompt"]?.intValue, let completion = usage["completion"]?.intValue else { return nil }
                return Usage(promptTokens: prompt, completionTokens: completion)
            },
            latency: entry["latencySeconds"]?.numberValue ?? 0
        )
        completion.reasoning = entry["reasoning"]?.stringValue
        return completion
    }

    @discardableResult
    public func store(_ completion: Completion, for key: String) -> Bool {
        var entry = JSONObject([("text", .string(completion.text)), ("latencySeconds", .number(completion.latency))])
        entry["finishReason"] = completion.finishReason.map(JSONValue.string) ?? .null
        entry["model"] = completion.model.map(JSONValue.string) ?? .null
        if let usage = completion.usage {
            entry["usage"] = ["prompt": .number(Double(usage.promptTokens)), "completion": .number(Double(usage.completionTokens))]
        }
        if let reasoning = completion.reasoning { entry["reasoning"] = .string(reasoning) }
        return storage.store(entry, for: key)
    }
}
