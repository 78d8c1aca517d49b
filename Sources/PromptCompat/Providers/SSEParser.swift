import Foundation

/// An incremental parser for Server-Sent Events: feed it bytes as they arrive, take out whole events.
///
/// Comments (`: keep-alive`), blank keep-alive lines, `\r\n` line ends and events split across reads are
/// handled; `data:` lines of one event are joined with `\n`.
///
/// ```swift
/// var parser = SSEParser()
/// parser.feed(Data("data: {\"a\":1}\n\ndata: [DONE]\n\n".utf8))   // ["{\"a\":1}", "[DONE]"]
/// ```
public struct SSEParser: Sendable {
    private var buffer: [UInt8] = []
    /// How much of `buffer` is known to hold no newline, so a long line fed in small pieces is scanned once.
    private var scanned = 0
    private var dataLines: [String] = []
    private var linesRead = 0
    /// The number (from 1) of the first line that was not valid UTF-8, if any; its bad bytes were
    /// replaced by U+FFFD, so a caller that must not guess checks this after each ``feed(_:)``.
    public private(set) var firstInvalidUTF8Line: Int?

    public init() {}

    /// Adds bytes and returns the data of every event they complete.
    public mutating func feed(_ data: Data) -> [String] {
        buffer.append(contentsOf: data)
        var events: [String] = []
        var lineStart = 0
        while let newline = buffer[max(scanned, lineStart)...].firstIndex(of: UInt8(ascii: "\n")) {
            var lineBytes = buffer[lineStart..<newline]
            if lineBytes.last == UInt8(ascii: "\r") { lineBytes = lineBytes.dropLast() }
            let line = decodeLine(lineBytes)
            lineStart = newline + 1
            if let event = consume(line: line) { events.append(event) }
        }
        buffer.removeSubrange(..<lineStart)  // once per feed, not once per line
        scanned = buffer.count
        return events
    }

    /// Ends the stream: returns a last event that had no blank line after it, if any.
    public mutating func finish() -> String? {
        if !buffer.isEmpty {
            let line = decodeLine(buffer[...])
            buffer.removeAll()
            scanned = 0
            _ = consume(line: line)
        }
        return consume(line: "")
    }

    private mutating func decodeLine(_ bytes: ArraySlice<UInt8>) -> String {
        linesRead += 1
        if firstInvalidUTF8Line == nil, String(bytes: bytes, encoding: .utf8) == nil { firstInvalidUTF8Line = linesRead }
        return String(decoding: bytes, as: UTF8.self)
    }

    private mutating func consume(line: String) -> String? {
        if line.isEmpty {
            guard !dataLines.isEmpty else { return nil }
            defer { dataLines.removeAll() }
            return dataLines.joined(separator: "\n")
        }
        if line.hasPrefix(":") { return nil }
        guard line.hasPrefix("data:") else { return nil }  // event:, id:, retry: carry nothing we use
        var value = line.dropFirst("data:".count)
        if value.first == " " { value = value.dropFirst() }
        dataLines.append(String(value))
        return nil
    }
}
