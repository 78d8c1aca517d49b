import Foundation

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
                let known = (options + allowedSwitches).map { "--" + $0 }.joined(separator: ", ")
                throw UsageError("unknown option --\(name); this command takes: \(known)")
            }
        }
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
