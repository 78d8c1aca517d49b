import Foundation

/// Runs the built `promptcompat` binary as a child process, as a user runs it.
struct CLIProcess {
    struct Output {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// `.build/<config>/promptcompat`, beside the test bundle.
    static var binary: URL {
        let bundle = Bundle.main.bundleURL
        for directory in [bundle, bundle.deletingLastPathComponent(), bundle.deletingLastPathComponent().deletingLastPathComponent()] {
            let candidate = directory.appendingPathComponent("promptcompat")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
        }
        return bundle.appendingPathComponent("promptcompat")
    }

    /// Starts the binary with `arguments` in `directory`; the caller waits or kills it.
    static func start(_ arguments: [String], in directory: URL, environment: [String: String] = [:]) throws -> (Process, Pipe, Pipe) {
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        process.currentDirectoryURL = directory
        var env = ProcessInfo.processInfo.environment
        env["CI"] = nil
        env["PROMPTCOMPAT_RECORD"] = nil
        for (key, value) in environment { env[key] = value }
        process.environment = env
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        return (process, out, err)
    }

    /// Runs the binary to completion and returns its exit status and output. The waiting happens on a
    /// thread of its own, never on one of Swift concurrency's few cooperative threads (two on a 2-core
    /// machine), which the other tests running in parallel need.
    static func run(_ arguments: [String], in directory: URL, environment: [String: String] = [:]) async throws -> Output {
        let child = UncheckedBox((process: Process(), out: Pipe(), err: Pipe()))
        child.value = try start(arguments, in: directory, environment: environment)
        return await offThePool {
            let (process, out, err) = child.value
            // Read before waiting, so a full pipe cannot block the child.
            let stdout = out.fileHandleForReading.readDataToEndOfFile()
            let stderr = err.fileHandleForReading.readDataToEndOfFile()
            process.waitUntilExit()
            return Output(status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self), stderr: String(decoding: stderr, as: UTF8.self))
        }
    }
}

/// Carries a value that is not `Sendable` (a `Process`, a `Pipe`) to the one thread that uses it next.
final class UncheckedBox<Value>: @unchecked Sendable {
    var value: Value
    init(_ value: Value) { self.value = value }
}
