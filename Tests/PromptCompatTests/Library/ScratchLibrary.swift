import Foundation
import Testing
@testable import PromptCompat

/// A throw-away prompt library on disk: a temporary folder holding a suite config and the given prompt
/// files, so loader tests read like "this folder holds these files; loading it says this".
///
/// ```swift
/// let folder = try ScratchLibrary(files: ["support/reply.json": #"{ "messages": … }"#])
/// defer { folder.delete() }
/// let library = try folder.load()
/// ```
struct ScratchLibrary {
    let root: URL

    /// Three providers: the baseline `local-a`, `local-b`, and `qwen`, which maps `gpt-4o` to `qwen-plus`.
    static let defaultConfig = """
        {
          "baseline": "local-a",
          "providers": {
            "local-a": { "profile": "llama-cpp", "baseURL": "http://127.0.0.1:8701/v1", "model": "model-a" },
            "local-b": { "profile": "llama-cpp", "baseURL": "http://127.0.0.1:8702/v1", "model": "model-b" },
            "qwen": { "profile": "dashscope", "baseURL": "https://dashscope.aliyuncs.com/compatible-mode/v1",
                      "model": "qwen-plus", "apiKeyEnv": "DASHSCOPE_API_KEY",
                      "models": { "gpt-4o": "qwen-plus", "gpt-4o-mini": "qwen-turbo" } }
          }
        }
        """

    /// A small valid prompt: one variable used, one case defining it.
    static let validPrompt = """
        {
          "model": "gpt-4o",
          "messages": [ { "role": "user", "content": "订单 {{order_id}} 到哪了？" } ],
          "cases": [ { "name": "late", "vars": { "order_id": "20240709" } } ]
        }
        """

    /// Creates the folder with `promptcompat.json` (unless `config` is `nil`) and each file (relative path → text).
    init(config: String? = Self.defaultConfig, files: [String: String] = [:]) throws {
        root = FileManager.default.temporaryDirectory
            .appendingPathComponent("promptcompat-units-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        if let config { try write(SuiteConfig.fileName, config) }
        for (path, text) in files { try write(path, text) }
    }

    /// Writes `text` to `path` inside the library, creating folders as needed.
    func write(_ path: String, _ text: String) throws {
        let file = root.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: file)
    }

    /// The absolute path a diagnostic names for `path` (the folder is outside the current directory).
    func path(_ relative: String) -> String { root.appendingPathComponent(relative).standardizedFileURL.path }

    func load() throws(PromptLibraryError) -> PromptLibrary { try PromptLibrary.load(from: root) }

    /// The diagnostics a failed load reports; records an issue when the load succeeds.
    func loadErrors(sourceLocation: SourceLocation = #_sourceLocation) -> [LibraryDiagnostic] {
        do {
            _ = try load()
            Issue.record("expected the library to fail to load", sourceLocation: sourceLocation)
            return []
        } catch {
            return error.diagnostics
        }
    }

    /// The single error diagnostic of a failed load; records an issue when there is not exactly one.
    func loadError(sourceLocation: SourceLocation = #_sourceLocation) throws -> LibraryDiagnostic {
        let errors = loadErrors(sourceLocation: sourceLocation).filter { $0.severity == .error }
        #expect(errors.count == 1, "errors: \(errors)", sourceLocation: sourceLocation)
        return try #require(errors.first, sourceLocation: sourceLocation)
    }

    func delete() { try? FileManager.default.removeItem(at: root) }
}
