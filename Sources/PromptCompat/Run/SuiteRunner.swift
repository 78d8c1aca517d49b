import Foundation

/// Runs a prompt library against one target: builds each case's request, calls the provider, compares
/// with the accepted snapshot, records snapshots as the record mode allows, and returns a verdict per
/// case. The `swift test` integration and the `promptcompat` CLI both call this; there is no second path.
///
/// ```swift
/// let library = try PromptLibrary.load(from: URL(fileURLWithPath: "prompts"))
/// let runner = try SuiteRunner(library: library, snapshots: URL(fileURLWithPath: "snapshots"), target: "local-gemma")
/// let results = await runner.run()
/// ```
public struct SuiteRunner: Sendable {
    public let library: PromptLibrary
    public let store: SnapshotStore
    public let target: ProviderConfig
    public let policy: RecordPolicy
    let provider: any Provider
    /// The cache in front of the provider, when the run has one (hits and calls: ``CachingProvider/statistics``).
    public let caching: CachingProvider?
    /// Bounds requests in flight to the suite's `concurrency`, however many callers there are.
    let limiter: ConcurrencyLimiter
    /// The judge and embedding graders, when a case of the library asks for one (`expect.judge`, `expect.semantic`).
    let grading: ModelGrading?
    /// The retry layer, when the runner built the client (its count of retries made, for the cache line).
    public let retrying: RetryingProvider?
    /// Told of each retry as it is decided, with the case's display name (the CLI prints
    /// `retrying support/refund-reply · late (attempt 2 of 7, after 503, in 0.8 s)`).
    public var onRetry: (@Sendable (_ caseName: String, RetryEvent) -> Void)?

    /// - Parameters:
    ///   - record: an explicit record mode (test trait or `--record`); `nil` uses `PROMPTCOMPAT_RECORD` or the default.
    ///   - cache: answers from and to a ``ResponseCache`` (``CachingProvider``); `nil` calls every time.
    ///   - makeProvider: builds the provider for the target; an ``OpenAICompatibleClient`` by default.
    ///
    /// The provider is layered: the client, retries (``RetryingProvider``), the target's `rateLimit`
    /// (``RateLimitedProvider``, so a retry waits its turn too), then the cache, so a cached answer
    /// neither waits nor counts against the limit.
    public init(
        library: PromptLibrary, snapshots: URL, target name: String, record: RecordMode? = nil,
        environment: [String: String] = ProcessInfo.processInfo.environment,
        cache: (cache: ResponseCache, mode: ResponseCache.Mode)? = nil,
        makeProvider: (@Sendable (ProviderConfig) -> any Provider)? = nil
    ) throws(RunSetupError) {
        guard let target = library.config.provider(named: name) else {
            throw RunSetupError("unknown target \"\(name)\"; the suite config declares: \(library.config.providers.map(\.name).joined(separator: ", "))" + Suggestion.didYouMean(name, among: library.config.providers.map(\.name)))
        }
        if let variable = target.apiKeyEnv, (environment[variable] ?? "").isEmpty {
            throw RunSetupError("target \"\(name)\" needs an API key: set the environment variable \(variable)")
        }
        do {
            policy = try RecordPolicy.resolve(explicit: record, environment: environment)
        } catch {
            throw RunSetupError(error.description)
        }
        self.library = library
        self.store = SnapshotStore(root: snapshots)
        // What a killed recording left is finished before anything is read: outside CI, where nothing is written.
        if !RecordPolicy.isCI(environment) { store.tidyInterruptedWrites() }
        self.target = target
        let timeout = library.config.defaults.timeoutSeconds
        let concurrency = Self.concurrency(of: target, library.config)
        let client = makeProvider?(target) ?? OpenAICompatibleClient(config: target, timeout: timeout, streaming: target.stream, environment: environment, maxResponseBytes: library.config.defaults.maxResponseBytes, connectionsPerHost: max(6, concurrency))
        retrying = makeProvider == nil ? RetryingProvider(wrapping: client, policy: library.config.defaults.retry) : nil
        var layered: any Provider = retrying ?? client
        if let limit = target.rateLimit { layered = RateLimitedProvider(wrapping: layered, limiter: RateLimiter(limit)) }
        caching = cache.map { CachingProvider(wrapping: layered, baseURL: target.baseURL, cache: $0.cache, mode: $0.mode) }
        provider = caching ?? layered
        limiter = ConcurrencyLimiter(limit: concurrency)
        let gradedCases = library.prompts.contains { $0.cases.contains { $0.expect.needsGrading } }
        do {
            grading = gradedCases ? try ModelGrading(library: library, environment: environment) : nil
        } catch {
            throw RunSetupError(error.description)
        }
    }

    /// Requests in flight to the target: its own `concurrency` in the suite config, else `defaults.concurrency`.
    public var concurrency: Int { Self.concurrency(of: target, library.config) }

    static func concurrency(of target: ProviderConfig, _ config: SuiteConfig) -> Int {
        max(1, target.concurrency ?? config.defaults.concurrency)
    }

