import Foundation

/// Appends each finished case to `results.jsonl` the moment it finishes, one JSON object a line, so a
/// run that crashes or is killed keeps every result it had.
///
/// Each line is written with one `write(2)`, so it is in the kernel (and survives the process being
/// killed) when `append` returns. It is forced to the disk (`fsync`) at most once a second and when the
/// log closes: an fsync a line cost a disk write per case and, on this machine, most of a 10,000-case run
/// against a fast server. Only a machine crash can lose the last second's lines.
///
/// ```swift
/// let log = try ResultsLog(file: reports.appendingPathComponent("results.jsonl"))
/// await runner.run { result, _, _ in log.append(result) }
/// ```
public final class ResultsLog: Sendable {
    public let file: URL
    private let handle: FileHandle
    private let lock = NSLock()
    /// When the lines were last forced to the disk; guarded by `lock`.
    nonisolated(unsafe) private var lastSync = ContinuousClock.now
    static let syncInterval = Duration.seconds(1)

    /// Starts a new log, replacing any previous one at `file`; with `kept` results (a `--resume`), the new
    /// log starts with their lines, written atomically, and the run appends after them.
    public init(file: URL, keeping kept: [CaseResult] = []) throws {
        self.file = file
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(kept.map { $0.json.serialized() + "\n" }.joined().utf8).write(to: file, options: .atomic)
        handle = try FileHandle(forWritingTo: file)
        try handle.seekToEnd()
    }

    deinit {
        try? handle.synchronize()
        try? handle.close()
    }

    /// Writes one result as a line; forces the file to the disk when the last time is a second ago.
    public func append(_ result: CaseResult) {
        let line = Data((result.json.serialized() + "\n").utf8)
        lock.withLock {
            handle.write(line)
            let now = ContinuousClock.now
            if now - lastSync >= Self.syncInterval {
                try? handle.synchronize()
                lastSync = now
            }
        }
    }
}

extension ReadinessReport {
    /// Writes `summary.md` (≤ 60,000 characters: a pull-request comment), `report.md`, `report.json`,
    /// `report.html` and `junit.xml` into `directory` (each atomically) and returns their paths.
    @discardableResult
    public func write(to directory: URL) throws -> [URL] {
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let markdownFile = directory.appendingPathComponent("report.md")
        let jsonFile = directory.appendingPathComponent("report.json")
        let summaryFile = directory.appendingPathComponent("summary.md")
        try Data(summaryMarkdown(fullReport: PromptLibrary.displayPath(markdownFile)).utf8).write(to: summaryFile, options: .atomic)
        try Data(markdown().utf8).write(to: markdownFile, options: .atomic)
        // The two large reports are written a prompt at a time (never one string of every case).
        try AtomicTextFile.write(to: jsonFile, writeJSON)
        let htmlFile = directory.appendingPathComponent("report.html")
        try AtomicTextFile.write(to: htmlFile, writeHTML)
        let junitFile = directory.appendingPathComponent("junit.xml")
        try Data(junitXML().utf8).write(to: junitFile, options: .atomic)
        return [summaryFile, markdownFile, jsonFile, htmlFile, junitFile]
    }
}
