import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import PromptCompatTestSupport
import Testing

/// Drives `LoopbackServer` with a real `URLSession` over loopback TCP.
@Suite("LoopbackServer")
struct LoopbackServerTests {
    // MARK: - Plain responses

    @Test func jsonResponseAndRecordedRequest() async throws {
        let server = try LoopbackServer { _ in .json(200, #"{"id":"abc"}"#, headers: ["X-Request-Id": "r-1"]) }
        defer { server.stop() }

        var request = URLRequest(url: URL(string: "\(server.baseURL.absoluteString)/chat/completions?stream=false")!)
        request.httpMethod = "POST"
        request.setValue("Bearer sk-test", forHTTPHeaderField: "Authorization")
        request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        request.httpBody = Data(#"{"model":"m-1","messages":[{"role":"user","content":"hi"}]}"#.utf8)
        let (data, response) = try await ephemeralSession().data(for: request)

        let http = try #require(response as? HTTPURLResponse)
        #expect(http.statusCode == 200)
        #expect(http.value(forHTTPHeaderField: "Content-Type") == "application/json")
        #expect(http.value(forHTTPHeaderField: "X-Request-Id") == "r-1")
        #expect(String(decoding: data, as: UTF8.self) == #"{"id":"abc"}"#)

        let recorded = try #require(server.requests.first)
        #expect(server.requests.count == 1)
        #expect(recorded.method == "POST")
        #expect(recorded.path == "/v1/chat/completions?stream=false")
        #expect(recorded.pathWithoutQuery == "/v1/chat/completions")
        #expect(recorded.headers["authorization"] == "Bearer sk-test")
        #expect(recorded.header("Content-Type") == "application/json")
        #expect(recorded.headers["host"] == "127.0.0.1:\(server.port)")
        #expect(recorded.body == request.httpBody)
        #expect(recorded.jsonBody?["model"] as? String == "m-1")
        #expect((recorded.jsonBody?["messages"] as? [[String: Any]])?.first?["content"] as? String == "hi")
    }

    @Test func errorStatusWithHeadersAndTextBody() async throws {
        let server = try LoopbackServer { request in
            request.path.hasSuffix("/limited")
                ? .json(429, #"{"error":{"message":"slow down"}}"#, headers: ["Retry-After": "2"])
                : .text(502, "<html>Bad Gateway</html>", contentType: "text/html")
        }
        defer { server.stop() }
        let session = ephemeralSession()

        let (limitedBody, limited) = try await session.data(from: server.baseURL.appendingPathComponent("limited"))
        let limitedHTTP = try #require(limited as? HTTPURLResponse)
        #expect(limitedHTTP.statusCode == 429)
        #expect(limitedHTTP.value(forHTTPHeaderField: "Retry-After") == "2")
        #expect(String(decoding: limitedBody, as: UTF8.self).contains("slow down"))

        let (gatewayBody, gateway) = try await session.data(from: server.baseURL.appendingPathComponent("other"))
        let gatewayHTTP = try #require(gateway as? HTTPURLResponse)
        #expect(gatewayHTTP.statusCode == 502)
        #expect(gatewayHTTP.value(forHTTPHeaderField: "Content-Type") == "text/html")
        #expect(String(decoding: gatewayBody, as: UTF8.self) == "<html>Bad Gateway</html>")
        #expect(server.requests.map(\.method) == ["GET", "GET"])
    }

    @Test func twentySequentialRequestsOnOneSession() async throws {
        let server = try LoopbackServer { request in .text(200, "echo \(request.path)") }
        defer { server.stop() }
        let session = ephemeralSession()

        for index in 0..<20 {
            let (data, response) = try await session.data(from: server.baseURL.appendingPathComponent("item/\(index)"))
            #expect((response as? HTTPURLResponse)?.statusCode == 200)
            #expect(String(decoding: data, as: UTF8.self) == "echo /v1/item/\(index)")
        }
        #expect(server.requests.map(\.path) == (0..<20).map { "/v1/item/\($0)" })
    }

    @Test func fiveConcurrentRequests() async throws {
        let server = try LoopbackServer { request in
            .delayed(.milliseconds(200), .text(200, "done \(request.pathWithoutQuery)"))
        }
        defer { server.stop() }
        let session = ephemeralSession()

        let bodies = try await withThrowingTaskGroup(of: String.self) { group in
            for index in 0..<5 {
                let url = server.baseURL.appendingPathComponent("c\(index)")
                group.addTask { String(decoding: try await session.data(from: url).0, as: UTF8.self) }
            }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        #expect(Set(bodies) == Set((0..<5).map { "done /v1/c\($0)" }))
        #expect(Set(server.requests.map(\.path)) == Set((0..<5).map { "/v1/c\($0)" }))
    }

    @Test func largeRequestBodyArrivesWhole() async throws {
        let server = try LoopbackServer { request in .text(200, "\(request.body.count)") }
        defer { server.stop() }
        let payload = Data((0..<300_000).map { UInt8(truncatingIfNeeded: $0 &* 7) })

        var request = URLRequest(url: server.baseURL.appendingPathComponent("upload"))
        request.httpMethod = "PUT"
        request.httpBody = payload
        let (data, _) = try await ephemeralSession().data(for: request)

        #expect(String(decoding: data, as: UTF8.self) == "300000")
        #expect(server.requests.first?.body == payload)
    }

    // MARK: - Streams

    @Test func streamChunksArriveInPieces() async throws {
        let chunks = ["data: one\n\n", "data: two\n\n", "data: three\n\n"].map { Data($0.utf8) }
        let server = try LoopbackServer { _ in .stream(chunks: chunks, pause: .milliseconds(150)) }
        defer { server.stop() }

        let result = await LoopbackStreamCollector.run(URLRequest(url: server.baseURL.appendingPathComponent("stream")))

        #expect(result.error == nil)
        #expect(result.statusCode == 200)
        #expect(result.contentType == "text/event-stream")
        #expect(result.pieces.count > 1)
        #expect(result.pieces.first == chunks[0])
        #expect(result.joined == chunks.reduce(Data(), +))
    }

    @Test func sseConvenienceFormatsEvents() async throws {
        let server = try LoopbackServer { _ in .sse([#"{"delta":"Hel"}"#, "[DONE]"]) }
        defer { server.stop() }

        let (data, response) = try await ephemeralSession().data(from: server.baseURL)
        #expect((response as? HTTPURLResponse)?.value(forHTTPHeaderField: "Content-Type") == "text/event-stream")
        #expect(String(decoding: data, as: UTF8.self) == "data: {\"delta\":\"Hel\"}\n\ndata: [DONE]\n\n")
    }

    @Test func cutStreamDeliversChunksThenFails() async throws {
        let first = Data("data: {\"partial\":1}\n\n".utf8)
        let server = try LoopbackServer { _ in .cutStream(chunks: [first], holdFor: .milliseconds(300)) }
        defer { server.stop() }

        let result = await LoopbackStreamCollector.run(URLRequest(url: server.baseURL.appendingPathComponent("stream")))

        #expect(result.statusCode == 200)
        #expect(result.joined == first)
        let error = try #require(result.error as? URLError)
        #expect(error.code != .timedOut)
    }

    // MARK: - Failures

    @Test func hangTimesOutTheClient() async throws {
        let server = try LoopbackServer { _ in .hang(holdFor: .seconds(30)) }
        defer { server.stop() }
        var request = URLRequest(url: server.baseURL.appendingPathComponent("slow"))
        request.timeoutInterval = 1

        let error = await urlError { try await ephemeralSession().data(for: request) }
        #expect(error?.code == .timedOut)
        #expect(server.requests.count == 1)
    }

    @Test func closeWithoutResponseIsANetworkError() async throws {
        let server = try LoopbackServer { _ in .closeWithoutResponse }
        defer { server.stop() }
        var request = URLRequest(url: server.baseURL.appendingPathComponent("gone"))
        request.timeoutInterval = 20

        let error = await urlError { try await ephemeralSession().data(for: request) }
        #expect(error != nil && error?.code != .timedOut)
        #expect(server.requests.first?.path == "/v1/gone")
    }

    @Test func unusedPortRefusesConnections() async throws {
        let port = try LoopbackServer.unusedPort()
        let url = URL(string: "http://127.0.0.1:\(port)/v1/models")!

        let error = await urlError { try await ephemeralSession().data(from: url) }
        #expect(error?.code == .cannotConnectToHost)
    }

    @Test func stopEndsAHeldConnectionAndRefusesNewOnes() async throws {
        let server = try LoopbackServer { _ in .hang(holdFor: .seconds(60)) }
        var held = URLRequest(url: server.baseURL.appendingPathComponent("held"))
        held.timeoutInterval = 30
        let request = held
        let session = ephemeralSession()
        let pending = Task { _ = try await session.data(for: request) }

        try await waitUntil { server.requests.count == 1 }
        server.stop()
        server.stop()  // idempotent

        // Ends long before the 30 s client timeout: the server dropped the connection.
        let outcome = await pending.result
        let error = try #require(outcome.failureError as? URLError)
        #expect(error.code != .timedOut)

        let refused = await urlError { try await session.data(from: server.baseURL) }
        #expect(refused?.code == .cannotConnectToHost)
    }

    @Test func aStoppedServersPortCanBeTakenAtOnceByANewServer() async throws {
        let first = try LoopbackServer { _ in .json(200, #"{"server":1}"#) }
        first.stop()
        let second = try LoopbackServer(port: first.port) { _ in .json(200, #"{"server":2}"#) }
        defer { second.stop() }
        let (data, _) = try await ephemeralSession().data(from: second.baseURL.appendingPathComponent("which"))
        #expect(String(decoding: data, as: UTF8.self) == #"{"server":2}"#)
    }

    // MARK: - Helpers

    private func ephemeralSession() -> URLSession {
        URLSession(configuration: .ephemeral)
    }

    /// The `URLError` an operation throws; records an issue if it succeeds or throws something else.
    private func urlError<T>(_ operation: () async throws -> T) async -> URLError? {
        do {
            _ = try await operation()
            Issue.record("expected a URLError, but the request succeeded")
        } catch let error as URLError {
            return error
        } catch {
            Issue.record("expected a URLError, got \(error)")
        }
        return nil
    }

    private func waitUntil(_ condition: () -> Bool) async throws {
        for _ in 0..<500 where !condition() {
            try await Task.sleep(for: .milliseconds(10))
        }
        try #require(condition())
    }
}

extension Result {
    fileprivate var failureError: Failure? {
        if case .failure(let error) = self { return error }
        return nil
    }
}
