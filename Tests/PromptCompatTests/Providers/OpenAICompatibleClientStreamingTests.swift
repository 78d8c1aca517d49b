import Foundation
import PromptCompat
import PromptCompatTestSupport
import Testing

/// `OpenAICompatibleClient` with `streaming: true`: SSE over real loopback HTTP.
@Suite("OpenAICompatibleClient streaming")
struct OpenAICompatibleClientStreamingTests {
    typealias F = ProviderFixtures

    // MARK: - Assembling a stream

    @Test(arguments: Transports.all)
    func chunksAssembleIntoTextFinishReasonAndUsage(transport: HTTPTransportChoice) async throws {
        // 北京是中华人民共和国的首都。 split mid-word; the third event's bytes are also split inside
        // the UTF-8 encoding of 首 across two network writes.
        let third = Array("data: \(F.contentChunk("国的首都。"))\n\n".utf8)
        let cut = third.firstIndex(of: 0xE9)! + 1  // first byte of 首 (E9 A6 96)
        let chunks: [Data] = [
            bytes("data: \(F.roleChunk)\n\n"),
            bytes("data: \(F.contentChunk("北京是中"))\n\n"),
            bytes("data: \(F.contentChunk("华人民共和"))\n\n"),
            Data(third[..<cut]), Data(third[cut...]),
            bytes("data: \(F.finishChunk("stop"))\n\n"),
            bytes("data: \(F.usageChunk)\n\n"),
            bytes("data: [DONE]\n\n"),
        ]
        let server = try LoopbackServer { _ in .stream(chunks: chunks, pause: .milliseconds(20)) }
        defer { server.stop() }

        let completion = try await F.client(for: server, streaming: true, transport: transport).complete(F.request)
        #expect(completion.text == "北京是中华人民共和国的首都。")
        #expect(completion.finishReason == "stop")
        #expect(completion.model == "glm-4-plus")
        #expect(completion.usage == Usage(promptTokens: 15, completionTokens: 9))
        #expect(completion.latency > 0)

        let recorded = try #require(server.requests.first)
        #expect(recorded.path == "/v1/chat/completions")
        #expect(recorded.header("Accept") == "text/event-stream")
        let body = try jsonBody(of: recorded)
        #expect(body["stream"] == true)
        #expect(body["stream_options"]?["include_usage"] == true)
        #expect(body["temperature"] == 0)
    }

    @Test(arguments: Transports.all)
    func keepAliveCommentsAndBlankLinesAreIgnored(transport: HTTPTransportChoice) async throws {
        let chunks: [Data] = [
            bytes(": keep-alive\n\n"),
            bytes("\n\n"),
            bytes("data: \(F.contentChunk("你"))\n\n"),
            bytes(": keep-alive\n\n\n"),
            bytes("\n"),
            bytes("data: \(F.contentChunk("好"))\n\n"),
            bytes(": keep-alive\n\n"),
            bytes("data: \(F.finishChunk("stop"))\n\ndata: [DONE]\n\n"),
        ]
        let server = try LoopbackServer { _ in .stream(chunks: chunks, pause: .milliseconds(10)) }
        defer { server.stop() }
        let completion = try await F.client(for: server, streaming: true, transport: transport).complete(F.request)
        #expect(completion.text == "你好")
        #expect(completion.finishReason == "stop")
    }

    @Test(arguments: Transports.all)
    func aFinishReasonWithoutDoneStillCompletes(transport: HTTPTransportChoice) async throws {
        let server = try LoopbackServer { _ in .sse([F.contentChunk("好的"), F.finishChunk("length")]) }
        defer { server.stop() }
        let completion = try await F.client(for: server, streaming: true, transport: transport).complete(F.request)
        #expect(completion.text == "好的")
        #expect(completion.finishReason == "length")
    }

    @Test(arguments: Transports.all)
    func toolCallDeltasAssembleIntoToolCallsJSON(transport: HTTPTransportChoice) async throws {
        let events = [
            #"{"choices":[{"index":0,"delta":{"role":"assistant","content":null,"tool_calls":[{"index":0,"id":"call_1","type":"function","function":{"name":"get_weather","arguments":""}}]},"finish_reason":null}]}"#,
            #"{"choices":[{"index":0,"delta":{"tool_calls":[{"index":0,"function":{"arguments":"{\"city\":"}}]},"finish_reason":null}]}"#,
            #"{"choices":[{"index":0,"delta":{"tool_calls":[{"index":0,"function":{"arguments":"\"北京\"}"}}]},"finish_reason":null}]}"#,
            F.finishChunk("tool_calls"),
            "[DONE]",
        ]
        let server = try LoopbackServer { _ in .sse(events) }
        defer { server.stop() }
        let completion = try await F.client(for: server, streaming: true, transport: transport).complete(F.request)
        #expect(completion.text == #"[{"name":"get_weather","arguments":{"city":"北京"}}]"#)
        #expect(completion.finishReason == "tool_calls")
    }