    /// Every (prompt, case) pair of the library that `filter` selects (see ``CaseFilter``) and that falls
    /// in `shard` (see ``Shard``), in library order.
    public func selectedCases(filter: String? = nil, shard: Shard = .whole) -> [(prompt: Prompt, promptCase: PromptCase)] {
        let filter = CaseFilter(filter)
        return library.prompts.flatMap { prompt in prompt.cases.map { (prompt, $0) } }.filter { pair in
            filter.matches(promptID: pair.prompt.id, caseName: pair.promptCase.name)
                && shard.contains(promptID: pair.prompt.id, caseName: pair.promptCase.name)
        }
    }

    /// Runs the selected cases (of one `shard`, when given) with the suite's concurrency, reporting each result as it finishes.
    public func run(filter: String? = nil, shard: Shard = .whole, onResult: @Sendable (CaseResult, _ finished: Int, _ total: Int) -> Void = { _, _, _ in }) async -> [CaseResult] {
        await run(selectedCases(filter: filter, shard: shard), onResult: onResult)
    }

    /// Runs one case: call, compare, record as the policy allows.
    ///
    /// The reference is the target's own accepted snapshot, else the baseline's. Without either, only the
    /// baseline records its first snapshot (any mode but `never`); another target records only with
    /// `all`, so a migration target never silently becomes its own reference. Each retry a call took is
    /// told to ``onRetry`` as it happens and kept in the result (``CaseResult/retriedAfter``). The result's
    /// long texts are cut for the reports (``CaseResult/cappedForReports(limit:)``).
    public func run(_ prompt: Prompt, _ promptCase: PromptCase) async -> CaseResult {
        let name = "\(prompt.id) · \(promptCase.name)"
        let log = RetryLog { [onRetry] event in onRetry?(name, event) }
        var result = await RetryLog.$current.withValue(log) { await runCase(prompt, promptCase) }
        result.retriedAfter = log.events.map(\.after)
        return result.cappedForReports()
    }

    private func runCase(_ prompt: Prompt, _ promptCase: PromptCase) async -> CaseResult {
        var result = CaseResult(promptID: prompt.id, caseName: promptCase.name, target: target.name, verdict: .error, reasons: [])
        result.requests = 0
        result.overrideNote = prompt.overrides[target.name].map { $0.note ?? "override for \(target.name)" }
        do {
            let adapted = try prompt.adaptedRequest(for: promptCase, provider: target)
            let request = try adapt(adapted, into: &result)
            result.request = request
            let ownKey = SnapshotKey(provider: target.name, promptID: prompt.id, caseName: promptCase.name)
            let baselineKey = SnapshotKey(provider: library.config.baseline, promptID: prompt.id, caseName: promptCase.name)
            let samples = prompt.sampleCount(in: library.config)
            guard let (referenceKey, snapshot) = try store.load(ownKey).map({ (ownKey, $0) }) ?? store.load(baselineKey).map({ (baselineKey, $0) }) else {
                guard policy.mode == .all || (ownKey == baselineKey && policy.mode != .never) else {
                    guard promptCase.expect.hasAssertions else { return missingSnapshot(result, key: ownKey, baselineKey: baselineKey) }
                    let completion = try await complete(request, times: 1, counting: &result)[0]
                    judgeByAssertions(completion, expect: promptCase.expect, baselineKey: baselineKey, into: &result)
                    return result
                }
                let completions = try await complete(request, times: samples, counting: &result)
                result.completion = completions.first
                result.output = completions.first?.text
                try write(Snapshot(provider: target.name, request: request, completions: completions), key: ownKey, into: &result)
                return result
            }
            var completions = try await complete(request, times: policy.mode == .all ? samples : 1, counting: &result)
            result.referenceProvider = referenceKey.provider
            result.referenceLatency = snapshot.metadata.latencySeconds.first
            judge(completions[0], against: snapshot, referenceKey: referenceKey, expect: promptCase.expect, adaptations: adapted.adaptations, into: &result)
            await grade(prompt, promptCase, samples: snapshot.samples, into: &result)
            if policy.mode == .all || (policy.mode == .failed && !result.verdict.isPass) {
                completions += try await complete(request, times: samples - completions.count, counting: &result)
                try write(Snapshot(provider: target.name, request: request, completions: completions), key: ownKey, into: &result)
            }
        } catch let failure as ProviderFailure {
            result.failure = failure
            result.verdict = failure.blocksMigration ? .blocked : .error
            result.reasons = [failure.description]
        } catch {
            result.verdict = .error
            result.reasons = ["\(error)"]
        }
        return result
    }

    /// The request adapted to the target's rules, the changes kept with the result; in strict mode a
    /// request that would need a change fails as unsupported instead.
    private func adapt(_ adapted: AdaptedRequest, into result: inout CaseResult) throws(ProviderFailure) -> ChatRequest {
        result.adaptations = adapted.adaptations.map(\.change) + adapted.problems.map { "not adapted: \($0)" }
        let changes = adapted.adaptations.filter { $0.rule != "model" }
        if target.strict, !changes.isEmpty {
            let parameter = changes.first { $0.rule != "messages" }?.rule
            throw ProviderFailure(.unsupported(parameter: parameter), "strict mode: \(target.name) would need \(changes.map(\.change).joined(separator: "; "))")
        }
        return adapted.request
    }

