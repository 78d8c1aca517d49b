import Foundation

/// Reads an HTTP/1.1 response as its bytes arrive: the status line and header fields, then a body framed by
/// `Content-Length`, by `Transfer-Encoding: chunked`, or by the end of the connection.
///
/// Interim `1xx` responses are skipped. Header names come out lower-cased (a repeated field joined with
/// `", "`), as ``OpenAICompatibleClient`` reads them from `URLSession`.
struct HTTPResponseParser {
    enum Event {
        case head(status: Int, headers: [String: String])
        case body(Data)
    }

    /// The response is not HTTP/1.x.
    struct Malformed: Error, CustomStringConvertible {
        var description: String
    }

    private enum State {
        case head
        case fixed(remaining: Int)
        case chunkSize
        case chunkData(remaining: Int)
        case chunkEnd
        case trailers
        case untilClose
        case done
    }

    private static let maxHeadBytes = 1 << 20
    private var state = State.head
    private var buffer: [UInt8] = []
    /// Bytes of `buffer` already read.
    private var position = 0
    /// Whether the connection may carry another request once this response is complete.
    private(set) var keepAlive = true
    /// Whether any byte of the response arrived.
    private(set) var receivedAny = false

    /// The whole response has been read (a close-delimited body only ends with ``finishAtEndOfStream()``).
    var isComplete: Bool {
        if case .done = state { return true }
        return false
    }

    /// The events `bytes` complete, in order.
    mutating func feed(_ bytes: UnsafeRawBufferPointer) throws(Malformed) -> [Event] {
        guard !bytes.isEmpty else { return [] }
        receivedAny = true
        if case .untilClose = state { return [.body(Data(bytes))] }
        buffer.append(contentsOf: bytes)
        var events: [Event] = []
        while try step(into: &events) {}
        if position > 0 {
            buffer.removeFirst(position)
            position = 0
        }
        return events
    }

    /// The connection ended: true when that ends the response (a close-delimited body), false when the
    /// response was cut short.
    mutating func finishAtEndOfStream() -> Bool {
        keepAlive = false
        switch state {
        case .untilClose, .done:
            state = .done
            return true
        default:
            return false
        }
    }

    /// Passes on up to `remaining` buffered body bytes (of a sized body or a chunk); how many, or `nil`
    /// when none is buffered yet.
    private mutating func passBody(upTo remaining: Int, into events: inout [Event]) -> Int? {
        let count = min(remaining, buffer.count - position)
        guard count > 0 else { return nil }
        events.append(.body(Data(buffer[position..<(position + count)])))
        position += count
        return count
    }

    /// Parses one piece; false when more bytes are needed (or the response is done).
    private mutating func step(into events: inout [Event]) throws(Malformed) -> Bool {
        switch state {
        case .head:
            guard let end = find([13, 10, 13, 10]) else {
                if buffer.count - position > Self.maxHeadBytes { throw Malformed(description: "a response head over 1 MiB") }
                return false
            }
            let head = buffer[position..<end]
            position = end + 4
            try startBody(head: head, events: &events)
        case .fixed(let remaining):
            guard let count = passBody(upTo: remaining, into: &events) else { return false }
            state = remaining == count ? .done : .fixed(remaining: remaining - count)
        case .chunkSize:
            guard let line = readLine() else { return false }
            let hex = line.prefix { $0 != ";" }.trimmingCharacters(in: .whitespaces)
            guard let size = Int(hex, radix: 16), size >= 0 else { throw Malformed(description: "a bad chunk size line \"\(line.prefix(40))\"") }
            state = size == 0 ? .trailers : .chunkData(remaining: size)
        case .chunkData(let remaining):
            guard let count = passBody(upTo: remaining, into: &events) else { return false }
            state = remaining == count ? .chunkEnd : .chunkData(remaining: remaining - count)
        case .chunkEnd:
            guard let line = readLine() else { return false }
            guard line.isEmpty else { throw Malformed(description: "a chunk not followed by CRLF") }
            state = .chunkSize
        case .trailers:
            guard let line = readLine() else { return false }
            if line.isEmpty { state = .done }
        case .untilClose:
            guard position < buffer.count else { return false }
            events.append(.body(Data(buffer[position...])))
            position = buffer.count
        case .done:
            return false
        }
        return true
    }

