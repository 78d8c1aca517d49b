import Foundation

extension SuiteRunner {
    /// Runs every case of exactly one prompt (not every prompt whose id contains its id, as a
    /// ``CaseFilter`` text would), in file order. `promptcompat retune` calls this.
    ///
    /// ```swift
    /// let runner = try SuiteRunner(library: library, snapshots: snapshots, target: "qwen", record: .never)
    /// let results = await runner.run(prompt: library.prompt(id: "support/refund-reply")!)
    /// ```
    public func run(prompt: Prompt) async -> [CaseResult] {
        await withTaskGroup(of: (Int, CaseResult).self) { group in
            for (index, promptCase) in prompt.cases.enumerated() {
                group.addTask { (index, await self.run(prompt, promptCase)) }  // the limiter bounds requests in flight
            }
            var results: [Int: CaseResult] = [:]
            for await (index, result) in group { results[index] = result }
            return prompt.cases.indices.compactMap { results[$0] }
        }
    }

    /// Makes the answers of the passing `results` the target's own accepted snapshots, as `--record
    /// failed` records a case: in the target's folder, `samples` answers per case (the one that passed,
    /// then new ones). Nothing is written when `policy` says `never` (under CI, unless forced).
    ///
    /// ```swift
    /// let policy = try RecordPolicy.resolve(explicit: .failed, environment: ProcessInfo.processInfo.environment)
    /// let written = try await runner.accept(results, of: prompt, policy: policy)   // ["snapshots/qwen/support/refund-reply/late", …]
    /// ```
    ///
    /// - Returns: the snapshot folders written (relative to the current directory when inside it).
    public func accept(_ results: [CaseResult], of prompt: Prompt, policy: RecordPolicy) async throws -> [String] {
        guard policy.mode != .never else { return [] }
        var written: [String] = []
        for result in results where result.verdict == .pass {
            guard let request = result.request, let completion = result.completion else { continue }
            var completions = [completion]
            for _ in 1..<max(1, prompt.sampleCount(in: library.config)) {
                completions.append(try await limiter.run { () async throws(ProviderFailure) in try await provider.complete(request) })
            }
            let key = SnapshotKey(provider: target.name, promptID: prompt.id, caseName: result.caseName)
            try store.write(Snapshot(provider: target.name, request: request, completions: completions), for: key)
            written.append(PromptLibrary.displayPath(try store.directory(for: key)))
        }
        return written
    }
}
