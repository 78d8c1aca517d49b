import Foundation

/// Runs Debian's Chromium headless on a local file: `--dump-dom` (the DOM after the page's scripts ran)
/// and `--screenshot`. `scripts/test` installs Chromium with apt-get when it is missing.
struct HeadlessChromium {
    struct Output {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    struct Timeout: Error, CustomStringConvertible {
        var seconds: Double
        var description: String { "chromium did not finish within \(Int(seconds)) s" }
    }

    static let names = ["chromium", "chromium-browser", "google-chrome", "google-chrome-stable"]

    let binary: URL

    /// The first of ``names`` found on `PATH`, or `nil`.
    static func find(path: String? = ProcessInfo.processInfo.environment["PATH"]) -> HeadlessChromium? {
        let directories = (path ?? "/usr/bin:/bin").split(separator: ":").map(String.init)
        for name in names {
            for directory in directories {
                let candidate = URL(fileURLWithPath: directory).appendingPathComponent(name)
                if FileManager.default.isExecutableFile(atPath: candidate.path) { return HeadlessChromium(binary: candidate) }
            }
        }
        return nil
    }

    /// The flags every run gets: headless, no sandbox (tests run as root in containers), no GPU, a
    /// throw-away profile so parallel runs do not share a lock.
    func baseArguments(profile: URL) -> [String] {
        ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
         "--no-default-browser-check", "--hide-scrollbars", "--user-data-dir=\(profile.path)"]
    }

    /// The DOM of `page` after its scripts ran.
    func dumpDOM(_ page: URL, in folder: URL) async throws -> Output {
        try await run(baseArguments(profile: folder.appendingPathComponent("profile-dom")) + ["--dump-dom", page.absoluteString], in: folder)
    }

    /// A PNG of `page` at `width` × `height`.
    func screenshot(_ page: URL, to png: URL, width: Int = 1280, height: Int = 1600, in folder: URL) async throws -> Output {
        try await run(baseArguments(profile: folder.appendingPathComponent("profile-shot"))
            + ["--screenshot=\(png.path)", "--window-size=\(width),\(height)", page.absoluteString], in: folder)
    }

    /// Runs Chromium without blocking a thread of the cooperative pool: the process reports its end
    /// through its termination handler; past `timeout` seconds it is terminated and this throws.
    func run(_ arguments: [String], in folder: URL, timeout: Double = 60) async throws -> Output {
        let stdoutFile = folder.appendingPathComponent("chromium-\(UUID().uuidString).out")
        let stderrFile = folder.appendingPathComponent("chromium-\(UUID().uuidString).err")
        _ = FileManager.default.createFile(atPath: stdoutFile.path, contents: nil)
        _ = FileManager.default.createFile(atPath: stderrFile.path, contents: nil)
        let stdout = try FileHandle(forWritingTo: stdoutFile)
        let stderr = try FileHandle(forWritingTo: stderrFile)
        defer { try? stdout.close(); try? stderr.close() }

        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        process.currentDirectoryURL = folder
        process.standardOutput = stdout
        process.standardError = stderr
        process.standardInput = FileHandle.nullDevice
        let timedOut = TimeoutFlag()
        let status: Int32 = try await withCheckedThrowingContinuation { continuation in
            process.terminationHandler = { finished in continuation.resume(returning: finished.terminationStatus) }
            do {
                try process.run()
            } catch {
                process.terminationHandler = nil
                continuation.resume(throwing: error)
                return
            }
            DispatchQueue.global().asyncAfter(deadline: .now() + timeout) {
                if process.isRunning { timedOut.set(); process.terminate() }
            }
        }
        if timedOut.isSet { throw Timeout(seconds: timeout) }
        return Output(status: status,
                      stdout: (try? String(contentsOf: stdoutFile, encoding: .utf8)) ?? "",
                      stderr: (try? String(contentsOf: stderrFile, encoding: .utf8)) ?? "")
    }
}

/// Set once by the timer that terminated the process.
private final class TimeoutFlag: @unchecked Sendable {
    private let lock = NSLock()
    private var value = false
    func set() { lock.withLock { value = true } }
    var isSet: Bool { lock.withLock { value } }
}
