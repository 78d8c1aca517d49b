import Foundation
import PromptCompat
import PromptCompatTestSupport
import Testing

/// The socket transport over real loopback connections: keep-alive reuse, chunked bodies, stale pooled
/// connections, runaway bodies, cancellation. Where URLSession can do the same, both transports run.
@Suite("Transport: the socket HTTP/1.1 client")
struct SocketTransportTests {
    typealias F = ProviderFixtures

    // MARK: - Keep-alive

    @Test("ten sequential requests go over one kept-alive connection")
    func sequentialRequestsReuseOneConnection() async throws {
        let server = try LoopbackServer(keepAlive: true) { _ in .json(200, F.successBody) }
        defer { server.stop() }
        let client = F.client(for: server, transport: .sockets)
        for _ in 0..<10 { #expect(try await client.complete(F.request).text == "早上好") }
        #expect(server.requests.count == 10)
        #expect(server.connectionsAccepted == 1)
    }

    @Test("twelve concurrent requests open at most connectionsPerHost connections and reuse them")
    func concurrentRequestsAreBoundedByConnectionsPerHost() async throws {
        let server = try LoopbackServer(keepAlive: true) { _ in .delayed(.milliseconds(50), .json(200, F.successBody)) }
        defer { server.stop() }
        let client = F.client(for: server, connectionsPerHost: 3, transport: .sockets)
        let texts = try await withThrowingTaskGroup(of: String.self) { group in
            for _ in 0..<12 { group.addTask { try await client.complete(F.request).text } }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        #expect(texts == Array(repeating: "早上好", count: 12))
        #expect(server.connectionsAccepted <= 3)
    }

    // MARK: - Chunked bodies

    @Test("a chunked JSON answer, split inside a character and with chunk extensions, is read whole", arguments: Transports.all)
    func chunkedJSONBody(transport: HTTPTransportChoice) async throws {
        let body = Array(F.successBody.utf8)
        // A trailer field crashes swift-corelibs-foundation's URLSession ("Transfer completed, but there's no
        // response"): libcurl hands it to the header callback as if a new response began.
        let trailer = transport == .sockets ? "X-Trailer: t\r\n" : ""
        let server = try LoopbackServer { _ in
            .produced(headers: ["Content-Type": "application/json", "Transfer-Encoding": "chunked"]) { writer in
                var offset = 0
                for size in [1, 7, 60, 3, body.count] where offset < body.count {
                    let end = min(body.count, offset + size)
                    let chunk = Data(String(end - offset, radix: 16).utf8) + Data(";ext=1\r\n".utf8) + Data(body[offset..<end]) + Data("\r\n".utf8)
                    guard writer.write(chunk) else { return }
                    offset = end
                }
                writer.write(Data("0\r\n\(trailer)\r\n".utf8))
            }
        }
        defer { server.stop() }
        let completion = try await F.client(for: server, transport: transport).complete(F.request)
        #expect(completion.text == "早上好")
        #expect(completion.usage == Usage(promptTokens: 21, completionTokens: 3))
    }

    @Test("a chunked SSE stream assembles like a close-delimited one", arguments: Transports.all)
    func chunkedEventStream(transport: HTTPTransportChoice) async throws {
        let events = [F.contentChunk("你"), F.contentChunk("好"), F.finishChunk("stop"), "[DONE]"]
        let server = try LoopbackServer(keepAlive: true) { _ in
            .produced(headers: ["Content-Type": "text/event-stream", "Transfer-Encoding": "chunked"]) { writer in
                for event in events {
                    let bytes = Data("data: \(event)\n\n".utf8)
                    guard writer.write(Data(String(bytes.count, radix: 16).utf8) + Data("\r\n".utf8) + bytes + Data("\r\n".utf8)) else { return }
                }
                writer.write(Data("0\r\n\r\n".utf8))
            }
        }
        defer { server.stop() }
        let completion = try await F.client(for: server, streaming: true, transport: transport).complete(F.request)
        #expect(completion.text == "你好")
        #expect(completion.finishReason == "stop")
    }

    // MARK: - Stale pooled connections

    @Test("a pooled connection the server closed after answering is replaced by a fresh one")
    func connectionClosedWhileIdleIsReplaced() async throws {
        // The answer says keep-alive, but this server closes every connection after one answer.
        let server = try LoopbackServer { _ in .json(200, F.successBody, headers: ["Connection": "keep-alive"]) }
        defer { server.stop() }
        let client = F.client(for: server, transport: .sockets)
        for _ in 0..<3 { #expect(try await client.complete(F.request).text == "早上好") }
        #expect(server.requests.count == 3)
        #expect(server.connectionsAccepted == 3)
    }

    @Test("a reused connection closed before the first byte of the answer is retried once on a fresh one")
    func reusedConnectionClosedBeforeAnsweringIsRetriedOnce() async throws {
        let count = TransportCounter()
        // 1st request: kept alive; 2nd (same connection): closed unanswered; 3rd (the retry, new connection): answered.
        let server = try LoopbackServer(keepAlive: true) { _ in count.next() == 2 ? .closeWithoutResponse : .json(200, F.successBody) }
        defer { server.stop() }
        let client = F.client(for: server, transport: .sockets)
        #expect(try await client.complete(F.request).text == "早上好")
        #expect(try await client.complete(F.request).text == "早上好")
        #expect(server.requests.count == 3)
        #expect(server.connectionsAccepted == 2)
    }

    @Test("a reused connection cut after part of the answer is not retried")
    func partialAnswerOnAReusedConnectionIsNotRetried() async throws {
        let count = TransportCounter()
        let server = try LoopbackServer(keepAlive: true) { _ in
            count.next() == 1 ? .json(200, F.successBody) : .cutStream(chunks: [bytes("data: \(F.contentChunk("半"))\n\n")], holdFor: .milliseconds(50))
        }
        defer { server.stop() }
        let client = F.client(for: server, streaming: true, transport: .sockets)
        _ = try await client.complete(F.request)
        let failure = try #require(await expectFailure(of: client))
        #expect(failure.cause == .network)
        #expect(failure.evidence == "半")
        #expect(server.requests.count == 2)
    }

    @Test("a fresh connection closed without an answer is not retried")
    func freshConnectionClosedIsNotRetried() async throws {
        let server = try LoopbackServer(keepAlive: true) { _ in .closeWithoutResponse }
        defer { server.stop() }
        let failure = try #require(await expectFailure(of: F.client(for: server, transport: .sockets)))
        #expect(failure.cause == .network)
        #expect(failure.message.contains("without answering"), "\(failure.message)")
        #expect(server.requests.count == 1)
    }

    // MARK: - Runaway bodies and cancellation

    @Test("a 50 MiB close-delimited answer is refused at the cap without reading it all")
    func runawayBodyStopsAtTheCap() async throws {
        let written = TransportCounter()
        let server = try LoopbackServer { _ in
            .produced(headers: ["Content-Type": "application/json"]) { writer in
                let chunk = Data(repeating: UInt8(ascii: "x"), count: 1 << 20)
                for _ in 0..<50 where writer.write(chunk) { _ = written.next() }
            }
        }
        defer { server.stop() }
        let failure = try #require(await expectFailure(of: F.client(for: server, transport: .sockets)))
        #expect(failure.cause == .malformedResponse)
        #expect(failure.message.contains("response larger than \(OpenAICompatibleClient.defaultMaxResponseBytes) bytes"))
        // The producer stops once the client has closed: the cap, what the socket buffers hold, not 50 MiB.
        try await waitForTransport { server.connectionsAccepted == 1 && written.value < 50 && written.isFrozen(for: .milliseconds(300)) }
        #expect(written.value < 30, "the server wrote \(written.value) MiB before the client hung up")
    }

    @Test("cancelling the calling task closes the connection at once")
    func cancellationClosesTheSocket() async throws {
        let hungUp = TransportCounter()
        let server = try LoopbackServer { _ in
            .produced { writer in
                while writer.write(Data(": waiting\n\n".utf8)) { Thread.sleep(forTimeInterval: 0.02) }
                _ = hungUp.next()
            }
        }
        defer { server.stop() }
        let client = F.client(for: server, streaming: true, timeout: 30, transport: .sockets)
        let call = Task { await expectFailure(of: client) }
        try await waitForTransport { !server.requests.isEmpty }
        let clock = ContinuousClock()
        let start = clock.now
        call.cancel()
        let failure = await call.value
        #expect(failure?.message.contains("cancelled") == true, "\(failure?.message ?? "no failure")")
        try await waitForTransport { hungUp.value == 1 }
        // Closed by the cancel, not by the 30 s timeout. The bound leaves room for a loaded CI machine (5.3 s
        // seen with the model servers and the rest of the suite on two cores); it is not a timing figure.
        #expect(clock.now - start < .seconds(15))
    }
}

/// A thread-safe counter for server handlers.
final class TransportCounter: @unchecked Sendable {
    private let lock = NSLock()
    private var count = 0
    private var changed = ContinuousClock.now

    /// Adds one and returns the new value.
    func next() -> Int {
        lock.withLock {
            count += 1
            changed = .now
            return count
        }
    }

    var value: Int { lock.withLock { count } }

    func isFrozen(for duration: Duration) -> Bool {
        lock.withLock { ContinuousClock.now - changed >= duration }
    }
}

/// Polls `condition` every 20 ms for up to 20 s; records an issue if it never holds.
func waitForTransport(_ condition: () -> Bool, sourceLocation: SourceLocation = #_sourceLocation) async throws {
    let deadline = ContinuousClock.now + .seconds(20)
    while !condition() {
        guard ContinuousClock.now < deadline else {
            Issue.record("condition never held", sourceLocation: sourceLocation)
            return
        }
        try await Task.sleep(for: .milliseconds(20))
    }
}
