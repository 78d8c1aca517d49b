import Foundation
@testable import PromptCompat
import Testing

/// `HTTPResponseParser`: framing and heads, fed whole and one byte at a time.
@Suite("Transport: HTTP response parser")
struct HTTPResponseParserTests {
    /// The head and the body the parser reads from `text` fed in pieces of `step` bytes, and whether it is complete.
    func parse(_ text: String, step: Int, endOfStream: Bool = false) throws -> (status: Int?, headers: [String: String], body: String, complete: Bool, keepAlive: Bool) {
        var parser = HTTPResponseParser()
        let bytes = Array(text.utf8)
        var status: Int?
        var headers: [String: String] = [:]
        var body = Data()
        var offset = 0
        while offset < bytes.count {
            let end = min(bytes.count, offset + step)
            let events = try bytes[offset..<end].withUnsafeBytes { try parser.feed($0) }
            for event in events {
                switch event {
                case .head(let code, let fields): (status, headers) = (code, fields)
                case .body(let data): body.append(data)
                }
            }
            offset = end
        }
        let complete = endOfStream ? parser.finishAtEndOfStream() : parser.isComplete
        return (status, headers, String(decoding: body, as: UTF8.self), complete, parser.keepAlive)
    }

    @Test(arguments: [1, 3, 1000])
    func contentLengthBody(step: Int) throws {
        let result = try parse("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 9\r\nX-A: 1\r\nx-a: 2\r\n\r\n{\"a\":\"北\"}", step: step)
        #expect(result.status == 200)
        #expect(result.headers["content-type"] == "application/json")
        #expect(result.headers["x-a"] == "1, 2")
        #expect(result.body == "{\"a\":\"北")  // 9 bytes: the rest is not this response's
        #expect(result.complete)
        #expect(result.keepAlive)
    }

    @Test(arguments: [1, 2, 1000])
    func chunkedBodyWithExtensionsAndTrailers(step: Int) throws {
        let result = try parse("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n3;x=y\r\n北\r\nA\r\n0123456789\r\n0\r\nT: 1\r\n\r\n", step: step)
        #expect(result.body == "北0123456789")
        #expect(result.complete)
        #expect(result.keepAlive)
    }

    @Test func closeDelimitedBodyEndsWithTheConnection() throws {
        let open = try parse("HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\n\r\ndata: 1\n\n", step: 5)
        #expect(!open.complete)
        #expect(!open.keepAlive)
        let ended = try parse("HTTP/1.1 200 OK\r\n\r\ndata: 1\n\n", step: 5, endOfStream: true)
        #expect(ended.complete)
        #expect(ended.body == "data: 1\n\n")
    }

    @Test func aCutChunkedBodyIsNotComplete() throws {
        let result = try parse("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nab", step: 4, endOfStream: true)
        #expect(!result.complete)
    }

    @Test func interimResponsesAreSkippedAndConnectionCloseIsHonoured() throws {
        let result = try parse("HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 429 Too Many Requests\r\nRetry-After: 7\r\nConnection: close\r\nContent-Length: 2\r\n\r\n{}", step: 7)
        #expect(result.status == 429)
        #expect(result.headers["retry-after"] == "7")
        #expect(result.complete)
        #expect(!result.keepAlive)
    }

    @Test func http10WithoutKeepAliveClosesAndNoContentHasNoBody() throws {
        #expect(try !parse("HTTP/1.0 200 OK\r\nContent-Length: 0\r\n\r\n", step: 100).keepAlive)
        let empty = try parse("HTTP/1.1 204 No Content\r\n\r\n", step: 100)
        #expect(empty.complete && empty.body.isEmpty && empty.keepAlive)
    }

    @Test func aResponseThatIsNotHTTPIsRejected() {
        #expect(throws: HTTPResponseParser.Malformed.self) { try parse("SSH-2.0-OpenSSH_9.6\r\n\r\n", step: 100) }
        #expect(throws: HTTPResponseParser.Malformed.self) { try parse("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n", step: 100) }
    }
}
