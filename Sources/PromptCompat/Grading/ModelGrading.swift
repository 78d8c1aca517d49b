import Foundation

/// The model-graded checks of a suite: the LLM judge and embedding similarity configured in the suite
/// config's `grading` section (``GradingConfig``), on any of its OpenAI-compatible providers, cached
/// under the library root.
///
/// ```swift
/// let grading = try ModelGrading(library: library)
/// let verdict = try await grading.judge(task: "把退款政策告诉客户", reference: accepted, candidate: answer)
/// let similar = try await grading.semanticSimilarity(accepted, answer)   // 0…1
/// ```
public struct ModelGrading: Sendable {
    /// `nil` when the config has no `grading.judge`.
    public let judge: LLMJudge?
    /// `nil` when the config has no `grading.embeddings`.
    public let embeddings: EmbeddingSimilarity?
    /// Where verdicts and embeddings are cached.
    public let cache: GradingCache

    /// Builds the graders the config names, with the suite's timeout and retry policy.
    ///
    /// - Throws: ``GradingSetupError`` when a grader's provider is not declared, or its API key variable is
    ///   unset or empty (checked here, before any request, naming the variable).
    public init(
        config: SuiteConfig, libraryRoot: URL, environment: [String: String] = ProcessInfo.processInfo.environment
    ) throws(GradingSetupError) {
        let grading = config.grading ?? GradingConfig()
        cache = GradingCache(directory: grading.cacheDirectory(libraryRoot: libraryRoot))
        let defaults = config.defaults
        if let settings = grading.judge {
            let provider = try Self.provider(settings.provider, for: "judge", in: config, environment: environment)
            judge = LLMJudge(
                config: provider, model: settings.model, language: settings.language, cache: cache,
                timeout: defaults.timeoutSeconds, retry: defaults.retry, environment: environment
            )
        } else {
            judge = nil
        }
        if let settings = grading.embeddings {
            let provider = try Self.provider(settings.provider, for: "embeddings", in: config, environment: environment)
            embeddings = EmbeddingSimilarity(
                config: provider, model: settings.model, cache: cache,
                timeout: defaults.timeoutSeconds, retry: defaults.retry, environment: environment
            )
        } else {
            embeddings = nil
        }
    }

    /// The graders of a loaded library; the cache lives under `library.root`.
    public init(library: PromptLibrary, environment: [String: String] = ProcessInfo.processInfo.environment) throws(GradingSetupError) {
        try self.init(config: library.config, libraryRoot: library.root, environment: environment)
    }

    /// The judge's verdict on `candidate`: against `rubric` when one is given (the reference shown for
    /// context), else whether `candidate` is an acceptable substitute for `reference`.
    ///
    /// - Throws: ``ProviderFailure``; ``ProviderFailure/Cause/unsupported(parameter:)`` `"grading.judge"`
    ///   when the suite config has no judge.
    public func judge(task: String, reference: String, candidate: String, rubric: String? = nil) async throws(ProviderFailure) -> JudgeVerdict {
        guard let judge else { throw Self.notConfigured("judge") }
        let mode: JudgeMode = rubric.map { .rubric($0, reference: reference) } ?? .pairwise(reference: reference)
        return try await judge.verdict(mode, task: task, candidate: candidate)
    }

    /// `max(0, cosine)` of the two texts' embeddings, 0…1.
    ///
    /// - Throws: ``ProviderFailure``; ``ProviderFailure/Cause/unsupported(parameter:)`` `"grading.embeddings"`
    ///   when the suite config has no embeddings provider.
    public func semanticSimilarity(_ a: String, _ b: String) async throws(ProviderFailure) -> Double {
        guard let embeddings else { throw Self.notConfigured("embeddings") }
        return try await embeddings.similarity(a, b)
    }

    private static func notConfigured(_ grader: String) -> ProviderFailure {
        ProviderFailure(.unsupported(parameter: "grading.\(grader)"), "the suite config has no grading.\(grader): add \"grading\": {\"\(grader)\": {\"provider\": \"<one of providers>\"}} (docs/grading.md)")
    }

    private static func provider(
        _ name: String, for grader: String, in config: SuiteConfig, environment: [String: String]
    ) throws(GradingSetupError) -> ProviderConfig {
        guard let provider = config.provider(named: name) else {
            throw .unknownProvider(grader: grader, name: name, declared: config.providers.map(\.name))
        }
        if let variable = provider.apiKeyEnv, (environment[variable] ?? "").isEmpty {
            throw .missingKey(grader: grader, provider: name, variable: variable)
        }
        return provider
    }
}
