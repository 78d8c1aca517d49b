import Foundation

extension ReadinessReport {
    /// Each distinct change made to requests, in the order first met, with how many cases it touched —
    /// the "Adaptations applied" list of report.md and report.html. Only requests that were sent count:
    /// a case without a snapshot to compare with, or one the run never reached, applied nothing.
    public var adaptationCounts: [(change: String, cases: Int)] {
        var counts: [String: Int] = [:]
        var order: [String] = []
        for change in cases.filter(\.wasSent).flatMap(\.adaptations) {
            if counts[change] == nil { order.append(change) }
            counts[change, default: 0] += 1
        }
        return order.map { ($0, counts[$0]!) }
    }

    /// The retries the run made: how many calls were retried, in how many cases, and after what
    /// (`("503", 3)`), most frequent first — the "retries" row of report.md and report.json's summary.
    public var retrySummary: (retries: Int, cases: Int, after: [(cause: String, count: Int)]) {
        let retried = cases.filter { !$0.retriedAfter.isEmpty }
        var counts: [String: Int] = [:]
        for cause in retried.flatMap(\.retriedAfter) { counts[cause, default: 0] += 1 }
        let after = counts.sorted { ($0.value, $1.key) > ($1.value, $0.key) }.map { (cause: $0.key, count: $0.value) }
        return (retried.reduce(0) { $0 + $1.retriedAfter.count }, retried.count, after)
    }

    /// The prompts to re-tune, in the order to work on them: by traffic (`weight`) when the prompt files
    /// give one, then by how many of their cases did not pass, then by id.
    public var retuneFirst: [PromptReadiness] {
        prompts.filter { $0.status == .retune }.sorted { a, b in
            let (wa, wb) = (a.weight ?? 0, b.weight ?? 0)
            if wa != wb { return wa > wb }
            let (fa, fb) = (a.cases.filter { !$0.verdict.isPass }.count, b.cases.filter { !$0.verdict.isPass }.count)
            if fa != fb { return fa > fb }
            return a.promptID < b.promptID
        }
    }

    /// What made the cases that did not pass fail, by kind — a built-in check (`facts`, `format`, …), an
    /// assertion, the similarity bar, a model grade or a failure cause (`truncated`, `safety-blocked`) —
    /// with how many cases each touched, most first.
    public var reasonKinds: [(kind: String, cases: Int)] {
        var counts: [String: Int] = [:]
        for result in cases where !result.verdict.isPass {
            var kinds = Set(result.comparison?.findings.map(\.check) ?? [])
            if let failure = result.failure { kinds.insert(failure.causeName) }
            if result.comparison?.assertionFailures.isEmpty == false { kinds.insert("assertion") }
            if result.comparison.map({ !$0.similarityPassed }) == true { kinds.insert("similarity") }
            for grade in result.grades where !grade.passed { kinds.insert(grade.check.rawValue) }
            if kinds.isEmpty { kinds.insert(result.verdict.rawValue) }
            for kind in kinds { counts[kind, default: 0] += 1 }
        }
        return counts.map { (kind: $0.key, cases: $0.value) }.sorted { $0.cases != $1.cases ? $0.cases > $1.cases : $0.kind < $1.kind }
    }
}
