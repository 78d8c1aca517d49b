import Foundation
import PromptCompat

/// Every line the tool prints has its API keys taken out: `run` met them in providers' error bodies,
/// `import` in logged error messages, any command in a path or a note. This `print` stands in for the
/// standard library's throughout the module, so no command can forget.
func print(_ items: Any..., separator: String = " ", terminator: String = "\n") {
    let text = items.map { "\($0)" }.joined(separator: separator)
    FileHandle.standardOutput.write(Data(Console.redacted(text + terminator).utf8))
}

extension Console {
    /// The values of the environment variables that hold keys: those a loaded library names
    /// (`apiKeyEnv`, ``protectKeys(of:)``) and any variable whose name says it is one (`…_API_KEY`,
    /// `…_KEY`, `…_TOKEN`, `…_SECRET`).
    private static let keys = KeyRing(ProcessInfo.processInfo.environment)

    /// `text` with every known key, and every key-shaped or header-shaped secret, replaced (``SecretRedaction``).
    static func redacted(_ text: String) -> String {
        SecretRedaction.redact(text, secrets: keys.values)
    }

    /// Help and version text, written as is: it is the tool's own words, and redacting would mangle its
    /// examples (`Authorization: Bearer …`). To standard error with `toError`.
    static func help(_ text: String, toError: Bool = false) {
        (toError ? FileHandle.standardError : FileHandle.standardOutput).write(Data((text + "\n").utf8))
    }

    /// Adds the keys a library's providers read (`apiKeyEnv`) to what is taken out of the output.
    static func protectKeys(of library: PromptLibrary) {
        keys.add(library.config)
    }
}

/// The key values to take out of the output, from the environment; grows as libraries load.
final class KeyRing: Sendable {
    private let lock = NSLock()
    private let environment: [String: String]
    nonisolated(unsafe) private var kept: [String]

    init(_ environment: [String: String]) {
        self.environment = environment
        kept = SecretRedaction.keyLikeValues(in: environment)
    }

    var values: [String] { lock.withLock { kept } }

    func add(_ config: SuiteConfig) {
        let found = SecretRedaction.keys(of: config, in: environment)
        lock.withLock { kept = Array(Set(kept + found)).sorted { $0.count > $1.count } }
    }
}
