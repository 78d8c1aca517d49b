import Foundation

/// Reads one HTTP/1.1 request from a connected socket: request line, header fields, then a
/// `Content-Length` or `Transfer-Encoding: chunked` body.
///
/// Blocking; a `shutdownBoth()` from another thread ends any read with nil.
struct HTTPRequestReader {
    /// The request line and header fields, before the body is read.
    struct Head {
        var method: String
        var target: String
        var headers: [String: String]
    }

    private let socket: Socket
    private var buffer: [UInt8] = []
    private static let maxHeadBytes = 1 << 20

    init(socket: Socket) {
        self.socket = socket
    }

    /// The request line and headers, or nil on end of stream or a malformed head.
    mutating func readHead() -> Head? {
        var searchFrom = 0
        var headEnd: Int?
        while headEnd == nil {
            headEnd = Self.find([13, 10, 13, 10], in: buffer, from: searchFrom)
            if headEnd != nil { break }
            searchFrom = max(0, buffer.count - 3)
            guard buffer.count < Self.maxHeadBytes, fill() else { return nil }
        }
        guard let end = headEnd else { return nil }
        let text = String(decoding: buffer[0..<end], as: UTF8.self)
        buffer.removeFirst(end + 4)

        var lines = text.components(separatedBy: "\r\n")
        let requestLine = lines.removeFirst().split(separator: " ", omittingEmptySubsequences: true)
        guard requestLine.count >= 2 else { return nil }
        var headers: [String: String] = [:]
        for line in lines {
            guard let colon = line.firstIndex(of: ":") else { continue }
            let name = line[..<colon].trimmingCharacters(in: .whitespaces).lowercased()
            let value = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            if let existing = headers[name] {
                headers[name] = existing + ", " + value
            } else {
                headers[name] = value
            }
        }
        return Head(method: String(requestLine[0]), target: String(requestLine[1]), headers: headers)
    }

    /// The body the head announces (empty if none), or nil when the stream ends early.
    mutating func readBody(for head: Head) -> Data? {
        if head.headers["transfer-encoding"]?.lowercased().contains("chunked") == true {
            return readChunkedBody()
        }
        let length = head.headers["content-length"].flatMap { Int($0) } ?? 0
        guard length >= 0, let bytes = readExactly(length) else { return nil }
        return Data(bytes)
    }

    // MARK: - Body framing

    private mutating func readChunkedBody() -> Data? {
        var body = Data()
        while true {
            guard let sizeLine = readLine() else { return nil }
            let hex = sizeLine.prefix { $0 != ";" }.trimmingCharacters(in: .whitespaces)
            guard let size = Int(hex, radix: 16), size >= 0 else { return nil }
            if size == 0 {
                // Trailer fields, if any, end with an empty line.
                while true {
                    guard let trailer = readLine() else { return nil }
                    if trailer.isEmpty { return body }
                }
            }
            guard let chunk = readExactly(size), readLine() != nil else { return nil }
            body.append(contentsOf: chunk)
        }
    }

    private mutating func readLine() -> String? {
        while true {
            if let end = Self.find([13, 10], in: buffer, from: 0) {
                let line = String(decoding: buffer[0..<end], as: UTF8.self)
                buffer.removeFirst(end + 2)
                return line
            }
            guard fill() else { return nil }
        }
    }

    private mutating func readExactly(_ count: Int) -> [UInt8]? {
        while buffer.count < count {
            guard fill() else { return nil }
        }
        let bytes = Array(buffer[0..<count])
        buffer.removeFirst(count)
        return bytes
    }

    /// Appends whatever the socket has; false on end of stream or error.
    private mutating func fill() -> Bool {
        socket.receive(into: &buffer) > 0
    }

    private static func find(_ needle: [UInt8], in haystack: [UInt8], from start: Int) -> Int? {
        guard haystack.count >= needle.count, start <= haystack.count - needle.count else { return nil }
        for index in start...(haystack.count - needle.count)
        where haystack[index..<(index + needle.count)].elementsEqual(needle) {
            return index
        }
        return nil
    }
}
