import Foundation
import PromptCompat

/// `promptcompat import LOG.jsonl …`: gateway logs of OpenAI requests become prompt files and the
/// baseline's snapshots (docs/import.md).
enum ImportCommand {
    static let options = Paths.options + ["provider", "prefix", "split", "merge"]

    static func main(_ arguments: [String]) throws -> ExitCode {
        let (files, flags) = split(arguments)
        let args = try Arguments(flags, options: options, switches: ["dry-run", "keep-going"])
        guard !files.isEmpty else { throw UsageError("name the log file(s) to import, e.g. promptcompat import logs/gateway.jsonl") }
        let paths = Paths(args)
        let library = try PromptLibrary.load(from: paths.prompts)

        var log = GatewayLog()
        for file in files {
            let url = file.hasPrefix("/") ? URL(fileURLWithPath: file) : URL(fileURLWithPath: FileManager.default.currentDirectoryPath).appendingPathComponent(file)
            do {
                log.append(try GatewayLog.read(contentsOf: url, displayPath: file))
            } catch {
                throw UsageError("cannot read the log \(file): \(error.localizedDescription)")
            }
        }
        if !log.malformed.isEmpty, !args.has("keep-going") {
            for problem in log.malformed { Console.error("\(problem)") }
            Console.error("error: \(log.malformed.count) malformed line\(log.malformed.count == 1 ? "" : "s"); nothing was written. Fix \(log.malformed.count == 1 ? "it" : "them"), or pass --keep-going to skip \(log.malformed.count == 1 ? "it" : "them").")
            return .usage
        }

        let plan = try LogImport.plan(
            log, library: library, provider: args.value("provider") ?? library.config.baseline,
            prefix: args.value("prefix") ?? "imported", snapshots: SnapshotStore(root: paths.snapshots),
            adjust: try adjustments(args)
        )
        let dryRun = args.has("dry-run")
        if !dryRun { try plan.write() }
        print(plan.summary(dryRun: dryRun))
        return plan.malformed.isEmpty ? .ready : .notReady
    }

    /// `--split ID` (repeatable) and `--merge ID ID` (repeatable).
    static func adjustments(_ args: Arguments) throws -> ImportAdjustments {
        let merged = args.all("merge")
        guard merged.count % 2 == 0 else { throw UsageError("--merge takes two prompt ids: --merge ID ID") }
        let pairs = stride(from: 0, to: merged.count, by: 2).map { (merged[$0], merged[$0 + 1]) }
        return ImportAdjustments(splits: args.all("split"), merges: pairs)
    }

    /// The log files (arguments that are not flags or flag values) and the flags; `--merge A B` becomes
    /// `--merge A --merge B`.
    static func split(_ arguments: [String]) -> (files: [String], flags: [String]) {
        var files: [String] = []
        var flags: [String] = []
        var rest = arguments[...]
        while let argument = rest.popFirst() {
            guard argument.hasPrefix("--") else {
                files.append(argument)
                continue
            }
            flags.append(argument)
            if !argument.contains("="), options.contains(String(argument.dropFirst(2))), let value = rest.popFirst() {
                flags.append(value)
                if argument == "--merge", let second = rest.first, !second.hasPrefix("--") {
                    flags += ["--merge", second]
                    rest.removeFirst()
                }
            }
        }
        return (files, flags)
    }
}

extension Help {
    static let importCommand = """
    USAGE: promptcompat import LOG.jsonl [LOG.jsonl …] [--provider NAME] [--prefix PATH] [--dry-run] [--keep-going]
                               [--split ID] [--merge ID ID] [--prompts DIR] [--snapshots DIR]

    Turns gateway logs of OpenAI Chat Completions calls (one JSON object a line: {"request": …, "response": …}
    or {"request_body": …, "response_body": …}) into prompt files and the baseline's snapshots, so the answers
    you accepted from GPT-4 stay the reference after the API is gone. Requests of one prompt — the same
    parameters, system message and instruction, differing only in their inputs — become one prompt with
    {{variables}} there (named from their labels: {{review}}, {{text}}) and one case per request; a prompt
    name or route the gateway logged (metadata.prompt_name, metadata.route) keeps prompts apart and names
    them, else the task does (imported/review-sentiment). Each logged answer becomes that case's sample-1
    (usage, finish_reason and latency in meta.json).
    A request already in the library (or earlier in the log) is not imported again; re-running changes no file.
    Error responses and responses without choices are skipped and listed with their line numbers.
    Under CI (CI=true) no snapshot is written unless PROMPTCOMPAT_RECORD_IN_CI=1. See docs/import.md.

    OPTIONS:
      --provider NAME   Whose snapshots the answers become (a provider of the suite config). Default: the baseline.
      --prefix PATH     Folder of the new prompts inside the library: ids PATH/<name>. Default: imported.
      --dry-run         Print what would be written, each prompt's template and two example fills; write nothing.
      --split ID        The requests of proposed prompt ID become one prompt each (repeatable).
      --merge ID ID     Two proposed prompts become one, with variables where they differ (repeatable).
      --keep-going      Skip malformed lines (listed) instead of stopping before anything is written.

    EXIT CODES: 0 imported (or nothing new) · 1 imported, but malformed lines were skipped · 2 usage or configuration
    error, or malformed lines without --keep-going

    EXAMPLES:
      promptcompat import docs/examples/gateway-log.jsonl --dry-run
      promptcompat import logs/2024-07-*.jsonl --provider openai --prefix legacy/gpt4
      promptcompat import logs/gateway.jsonl --merge review-summary review-summary-2 --dry-run
    """
}