    @Test(arguments: Transports.all)
    func aServerThatIgnoresStreamAndAnswersJSONStillYieldsTheCompletion(transport: HTTPTransportChoice) async throws {
        let server = try LoopbackServer { _ in .json(200, F.successBody) }
        defer { server.stop() }
        let completion = try await F.client(for: server, streaming: true, transport: transport).complete(F.request)
        #expect(completion.text == "早上好")
        #expect(completion.finishReason == "stop")
        #expect(completion.usage == Usage(promptTokens: 21, completionTokens: 3))
        #expect(try jsonBody(of: #require(server.requests.first))["stream"] == true)
    }

    // MARK: - Streams that end badly

    @Test(arguments: Transports.all)
    func aStreamResetBeforeDoneIsNetworkCutShortWithThePartialText(transport: HTTPTransportChoice) async throws {
        let server = try LoopbackServer { _ in
            .cutStream(chunks: [bytes("data: \(F.roleChunk)\n\n"), bytes("data: \(F.contentChunk("部分回答"))\n\n")], holdFor: .milliseconds(300))
        }
        defer { server.stop() }
        let failure = try #require(await expectFailure(of: F.client(for: server, streaming: true, transport: transport)))
        #expect(failure.cause == .network)
        #expect(failure.message.contains("cut short"), "message: \(failure.message)")
        #expect(failure.evidence == "部分回答")
    }

    @Test("a stream cut after 2,000 chunks keeps 4096 bytes of its text as evidence, saying how much more there was", arguments: Transports.all)
    func aLongStreamCutShortKeepsCappedEvidence(transport: HTTPTransportChoice) async throws {
        let chunk = F.contentChunk(String(repeating: "很长的回答", count: 20))  // 300 bytes of text a chunk
        let server = try LoopbackServer { _ in
            .cutStream(chunks: [bytes("data: \(F.roleChunk)\n\n")] + Array(repeating: bytes("data: \(chunk)\n\n"), count: 2000), holdFor: .milliseconds(300))
        }
        defer { server.stop() }
        let failure = try #require(await expectFailure(of: F.client(for: server, streaming: true, transport: transport)))
        #expect(failure.cause == .network)
        let evidence = try #require(failure.evidence)
        #expect(evidence.hasPrefix("很长的回答很长的回答"))
        #expect(evidence.hasSuffix("… \(2000 * 300 - 4095) bytes more"), "\(evidence.suffix(40))")
        #expect(evidence.utf8.count < ProviderFailure.evidenceLimit + 40)
    }

    @Test(arguments: Transports.all)
    func aStreamClosedCleanlyBeforeDoneAndFinishReasonIsCutShort(transport: HTTPTransportChoice) async throws {
        let server = try LoopbackServer { _ in .sse([F.roleChunk, F.contentChunk("部分回答")]) }
        defer { server.stop() }
        let failure = try #require(await expectFailure(of: F.client(for: server, streaming: true, transport: transport)))
        #expect(failure.cause == .network)
        #expect(failure.message.contains("cut short"), "message: \(failure.message)")
        #expect(failure.evidence == "部分回答")
        #expect(!failure.blocksMigration)
    }

    @Test(arguments: Transports.all)
    func aStalledStreamTimesOutKeepingThePartialText(transport: HTTPTransportChoice) async throws {
        let server = try LoopbackServer { _ in
            .cutStream(chunks: [bytes("data: \(F.contentChunk("前半"))\n\n")], holdFor: .seconds(5))
        }
        defer { server.stop() }
        let failure = try #require(await expectFailure(of: F.client(for: server, streaming: true, timeout: 1, transport: transport)))
        #expect(failure.cause == .timeout)
        #expect(failure.evidence == "前半")
    }

    // MARK: - Errors and safety blocks inside a stream

    @Test(arguments: Transports.all)
    func anErrorEventInsideA200StreamIsASafetyBlock(transport: HTTPTransportChoice) async throws {
        let event = #"{"error":{"message":"sensitive content","code":"1301"}}"#
        let server = try LoopbackServer { _ in .sse([event]) }
        defer { server.stop() }
        let failure = try #require(await expectFailure(of: F.client(for: server, streaming: true, transport: transport)))
        guard case .safetyBlocked = failure.cause else {
            Issue.record("expected safetyBlocked, got \(failure.cause)")
            return
        }
        #expect(failure.status == 200)
        #expect(failure.message.contains("sensitive content"))
        #expect(failure.evidence == event)
    }

    @Test(arguments: Transports.all)
    func anErrorEventAfterSomeContentKeepsTheErrorEventAsEvidence(transport: HTTPTransportChoice) async throws {
        let event = #"{"error":{"message":"sensitive content","code":"1301"}}"#
        let server = try LoopbackServer { _ in .sse([F.roleChunk, F.contentChunk("好的，"), event]) }
        defer { server.stop() }
        let failure = try #require(await expectFailure(of: F.client(for: server, streaming: true, transport: transport)))
        guard case .safetyBlocked = failure.cause else {
            Issue.record("expected safetyBlocked, got \(failure.cause)")
            return
        }
        #expect((failure.evidence ?? "").contains("sensitive content"), "evidence: \(failure.evidence ?? "nil")")
    }

