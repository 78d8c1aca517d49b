import Foundation
import PromptCompat

/// `promptcompat retune PROMPT --target NAME [--check] [--suggest]`: the re-tune loop for one prompt on
/// one target — run it and show what fails, add an override to edit, check it and accept the answers.
enum RetuneCommand {
    static let options = Paths.options + ["target"]
    static let switches = ["check", "suggest"]

    static func main(_ arguments: [String]) async throws -> ExitCode {
        let (id, rest) = try splitPromptID(arguments)
        let args = try Arguments(rest, options: options, switches: switches)
        let paths = Paths(args)
        let library = try PromptLibrary.load(from: paths.prompts)
        Console.protectKeys(of: library)
        try library.requirePrompts()
        for warning in library.warnings { Console.error(warning.description) }
        guard let target = args.value("target") else { throw UsageError("--target is required: the provider to re-tune the prompt for") }
        let prompt = try find(id, in: library, folder: paths.prompts)
        guard target != library.config.baseline else {
            throw UsageError("\(target) is the baseline: its answers are the reference; re-tune the prompt for a migration target")
        }
        let runner = try SuiteRunner(library: library, snapshots: paths.snapshots, target: target, record: .never)
        let judge = args.has("suggest") ? try suiteJudge(of: library) : nil  // before any request is spent
        Console.error("Running the \(prompt.cases.count) cases of \(prompt.id) against \(target) (\(runner.target.model) at \(runner.target.baseURL.absoluteString))")
        let results = await runner.run(prompt: prompt)
        let readiness = PromptReadiness(prompt: prompt, promptID: prompt.id, cases: results)
        for result in results where !result.verdict.isPass { print(FailureMessage.text(for: result) + "\n") }
        print(statusLine(readiness, prompt: prompt, target: target))
        if args.has("check") {
            try await check(readiness, runner: runner, prompt: prompt)
        } else {
            try guide(readiness, library: library, prompt: prompt, target: target)
        }
        if let judge { await suggest(using: judge, readiness: readiness, prompt: prompt, target: target) }
        return readiness.status == .ready ? .ready : .notReady
    }

    /// The prompt id (the one argument that is not an option or an option's value) and the rest.
    static func splitPromptID(_ arguments: [String]) throws(UsageError) -> (String, [String]) {
        var rest: [String] = []
        var id: String?
        var remaining = arguments[...]
        while let argument = remaining.popFirst() {
            if argument.hasPrefix("--") {
                rest.append(argument)
                if options.contains(String(argument.dropFirst(2))), let value = remaining.popFirst() { rest.append(value) }
            } else if id == nil {
                id = argument
            } else {
                throw UsageError("unexpected argument \"\(argument)\": retune takes one prompt id")
            }
        }
        guard let id else { throw UsageError("name the prompt to re-tune: promptcompat retune PROMPT --target NAME") }
        return (id, rest)
    }

    /// The prompt by id; a path such as `prompts/support/refund-reply.json` works too.
    static func find(_ id: String, in library: PromptLibrary, folder: URL) throws(UsageError) -> Prompt {
        var candidates = [id]
        let withoutExtension = id.hasSuffix(".json") ? String(id.dropLast(5)) : id
        candidates.append(withoutExtension)
        for prefix in [PromptLibrary.displayPath(folder) + "/", folder.lastPathComponent + "/"] where withoutExtension.hasPrefix(prefix) {
            candidates.append(String(withoutExtension.dropFirst(prefix.count)))
        }
        if let prompt = candidates.lazy.compactMap(library.prompt(id:)).first { return prompt }
        let similar = library.prompts.map(\.id).filter { $0.contains(withoutExtension) || withoutExtension.contains($0) }
        throw UsageError("no prompt \"\(id)\" in \(PromptLibrary.displayPath(folder))" + (similar.isEmpty ? "" : "; did you mean: \(similar.joined(separator: ", "))"))
    }

