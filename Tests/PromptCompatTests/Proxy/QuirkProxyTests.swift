import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import PromptCompat
import PromptCompatTestSupport
import Testing

/// The quirk proxy plays each catalog profile in front of a loopback model, and PromptCompat's own client
/// classifies every answer it gives as that provider's real answer would be classified.
@Suite("QuirkProxy")
struct QuirkProxyTests {
    // MARK: - Auth

    @Test(arguments: quirkProfiles)
    func aRequestWithoutTheRequiredKeyIsClassifiedAsAuth(profile: String) async throws {
        let fixture = try QuirkFixture(profile, apiKey: QuirkFixture.key)
        let failure = await expectFailure(of: fixture.client(key: nil), fixture.request())
        expectCause(failure, .auth(variable: nil), profile, "auth")
        #expect(fixture.upstream.requests.isEmpty)
    }

    @Test(arguments: quirkProfiles)
    func aWrongKeyIsClassifiedAsAuthNamingTheKeyVariable(profile: String) async throws {
        let fixture = try QuirkFixture(profile, apiKey: QuirkFixture.key)
        let failure = await expectFailure(of: fixture.client(key: "sk-someone-elses-key-999"), fixture.request())
        expectCause(failure, .auth(variable: QuirkFixture.keyVariable), profile, "auth")
        #expect(failure?.evidence?.contains("sk-someone-elses-key-999") != true, "the proxy echoed the whole key")
    }

    @Test(arguments: quirkProfiles)
    func theRightKeyIsRelayedAndTheAnswerIsTheUpstreamText(profile: String) async throws {
        let fixture = try QuirkFixture(profile, apiKey: QuirkFixture.key)
        let completion = try await fixture.client().complete(fixture.request())
        #expect(completion.text == QuirkFixture.answer)
        #expect(fixture.upstream.requests.count == 1)
        let sent = try #require(fixture.upstream.requests.first)
        #expect(sent.header("Authorization") == nil && sent.header("api-key") == nil, "the client's key went upstream")
    }

    // MARK: - Rate limit

    @Test(arguments: quirkProfiles)
    func aRequestBeyondTheConcurrencyLimitIsRateLimitedWithRetryAfterOne(profile: String) async throws {
        let gate = Gate()
        let fixture = try QuirkFixture(profile, maxConcurrency: 1, gate: gate)
        let client = fixture.client()
        let first = Task { try await client.complete(fixture.request()) }
        let deadline = ContinuousClock.now + .seconds(QuirkFixture.patience)
        while fixture.upstream.requests.isEmpty, ContinuousClock.now < deadline { try await Task.sleep(for: .milliseconds(10)) }
        try #require(fixture.upstream.requests.count == 1, "the first request never reached the model in \(QuirkFixture.patience) s")

        let failure = await expectFailure(of: client, fixture.request("第二个请求"))
        gate.open()
        expectCause(failure, .rateLimited(retryAfter: 1), profile, "rate-limit")
        #expect(try await first.value.text == QuirkFixture.answer, "the request in flight was not answered")
        #expect(fixture.upstream.requests.count == 1)
    }

    // MARK: - Content safety

    @Test(arguments: quirkProfiles, [false, true])
    func aSensitiveWordInTheInputIsBlockedAsInput(profile: String, streaming: Bool) async throws {
        let fixture = try QuirkFixture(profile, sensitive: ["退款"])
        let failure = await expectFailure(of: fixture.client(streaming: streaming), fixture.request("我要退款，订单 20240709"))
        expectCause(failure, .safetyBlocked(side: .input), profile, "input")
        #expect(fixture.upstream.requests.isEmpty, "a blocked input reached the model")
    }

    @Test(arguments: quirkProfiles)
    func aSensitiveWordInTheAnswerIsWithheldAsOutput(profile: String) async throws {
        let fixture = try QuirkFixture(profile, sensitive: ["退款"], answer: "好的，我们会为您办理退款。")
        let failure = await expectFailure(of: fixture.client(), fixture.request())
        expectCause(failure, .safetyBlocked(side: .output), profile, "output")
        #expect(failure?.evidence?.contains("办理退款") != true, "the withheld answer reached the client")
        #expect(fixture.upstream.requests.count == 1)
    }