    @Test(arguments: Transports.all)
    func aSensitiveFinishReasonMidStreamIsAnOutputSafetyBlock(transport: HTTPTransportChoice) async throws {
        // Hunyuan / GLM: the filter stops the answer part-way with finish_reason "sensitive".
        let events = [F.roleChunk, F.contentChunk("关于这个问题，"), F.finishChunk("sensitive"), F.usageChunk, "[DONE]"]
        let server = try LoopbackServer { _ in .sse(events) }
        defer { server.stop() }
        let failure = try #require(await expectFailure(of: F.client(for: server, streaming: true, transport: transport)))
        #expect(failure.cause == .safetyBlocked(side: .output))
        #expect(failure.message.contains("sensitive"))
        #expect(failure.status == 200)
        #expect(failure.blocksMigration)
    }

    @Test(arguments: Transports.all)
    func a429BeforeTheStreamIsRateLimitedWithRetryAfter(transport: HTTPTransportChoice) async throws {
        let body = #"{"error":{"message":"Requests rate limit exceeded, please try again later.","type":"limit_requests","code":"limit_requests"}}"#
        let server = try LoopbackServer { _ in .json(429, body, headers: ["Retry-After": "7"]) }
        defer { server.stop() }
        let failure = try #require(await expectFailure(of: F.client(for: server, streaming: true, transport: transport)))
        #expect(failure.cause == .rateLimited(retryAfter: 7))
        #expect(failure.status == 429)
        #expect(failure.evidence == body)
    }

    @Test(arguments: Transports.all)
    func aNonJSONChunkIsMalformedResponse(transport: HTTPTransportChoice) async throws {
        let server = try LoopbackServer { _ in .sse([F.contentChunk("a"), "<html>oops</html>"]) }
        defer { server.stop() }
        let failure = try #require(await expectFailure(of: F.client(for: server, streaming: true, transport: transport)))
        #expect(failure.cause == .malformedResponse)
        #expect(failure.message.contains("not JSON"))
    }
}

@Suite("Reasoning models")
struct ReasoningContentTests {
    typealias F = ProviderFixtures

    @Test("reasoning_content in a stream is kept apart from the answer", arguments: Transports.all)
    func streamedReasoningIsKeptApart(transport: HTTPTransportChoice) async throws {
        let server = try LoopbackServer { _ in
            .sse([
                #"{"choices":[{"index":0,"delta":{"reasoning_content":"用户问首都，"}}]}"#,
                #"{"choices":[{"index":0,"delta":{"reasoning_content":"答北京。"}}]}"#,
                #"{"choices":[{"index":0,"delta":{"content":"北京。"},"finish_reason":"stop"}]}"#,
                "[DONE]",
            ])
        }
        defer { server.stop() }
        let completion = try await F.client(for: server, streaming: true, transport: transport).complete(F.request)
        #expect(completion.text == "北京。")
        #expect(completion.reasoning == "用户问首都，答北京。")
    }

    @Test("reasoning_content in a JSON answer is kept apart from the answer", arguments: Transports.all)
    func reasoningIsKeptApart(transport: HTTPTransportChoice) async throws {
        let body = #"{"model":"deepseek-reasoner","choices":[{"index":0,"message":{"role":"assistant","reasoning_content":"先想一想。","content":"北京。"},"finish_reason":"stop"}]}"#
        let server = try LoopbackServer { _ in .json(200, body) }
        defer { server.stop() }
        let completion = try await F.client(for: server, transport: transport).complete(F.request)
        #expect(completion.text == "北京。")
        #expect(completion.reasoning == "先想一想。")
    }
}

@Suite("Streaming server variations")
struct StreamingServerVariationTests {
    typealias F = ProviderFixtures

    @Test("a tool name repeated in every chunk (llama-cpp-python) is taken once", arguments: Transports.all)
    func repeatedToolName(transport: HTTPTransportChoice) async throws {
        let server = try LoopbackServer { _ in
            .sse([
                #"{"choices":[{"index":0,"delta":{"tool_calls":[{"index":0,"function":{"name":"get_order_status","arguments":"{\"order_id\":"}}]}}]}"#,
                #"{"choices":[{"index":0,"delta":{"tool_calls":[{"index":0,"function":{"name":"get_order_status","arguments":"\"YX1\"}"}}]},"finish_reason":"tool_calls"}]}"#,
                "[DONE]",
            ])
        }
        defer { server.stop() }
        let completion = try await F.client(for: server, streaming: true, transport: transport).complete(F.request)
        #expect(completion.text == #"[{"name":"get_order_status","arguments":{"order_id":"YX1"}}]"#)
    }
}
