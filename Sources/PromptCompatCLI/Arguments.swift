import Foundation
import PromptCompat

/// A usage error: wrong flag, missing value. Printed with the command's usage; exit code 2.
struct UsageError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

/// Parses `--flag value`, `--flag=value` and bare `--switch` arguments against a fixed list, so a typo
/// gets an error naming the flags that exist.
struct Arguments {
    private(set) var values: [String: [String]] = [:]
    private(set) var switches: Set<String> = []

    init(_ arguments: [String], options: [String], switches allowedSwitches: [String]) throws(UsageError) {
        var rest = arguments[...]
        while let argument = rest.popFirst() {
            guard argument.hasPrefix("--") else {
                throw UsageError("unexpected argument \"\(argument)\"")
            }
            var name = String(argument.dropFirst(2))
            var inlineValue: String?
            if let equals = name.firstIndex(of: "=") {
                inlineValue = String(name[name.index(after: equals)...])
                name = String(name[..<equals])
            }
            if allowedSwitches.contains(name), inlineValue == nil {
                switches.insert(name)
            } else if options.contains(name) {
                guard let value = inlineValue ?? rest.popFirst(), !value.hasPrefix("--") || inlineValue != nil else {
                    throw UsageError("--\(name) needs a value")
                }
                values[name, default: []].append(value)
            } else {
                throw UsageError(Self.unknown(name, options: options + allowedSwitches))
            }
        }
    }

    /// `unknown option --targt; did you mean --target? This command takes: --prompts, …, --target, …`
    static func unknown(_ name: String, options: [String]) -> String {
        let known = options.isEmpty ? "This command takes no options." : "This command takes: " + options.map { "--" + $0 }.joined(separator: ", ")
        guard let near = Suggestion.closest(to: name, among: options) else { return "unknown option --\(name); " + known.prefix(1).lowercased() + known.dropFirst() }
        return "unknown option --\(name); did you mean --\(near)? " + known
    }

    func value(_ name: String) -> String? { values[name]?.last }
    func all(_ name: String) -> [String] { values[name] ?? [] }
    func has(_ name: String) -> Bool { switches.contains(name) }
}

/// Where the library, snapshots and reports are; every command takes these.
struct Paths {
    var prompts: URL
    var snapshots: URL
    var reports: URL

    static let options = ["prompts", "snapshots", "reports"]

    init(_ arguments: Arguments) {
        let cwd = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
        func url(_ name: String, _ fallback: String) -> URL {
            let path = arguments.value(name) ?? fallback
            return path.hasPrefix("/") ? URL(fileURLWithPath: path) : cwd.appendingPathComponent(path)
        }
        prompts = url("prompts", "prompts")
        snapshots = url("snapshots", "snapshots")
        reports = url("reports", "reports")
    }
}

/// Exit codes CI understands.
enum ExitCode: Int32 {
    /// Everything ready.
    case ready = 0
    /// Something needs re-tuning, is blocked or could not be judged.
    case notReady = 1
    /// Usage or configuration error.
    case usage = 2
    /// Stopped by SIGINT (Ctrl-C): 128 + 2, as a shell reports it.
    case interrupted = 130
    /// Stopped by SIGTERM: 128 + 15.
    case terminated = 143
}

/// Standard error, for progress and messages (standard output carries results only). Everything
/// written here, and everything `print`ed (Console+Redaction.swift), has its API keys taken out first.
enum Console {
    static func error(_ text: String) {
        writeError(text + "\n")
    }

    /// `text` on standard error as is (no newline added), keys taken out: progress lines updated in place.
    static func writeError(_ text: String) {
        FileHandle.standardError.write(Data(redacted(text).utf8))
    }

    static var stderrIsTerminal: Bool { isatty(STDERR_FILENO) == 1 }
}

/// A command line split into its command word and that command's arguments. The options every command
/// takes (``Paths/options`` and ``globalSwitches``) may come before the command word; they are passed to
/// the command as if written right after it, so `promptcompat --prompts lib --quiet run --target qwen` is
/// `promptcompat run --prompts lib --quiet --target qwen`. `--help`/`-h` and `--version`/`-V` there are
/// the commands `help` and `version` (`promptcompat --help run` is `promptcompat run --help`).
struct Invocation {
    /// The command word; nil when the line has none (only options, or nothing at all).
    var command: String?
    /// The options written before the command word, in their order.
    var global: [String] = []
    /// The words after the command word.
    var rest: [String] = []

    /// Switches that may come before the command word (they go to the command, which may not take them).
    static let globalSwitches = ["quiet"]

    /// What may come before the command word, for messages: `--prompts DIR, …, --help, --version`.
    static var globalUsage: String {
        (Paths.options.map { "--\($0) DIR" } + globalSwitches.map { "--\($0)" } + ["--help", "--version"]).joined(separator: ", ")
    }

    /// The command's arguments: the options given before it, then the words after it.
    var arguments: [String] { global + rest }

    init(_ words: [String]) throws(UsageError) {
        var remaining = words[...]
        var wantsHelp = false
        while command == nil, let word = remaining.popFirst() {
            switch word {
            case "--help", "-h": wantsHelp = true
            case "--version", "-V": command = "version"
            case _ where !word.hasPrefix("-"): command = word
            default: try takeGlobal(word, from: &remaining)
            }
        }
        rest = Array(remaining)
        guard wantsHelp else { return }
        if command == nil { command = "help" } else { rest.append("--help") }
    }

    /// Keeps `word` (and its value) as a global option, or says where it belongs.
    private mutating func takeGlobal(_ word: String, from remaining: inout ArraySlice<String>) throws(UsageError) {
        let spelled = word.drop { $0 == "-" }
        let name = String(spelled.prefix { $0 != "=" })
        let inline = spelled.contains("=")
        if word.hasPrefix("--"), Self.globalSwitches.contains(name), !inline {
            global.append(word)
        } else if word.hasPrefix("--"), Paths.options.contains(name) {
            global.append(word)
            guard !inline else { return }
            guard let value = remaining.popFirst(), !value.hasPrefix("--") else { throw UsageError("--\(name) needs a value") }
            global.append(value)
        } else if let near = Suggestion.closest(to: name, among: Paths.options + Self.globalSwitches + ["help", "version"]) {
            throw UsageError("unknown option \(word); did you mean --\(near)? Only these may come before the command word: \(Self.globalUsage)")
        } else {
            throw UsageError("\(word) goes after the command word (promptcompat COMMAND \(word) …); only these may come before it: \(Self.globalUsage)")
        }
    }
}
