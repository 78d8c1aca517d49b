import Foundation

/// A JSONL log of Chat Completions requests and their responses, as API gateways keep them: one JSON
/// object a line. Every line becomes an entry, a skipped line (an error response, no choices, something
/// prompt files cannot hold) or a malformed line (not a request/response pair). See `docs/import.md`.
///
/// ```swift
/// let log = try GatewayLog.read(contentsOf: URL(fileURLWithPath: "logs.jsonl"))
/// log.entries.count   // requests that can be imported
/// log.malformed       // [logs.jsonl:17: "request.messages" is missing]
/// ```
public struct GatewayLog: Sendable {
    public var entries: [GatewayLogEntry] = []
    /// Lines that hold a request but nothing to import: an error response, no choices, a content
    /// array, a role prompt files do not have.
    public var skipped: [LogLineProblem] = []
    /// Lines that are not a request/response pair.
    public var malformed: [LogLineProblem] = []
    /// Non-blank lines read.
    public var linesRead = 0

    public init() {}

    /// Request keys that are dropped: how the gateway called (streaming), who the end user was, and
    /// OpenAI's stored-completions flags — none of them is part of the prompt.
    public static let ignoredRequestKeys = ["stream", "stream_options", "user", "metadata", "store"]

    /// Reads a log file; `displayPath` names it in problems (default: relative to the current directory).
    public static func read(contentsOf url: URL, displayPath: String? = nil) throws -> GatewayLog {
        let data = try Data(contentsOf: url)
        return read(String(decoding: data, as: UTF8.self), file: displayPath ?? PromptLibrary.displayPath(url))
    }

    /// Reads log text; `file` names it in problems (`logs.jsonl:17: …`).
    public static func read(_ text: String, file: String) -> GatewayLog {
        var log = GatewayLog()
        var body = text.unicodeScalars[...]
        if body.first == "\u{FEFF}" { body = body.dropFirst() }
        // Split on scalars: "\r\n" is one Character, which a split on Characters would not break.
        for (index, rawLine) in body.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = String(rawLine.last == "\r" ? rawLine.dropLast() : rawLine)
            guard !line.allSatisfy(\.isWhitespace) else { continue }
            log.linesRead += 1
            let number = index + 1
            do throws(LogLineIssue) {
                log.entries.append(try GatewayLogEntry(line: line, file: file, number: number))
            } catch {
                switch error {
                case .skipped(let reason): log.skipped.append(LogLineProblem(file: file, line: number, message: reason))
                case .malformed(let reason): log.malformed.append(LogLineProblem(file: file, line: number, message: reason))
                }
            }
        }
        return log
    }

    /// This log followed by another (several files imported at once).
    public mutating func append(_ other: GatewayLog) {
        entries += other.entries
        skipped += other.skipped
        malformed += other.malformed
        linesRead += other.linesRead
    }
}

/// One line that was skipped or is malformed: `logs.jsonl:17: "request.messages" is missing`.
public struct LogLineProblem: Sendable, Equatable, CustomStringConvertible {
    public var file: String
    public var line: Int
    public var message: String

    public init(file: String, line: Int, message: String) {
        self.file = file
        self.line = line
        self.message = message
    }

    public var description: String { "\(file):\(line): \(message)" }
}

/// Why a line is not an entry.
enum LogLineIssue: Error {
    /// A request/response pair with nothing to import (an error response, …).
    case skipped(String)
    /// Not a request/response pair.
    case malformed(String)
}