    @Test(arguments: quirkProfiles)
    func aSensitiveWordInAStreamedAnswerIsWithheldAsOutput(profile: String) async throws {
        let fixture = try QuirkFixture(profile, sensitive: ["退款"], answer: "好的，我们会为您办理退款。")
        let failure = await expectFailure(of: fixture.client(streaming: true), fixture.request())
        expectCause(failure, .safetyBlocked(side: .output), profile, "stream-output")
        #expect(try await fixture.logEntries().last?.outcome.contains("output-blocked mid-stream") == true)
    }

    // MARK: - Parameters and messages

    /// A value the range rejects: 0 where 0 is excluded (the classic migration break), else the upper bound.
    static func outside(_ range: ValueRange) -> Double {
        if !range.contains(0) { return 0 }
        return range.upperExclusive ? range.upper : range.upper + 0.5
    }

    @Test(arguments: quirkProfiles.filter { ProviderProfile.named($0)?.temperature != nil })
    func aTemperatureOutsideTheProfileRangeIsRejectedNamingIt(profile: String) async throws {
        let fixture = try QuirkFixture(profile)
        let range = try #require(fixture.profile.temperature)
        let value = Self.outside(range)
        let failure = await expectFailure(of: fixture.client(), fixture.request(parameters: JSONObject([("temperature", .number(value))])))
        #expect(failure?.cause == .invalidRequest || failure?.cause == .unsupported(parameter: nil), "\(failure?.description ?? "no failure")")
        #expect(failure?.message.contains("temperature") == true, "\(failure?.message ?? "")")
        #expect(failure?.blocksMigration == true)
        #expect(fixture.upstream.requests.isEmpty)
        #expect(fixture.log.entries.map(\.description) == ["POST /v1/chat/completions → \(failure?.status ?? 0) out-of-range: temperature \(JSONValue.format(value)) outside \(range)"])
    }

    @Test(arguments: quirkProfiles.filter { !(ProviderProfile.named($0)?.unsupportedParameters.isEmpty ?? true) })
    func anUnsupportedParameterIsRejectedNamingIt(profile: String) async throws {
        let fixture = try QuirkFixture(profile)
        let parameter = try #require(fixture.profile.unsupportedParameters.last)
        let failure = await expectFailure(of: fixture.client(), fixture.request(parameters: JSONObject([(parameter, 1)])))
        #expect(failure?.cause == .invalidRequest || failure?.cause == .unsupported(parameter: nil), "\(failure?.description ?? "no failure")")
        #expect(failure?.message.contains(parameter) == true, "\(failure?.message ?? "")")
        #expect(fixture.upstream.requests.isEmpty)
    }

    @Test(arguments: quirkProfiles.filter { ProviderProfile.named($0)?.messages != ProviderProfile.MessageRules() })
    func messagesThatBreakTheProfileOrderRulesAreRejected(profile: String) async throws {
        let fixture = try QuirkFixture(profile)
        let rules = fixture.profile.messages
        let messages: [ChatMessage] = rules.system == .first
            ? [ChatMessage(role: .user, content: "你好"), ChatMessage(role: .system, content: "你是客服。"), ChatMessage(role: .user, content: "查订单")]
            : [ChatMessage(role: .user, content: "你好"), ChatMessage(role: .user, content: "查订单")]
        let request = ChatRequest(model: fixture.profile.defaultModel ?? "model", messages: messages)
        let failure = await expectFailure(of: fixture.client(), request)
        #expect(failure?.cause == .invalidRequest, "\(failure?.description ?? "no failure")")
        #expect(failure?.message.contains(rules.system == .first ? "system" : "alternate") == true, "\(failure?.message ?? "")")
        #expect(fixture.upstream.requests.isEmpty)
    }

    // MARK: - Output cap and relay

    @Test func maxTokensAboveTheOutputCapIsCappedInTheUpstreamRequest() async throws {
        let fixture = try QuirkFixture("zhipu")
        _ = try await fixture.client().complete(fixture.request(parameters: JSONObject([("max_tokens", 10000)])))
        #expect(try fixture.upstreamBodies().first?["max_tokens"]?.intValue == 4096)
        #expect(fixture.log.entries.first?.outcome == "relayed; capped max_tokens 10000 → 4096")
    }