    /// `support/refund-reply on qwen: re-tune — 1 of 3 cases pass (override used: …)`
    static func statusLine(_ readiness: PromptReadiness, prompt: Prompt, target: String) -> String {
        let passed = readiness.cases.filter(\.verdict.isPass).count
        let override = prompt.overrides[target] == nil ? "no override for \(target): the prompt as written" : "override for \(target) used"
        return "\(prompt.id) on \(target): \(readiness.status.rawValue) — \(passed) of \(readiness.cases.count) cases pass (\(override))"
    }

    /// Without `--check`: where to edit — a new override added to the file, or the existing one.
    static func guide(_ readiness: PromptReadiness, library: PromptLibrary, prompt: Prompt, target: String) throws {
        let file = PromptLibrary.displayPath(prompt.file)
        let checkCommand = "promptcompat retune \(prompt.id) --target \(target) --check"
        if readiness.status == .ready {
            print("nothing to re-tune: every case passes on \(target)")
        } else if readiness.status == .incomplete {
            print("could not judge every case (see above): fix that first; no override was added")
        } else if prompt.overrides[target] != nil {
            let position = prompt.position(of: "$.overrides.\(target)")
            print("edit the override for \(target) at \(file):\(position.line):\(position.column), then check it: \(checkCommand)")
        } else {
            let position = try library.addOverrideSkeleton(promptID: prompt.id, target: target)
            print("added an override for \(target) (a copy of the prompt's messages) to \(file)")
            print("edit its messages at \(file):\(position.line):\(position.column) and say why in its note, then check it: \(checkCommand)")
        }
    }

    /// `--check`: when every case passes, the answers become the target's own snapshots (as `--record
    /// failed` would record them; never under CI); else what still fails.
    static func check(_ readiness: PromptReadiness, runner: SuiteRunner, prompt: Prompt) async throws {
        let target = runner.target.name
        if let note = prompt.overrides[target]?.note, note.hasPrefix("TODO") {
            Console.error("note: the override's note still starts with TODO: say why and how the prompt was re-tuned for \(target)")
        }
        guard readiness.status == .ready else {
            let failing = readiness.cases.filter { !$0.verdict.isPass }.count
            let position = prompt.position(of: "$.overrides.\(target)")
            print("still failing: \(failing) of \(readiness.cases.count) cases; edit \(PromptLibrary.displayPath(prompt.file)):\(position.line) and check again. No snapshot was written.")
            return
        }
        let policy = try RecordPolicy.resolve(explicit: .failed, environment: ProcessInfo.processInfo.environment)
        guard policy.mode != .never else {
            print("not writing snapshots: \(policy.explanation)")
            return
        }
        let written = try await runner.accept(readiness.cases, of: prompt, policy: policy)
        print("accepted as \(target)'s own snapshots (the reference of its next runs): \(written.joined(separator: ", "))")
    }

    /// The suite's judge, or a usage error naming the config key.
    static func suiteJudge(of library: PromptLibrary) throws -> LLMJudge {
        let providers = library.config.providers.map(\.name).joined(separator: ", ")
        guard library.config.grading?.judge != nil, let judge = try ModelGrading(library: library).judge else {
            throw UsageError("--suggest asks the judge model, and the suite config has no grading.judge: add \"grading\": {\"judge\": {\"provider\": \"<one of \(providers)>\"}} to \(SuiteConfig.fileName) (docs/grading.md)")
        }
        return judge
    }

    /// `--suggest`: the judge model's rewrite, printed and clearly marked; never written anywhere.
    static func suggest(using judge: LLMJudge, readiness: PromptReadiness, prompt: Prompt, target: String) async {
        guard readiness.status != .ready else { return print("nothing fails: no suggestion asked") }
        do {
            let text = try await RewriteSuggestion.suggest(
                using: judge, prompt: prompt, target: target, failures: RewriteSuggestion.failureText(readiness.cases)
            )
            let rule = String(repeating: "─", count: 60)
            print("\nSUGGESTION (model-written, not applied) — \(judge.model) on \(judge.config.name):\n\(rule)\n\(text)\n\(rule)")
            print("Nothing was written: copy what helps into the override yourself, then check it.")
        } catch {
            Console.error("error: the judge could not suggest a rewrite: \(error.description)")
        }
    }
}
