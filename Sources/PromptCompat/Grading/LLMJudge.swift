import Foundation

/// Asks a chat model of any OpenAI-compatible provider to grade an answer 0–10, against a rubric or as a
/// substitute for an accepted answer, and caches each verdict on disk.
///
/// ```swift
/// let judge = LLMJudge(config: library.config.provider(named: "qwen")!, cache: GradingCache(directory: folder))
/// let verdict = try await judge.verdict(.pairwise(reference: accepted), task: "把退款政策告诉客户", candidate: answer)
/// verdict.score   // 0…1
/// ```
///
/// The request: the ``JudgeTemplates`` messages in the configured language (else the task's), temperature
/// 0, `max_tokens` ``maxTokens``, and `response_format: {"type": "json_object"}` unless the provider's
/// profile lists `response_format` as unsupported (on llama.cpp with the verdict's schema, see
/// ``schemaProfiles``); then adapted to the profile like any request
/// (``RequestAdapter``: e.g. temperature 0 → 0.01 on Zhipu).
public final class LLMJudge: Sendable {
    /// The provider the judge runs on.
    public let config: ProviderConfig
    /// The model asked: the configured one, else the provider's `model`.
    public let model: String
    /// The instruction language; `nil`: chosen per call with ``JudgeLanguage/detect(in:)`` on the task.
    public let language: JudgeLanguage?
    let provider: any Provider
    let cache: GradingCache?

    /// The judge's answer budget: enough for a score and one sentence.
    public static let maxTokens = 120

    /// - Parameters:
    ///   - cache: where verdicts are kept; `nil` asks every time.
    ///   - retry: retries of rate limits, server errors, network faults and timeouts.
    ///   - environment: where the provider's API key is looked up.
    public init(
        config: ProviderConfig, model: String? = nil, language: JudgeLanguage? = nil, cache: GradingCache?,
        timeout: Double = 60, retry: RetryPolicy = RetryPolicy(),
        environment: [String: String] = ProcessInfo.processInfo.environment
    ) {
        self.config = config
        self.model = model ?? config.model
        self.language = language
        self.cache = cache
        let client = OpenAICompatibleClient(config: config, timeout: timeout, streaming: false, environment: environment)
        provider = RetryingProvider(wrapping: client, policy: retry)
    }

    /// Whether the request asks for JSON mode: unless the profile says `response_format` is unsupported.
    public var usesJSONMode: Bool {
        !config.resolvedProfile.unsupportedParameters.contains("response_format")
    }

    /// Profiles whose servers constrain a JSON-mode reply to a schema given inside `response_format`
    /// (`{"type": "json_object", "schema": …}`: llama.cpp's server and llama-cpp-python turn it into a
    /// grammar). Elsewhere the schema is left out: providers differ on schema support, and plain JSON
    /// mode is what every OpenAI-compatible JSON mode accepts.
    public static let schemaProfiles: Set<String> = ["llama-cpp"]

    /// The verdict's shape: a score from 0 to 10 first, then a short reason (≤ 50 characters, so the
    /// reply fits ``maxTokens`` even in Chinese).
    public static let verdictSchema: JSONValue = [
        "type": "object",
        "properties": [
            "score": ["enum": .array((0...10).map { .number(Double($0)) })],
            "reason": ["type": "string", "maxLength": 50],
        ],
        "required": ["score", "reason"],
    ]

    /// `{"type": "json_object"}`, with ``verdictSchema`` for the ``schemaProfiles``.
    var responseFormat: JSONValue {
        var format = JSONObject([("type", "json_object")])
        if Self.schemaProfiles.contains(config.profile) { format["schema"] = Self.verdictSchema }
        return .object(format)
    }

    /// The request the judge sends for this question, adapted to the provider's profile.
    public func request(_ mode: JudgeMode, task: String, candidate: String) -> ChatRequest {
        let language = language ?? JudgeLanguage.detect(in: task)
        var parameters = JSONObject([("temperature", 0), ("max_tokens", .number(Double(Self.maxTokens)))])
        if usesJSONMode { parameters["response_format"] = responseFormat }
        let request = ChatRequest(
            model: model, messages: JudgeTemplates.messages(for: mode, task: task, candidate: candidate, language: language),
            parameters: parameters
        )
        return RequestAdapter.adapt(request, to: config.resolvedProfile).request
    }

    /// The judge's verdict: from the cache when this exact request was answered before (no HTTP call),
    /// else from the provider; a parseable verdict is then cached.
    ///
    /// - Throws: the provider's ``ProviderFailure``; ``ProviderFailure/Cause/malformedResponse`` with the
    ///   reply as evidence when the reply holds no `{"score": 0–10, …}` (such replies are not cached).
    public func verdict(_ mode: JudgeMode, task: String, candidate: String) async throws(ProviderFailure) -> JudgeVerdict {
        let request = request(mode, task: task, candidate: candidate)
        let key = GradingCache.key(baseURL: config.baseURL, body: request.body())
        if let entry = cache?.entry(for: key), let reply = entry["reply"]?.stringValue,
           var verdict = try? JudgeVerdict.parse(reply: reply, model: entry["model"]?.stringValue) {
            verdict.cached = true
            return verdict
        }
        let completion = try await provider.complete(request)
        let verdict = try JudgeVerdict.parse(reply: completion.text, model: completion.model, finishReason: completion.finishReason)
        var entry = JSONObject([("kind", "judge"), ("reply", .string(completion.text))])
        if let model = completion.model { entry["model"] = .string(model) }
        entry["request"] = request.body()
        cache?.store(entry, for: key)
        return verdict
    }
}