    @Test func aRequestWithoutMaxTokensAsksUpstreamForTheModelsCap() async throws {
        let fixture = try QuirkFixture("dashscope")
        _ = try await fixture.client().complete(ChatRequest(model: "qwen-turbo", messages: [ChatMessage(role: .user, content: "你好")]))
        #expect(try fixture.upstreamBodies().first?["max_tokens"]?.intValue == 1500)
    }

    @Test func maxTokensWithinTheCapAndParametersGoUpstreamUnchanged() async throws {
        let fixture = try QuirkFixture("zhipu")
        _ = try await fixture.client().complete(fixture.request(parameters: JSONObject([("temperature", 0.3), ("max_tokens", 64)])))
        let body = try #require(try fixture.upstreamBodies().first)
        #expect(body["max_tokens"]?.intValue == 64)
        #expect(body["temperature"]?.numberValue == 0.3)
        #expect(body["model"]?.stringValue == "glm-4-air")
    }

    @Test func theUpstreamModelNameReplacesTheRequestedOne() async throws {
        let upstream = try LoopbackServer { _ in QuirkFixture.completion("ok") }
        defer { upstream.stop() }
        let options = QuirkProxy.Options(profile: ProviderProfile.named("qianfan")!, upstream: upstream.baseURL, upstreamModel: "smollm2-135m-instruct")
        let proxy = try QuirkProxy(options)
        defer { proxy.stop() }
        let client = OpenAICompatibleClient(config: ProviderConfig(name: "ernie", profile: "qianfan", baseURL: proxy.baseURL, model: "ernie-3.5-8k"), timeout: 10, environment: [:])
        _ = try await client.complete(ChatRequest(model: "ernie-3.5-8k", messages: [ChatMessage(role: .user, content: "你好")]))
        let body = try JSONValue(parsing: try #require(upstream.requests.first).body)
        #expect(body["model"]?.stringValue == "smollm2-135m-instruct")
        #expect(body["max_tokens"]?.intValue == 2048, "the cap is ernie-3.5-8k's, not the upstream model's")
    }

    // MARK: - Streaming

    @Test(arguments: quirkProfiles)
    func aStreamedAnswerAssemblesThroughTheProxy(profile: String) async throws {
        let fixture = try QuirkFixture(profile)
        let completion = try await fixture.client(streaming: true).complete(fixture.request())
        #expect(completion.text == QuirkFixture.answer)
        #expect(completion.finishReason == "stop")
        #expect(try await fixture.logEntries().first?.outcome.hasPrefix("streamed") == true)
    }

    @Test func deepSeekStreamsCarryKeepAliveCommentsAndBlankLinesAndStillAssemble() async throws {
        let fixture = try QuirkFixture("deepseek", keepAliveInterval: .milliseconds(40), pause: .milliseconds(120))
        let raw = try await rawStream(fixture)
        #expect(raw.hasPrefix(": keep-alive\n\n"), "\(raw.prefix(80))")
        #expect(raw.components(separatedBy: ": keep-alive\n\n").count - 1 >= 3, "too few keep-alives: \(raw)")
        #expect(raw.contains("}\n\n\n"), "no blank keep-alive line after an event")

        let completion = try await fixture.client(streaming: true).complete(fixture.request())
        #expect(completion.text == QuirkFixture.answer)
        #expect(try await fixture.logEntries(count: 2).last?.outcome.contains("keep-alives") == true)
    }

    @Test func aProfileWithoutKeepAlivesStreamsTheEventsOnly() async throws {
        let fixture = try QuirkFixture("zhipu", keepAliveInterval: .milliseconds(40), pause: .milliseconds(120))
        let raw = try await rawStream(fixture)
        #expect(!raw.contains("keep-alive"))
        #expect(raw.hasPrefix("data: {"))
        #expect(raw.hasSuffix("data: [DONE]\n\n"))
    }

    /// The bytes of a streamed answer as they leave the proxy.
    func rawStream(_ fixture: QuirkFixture) async throws -> String {
        var request = URLRequest(url: fixture.proxy.baseURL.appendingPathComponent("chat/completions"))
        request.httpMethod = "POST"
        request.httpBody = fixture.request().body(stream: true).data()
        let (data, response) = try await URLSession.shared.data(for: request)
        #expect((response as? HTTPURLResponse)?.statusCode == 200)
        return String(decoding: data, as: UTF8.self)
    }
}
