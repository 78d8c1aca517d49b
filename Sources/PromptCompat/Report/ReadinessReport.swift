import Foundation

/// Whether a prompt survives the move to the target.
public enum PromptStatus: String, Sendable, CaseIterable {
    /// Every case passes.
    case ready
    /// Some case drifted or failed an assertion: re-tune the prompt for this target (an override).
    case retune = "re-tune"
    /// The provider refused a case (safety block, rejected parameter, context too long).
    case blocked
    /// The run could not judge every case (network error, missing snapshot, just recorded).
    case incomplete
    /// No accepted answer to compare with (a prompt whose logged answer was lost with the old
    /// provider), but the cases' `expect` assertions hold: a weaker pass than ready, said as such.
    case assertionsOnly = "assertions-only"
}

/// The verdict on one prompt: its status, why, and what to change.
public struct PromptReadiness: Sendable {
    public var promptID: String
    public var description: String?
    public var tags: [String]
    public var status: PromptStatus
    /// The reasons of the cases that did not pass, each prefixed with its case name.
    public var reasons: [String]
    /// What to change, for re-tune and blocked prompts.
    public var hint: String?
    /// The override used for this target, if any.
    public var overrideNote: String?
    /// The prompt file's `weight` (its traffic), when it gives one.
    public var weight: Double?
    public var cases: [CaseResult]

    /// Derives a prompt's status from its cases: blocked beats incomplete beats re-tune beats ready.
    public init(prompt: Prompt?, promptID: String, cases: [CaseResult]) {
        self.promptID = promptID
        description = prompt?.description
        tags = prompt?.tags ?? []
        weight = prompt?.weight
        self.cases = cases
        overrideNote = cases.first?.overrideNote
        let verdicts = Set(cases.map(\.verdict))
        status = if verdicts.contains(.blocked) { .blocked }
            else if !verdicts.isDisjoint(with: [.error, .missingSnapshot, .recorded]) || cases.isEmpty { .incomplete }
            else if !verdicts.isDisjoint(with: [.drift, .failed]) { .retune }
            else if cases.contains(where: \.assertionsOnly) { .assertionsOnly }
            else { .ready }
        reasons = cases.filter { !$0.verdict.isPass }.flatMap { result in result.reasons.map { "\(result.caseName): \($0)" } }
        hint = status == .retune || status == .blocked ? VerdictReasons.hint(for: reasons) : nil
    }
}

/// The migration-readiness report of one target: per prompt ready / re-tune / blocked, readiness %,
/// token use and latency against the baseline.
///
/// ```swift
/// let report = ReadinessReport(library: library, target: "local-gemma", results: results)
/// print(report.markdown())
/// ```
public struct ReadinessReport: Sendable {
    public var target: String
    public var baseline: String
    public var generatedAt: String
    public var prompts: [PromptReadiness]
    public var recordPolicy: String?
    /// The target's profile (with the suite config's overrides), for prices.
    public var targetProfile: ProviderProfile?
    /// What changed since the target's previous run (``recordHistory(in:model:)``); `nil` when not looked up.
    public var sinceLastRun: HistoryChange? = nil
    /// The `--filter` that selected the cases, when the run was not the whole library: every format says
    /// so, so a one-prompt "100% ready" is never read as the suite's readiness.
    public var filter: String? = nil
    /// Set when the run was interrupted: the report holds what finished, the rest marked not run.
    public var interrupted = false

    /// What the reader must know to read the figures: `filtered: only cases matching "support/" — not the
    /// suite's readiness`, an interrupted run, cases compared with the target's own answers; `nil` when none.
    public var scopeNote: String? {
        var notes: [String] = []
        if let filter { notes.append("filtered: only cases matching \"\(filter)\" — not the suite's readiness") }
        if interrupted { notes.append("interrupted: the cases that did not finish count as not run") }
        let ownReference = cases.filter { $0.referenceProvider == target && target != baseline }.count
        if ownReference > 0 {
            notes.append("\(ownReference) case\(ownReference == 1 ? " is" : "s are") compared with \(target)'s own accepted answers (recorded with --record all), not \(baseline)'s")
        }
        return notes.isEmpty ? nil : notes.joined(separator: "; ")
    }

