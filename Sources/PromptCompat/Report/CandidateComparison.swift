import Foundation

/// Several candidate providers side by side, from their readiness reports on one library: readiness,
/// quality drift, cost per 1,000 calls, latency, failures by cause, and which prompt breaks on which
/// provider. `promptcompat run` writes one to `reports/compare/` when it gets two or more `--target`s.
///
/// ```swift
/// let comparison = CandidateComparison(reports: [gemmaReport, qwenReport])
/// comparison.winner?.target                 // the most prompts ready; on a tie, the cheaper one
/// comparison.status(of: "classify/intent", on: "qwen")   // .blocked
/// try comparison.write(to: URL(fileURLWithPath: "reports/compare"))
/// ```
public struct CandidateComparison: Sendable {
    /// How often one failure cause occurred on a target (``ProviderFailure/causeName``).
    public struct CauseCount: Sendable, Equatable {
        public var cause: String
        public var count: Int
    }

    /// One target's column: its report and what the comparison reads from it.
    public struct Candidate: Sendable {
        public var report: ReadinessReport
        /// Cases that were compared with an accepted snapshot (they have a similarity score).
        public var comparedCases: Int
        /// The mean similarity score of the compared cases; `nil` when none was compared.
        public var meanScore: Double?
        /// Compared cases in which a built-in check found something (``CaseComparison/findings``).
        public var casesWithFindings: Int
        /// Failure causes of the target's cases, most frequent first (then by name).
        public var failures: [CauseCount]

        public var target: String { report.target }
        public var readiness: Double { report.readiness }
        /// ``ReadinessReport/costPer1000CallsCNY``: `nil` when no price is known.
        public var costPer1000CallsCNY: Double? { report.costPer1000CallsCNY }

        init(report: ReadinessReport) {
            self.report = report
            let compared = report.cases.compactMap(\.comparison)
            comparedCases = compared.count
            meanScore = compared.isEmpty ? nil : compared.map(\.score).reduce(0, +) / Double(compared.count)
            casesWithFindings = compared.filter { !$0.findings.isEmpty }.count
            var counts: [String: Int] = [:]
            for cause in report.cases.compactMap(\.failure?.causeName) { counts[cause, default: 0] += 1 }
            failures = counts.map { CauseCount(cause: $0.key, count: $0.value) }
                .sorted { $0.count != $1.count ? $0.count > $1.count : $0.cause < $1.cause }
        }
    }

    /// In the order the reports were given (the order of `--target`).
    public var candidates: [Candidate]
    /// The baseline of the first report (every report of one library has the same).
    public var baseline: String
    /// ISO 8601, UTC.
    public var generatedAt: String

    public init(reports: [ReadinessReport]) {
        candidates = reports.map(Candidate.init(report:))
        baseline = reports.first?.baseline ?? ""
        generatedAt = Snapshot.Metadata.now()
    }

    /// Best first: higher readiness, then lower cost per 1,000 calls (a known price before an unknown
    /// one), then the order given.
    public var ranking: [Candidate] {
        candidates.enumerated().sorted { a, b in
            if a.element.readiness != b.element.readiness { return a.element.readiness > b.element.readiness }
            switch (a.element.costPer1000CallsCNY, b.element.costPer1000CallsCNY) {
            case let (x?, y?) where x != y: return x < y
            case (.some, nil): return true
            case (nil, .some): return false
            default: return a.offset < b.offset
            }
        }.map(\.element)
    }

    /// The first of ``ranking``; `nil` without candidates.
    public var winner: Candidate? { ranking.first }

    /// Whether the first two of ``ranking`` are equal on readiness and cost, so the order given decided.
    public var isTie: Bool {
        let ranked = ranking
        guard ranked.count > 1 else { return false }
        return ranked[0].readiness == ranked[1].readiness && ranked[0].costPer1000CallsCNY == ranked[1].costPer1000CallsCNY
    }

    /// Every prompt id that appears in any report, sorted (library order).
    public var promptIDs: [String] {
        Array(Set(candidates.flatMap { $0.report.prompts.map(\.promptID) })).sorted()
    }

    /// The prompt's status on `target`; `nil` when that target's run had no case of the prompt.
    public func status(of promptID: String, on target: String) -> PromptStatus? {
        candidates.first { $0.target == target }?.report.prompts.first { $0.promptID == promptID }?.status
    }

    /// One line for the console: the winner by readiness then cost, and how the others did.
    ///
    /// `compare: qwen wins — 93% ready, 0.0123 CNY per 1,000 calls; then glm 89% ready, 0.0410 CNY per 1,000 calls`
    public var summary: String {
        let ranked = ranking
        guard let first = ranked.first else { return "compare: no candidates" }
        let head = isTie ? "compare: \(first.target) and \(ranked[1].target) tie, \(first.target) listed first" : "compare: \(first.target) wins"
        let others = ranked.dropFirst().map { "\($0.target) \(Self.brief($0))" }
        return "\(head) — \(Self.brief(first))" + (others.isEmpty ? "" : "; then " + others.joined(separator: ", "))
    }

    static func brief(_ candidate: Candidate) -> String {
        let cost = candidate.costPer1000CallsCNY.map { costText($0, pricesTaken: nil) + " per 1,000 calls" } ?? "no price known"
        return "\(Self.percent(candidate.readiness)) ready, \(cost)"
    }

    static func percent(_ share: Double) -> String { "\(Int((share * 100).rounded()))%" }

    /// The cost as the readiness report shows it: 4 decimals in CNY, or "no price known".
    static func costText(_ cost: Double?, pricesTaken: String?) -> String {
        guard let cost else { return "no price known" }
        return String(format: "%.4f CNY", cost) + (pricesTaken.map { " (prices of \($0))" } ?? "")
    }

    /// Writes `compare.md` and `compare.json` into `directory` (each atomically) and returns their paths.
    @discardableResult
    public func write(to directory: URL) throws -> [URL] {
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let markdownFile = directory.appendingPathComponent("compare.md")
        let jsonFile = directory.appendingPathComponent("compare.json")
        try Data(markdown().utf8).write(to: markdownFile, options: .atomic)
        try json().data(pretty: true).write(to: jsonFile, options: .atomic)
        return [markdownFile, jsonFile]
    }
}
