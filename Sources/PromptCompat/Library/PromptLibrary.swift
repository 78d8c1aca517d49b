import Foundation

/// A team's prompt library: the suite config and every prompt file under one folder.
///
/// ```swift
/// let library = try PromptLibrary.load(from: URL(fileURLWithPath: "prompts"))
/// for prompt in library.prompts { print(prompt.id, prompt.cases.map(\.name)) }
/// ```
public struct PromptLibrary: Sendable {
    public var root: URL
    public var config: SuiteConfig
    /// Sorted by id.
    public var prompts: [Prompt]
    /// Problems that do not stop the library from running (an unused case variable, an unknown parameter).
    public var warnings: [LibraryDiagnostic]

    /// Loads the suite config and every `*.json` file below `root`, collecting every error before throwing.
    public static func load(from root: URL) throws(PromptLibraryError) -> PromptLibrary {
        // Resolved, because FileManager's enumerator lists nothing under a symlinked root on Linux.
        let root = root.standardizedFileURL.resolvingSymlinksInPath()
        let configFile = root.appendingPathComponent(SuiteConfig.fileName)
        guard FileManager.default.fileExists(atPath: configFile.path) else {
            throw PromptLibraryError([LibraryDiagnostic(.error, file: displayPath(configFile), message: "no suite config; create \(SuiteConfig.fileName) in the library folder (see docs/prompt-format.md)")])
        }
        let config: SuiteConfig
        do {
            config = try SuiteConfig.load(from: configFile, displayPath: displayPath(configFile))
        } catch {
            throw PromptLibraryError([error])
        }

        var prompts: [Prompt] = []
        var diagnostics: [LibraryDiagnostic] = []
        var warnings: [LibraryDiagnostic] = []
        let found = PromptFiles(under: root)
        diagnostics += found.refusedLinks
        for file in found.files {
            let id = String(file.path.dropFirst(root.path.count + 1).dropLast(".json".count))
            do {
                prompts.append(try loadPrompt(file: file, id: id, config: config, warnings: &warnings))
            } catch {
                diagnostics.append(error)
            }
        }
        if !diagnostics.isEmpty { throw PromptLibraryError(diagnostics + warnings) }
        return PromptLibrary(root: root, config: config, prompts: prompts.sorted { $0.id < $1.id }, warnings: warnings)
    }

    /// Loads one prompt by id (`support/refund-reply`), refusing ids that would leave the library folder.
    public func loadPrompt(id: String) throws(LibraryDiagnostic) -> Prompt {
        if let problem = SafeName.problem(withID: id) {
            throw LibraryDiagnostic(.error, file: id, message: "prompt id \"\(id)\" \(problem); ids are paths inside \(Self.displayPath(root))")
        }
        var warnings: [LibraryDiagnostic] = []
        return try Self.loadPrompt(file: root.appendingPathComponent(id + ".json"), id: id, config: config, warnings: &warnings)
    }

    /// Throws when the library holds no prompt file: a run of nothing is not "100% ready". Commands that
    /// run or report call it; `import`, which fills an empty library, does not.
    public func requirePrompts() throws(PromptLibraryError) {
        guard prompts.isEmpty else { return }
        throw PromptLibraryError([LibraryDiagnostic(
            .error, file: Self.displayPath(root),
            message: "the library has no prompt files, only \(SuiteConfig.fileName); add a prompt file (docs/prompt-format.md) or run `promptcompat import <gateway log>`"
        )])
    }

    /// The prompt with this id, if the library has it.
    public func prompt(id: String) -> Prompt? { prompts.first { $0.id == id } }

    static func loadPrompt(file: URL, id: String, config: SuiteConfig, warnings: inout [LibraryDiagnostic]) throws(LibraryDiagnostic) -> Prompt {
        let path = displayPath(file)
        if let problem = SafeName.problem(withID: id) {
            throw LibraryDiagnostic(.error, file: path, message: "prompt id \"\(id)\" \(problem); rename the file")
        }
        let data: Data
        do {
            data = try Data(contentsOf: file)
        } catch {
            throw LibraryDiagnostic(.error, file: path, message: "cannot read the prompt file: \(error.localizedDescription)")
        }
        let text = try LibraryDiagnostic.utf8Text(data, file: path)
        let prompt = try Prompt.decode(text, id: id, file: file, displayPath: path, providers: config.providers.map(\.name), warnings: &warnings)
        try checkGraders(of: prompt, config: config, displayPath: path)
        return prompt
    }

    /// A case that asks for a model-graded check needs that grader in the suite config's `grading`.
    static func checkGraders(of prompt: Prompt, config: SuiteConfig, displayPath: String) throws(LibraryDiagnostic) {
        for promptCase in prompt.cases {
            let needs = [
                ("judge", promptCase.expect.judge != nil, config.grading?.judge != nil),
                ("semantic", promptCase.expect.semantic != nil, config.grading?.embeddings != nil),
            ]
            guard let (key, _, _) = needs.first(where: { $0.1 && !$0.2 }) else { continue }
            let grader = key == "judge" ? "judge" : "embeddings"
            let ownPath = "\(promptCase.jsonPath).expect.\(key)"
            let path = prompt.positions[ownPath] != nil ? ownPath : "$.expect.\(key)"
            throw LibraryDiagnostic(
                .error, file: displayPath, jsonPath: path, position: prompt.position(of: path),
                message: "expect.\(key) needs a \(grader) model: add \"grading\": {\"\(grader)\": {\"provider\": \"<one of \(config.providers.map(\.name).joined(separator: ", "))>\"}} to \(SuiteConfig.fileName) (docs/grading.md)"
            )
        }
    }

    /// `url` relative to the current directory when it is inside it, else absolute.
    public static func displayPath(_ url: URL) -> String {
        let cwd = FileManager.default.currentDirectoryPath + "/"
        return url.path.hasPrefix(cwd) ? String(url.path.dropFirst(cwd.count)) : url.path
    }
}
