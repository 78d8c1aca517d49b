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
/// (a piece of `prompt-id · case` or `prompt-id/case`, as ``CaseFilter``), `PROMPTCOMPAT_TAGS` (comma-separated; a case runs when its prompt has any),
/// `PROMPTCOMPAT_ANSWER_CACHE`: the CLI's response cache (`.promptcompat/cache` beside the prompts folder), so
/// a test run and `promptcompat run` answer alike — `use` (default), `refresh` (ask again, like
/// `--refresh`), `offline` (never call, like `--offline`) or `off` (like `--no-cache`).
public final class PromptLibrarySuite: Sendable {
    /// The library, or why it could not be loaded.
    public let library: Result<PromptLibrary, PromptLibraryError>
    public let snapshots: URL
    let environment: [String: String]
    /// The response cache and its mode, or why `PROMPTCOMPAT_ANSWER_CACHE` could not be read.
    let cache: Result<(cache: ResponseCache, mode: ResponseCache.Mode)?, RunSetupError>
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
        cache = Self.cache(prompts: resolve(prompts), environment: environment)
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
            runner = try runners.runner(library: library, snapshots: snapshots, target: targetName, record: record ?? RecordModeTrait.current, environment: environment, cache: cache.get())
        } catch {
            Issue.record(Comment(rawValue: error.description), sourceLocation: sourceLocation)
            return
        }
        let result = await runner.run(prompt, promptCase)
        report(result, prompt: prompt, promptCase: promptCase)
    }

    /// `PROMPTCOMPAT_ANSWER_CACHE` read: the cache beside the prompts folder in its mode, `nil` for `off`.
    static func cache(prompts: URL, environment: [String: String]) -> Result<(cache: ResponseCache, mode: ResponseCache.Mode)?, RunSetupError> {
        let value = environment["PROMPTCOMPAT_ANSWER_CACHE"].flatMap { $0.isEmpty ? nil : $0.lowercased() } ?? "use"
        if value == "off" { return .success(nil) }
        guard let mode = ResponseCache.Mode(rawValue: value) else {
            return .failure(RunSetupError("PROMPTCOMPAT_ANSWER_CACHE is \"\(value)\"; expected use, refresh, offline or off"))
        }
        return .success((ResponseCache.beside(prompts: prompts), mode))
    }

    /// The library folder's name (`prompts`), the first part of an issue's file id.
    var libraryFolder: String {
        (try? library.get().root.lastPathComponent) ?? "prompts"
    }

    func report(_ result: CaseResult, prompt: Prompt, promptCase: PromptCase) {
        guard !result.verdict.isPass else { return }
        let position = prompt.position(of: promptCase.jsonPath)
        // The whole path inside the library (`prompts/imported/refund-reply.json`), not the file name alone.
        let fileID = "\(libraryFolder)/\(prompt.id).json"
        let location = SourceLocation(fileID: fileID, filePath: prompt.file.path, line: position.line, column: position.column)
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

    func runner(
        library: PromptLibrary, snapshots: URL, target: String, record: RecordMode?, environment: [String: String],
        cache: (cache: ResponseCache, mode: ResponseCache.Mode)?
    ) throws(RunSetupError) -> SuiteRunner {
        let key = "\(target)|\(record?.rawValue ?? "-")"
        lock.lock()
        defer { lock.unlock() }
        if let runner = runners[key] { return runner }
        var runner = try SuiteRunner(library: library, snapshots: snapshots, target: target, record: record, environment: environment, cache: cache)
        // A retry is the test waiting on the provider: said on stderr as the CLI says it.
        runner.onRetry = { name, event in FileHandle.standardError.write(Data("promptcompat: retrying \(name) (\(event))\n".utf8)) }
        runners[key] = runner
        return runner
    }
}
