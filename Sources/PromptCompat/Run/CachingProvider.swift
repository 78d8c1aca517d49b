import Foundation

/// A ``Provider`` that answers from a ``ResponseCache`` before it asks the provider it wraps: a re-run
/// after editing one prompt only calls for that prompt's cases, and `offline` runs a whole library from
/// a cache a CI job restored, failing (`not-cached`) instead of calling out.
///
/// Only answers are stored; failures are not, so a rate limit or a safety block is asked again.
///
/// ```swift
/// let provider = CachingProvider(wrapping: client, baseURL: config.baseURL,
///                                cache: ResponseCache(directory: cacheFolder), mode: .use)
/// _ = try await provider.complete(request)   // calls the client, stores the answer
/// _ = try await provider.complete(request)   // a second sample: calls again (occurrence 1)
/// await provider.statistics                  // (hits: 0, calls: 2)
/// ```
public final class CachingProvider: Provider {
    public let base: any Provider
    public let cache: ResponseCache
    public let mode: ResponseCache.Mode
    let baseURL: URL
    private let counter = CacheCounter()

    public var name: String { base.name }

    public init(wrapping base: any Provider, baseURL: URL, cache: ResponseCache, mode: ResponseCache.Mode) {
        self.base = base
        self.baseURL = baseURL
        self.cache = cache
        self.mode = mode
    }

    /// How many answers came from the cache, and how many times the provider was asked (answered or not), so far.
    public var statistics: (hits: Int, calls: Int) {
        get async { await counter.statistics }
    }

    public func complete(_ request: ChatRequest) async throws(ProviderFailure) -> Completion {
        let base = ResponseCache.key(baseURL: baseURL, request: request, occurrence: 0)
        let occurrence = await counter.nextOccurrence(of: base)
        let key = occurrence == 0 ? base : ResponseCache.key(baseURL: baseURL, request: request, occurrence: occurrence)
        if mode != .refresh, let cached = cache.completion(for: key) {
            await counter.hit()
            return cached
        }
        if mode == .offline {
            throw ProviderFailure(.notCached, "offline: no cached answer for this request (\(String(key.prefix(12))) in \(PromptLibrary.displayPath(cache.directory))); run once without --offline to fill the cache")
        }
        await counter.call()  // counted before the answer: a call that fails or times out is a call too
        let completion = try await self.base.complete(request)
        cache.store(completion, for: key)
        return completion
    }
}

/// Occurrences of each request in this run, and the hit/call counts.
actor CacheCounter {
    private var occurrences: [String: Int] = [:]
    private var hits = 0
    private var calls = 0

    func nextOccurrence(of key: String) -> Int {
        let occurrence = occurrences[key, default: 0]
        occurrences[key] = occurrence + 1
        return occurrence
    }

    func hit() { hits += 1 }
    func call() { calls += 1 }
    var statistics: (hits: Int, calls: Int) { (hits, calls) }
}
