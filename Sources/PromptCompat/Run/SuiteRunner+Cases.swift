import Foundation

extension SuiteRunner {
    /// Runs the given cases with the target's ``concurrency`` (at most that many requests in flight: the
    /// runner's limiter), reporting each result as it finishes; returns the results in the order of `cases`.
    /// A few more cases than that are under way (``comparingCases``: one a core), so while answers are compared
    /// the next requests are already out — a wave of answers arriving together no longer holds the provider
    /// idle for its comparisons.
    ///
    /// With an `interruption`: once it is raised no further case starts; the cases in flight (a case waiting for
    /// a request slot is one) finish, or —
    /// when the interruption cancels them — end early and are left out (they did not finish: a
    /// `--resume` runs them again). So the results are exactly the cases that finished.
    ///
    /// ```swift
    /// let cases = runner.selectedCases(filter: "support/")
    /// let results = await runner.run(cases, interruption: interruption) { result, finished, total in log.append(result) }
    /// ```
    public func run(
        _ cases: [(prompt: Prompt, promptCase: PromptCase)], interruption: RunInterruption? = nil,
        onResult: @Sendable (CaseResult, _ finished: Int, _ total: Int) -> Void = { _, _, _ in }
    ) async -> [CaseResult] {
        let limit = concurrency
        var results: [Int: CaseResult] = [:]
        await withTaskGroup(of: (Int, CaseResult).self) { group in
            var next = 0
            func startNext() {
                guard next < cases.count, interruption?.isStopping != true, !Task.isCancelled else { return }
                let index = next
                let (prompt, promptCase) = cases[index]
                group.addTask { (index, await self.run(prompt, promptCase)) }
                next += 1
            }
            for _ in 0..<(limit + Self.comparingCases) { startNext() }
            for await (index, result) in group {
                if Self.wasCutShort(result, by: interruption) { continue }
                results[index] = result
                onResult(result, results.count, cases.count)
                startNext()
            }
        }
        return cases.indices.compactMap { results[$0] }
    }

    /// Cases started beyond the requests in flight: as many as there are cores to compare answers on.
    static let comparingCases = max(1, ProcessInfo.processInfo.activeProcessorCount)

    /// A case that ended in an error after the interruption cancelled the cases in flight did not finish:
    /// its error is the cancellation, not the provider's answer.
    static func wasCutShort(_ result: CaseResult, by interruption: RunInterruption?) -> Bool {
        interruption?.isCancelled == true && result.verdict == .error
    }
}
