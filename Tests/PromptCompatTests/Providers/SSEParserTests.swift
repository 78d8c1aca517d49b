import Foundation
import PromptCompat
import Testing

/// `SSEParser`: bytes in, whole event data out.
@Suite("SSEParser")
struct SSEParserTests {
    /// Feeds `text` in pieces of `size` bytes, then finishes; returns every event in order.
    private func events(_ text: String, pieceSize size: Int) -> [String] {
        let data = Array(text.utf8)
        var parser = SSEParser()
        var events: [String] = []
        var start = 0
        while start < data.count {
            let end = min(start + size, data.count)
            events += parser.feed(Data(data[start..<end]))
            start = end
        }
        if let last = parser.finish() { events.append(last) }
        return events
    }

    private let stream = "data: {\"content\":\"北京\"}\n\ndata: {\"content\":\"你好，世界\"}\n\ndata: [DONE]\n\n"
    private let expected = [#"{"content":"北京"}"#, #"{"content":"你好，世界"}"#, "[DONE]"]

    @Test func wholeStreamInOneFeed() {
        var parser = SSEParser()
        #expect(parser.feed(Data(stream.utf8)) == expected)
        #expect(parser.finish() == nil)
    }

    @Test(arguments: [1, 2, 3, 5, 7, 13])
    func eventsSplitAcrossArbitraryByteBoundaries(pieceSize: Int) {
        // Size 1 feeds byte by byte, splitting every multi-byte UTF-8 character.
        #expect(events(stream, pieceSize: pieceSize) == expected)
    }

    @Test func anEventIsReturnedOnlyOnceItsBlankLineArrives() {
        var parser = SSEParser()
        #expect(parser.feed(Data("data: {\"a\":1}\n".utf8)).isEmpty)
        #expect(parser.feed(Data("\n".utf8)) == [#"{"a":1}"#])
    }

    @Test(arguments: [1, 64])
    func crlfLineEnds(pieceSize: Int) {
        let text = "data: {\"a\":1}\r\n\r\ndata: {\"b\":2}\r\n\r\ndata: [DONE]\r\n\r\n"
        #expect(events(text, pieceSize: pieceSize) == [#"{"a":1}"#, #"{"b":2}"#, "[DONE]"])
    }

    @Test func multiLineDataIsJoinedWithNewlines() {
        var parser = SSEParser()
        let text = "data: {\"a\":\ndata: 1}\n\ndata: first\ndata:second\ndata:  indented\n\n"
        #expect(parser.feed(Data(text.utf8)) == ["{\"a\":\n1}", "first\nsecond\n indented"])
    }

    @Test func commentsAndBlankKeepAliveLinesAreIgnored() {
        var parser = SSEParser()
        let text = ": keep-alive\n\n\n\n: ping\ndata: {\"a\":1}\n: inside an event\n\n\n: keep-alive\n\n"
        #expect(parser.feed(Data(text.utf8)) == [#"{"a":1}"#])
        #expect(parser.finish() == nil)
    }

    @Test func eventIdAndRetryLinesAreIgnored() {
        var parser = SSEParser()
        let text = "event: message\nid: 42\nretry: 3000\ndata: {\"a\":1}\n\nevent: ping\nid: 43\n\n"
        #expect(parser.feed(Data(text.utf8)) == [#"{"a":1}"#])
    }

    @Test func finishReturnsATrailingEventWithNoBlankLine() {
        var parser = SSEParser()
        #expect(parser.feed(Data("data: {\"a\":1}\n\ndata: [DONE]".utf8)) == [#"{"a":1}"#])
        #expect(parser.finish() == "[DONE]")
        #expect(parser.finish() == nil)
    }

    @Test func finishReturnsATrailingEventEndedByOneNewline() {
        var parser = SSEParser()
        #expect(parser.feed(Data("data: line one\ndata: line two\n".utf8)).isEmpty)
        #expect(parser.finish() == "line one\nline two")
    }

    @Test func finishOnAnEmptyOrCommentOnlyTailReturnsNothing() {
        var empty = SSEParser()
        #expect(empty.finish() == nil)
        var comment = SSEParser()
        #expect(comment.feed(Data(": keep-alive".utf8)).isEmpty)
        #expect(comment.finish() == nil)
    }
}
