import Foundation
import Testing
@_exported import PromptCompat

/// A prompt library as a Swift Testing suite: one parameterized test argument per (prompt, case), each
/// run through the same engine as the `promptcompat` CLI.
///
/// A whole test file:
/// ```swift
/// import Testing
/// import PromptCompatTesting
///
/// let library = PromptLibrarySuite("prompts")
///
/// @Test(arguments: library.cases)
/// func prompt(_ promptCase: PromptCaseArgument) async {
///     await library.check(promptCase)
/// }
/// ```
///
/// Environment: `PROMPTCOMPAT_TARGET` (default: the baseline), `PROMPTCOMPAT_RECORD`, `PROMPTCOMPAT_FILTER`
/// (a piece of `prompt-id · case` or `prompt-id/case`, as ``CaseFilter``), `PROMPTCOMPAT_TAGS` (comma-separated; a case runs when its prompt has any).
public final class PromptLibrarySuite: Sendable {
    /// The library, or why it could not be loaded.
    public let library: Result<PromptLibrary, PromptLibraryError>
    public let snapshots: URL
    let environment: [String: String]
    private let runners = RunnerCache()

    /// - Parameters:
    ///   - prompts: the library folder, relative to the package root (the folder holding `Package.swift`
    ///     above the calling file) unless absolute.
    ///   - snapshots: the snapshot folder, resolved the same way.
    public init(
        _ prompts: String = "prompts", snapshots: String = "snapshots",
        environment: [String: String] = ProcessInfo.processInfo.environment, filePath: String = #filePath
    ) {
        let root = Self.packageRoot(from: filePath)
        func resolve(_ path: String) -> URL {
            path.hasPrefix("/") ? URL(fileURLWithPath: path) : root.appendingPathComponent(path)
        }
        do {
            let loaded = try PromptLibrary.load(from: resolve(prompts))
            try loaded.requirePrompts()
            library = .success(loaded)
        } catch {
            library = .failure(error)
        }
        self.snapshots = resolve(snapshots)
        self.environment = environment
    }

    /// Every (prompt, case) selected by `PROMPTCOMPAT_FILTER` and `PROMPTCOMPAT_TAGS`.
    public var cases: [PromptCaseArgument] {
        guard case .success(let library) = library else { return [.libraryFailedToLoad] }
        let filter = CaseFilter(environment["PROMPTCOMPAT_FILTER"])
        let tags = (environment["PROMPTCOMPAT_TAGS"] ?? "").split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
        return library.prompts.flatMap { prompt in
            prompt.cases.map { PromptCaseArgument(promptID: prompt.id, caseName: $0.name, tags: prompt.tags) }
        }.filter { argument in
            filter.matches(promptID: argument.promptID, caseName: argument.caseName) && (tags.isEmpty || !Set(tags).isDisjoint(with: argument.tags))
        }
    }

    /// The cases of prompts tagged `tag`, for a test of its own: `@Test(.tags(.json), arguments: library.cases(tagged: "json"))`.
    public func cases(tagged tag: String) -> [PromptCaseArgument] { cases.filter { $0.tags.contains(tag) } }

    /// Runs one case against the target and records a Swift Testing issue, pointing at the case in the
    /// prompt file, for anything but a pass; the diff and the raw output are attached.
    ///
    /// - Parameters:
    ///   - target: the provider to run against; default `PROMPTCOMPAT_TARGET`, else the baseline.
    ///   - record: a record mode for this call; default the ``RecordModeTrait`` in scope, else `PROMPTCOMPAT_RECORD`.
    public func check(_ argument: PromptCaseArgument, target: String? = nil, record: RecordMode? = nil, sourceLocation: SourceLocation = #_sourceLocation) async {
        let library: PromptLibrary
        switch self.library {
        case .success(let loaded): library = loaded
        case .failure(let error):
            Issue.record(Comment(rawValue: error.description), sourceLocation: sourceLocation)
            return
        }
        guard let prompt = library.prompt(id: argument.promptID), let promptCase = prompt.cases.first(where: { $0.name == argument.caseName }) else {
            Issue.record("no case \(argument.testDescription) in the library", sourceLocation: sourceLocation)
            return
        }
        let targetName = target ?? environment["PROMPTCOMPAT_TARGET"].flatMap { $0.isEmpty ? nil : $0 } ?? library.config.baseline
        let runner: SuiteRunner
        do {
            runner = try runners.runner(library: library, snapshots: snapshots, target: targetName, record: record ?? RecordModeTrait.current, environment: environment)
        } catch {
            Issue.record(Comment(rawValue: error.description), sourceLocation: sourceLocation)
            return
        }
        let result = await runner.run(prompt, promptCase)
        report(result, prompt: prompt, promptCase: promptCase)
    }

    func report(_ result: CaseResult, prompt: Prompt, promptCase: PromptCase) {
        guard !result.verdict.isPass else { return }
        let position = prompt.position(of: promptCase.jsonPath)
        let location = SourceLocation(fileID: "prompts/\(prompt.file.lastPathComponent)", filePath: prompt.file.path, line: position.line, column: position.column)
        Issue.record(Comment(rawValue: FailureMessage.text(for: result)), sourceLocation: location)
        let stem = "\(prompt.id.replacingOccurrences(of: "/", with: "_")).\(promptCase.name)"
        if let diff = result.comparison?.diff, !diff.isEmpty {
            Attachment.record(diff, named: "\(stem).diff", sourceLocation: location)
        }
        if let output = result.output {
            Attachment.record(output, named: "\(stem).\(result.target).txt", sourceLocation: location)
        }
        if let evidence = result.failure?.evidence {
            Attachment.record(evidence, named: "\(stem).provider-response.txt", sourceLocation: location)
        }
    }

    /// The nearest folder above `filePath` that holds a `Package.swift`, else the current directory.
    static func packageRoot(from filePath: String) -> URL {
        var directory = URL(fileURLWithPath: filePath).deletingLastPathComponent()
        while directory.path != "/" {
            if FileManager.default.fileExists(atPath: directory.appendingPathComponent("Package.swift").path) { return directory }
            directory.deleteLastPathComponent()
        }
        return URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
    }
}

/// One runner per (target, record mode), so every case of a test run shares one HTTP session.
final class RunnerCache: Sendable {
    private let lock = NSLock()
    nonisolated(unsafe) private var runners: [String: SuiteRunner] = [:]

    func runner(library: PromptLibrary, snapshots: URL, target: String, record: RecordMode?, environment: [String: String]) throws(RunSetupError) -> SuiteRunner {
        let key = "\(target)|\(record?.rawValue ?? "-")"
        lock.lock()
        defer { lock.unlock() }
        if let runner = runners[key] { return runner }
        var runner = try SuiteRunner(library: library, snapshots: snapshots, target: target, record: record, environment: environment)
        // A retry is the test waiting on the provider: said on stderr as the CLI says it.
        runner.onRetry = { name, event in FileHandle.standardError.write(Data("promptcompat: retrying \(name) (\(event))\n".utf8)) }
        runners[key] = runner
        return runner
    }
}
