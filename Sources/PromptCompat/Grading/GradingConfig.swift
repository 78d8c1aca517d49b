import Foundation

/// The suite config's `grading` section: which configured providers serve the LLM judge and the
/// embeddings, and where answers are cached. Provider names refer to entries of `providers` in the same
/// file, so keys, base URLs and profiles come from there.
///
/// ```json
/// "grading": {
///   "judge": { "provider": "local-smollm", "language": "zh" },
///   "embeddings": { "provider": "local-embed", "model": "smollm2-135m-embed" },
///   "cache": ".promptcompat/grading-cache"
/// }
/// ```
///
/// See `docs/grading.md`.
public struct GradingConfig: Sendable, Equatable {
    /// `grading.judge`: the chat model that grades answers.
    public struct Judge: Sendable, Equatable {
        /// A provider name from the suite config's `providers`.
        public var provider: String
        /// The model to ask; the provider's `model` when `nil`.
        public var model: String?
        /// The language of the judge's instructions; chosen per call from the task text when `nil`.
        public var language: JudgeLanguage?

        public init(provider: String, model: String? = nil, language: JudgeLanguage? = nil) {
            self.provider = provider
            self.model = model
            self.language = language
        }
    }

    /// `grading.embeddings`: the model behind `/embeddings`.
    public struct Embeddings: Sendable, Equatable {
        /// A provider name from the suite config's `providers`.
        public var provider: String
        /// The model to ask; the provider's `model` when `nil`.
        public var model: String?

        public init(provider: String, model: String? = nil) {
            self.provider = provider
            self.model = model
        }
    }

    public var judge: Judge?
    public var embeddings: Embeddings?
    /// Where cached answers live: relative to the library root unless absolute.
    public var cache: String

    /// `.promptcompat/grading-cache`, inside the library root.
    public static let defaultCache = ".promptcompat/grading-cache"

    public init(judge: Judge? = nil, embeddings: Embeddings? = nil, cache: String = GradingConfig.defaultCache) {
        self.judge = judge
        self.embeddings = embeddings
        self.cache = cache
    }

    /// The cache folder for a library at `libraryRoot`.
    ///
    /// ```swift
    /// GradingConfig().cacheDirectory(libraryRoot: URL(fileURLWithPath: "prompts"))   // prompts/.promptcompat/grading-cache
    /// ```
    public func cacheDirectory(libraryRoot: URL) -> URL {
        cache.hasPrefix("/") ? URL(fileURLWithPath: cache, isDirectory: true)
            : libraryRoot.appendingPathComponent(cache, isDirectory: true)
    }
}