    /// Reads a head: an interim `1xx` is skipped, a final one chooses the body's framing. The head is read
    /// as bytes (its lines, names and values are ASCII but for a value's obs-text, decoded as UTF-8).
    private mutating func startBody(head: ArraySlice<UInt8>, events: inout [Event]) throws(Malformed) {
        var lines = Self.lines(of: head)
        let statusLine = lines.removeFirst().split(separator: 0x20, maxSplits: 2)
        guard statusLine.count >= 2, statusLine[0].starts(with: Self.versionPrefix),
              let status = Int(String(decoding: statusLine[1], as: UTF8.self)) else {
            throw Malformed(description: "not an HTTP/1.x status line: \"\(String(decoding: head, as: UTF8.self).prefix(60))\"")
        }
        if (100..<200).contains(status) && status != 101 { return }  // 100 Continue, 103 Early Hints
        var headers: [String: String] = [:]
        for line in lines {
            guard let colon = line.firstIndex(of: 0x3A) else { continue }
            let name = String(decoding: Self.trimmed(line[..<colon]).map { (0x41...0x5A).contains($0) ? $0 | 0x20 : $0 }, as: UTF8.self)
            let value = String(decoding: Self.trimmed(line[(colon + 1)...]), as: UTF8.self)
            headers[name] = headers[name].map { $0 + ", " + value } ?? value
        }
        let connection = headers["connection"]?.lowercased() ?? ""
        keepAlive = statusLine[0].elementsEqual(Self.version11) ? !connection.contains("close") : connection.contains("keep-alive")
        events.append(.head(status: status, headers: headers))
        if status == 204 || status == 304 {
            state = .done
        } else if headers["transfer-encoding"]?.lowercased().contains("chunked") == true {
            state = .chunkSize
        } else if let field = headers["content-length"] {
            guard let length = Int(field), length >= 0 else { throw Malformed(description: "a bad Content-Length \"\(field)\"") }
            state = length == 0 ? .done : .fixed(remaining: length)
        } else {
            keepAlive = false
            state = .untilClose
        }
    }

    private static let versionPrefix = Array("HTTP/1.".utf8)
    private static let version11 = Array("HTTP/1.1".utf8)

    /// A head's lines, split at CRLF.
    private static func lines(of head: ArraySlice<UInt8>) -> [ArraySlice<UInt8>] {
        var lines: [ArraySlice<UInt8>] = []
        var start = head.startIndex, index = head.startIndex
        while index < head.endIndex {
            if head[index] == 13, index + 1 < head.endIndex, head[index + 1] == 10 {
                lines.append(head[start..<index])
                index += 2
                start = index
            } else {
                index += 1
            }
        }
        lines.append(head[start..<head.endIndex])
        return lines
    }

    /// Without the spaces and tabs around it (HTTP's optional whitespace).
    private static func trimmed(_ bytes: ArraySlice<UInt8>) -> ArraySlice<UInt8> {
        var bytes = bytes
        while let first = bytes.first, first == 0x20 || first == 0x09 { bytes.removeFirst() }
        while let last = bytes.last, last == 0x20 || last == 0x09 { bytes.removeLast() }
        return bytes
    }

    private mutating func readLine() -> String? {
        guard let end = find([13, 10]) else { return nil }
        let line = String(decoding: buffer[position..<end], as: UTF8.self)
        position = end + 2
        return line
    }

    /// Where `needle` starts in the unread bytes.
    private func find(_ needle: [UInt8]) -> Int? {
        guard buffer.count - position >= needle.count else { return nil }
        var index = position
        let last = buffer.count - needle.count
        while index <= last {
            if buffer[index] == needle[0] && buffer[index..<(index + needle.count)].elementsEqual(needle) { return index }
            index += 1
        }
        return nil
    }
}
