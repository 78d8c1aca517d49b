import Foundation
import PromptCompat
import PromptCompatTestSupport
import Testing

/// `OpenAICompatibleClient` without streaming, over real loopback HTTP.
@Suite("OpenAICompatibleClient")
struct OpenAICompatibleClientTests {
    typealias F = ProviderFixtures

    // MARK: - Success and the request sent

    @Test(arguments: Transports.all)
    func successReturnsTextFinishReasonModelUsageAndLatency(transport: HTTPTransportChoice) async throws {
        let server = try LoopbackServer { _ in .json(200, F.successBody) }
        defer { server.stop() }
        let completion = try await F.client(for: server, transport: transport).complete(F.request)
        #expect(completion.text == "早上好")
        #expect(completion.finishReason == "stop")
        #expect(completion.model == "qwen-plus-2024-09-19")
        #expect(completion.usage == Usage(promptTokens: 21, completionTokens: 3))
        #expect(completion.latency > 0)
    }

    @Test(arguments: Transports.all)
    func requestIsAPostToChatCompletionsWithModelMessagesParametersInOrderAndBearerKey(transport: HTTPTransportChoice) async throws {
        let server = try LoopbackServer { _ in .json(200, F.successBody) }
        defer { server.stop() }
        _ = try await F.client(for: server, transport: transport).complete(F.request)

        #expect(server.requests.count == 1)
        let recorded = try #require(server.requests.first)
        #expect(recorded.method == "POST")
        #expect(recorded.path == "/v1/chat/completions")
        #expect(recorded.header("Authorization") == "Bearer \(F.key)")
        #expect(recorded.header("Content-Type") == "application/json")

        let body = try jsonBody(of: recorded)
        #expect(body.objectValue?.keys == ["model", "messages", "temperature", "max_tokens", "top_p"])
        #expect(body["model"] == "qwen-plus")
        let messages = try #require(body["messages"]?.arrayValue)
        #expect(messages.map { $0["role"]?.stringValue } == ["system", "user"])
        #expect(messages.map { $0["content"]?.stringValue } == ["你是一个翻译助手。", "Translate: good morning"])
        #expect(body["temperature"] == 0)
        #expect(body["max_tokens"] == 64)
        #expect(body["top_p"] == 0.5)
        #expect(body["stream"] == nil)
    }

    @Test(arguments: Transports.all)
    func noAuthorizationHeaderWhenTheConfigNamesNoKeyVariable(transport: HTTPTransportChoice) async throws {
        let server = try LoopbackServer { _ in .json(200, F.successBody) }
        defer { server.stop() }
        _ = try await F.client(for: server, apiKeyEnv: nil, environment: [:], transport: transport).complete(F.request)
        let recorded = try #require(server.requests.first)
        #expect(recorded.header("Authorization") == nil)
    }

    @Test(arguments: Transports.all)
    func azureProfileSendsTheKeyInTheApiKeyHeader(transport: HTTPTransportChoice) async throws {
        let server = try LoopbackServer { _ in .json(200, F.successBody) }
        defer { server.stop() }
        _ = try await F.client(for: server, profile: "azure-openai", transport: transport).complete(F.request)
        let recorded = try #require(server.requests.first)
        #expect(recorded.header("api-key") == F.key)
        #expect(recorded.header("Authorization") == nil)
    }

    @Test(arguments: Transports.all)
    func toolCallsOnlyAnswerBecomesToolCallsJSON(transport: HTTPTransportChoice) async throws {
        let body = #"{"model":"m","choices":[{"index":0,"message":{"role":"assistant","content":null,"tool_calls":[{"id":"call_1","type":"function","function":{"name":"get_weather","arguments":"{\"city\":\"北京\"}"}}]},"finish_reason":"tool_calls"}]}"#
        let server = try LoopbackServer { _ in .json(200, body) }
        defer { server.stop() }
        let completion = try await F.client(for: server, transport: transport).complete(F.request)
        #expect(completion.text == #"[{"name":"get_weather","arguments":{"city":"北京"}}]"#)
        #expect(completion.finishReason == "tool_calls")
    }