    public init(library: PromptLibrary, target: String, results: [CaseResult], recordPolicy: String? = nil) {
        self.target = target
        baseline = library.config.baseline
        generatedAt = Snapshot.Metadata.now()
        self.recordPolicy = recordPolicy
        targetProfile = library.config.provider(named: target)?.resolvedProfile
        var order: [String] = []
        var byPrompt: [String: [CaseResult]] = [:]
        for result in results {
            if byPrompt[result.promptID] == nil { order.append(result.promptID) }
            byPrompt[result.promptID, default: []].append(result)
        }
        prompts = order.map { PromptReadiness(prompt: library.prompt(id: $0), promptID: $0, cases: byPrompt[$0]!) }
    }

    public var cases: [CaseResult] { prompts.flatMap(\.cases) }

    public func count(_ status: PromptStatus) -> Int { prompts.filter { $0.status == status }.count }
    public func count(_ verdict: CaseVerdict) -> Int { cases.filter { $0.verdict == verdict }.count }

    /// Prompts none of whose cases ran (an interrupted run stopped first): in no share of the report.
    public var promptsNotRun: Int { prompts.filter { $0.cases.allSatisfy(\.notRun) && !$0.cases.isEmpty }.count }

    /// Ready prompts as a share of the prompts that ran, 0…1.
    public var readiness: Double {
        let ran = prompts.count - promptsNotRun
        return ran == 0 ? 0 : Double(count(.ready)) / Double(ran)
    }

    /// Everything is ready: the exit code is 0.
    public var allReady: Bool { !prompts.isEmpty && prompts.allSatisfy { $0.status == .ready } }

    /// Prompt and completion tokens the target used in this run.
    public var tokens: (prompt: Int, completion: Int) {
        cases.compactMap(\.completion?.usage).reduce((0, 0)) { ($0.0 + $1.promptTokens, $0.1 + $1.completionTokens) }
    }

    /// What this run cost on the target in CNY, from each case's usage and the profile's price for its
    /// model; `nil` when no answered case has a known price.
    public var costCNY: Double? {
        var total = 0.0
        var priced = false
        for result in cases {
            guard let usage = result.completion?.usage, let model = result.request?.model,
                  let price = targetProfile?.model(named: model), let input = price.inputPrice, let output = price.outputPrice else { continue }
            total += (Double(usage.promptTokens) * input + Double(usage.completionTokens) * output) / 1_000_000
            priced = true
        }
        return priced ? total : nil
    }

    /// ``costCNY`` scaled to 1,000 calls of a case of this library.
    public var costPer1000CallsCNY: Double? {
        let answered = cases.filter { $0.completion?.usage != nil }.count
        return costCNY.flatMap { answered > 0 ? $0 / Double(answered) * 1000 : nil }
    }

    /// p50 and p95 of the target's latency in this run, in seconds.
    public var targetLatency: (p50: Double, p95: Double)? { Self.percentiles(cases.compactMap(\.completion?.latency)) }

    /// p50 and p95 of the reference snapshots' recorded latency, in seconds.
    public var referenceLatency: (p50: Double, p95: Double)? { Self.percentiles(cases.compactMap(\.referenceLatency)) }

    static func percentiles(_ values: [Double]) -> (p50: Double, p95: Double)? {
        guard !values.isEmpty else { return nil }
        let sorted = values.sorted()
        func at(_ q: Double) -> Double { sorted[min(sorted.count - 1, Int((q * Double(sorted.count - 1)).rounded()))] }
        return (at(0.5), at(0.95))
    }
}
