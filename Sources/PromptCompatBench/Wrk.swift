import Foundation

/// The reference load generator for `runner`: `wrk` (C, epoll, keep-alive) POSTing the same body to the
/// same stub. Its requests per second is what the loopback stub and this machine can do at all.
enum Wrk {
    /// Requests per second, or `nil` when `wrk` is not on `PATH`.
    static func run(url: URL, body: String, connections: Int, seconds: Int, threads: Int = 2) throws -> Double? {
        guard let executable = which("wrk") else { return nil }
        let script = FileManager.default.temporaryDirectory.appendingPathComponent("promptcompat-bench-\(UUID().uuidString.prefix(8)).lua")
        defer { try? FileManager.default.removeItem(at: script) }
        let lua = """
            wrk.method = "POST"
            wrk.headers["Content-Type"] = "application/json"
            wrk.headers["Accept"] = "application/json"
            wrk.body = [==[\(body)]==]
            """
        try lua.write(to: script, atomically: true, encoding: .utf8)
        let process = Process()
        process.executableURL = executable
        process.arguments = ["-t\(min(threads, connections))", "-c\(connections)", "-d\(seconds)s", "-s", script.path, url.absoluteString]
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let text = String(decoding: data, as: UTF8.self)
        guard process.terminationStatus == 0,
            let line = text.split(separator: "\n").first(where: { $0.hasPrefix("Requests/sec:") }),
            let value = Double(line.dropFirst("Requests/sec:".count).trimmingCharacters(in: .whitespaces))
        else {
            throw StubError("wrk failed (exit \(process.terminationStatus)):\n\(text)")
        }
        if text.contains("Non-2xx") || text.contains("Socket errors") {
            print("wrk reported errors:\n\(text)")
        }
        return value
    }

    static func which(_ name: String) -> URL? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        return path.split(separator: ":").map { URL(fileURLWithPath: String($0)).appendingPathComponent(name) }
            .first { FileManager.default.isExecutableFile(atPath: $0.path) }
    }
}
