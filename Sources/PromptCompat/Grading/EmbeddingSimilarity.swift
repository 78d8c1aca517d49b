import Foundation

/// Semantic similarity of two texts from an OpenAI-compatible `/embeddings` endpoint: `max(0, cosine)`
/// of their embeddings (see ``Embedding/similarity(to:)``), each embedding cached on disk.
///
/// ```swift
/// let embedder = EmbeddingSimilarity(config: library.config.provider(named: "local-embed")!, cache: cache)
/// let score = try await embedder.similarity("退款7个工作日内到账", "七个工作日内退款")   // 0…1
/// ```
///
/// Each text is cached on its own, under the key of the request that embeds it alone
/// (`{"model": …, "input": [text]}`), so an accepted answer compared with many candidates is embedded once.
/// Texts not in the cache are sent together in one request.
public final class EmbeddingSimilarity: Sendable {
    public let config: ProviderConfig
    /// The model asked: the configured one, else the provider's `model`.
    public let model: String
    let client: OpenAICompatibleClient
    let cache: GradingCache?
    let retry: RetryPolicy

    /// - Parameters:
    ///   - cache: where embeddings are kept; `nil` asks every time.
    ///   - retry: retries of rate limits, server errors, network faults and timeouts (no shared budget).
    public init(
        config: ProviderConfig, model: String? = nil, cache: GradingCache?, timeout: Double = 60,
        retry: RetryPolicy = RetryPolicy(), environment: [String: String] = ProcessInfo.processInfo.environment
    ) {
        self.config = config
        self.model = model ?? config.model
        self.cache = cache
        self.retry = retry
        client = OpenAICompatibleClient(config: config, timeout: timeout, streaming: false, environment: environment)
    }

    /// `max(0, cosine)` of the two texts' embeddings, 0…1.
    ///
    /// - Throws: the provider's ``ProviderFailure``; ``ProviderFailure/Cause/malformedResponse`` when the two
    ///   vectors differ in dimension or one is all zeros.
    public func similarity(_ a: String, _ b: String) async throws(ProviderFailure) -> Double {
        let pair = try await embeddings(of: [a, b])
        guard let similarity = pair[0].similarity(to: pair[1]) else {
            throw ProviderFailure(.malformedResponse, "the embeddings cannot be compared: dimensions \(pair[0].vector.count) and \(pair[1].vector.count), or a zero vector", evidence: "model \(model) at \(config.baseURL.absoluteString)")
        }
        return similarity
    }

    /// One embedding per text, from the cache where possible; the others in one request, then cached.
    public func embeddings(of texts: [String]) async throws(ProviderFailure) -> [Embedding] {
        var result = [Embedding?](repeating: nil, count: texts.count)
        let keys = texts.map { GradingCache.key(baseURL: config.baseURL, body: OpenAICompatibleClient.embeddingsBody(model: model, texts: [$0])) }
        for (index, key) in keys.enumerated() {
            result[index] = cache?.entry(for: key).flatMap { $0["embedding"] }.flatMap(Embedding.init(json:))
        }
        // Each distinct missing text once, in order of first appearance.
        var missing: [String] = []
        for (index, text) in texts.enumerated() where result[index] == nil && !missing.contains(text) { missing.append(text) }
        if !missing.isEmpty {
            let fetched = try await fetch(missing)
            for (text, embedding) in zip(missing, fetched) {
                let key = GradingCache.key(baseURL: config.baseURL, body: OpenAICompatibleClient.embeddingsBody(model: model, texts: [text]))
                cache?.store(JSONObject([("kind", "embedding"), ("model", .string(model)), ("embedding", .array(embedding.vector.map(JSONValue.number)))]), for: key)
                for index in texts.indices where texts[index] == text { result[index] = embedding }
            }
        }
        return result.compactMap { $0 }
    }

    /// The client's call, retried after retryable failures as ``RetryPolicy`` says.
    private func fetch(_ texts: [String]) async throws(ProviderFailure) -> [Embedding] {
        var attempt = 0
        while true {
            do {
                return try await client.embeddings(of: texts, model: model)
            } catch {
                attempt += 1
                guard RetryPolicy.isRetryable(error), attempt < retry.maxAttempts else { throw error }
                await RetryingProvider.taskSleep(retry.delay(beforeRetry: attempt - 1, after: error))
            }
        }
    }
}