    /// Compares one output with the accepted snapshot and sets the verdict and its reasons.
    /// A comparison that fails on an answer cut for length (and the accepted one was not) carries the
    /// classified truncation, first among the reasons, so its hint leads.
    private func judge(
        _ completion: Completion, against snapshot: Snapshot, referenceKey: SnapshotKey, expect: Expectations,
        adaptations: [Adaptation], into result: inout CaseResult
    ) {
        result.completion = completion
        result.output = completion.text
        let cost = CallCost(usage: completion.usage, model: result.request?.model ?? target.model, profile: target.resolvedProfile)
        let comparison = CaseComparison.compare(
            observed: ObservedOutput(completion, cost: cost), samples: snapshot.samples, expect: expect,
            defaultSimilarity: library.config.defaults.similarity,
            referenceName: "snapshots/\(referenceKey)", targetName: "\(target.name) output",
            instructions: result.request?.messages.map(\.content).joined(separator: "\n") ?? ""
        )
        result.comparison = comparison
        result.referenceOutput = comparison.closestSample.map { snapshot.samples[$0] }
        result.verdict = comparison.passed ? .pass : (comparison.assertionFailures.isEmpty ? .drift : .failed)
        result.reasons = VerdictReasons.reasons(for: comparison) + comparison.assertionNotes.map { "note: \($0)" }
        if let request = result.request, let cut = ProviderFailure.truncation(
            of: completion, request: request, adaptations: adaptations, referenceFinishReasons: snapshot.metadata.finishReasons
        ) {
            if comparison.passed {
                // Cut, and still like the accepted answer: said, so "ready" never hides a cut answer.
                result.reasons.append("note: \(cut.message); it passed the comparison all the same — read its end, or raise max_tokens")
            } else {
                result.failure = cut
                result.reasons.insert(cut.description, at: 0)
            }
        }
    }

    /// No accepted answer to compare with, but assertions to check: the verdict is theirs alone, said so.
    private func judgeByAssertions(_ completion: Completion, expect: Expectations, baselineKey: SnapshotKey, into result: inout CaseResult) {
        result.completion = completion
        result.output = completion.text
        result.assertionsOnly = true
        let cost = CallCost(usage: completion.usage, model: result.request?.model ?? target.model, profile: target.resolvedProfile)
        let failures = Assertions.failures(of: ObservedOutput(completion, cost: cost), against: expect)
        result.verdict = failures.isEmpty ? .pass : .failed
        let root = PromptLibrary.displayPath(store.root)
        result.reasons = failures + ["note: no accepted answer at \(root)/\(baselineKey): judged by its expect assertions alone; record the baseline (--record missing) or accept this target's answers (--record all) to compare"]
    }

    /// `times` answers to `request`, each request counted in `result.requests` before it is made.
    private func complete(_ request: ChatRequest, times: Int, counting result: inout CaseResult) async throws(ProviderFailure) -> [Completion] {
        var completions: [Completion] = []
        for _ in 0..<max(0, times) {
            result.requests = (result.requests ?? 0) + 1
            completions.append(try await limiter.run { () async throws(ProviderFailure) in try await provider.complete(request) })
        }
        return completions
    }

    /// No reference and nothing to record: says where the snapshot should be and what to type.
    private func missingSnapshot(_ result: CaseResult, key: SnapshotKey, baselineKey: SnapshotKey) -> CaseResult {
        var result = result
        result.verdict = .missingSnapshot
        let root = PromptLibrary.displayPath(store.root)
        if key == baselineKey {
            result.reasons = ["no accepted snapshot at \(root)/\(key) (\(policy.explanation)); record it with PROMPTCOMPAT_RECORD=missing or --record missing, outside CI — or, when \(key.provider) is gone, give the case expect assertions (contains, schema, …) to judge it by them alone"]
        } else {
            result.reasons = ["no accepted snapshot at \(root)/\(key) nor at \(root)/\(baselineKey): record the baseline first (promptcompat run --target \(baselineKey.provider) --record missing), or accept this target's outputs as they are with --record all, or give the case expect assertions (contains, schema, …) to judge it by them alone"]
        }
        return result
    }

    private func write(_ snapshot: Snapshot, key: SnapshotKey, into result: inout CaseResult) throws(SnapshotError) {
        try store.write(snapshot, for: key)
        let path = (try? store.directory(for: key)).map { PromptLibrary.displayPath($0) } ?? key.description
        result.verdict = .recorded
        result.recordedPath = path
        result.reasons.append("recorded \(snapshot.samples.count) sample\(snapshot.samples.count == 1 ? "" : "s") to \(path) (\(policy.explanation)); re-run to compare — a recorded snapshot is not a pass")
    }
}

/// A run that cannot start: unknown target, missing API key, bad record mode.
public struct RunSetupError: Error, Sendable, CustomStringConvertible {
    public var description: String
    public init(_ description: String) { self.description = description }
}
