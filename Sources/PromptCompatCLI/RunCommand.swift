import Foundation
import PromptCompat

/// `promptcompat run`: the library against each target, a readiness report per target.
enum RunCommand {
    static func main(_ arguments: [String]) async throws -> ExitCode {
        let args = try Arguments(arguments, options: Paths.options + ["target", "record", "filter", "shard"] + cacheOptions, switches: ["quiet", "resume"] + cacheSwitches)
        let trap = InterruptTrap()  // SIGINT/SIGTERM from here on: stop, report what finished, exit 130/143
        defer { trap.uninstall() }
        let paths = Paths(args)
        let cache = try cache(args, paths: paths)
        let shard = try shard(args)
        var record: RecordMode?
        if let value = args.value("record") {
            guard let mode = RecordMode(rawValue: value) else {
                throw UsageError("--record is \"\(value)\"; expected one of: \(RecordMode.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            record = mode
        }
        let library = try PromptLibrary.load(from: paths.prompts)
        Console.protectKeys(of: library)
        try library.requirePrompts()
        for warning in library.warnings { Console.error(warning.description) }
        // `--target qwen --target qwen` runs qwen once.
        let targets = args.all("target").isEmpty ? [library.config.baseline] : args.all("target").reduce(into: [String]()) { if !$0.contains($1) { $0.append($1) } }
        // Check every target before spending a request on any of them.
        let runners = try targets.map { target throws(RunSetupError) in
            try SuiteRunner(library: library, snapshots: paths.snapshots, target: target, record: record, cache: cache)
        }
        var exit = ExitCode.ready
        var reports: [ReadinessReport] = []
        var (finished, total) = (0, 0)
        for runner in runners {
            let outcome = try await run(runner, library: library, filter: args.value("filter"), shard: shard, reports: paths.reports, quiet: args.has("quiet"), resume: args.has("resume"), interruption: trap.interruption)
            (finished, total) = (finished + outcome.finished, total + outcome.total)
            guard let report = outcome.report else { continue }
            reports.append(report)
            if !report.allReady, !report.prompts.isEmpty { exit = .notReady }  // an empty shard has nothing to fix
        }
        if let signal = trap.interruption.signal {
            Console.error("interrupted: \(finished) of \(total) cases finished; re-run with --resume to continue")
            return InterruptTrap.exitCode(for: signal)
        }
        try writeComparison(reports, to: args.value("filter") == nil ? paths.reports : paths.reports.appendingPathComponent("filtered"))
        return exit
    }

    /// Runs one target's selected cases (those an earlier run did not finish, with `resume`) and writes its
    /// report; after an `interruption`, the report of what finished, the rest marked not run.
    static func run(
        _ runner: SuiteRunner, library: PromptLibrary, filter: String?, shard: Shard = .whole, reports: URL, quiet: Bool,
        resume: Bool = false, interruption: RunInterruption? = nil
    ) async throws -> TargetOutcome {
        let total = runner.selectedCases(filter: filter).count
        guard total > 0 else { throw UsageError("no case matches --filter \"\(filter ?? "")\"") }
        let selection = runner.selectedCases(filter: filter, shard: shard)
        if interruption?.isStopping == true { return TargetOutcome(report: nil, finished: 0, total: selection.count) }
        // A filtered run is not the suite: its reports go to their own folder, never over the whole run's.
        let directory = reportDirectory(reports, target: runner.target.name, shard: shard, filtered: filter != nil)
        let resultsFile = directory.appendingPathComponent("results.jsonl")
        let resumed = resume ? try resumeState(resultsFile, runner: runner, selection: selection) : ResultsResume()
        let log = try ResultsLog(file: resultsFile, keeping: resumed.finished)
        guard !selection.isEmpty else { return TargetOutcome(report: emptyShard(runner, library: library, shard: shard, of: total), finished: 0, total: 0) }
        let kept = resumed.finished.count
        let keptNote = resume ? "; \(kept) finished case\(kept == 1 ? "" : "s") kept from \(PromptLibrary.displayPath(resultsFile))" : ""
        Console.error("Running \(selection.count - kept) cases\(shard == .whole ? "" : " (shard \(shard) of \(total))") against \(runner.target.name) (\(runner.target.model) at \(runner.target.baseURL.absoluteString)); snapshots: \(runner.policy.explanation)\(keptNote)")
        let progress = Progress(total: selection.count, quiet: quiet)
        let pending = resumed.remaining(selection)
        var announcing = runner
        announcing.onRetry = { name, event in progress.retrying(name, event) }
        let task = Task { [announcing] in
            await announcing.run(pending, interruption: interruption) { result, finished, _ in
                log.append(result)
                progress.show(result, finished: kept + finished)
            }
        }
        interruption?.onCancel { task.cancel() }
        let results = resumed.merged(with: await task.value, in: selection)
        progress.finish()
        let interrupted = results.count < selection.count
        let reported = interrupted ? withUnfinished(results, selection: selection, target: runner.target.name) : results
        var report = ReadinessReport(library: library, target: runner.target.name, results: reported, recordPolicy: runner.policy.explanation)
        report.filter = filter
        report.interrupted = interrupted
        // A shard's statuses are partial (the merge records), and so are an interrupted or a filtered run's.
        if shard == .whole, !interrupted, filter == nil { HistoryRecording.record(&report, library: library) }
        let files = try report.write(to: directory)
        print(summary(report, files: files))
        if let line = await cacheLine(runner) { print(line) }
        return TargetOutcome(report: report, finished: results.count, total: selection.count)
    }

    static func summary(_ report: ReadinessReport, files: [URL]) -> String {
        let percent = Int((report.readiness * 100).rounded())
        var line = "\(report.target): \(report.interrupted ? "interrupted, " : "")\(percent)% ready (\(report.count(PromptStatus.ready))/\(report.prompts.count - report.promptsNotRun) prompts\(report.promptsNotRun > 0 ? ", \(report.promptsNotRun) not run" : ""))"
        line += " — \(report.count(PromptStatus.retune)) re-tune, \(report.count(PromptStatus.blocked)) blocked, \(report.count(PromptStatus.incomplete)) incomplete"
        let recorded = report.count(CaseVerdict.recorded)
        if let filter = report.filter { line += "; filtered: \"\(filter)\" only" }
        if recorded > 0 { line += "; recorded \(recorded) snapshot\(recorded == 1 ? "" : "s") (re-run to compare)" }
        let paths = files.map { PromptLibrary.displayPath($0) }.joined(separator: ", ")
        return line + "\n  report: " + paths
    }
}

/// Prints one line per finished case; on a terminal, a single line updated in place.
final class Progress: Sendable {
    let total: Int
    let quiet: Bool
    let terminal = Console.stderrIsTerminal

    init(total: Int, quiet: Bool) {
        self.total = total
        self.quiet = quiet
    }

    func show(_ result: CaseResult, finished: Int) {
        guard !quiet else { return }
        let score = result.comparison.map { String(format: " %.2f", $0.score) } ?? ""
        let line = "[\(finished)/\(total)] \(result.displayName): \(result.verdict.rawValue)\(score)"
        if terminal && result.verdict.isPass {
            Console.writeError("\r\u{1B}[K" + line)
        } else {
            let detail = result.verdict.isPass ? "" : result.reasons.first.map { "\n      \($0)" } ?? ""
            Console.writeError((terminal ? "\r\u{1B}[K" : "") + line + detail + "\n")
        }
    }

    /// `retrying support/refund-reply · late (attempt 2 of 7, after 503, in 0.8 s)`, even with `--quiet`:
    /// a retry is the run waiting on the provider, and a person watching should know why.
    func retrying(_ caseName: String, _ event: RetryEvent) {
        Console.writeError((terminal ? "\r\u{1B}[K" : "") + "retrying \(caseName) (\(event))\n")
    }

    func finish() {
        if terminal && !quiet { Console.writeError("\r\u{1B}[K") }
    }
}
