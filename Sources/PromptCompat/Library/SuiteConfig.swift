import Foundation

/// The suite config, `prompts/promptcompat.json`: which provider is the baseline, every provider the
/// library can run against, and the defaults. See `docs/prompt-format.md`.
public struct SuiteConfig: Sendable {
    /// The provider whose accepted outputs are the reference.
    public var baseline: String
    /// Every provider, in the order the file lists them.
    public var providers: [ProviderConfig]
    /// Baseline samples to record per case (a prompt's `samples` wins).
    public var samples: Int
    public var defaults: Defaults
    /// The `grading` section: the judge and embedding providers and their cache (``GradingConfig``).
    public var grading: GradingConfig? = nil

    public struct Defaults: Sendable, Equatable {
        /// The similarity bar when a prompt's `expect` sets none. Low on purpose: the built-in checks
        /// (``SubstituteCheck``) catch the concrete breaks — a switched language, a dropped number, JSON in
        /// prose — and the bar catches answers to another question. 0.25 is the best F1 on the dev half of
        /// the labeled pairs in `eval/` (`scripts/eval`); a bar of 0.5 flagged 12 of 58 acceptable paraphrases.
        public var similarity: Double = 0.25
        public var timeoutSeconds: Double = 60
        /// Requests in flight per target.
        public var concurrency: Int = 2
        /// Retries of rate limits, server errors, network faults and timeouts (`defaults.retries`).
        public var retry = RetryPolicy()
        /// The most bytes of one response body a client reads before the call fails as `malformed-response`
        /// (`defaults.maxResponseBytes`; 8 MiB).
        public var maxResponseBytes = OpenAICompatibleClient.defaultMaxResponseBytes
        public init() {}
    }

    /// The provider called `name`, if the config declares it.
    public func provider(named name: String) -> ProviderConfig? {
        providers.first { $0.name == name }
    }

    /// The file name of the suite config inside a library folder.
    public static let fileName = "promptcompat.json"
}

/// One provider of the suite config: where it is, which profile's rules apply, which model to call.
public struct ProviderConfig: Sendable, Equatable {
    public var name: String
    /// The ``ProviderProfile`` id (`llama-cpp`, `dashscope`, `zhipu`, …).
    public var profile: String
    /// Up to and including `/v1` (or the provider's equivalent).
    public var baseURL: URL
    /// The model called when a prompt's `model` has no entry in ``models``.
    public var model: String
    /// Maps a prompt's `model` (`gpt-4o`) to this provider's model (`qwen-plus`).
    public var models: [String: String]
    /// The environment variable holding the API key; `nil` for a server that needs none.
    public var apiKeyEnv: String?
    /// Ask for SSE streaming (`"stream": true`), as a product that streams does.
    public var stream: Bool = false
    /// Fail a request the provider's rules would change, instead of adapting it (``RequestAdapter``).
    public var strict: Bool = false
    /// Client-side requests and tokens per minute (``RateLimiter``); `nil` for no limit.
    public var rateLimit: RateLimit?
    /// Requests in flight to this provider when it is the target; `nil` for the suite's
    /// `defaults.concurrency`. A local server that answers one request at a time wants 1, a hosted API 16.
    public var concurrency: Int?
    /// The profile's rules with the suite config's `profileOverrides` applied.
    public var resolvedProfile: ProviderProfile

    public init(
        name: String, profile: String = "openai-compatible", baseURL: URL, model: String,
        models: [String: String] = [:], apiKeyEnv: String? = nil
    ) {
        self.name = name
        self.profile = profile
        resolvedProfile = ProviderProfile.named(profile) ?? ProviderProfile.named("openai-compatible")!
        self.baseURL = baseURL
        self.model = model
        self.models = models
        self.apiKeyEnv = apiKeyEnv
    }

    /// The model this provider is asked for when a prompt names `promptModel`.
    public func model(for promptModel: String?) -> String {
        promptModel.flatMap { models[$0] } ?? model
    }
}