    // MARK: - The API key

    @Test(arguments: [[:], [ProviderFixtures.keyVariable: ""]], Transports.all)
    func missingKeyFailsAsAuthNamingTheVariableAndSendsNothing(environment: [String: String], transport: HTTPTransportChoice) async throws {
        let server = try LoopbackServer { _ in .json(200, F.successBody) }
        defer { server.stop() }
        let failure = try #require(await expectFailure(of: F.client(for: server, environment: environment, transport: transport)))
        #expect(failure.cause == .auth(variable: "X_API_KEY"))
        #expect(failure.message.contains("X_API_KEY"))
        #expect(server.requests.isEmpty)
    }

    struct Scenario: Sendable, CustomTestStringConvertible {
        var name: String
        var response: ScriptedResponse
        var testDescription: String { name }
    }

    @Test(arguments: [
        Scenario(name: "401 with an empty body", response: .http(status: 401, body: Data())),
        Scenario(name: "401 with an OpenAI error", response: .json(401, #"{"error":{"message":"Incorrect API key provided","code":"invalid_api_key"}}"#)),
        Scenario(name: "500 text", response: .text(500, "upstream failed")),
        Scenario(name: "close without response", response: .closeWithoutResponse),
    ], Transports.all)
    func theKeyNeverAppearsInAFailure(scenario: Scenario, transport: HTTPTransportChoice) async throws {
        let server = try LoopbackServer { _ in scenario.response }
        defer { server.stop() }
        let failure = try #require(await expectFailure(of: F.client(for: server, transport: transport)))
        #expect(server.requests.first?.header("Authorization") == "Bearer \(F.key)")
        #expect(!String(describing: failure).contains(F.key))
        #expect(!failure.message.contains(F.key))
        #expect(!(failure.evidence ?? "").contains(F.key))
    }

    // MARK: - HTTP error statuses

    @Test(arguments: Transports.all)
    func http401IsAuthNamingTheKeyVariableWithStatusAndBody(transport: HTTPTransportChoice) async throws {
        let body = #"{"error":{"message":"Incorrect API key provided: sk-te***leak.","type":"invalid_request_error","code":"invalid_api_key"}}"#
        let server = try LoopbackServer { _ in .json(401, body) }
        defer { server.stop() }
        let failure = try #require(await expectFailure(of: F.client(for: server, transport: transport)))
        #expect(failure.cause == .auth(variable: "X_API_KEY"))
        #expect(failure.message.contains("X_API_KEY"))
        #expect(failure.status == 401)
        // The body as evidence, with even the masked key the provider echoes taken out.
        #expect(failure.evidence == body.replacingOccurrences(of: "sk-te***leak", with: "[redacted]"))
    }

    @Test(arguments: Transports.all)
    func http429WithRetryAfterIsRateLimitedWithTheDelay(transport: HTTPTransportChoice) async throws {
        let body = #"{"error":{"message":"Rate limit reached for requests","type":"requests","code":"rate_limit_exceeded"}}"#
        let server = try LoopbackServer { _ in .json(429, body, headers: ["Retry-After": "7"]) }
        defer { server.stop() }
        let failure = try #require(await expectFailure(of: F.client(for: server, transport: transport)))
        #expect(failure.cause == .rateLimited(retryAfter: 7))
        #expect(failure.status == 429)
        #expect(failure.evidence == body)
    }

    @Test(arguments: Transports.all)
    func http500IsServerErrorWithStatusAndBody(transport: HTTPTransportChoice) async throws {
        let body = #"{"error":{"message":"The server had an error while processing your request.","type":"server_error"}}"#
        let server = try LoopbackServer { _ in .json(500, body) }
        defer { server.stop() }
        let failure = try #require(await expectFailure(of: F.client(for: server, transport: transport)))
        #expect(failure.cause == .server)
        #expect(failure.status == 500)
        #expect(failure.evidence == body)
        #expect(failure.message.contains("The server had an error"))
    }

    @Test(arguments: Transports.all)
    func dashScopeDataInspectionFailedIsAnInputSafetyBlock(transport: HTTPTransportChoice) async throws {
        let body = #"{"code":"DataInspectionFailed","message":"Input data may contain inappropriate content."}"#
        let server = try LoopbackServer { _ in .json(400, body) }
        defer { server.stop() }
        let failure = try #require(await expectFailure(of: F.client(for: server, transport: transport)))
        #expect(failure.cause == .safetyBlocked(side: .input))
        #expect(failure.message.contains("Input data may contain inappropriate content."))
        #expect(failure.status == 400)
        #expect(failure.evidence == body)
        #expect(failure.blocksMigration)
    }

    @Test(arguments: Transports.all)
    func openAIContextLengthExceededIsContextTooLong(transport: HTTPTransportChoice) async throws {
        let body = #"{"error":{"message":"This model's maximum context length is 8192 tokens. However, your messages resulted in 9013 tokens. Please reduce the length of the messages.","type":"invalid_request_error","param":"messages","code":"context_length_exceeded"}}"#
        let server = try LoopbackServer { _ in .json(400, body) }
        defer { server.stop() }
        let failure = try #require(await expectFailure(of: F.client(for: server, transport: transport)))
        #expect(failure.cause == .contextTooLong)
        #expect(failure.status == 400)
        #expect(failure.evidence == body)
    }

    // MARK: - Errors hidden in HTTP 200

    struct HiddenError: Sendable, CustomTestStringConvertible {
        var name: String
        var body: String
        var cause: ProviderFailure.Cause
        var testDescription: String { name }
    }

    @Test(arguments: [
        HiddenError(name: "OpenAI-shaped insufficient_quota", body: #"{"error":{"message":"quota","type":"insufficient_quota"}}"#, cause: .quotaExhausted),
        HiddenError(name: "Qianfan v1 error_code 18 (QPS limit)", body: #"{"error_code":18,"error_msg":"Open api qps request limit reached"}"#, cause: .rateLimited(retryAfter: nil)),
    ], Transports.all)
    func http200WithAnErrorBodyIsAFailureNotACompletion(hidden: HiddenError, transport: HTTPTransportChoice) async throws {
        let server = try LoopbackServer { _ in .json(200, hidden.body) }
        defer { server.stop() }
        let failure = try #require(await expectFailure(of: F.client(for: server, transport: transport)))
        #expect(failure.cause == hidden.cause)
        #expect(failure.status == 200)
        #expect(failure.evidence == hidden.body)
    }

    @Test(arguments: Transports.all)
    func miniMax200WithOutputSensitiveAndNoContentIsAnOutputSafetyBlock(transport: HTTPTransportChoice) async throws {
        // status_code 0 ("success"), the answer withheld: not an empty answer to compare (issue 15, item 6).
        let body = #"{"id":"04f1","choices":[{"finish_reason":"stop","index":0,"message":{"content":"","role":"assistant","name":"MiniMax AI"}}],"created":1755153113,"model":"MiniMax-M1","object":"chat.completion","usage":{"total_tokens":52},"input_sensitive":false,"output_sensitive":true,"input_sensitive_type":0,"output_sensitive_type":1,"output_sensitive_int":1,"base_resp":{"status_code":0,"status_msg":""}}"#
        let server = try LoopbackServer { _ in .json(200, body) }
        defer { server.stop() }
        let failure = try #require(await expectFailure(of: F.client(for: server, transport: transport)))
        #expect(failure.cause == .safetyBlocked(side: .output))
        #expect(failure.status == 200)
        #expect(failure.evidence == body)
    }

    @Test(arguments: Transports.all)
    func miniMax200WithTheSensitiveFieldsFalseIsAnAnswer(transport: HTTPTransportChoice) async throws {
        let body = #"{"id":"04f2","choices":[{"finish_reason":"stop","index":0,"message":{"content":"您好","role":"assistant"}}],"model":"MiniMax-M1","object":"chat.completion","input_sensitive":false,"output_sensitive":false,"base_resp":{"status_code":0,"status_msg":""}}"#
        let server = try LoopbackServer { _ in .json(200, body) }
        defer { server.stop() }
        #expect(try await F.client(for: server, transport: transport).complete(F.request).text == "您好")
    }

    @Test(arguments: Transports.all)
    func http200WithContentFilterFinishReasonIsAnOutputSafetyBlock(transport: HTTPTransportChoice) async throws {
        let body = F.completionBody(content: "", finishReason: "content_filter")
        let server = try LoopbackServer { _ in .json(200, body) }
        defer { server.stop() }
        let failure = try #require(await expectFailure(of: F.client(for: server, transport: transport)))
        #expect(failure.cause == .safetyBlocked(side: .output))
        #expect(failure.message.contains("content_filter"))
        #expect(failure.status == 200)
    }

    // MARK: - Bodies that are not a completion

    @Test(arguments: Transports.all)
    func malformedJSONWith200IsMalformedResponseWithTheBodyAsEvidence(transport: HTTPTransportChoice) async throws {
        let body = #"{"id":"chatcmpl-1","choices":[{"message":{"content":"hi"#
        let server = try LoopbackServer { _ in .json(200, body) }
        defer { server.stop() }
        let failure = try #require(await expectFailure(of: F.client(for: server, transport: transport)))
        #expect(failure.cause == .malformedResponse)
        #expect(failure.status == 200)
        #expect(failure.evidence == body)
    }

    @Test(arguments: Transports.all)
    func jsonWithoutChoicesIsMalformedResponse(transport: HTTPTransportChoice) async throws {
        let body = #"{"id":"chatcmpl-1","object":"chat.completion","model":"m"}"#
        let server = try LoopbackServer { _ in .json(200, body) }
        defer { server.stop() }
        let failure = try #require(await expectFailure(of: F.client(for: server, transport: transport)))
        #expect(failure.cause == .malformedResponse)
        #expect(failure.evidence == body)
    }

    @Test(arguments: Transports.all)
    func htmlBadGatewayPageIsServerError(transport: HTTPTransportChoice) async throws {
        let page = "<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body><center><h1>502 Bad Gateway</h1></center><hr><center>nginx</center></body>\r\n</html>"
        let server = try LoopbackServer { _ in .text(502, page, contentType: "text/html") }
        defer { server.stop() }
        let failure = try #require(await expectFailure(of: F.client(for: server, transport: transport)))
        #expect(failure.cause == .server)
        #expect(failure.status == 502)
        #expect(failure.evidence == page)
    }

    // MARK: - Transport failures

    @Test(arguments: Transports.all)
    func connectionRefusedIsNetworkSayingConnectionRefused(transport: HTTPTransportChoice) async throws {
        let port = try LoopbackServer.unusedPort()
        let client = F.client(baseURL: URL(string: "http://127.0.0.1:\(port)/v1")!, transport: transport)
        let failure = try #require(await expectFailure(of: client))
        #expect(failure.cause == .network)
        #expect(failure.message.contains("connection refused"))
        #expect(failure.message.contains("127.0.0.1:\(port)"))
        #expect(failure.status == nil)
    }

    @Test(arguments: Transports.all)
    func hangingServerTimesOut(transport: HTTPTransportChoice) async throws {
        let server = try LoopbackServer { _ in .hang(holdFor: .seconds(5)) }
        defer { server.stop() }
        let failure = try #require(await expectFailure(of: F.client(for: server, timeout: 1, transport: transport)))
        #expect(failure.cause == .timeout)
        #expect(failure.status == nil)
    }

    @Test(arguments: Transports.all)
    func connectionClosedWithoutAResponseIsNetwork(transport: HTTPTransportChoice) async throws {
        let server = try LoopbackServer { _ in .closeWithoutResponse }
        defer { server.stop() }
        let failure = try #require(await expectFailure(of: F.client(for: server, transport: transport)))
        #expect(failure.cause == .network)
        #expect(server.requests.count == 1)
        #expect(!failure.blocksMigration)
    }
}
