import Foundation
import PromptCompat

extension RunCommand {
    /// What one target's run got done: its report (none when an interruption came before it started),
    /// and how many of its selected cases have a result.
    struct TargetOutcome {
        var report: ReadinessReport?
        var finished: Int
        var total: Int
    }

    /// `--resume`: the finished cases of the target's earlier `results.jsonl`, with a warning for each
    /// line that is not kept (at most five, then a count).
    static func resumeState(_ file: URL, runner: SuiteRunner, selection: [(prompt: Prompt, promptCase: PromptCase)]) throws -> ResultsResume {
        let resume = try ResultsResume.read(file, target: runner.target.name, selection: selection)
        for line in resume.skipped.prefix(5) { Console.error("warning: --resume: \(line)") }
        if resume.skipped.count > 5 { Console.error("warning: --resume: and \(resume.skipped.count - 5) more lines not kept") }
        if !FileManager.default.fileExists(atPath: file.path) {
            Console.error("--resume: no \(PromptLibrary.displayPath(file)) yet; running every selected case")
        }
        return resume
    }

    /// The results in selection order, with every case that did not finish (the run was interrupted) as an
    /// `error` that says so — in the report only, never in `results.jsonl` — so a prompt with unfinished
    /// cases is `incomplete`, not ready.
    static func withUnfinished(_ results: [CaseResult], selection: [(prompt: Prompt, promptCase: PromptCase)], target: String) -> [CaseResult] {
        var byCase: [String: CaseResult] = [:]
        for result in results { byCase["\(result.promptID)/\(result.caseName)"] = result }
        return selection.map { pair in
            byCase["\(pair.prompt.id)/\(pair.promptCase.name)"] ?? {
                var result = CaseResult(
                    promptID: pair.prompt.id, caseName: pair.promptCase.name, target: target, verdict: .error,
                    reasons: ["not run: the run was interrupted; re-run with --resume to continue"]
                )
                result.notRun = true
                return result
            }()
        }
    }
}
