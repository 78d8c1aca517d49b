import Foundation

/// What an earlier, interrupted run of one target already finished, read back from its `results.jsonl`
/// for `promptcompat run --resume`: the cases with a final verdict are kept and not called again; the
/// rest of the selection runs.
///
/// A case is finished when its line reads back (``CaseResult/init(json:)``) with any verdict but `error`
/// (an error is the run's problem, not the provider's answer: it is asked again). Lines that do not
/// read back — a line cut by a crash — and lines of other targets or of cases outside the selection are
/// skipped and named in ``skipped``. When a case has several lines, the last one counts.
///
/// ```swift
/// let selection = runner.selectedCases(filter: nil)
/// let resume = try ResultsResume.read(resultsFile, target: "qwen", selection: selection)
/// let log = try ResultsLog(file: resultsFile, keeping: resume.finished)
/// let fresh = await runner.run(resume.remaining(selection))
/// let all = resume.merged(with: fresh, in: selection)   // every selected case once, in selection order
/// ```
public struct ResultsResume: Sendable {
    /// The finished cases kept from the earlier run, in selection order.
    public var finished: [CaseResult]
    /// `results.jsonl:7: …` for every line not kept, with why.
    public var skipped: [String]

    public init(finished: [CaseResult] = [], skipped: [String] = []) {
        self.finished = finished
        self.skipped = skipped
    }

    /// Reads `file`; a missing file is an empty resume (nothing finished yet).
    public static func read(_ file: URL, target: String, selection: [(prompt: Prompt, promptCase: PromptCase)]) throws -> ResultsResume {
        guard FileManager.default.fileExists(atPath: file.path) else { return ResultsResume() }
        let path = PromptLibrary.displayPath(file)
        let data = try Data(contentsOf: file)
        let selected = Dictionary(selection.enumerated().map { (key(promptID: $0.element.prompt.id, caseName: $0.element.promptCase.name), $0.offset) }, uniquingKeysWith: { first, _ in first })
        var latest: [String: CaseResult] = [:]
        var resume = ResultsResume()
        let lines = String(decoding: data, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        for (index, line) in lines.enumerated() where !line.trimmingCharacters(in: .whitespaces).isEmpty {
            let place = "\(path):\(index + 1)"
            let result: CaseResult
            do {
                result = try CaseResult(json: JSONValue(parsing: String(line)))
            } catch {
                resume.skipped.append("\(place): not a whole case line (\(error)); the case runs again")
                continue
            }
            let caseKey = key(promptID: result.promptID, caseName: result.caseName)
            if result.target != target {
                resume.skipped.append("\(place): a result of \(result.target), not \(target)")
            } else if selected[caseKey] == nil {
                resume.skipped.append("\(place): \(result.displayName) is not among the selected cases")
            } else {
                latest[caseKey] = result
            }
        }
        resume.finished = latest.values.filter { $0.verdict != .error }
            .sorted { selected[key(promptID: $0.promptID, caseName: $0.caseName)]! < selected[key(promptID: $1.promptID, caseName: $1.caseName)]! }
        return resume
    }

    /// The selected cases not finished yet, in selection order.
    public func remaining(_ selection: [(prompt: Prompt, promptCase: PromptCase)]) -> [(prompt: Prompt, promptCase: PromptCase)] {
        let done = Set(finished.map { Self.key(promptID: $0.promptID, caseName: $0.caseName) })
        return selection.filter { !done.contains(Self.key(promptID: $0.prompt.id, caseName: $0.promptCase.name)) }
    }

    /// The kept and the fresh results together, each selected case at most once, in selection order;
    /// the override note (which the JSON lines do not carry) restored from the prompt.
    public func merged(with fresh: [CaseResult], in selection: [(prompt: Prompt, promptCase: PromptCase)]) -> [CaseResult] {
        var byKey: [String: CaseResult] = [:]
        for result in finished + fresh { byKey[Self.key(promptID: result.promptID, caseName: result.caseName)] = result }
        return selection.compactMap { pair in
            guard var result = byKey[Self.key(promptID: pair.prompt.id, caseName: pair.promptCase.name)] else { return nil }
            if result.overrideNote == nil, let override = pair.prompt.overrides[result.target] {
                result.overrideNote = override.note ?? "override for \(result.target)"
            }
            return result
        }
    }

    static func key(promptID: String, caseName: String) -> String { "\(promptID)\u{0}\(caseName)" }
}
