import Foundation
import Testing
import PromptCompat
import PromptCompatTestSupport

@Suite("Secrets: keys come from the environment only and are taken out of everything a failure keeps")
struct SecretsTests {
    static let key = "sk-secret-3b9f27c1e8d04a56"

    @Test("redaction replaces the key wherever it is, and header values however they are written")
    func redaction() {
        let cases: [(String, String)] = [
            (#"{"error":{"message":"Incorrect API key provided: sk-secret-3b9f27c1e8d04a56."}}"#, #"{"error":{"message":"Incorrect API key provided: [redacted]."}}"#),
            ("GET /v1\r\nAuthorization: Bearer abc.def-123\r\nHost: x", "GET /v1\r\nAuthorization: [redacted]\r\nHost: x"),
            ("api-key: 0123456789abcdef\n", "api-key: [redacted]\n"),
            (#"{"headers":{"Authorization":"Bearer zzz","api-key":"yyy","Accept":"*/*"}}"#, #"{"headers":{"Authorization":"[redacted]","api-key":"[redacted]","Accept":"*/*"}}"#),
            ("sent bearer tok_9f8e7d as usual", "sent bearer [redacted] as usual"),
            ("nothing secret here: 订单 20240709", "nothing secret here: 订单 20240709"),
        ]
        for (text, expected) in cases {
            #expect(SecretRedaction.redact(text, secrets: [Self.key]) == expected)
        }
        // A "secret" shorter than 6 characters is not searched for: it would shred ordinary text.
        #expect(SecretRedaction.redact("abc abc", secrets: ["abc"]) == "abc abc")
        let once = SecretRedaction.redact(cases[0].0, secrets: [Self.key])
        #expect(SecretRedaction.redact(once, secrets: [Self.key]) == once, "redacting twice changes nothing")
    }

    @Test("key-shaped tokens are taken out even when no variable holds them: a gateway log of another team's keys")
    func keyShapedTokens() {
        let cases: [(String, String)] = [
            ("Incorrect API key provided: sk-proj-AbC123dEf456gHi789.", "Incorrect API key provided: [redacted]."),
            ("Incorrect API key provided: abcd1234efgh, check it", "Incorrect API key provided: [redacted], check it"),
            ("Incorrect API key provided: sk-te***leak.", "Incorrect API key provided: [redacted]."),
            ("DashScope key sk-0123456789abcdef0123 rejected", "DashScope key [redacted] rejected"),
            ("zhipu 0123456789abcdef0123456789abcdef.AbCdEfGhIjKlMnOp failed", "zhipu [redacted] failed"),
            ("sk-learn is a library; sk-short too", "sk-learn is a library; sk-short too"),
        ]
        for (text, expected) in cases {
            #expect(SecretRedaction.redact(text, secrets: []) == expected)
        }
    }

    @Test("variables named like keys are protected; others are not")
    func keyLikeVariables() {
        let environment = ["DASHSCOPE_API_KEY": "sk-dash-123456", "HF_TOKEN": "hf_abcdefgh", "APP_SECRET": "s3cr3t-value", "HOME": "/home/someone", "SHORT_KEY": "abc"]
        #expect(Set(SecretRedaction.keyLikeValues(in: environment)) == ["sk-dash-123456", "hf_abcdefgh", "s3cr3t-value"])
    }

    @Test("a 200 answer echoing the configured key keeps the answer, not the key")
    func answerEchoingTheKey() {
        let completion = Completion(text: "已发货 (signed with \(Self.key))", finishReason: "stop", model: "m", usage: nil)
        #expect(completion.redactingSecrets([Self.key]).text == "已发货 (signed with [redacted])")
        let teaching = Completion(text: "Send `Authorization: Bearer <token>`", finishReason: "stop", model: "m", usage: nil)
        #expect(teaching.redactingSecrets([Self.key]).text == teaching.text, "an answer about headers is an answer")
    }

    struct Echo: Sendable, CustomTestStringConvertible {
        var name: String
        var streaming = false
        var profile = "openai-compatible"
        var response: @Sendable (String) -> ScriptedResponse
        var testDescription: String { name }
    }

    static let echoes: [Echo] = [
        Echo(name: "401 echoing the key") { key in .json(401, #"{"error":{"message":"Incorrect API key provided: \#(key)","code":"invalid_api_key"}}"#) },
        Echo(name: "500 echoing the request headers") { key in .text(500, "upstream said no to\nAuthorization: Bearer \(key)\nContent-Type: application/json") },
        Echo(name: "HTTP 200 error body with the key") { key in .json(200, #"{"error":{"message":"key \#(key) is disabled","type":"auth"}}"#) },
        Echo(name: "Azure api-key echoed", profile: "azure-openai") { key in .json(403, #"{"error":{"code":"403","message":"api-key \#(key) has no access"}}"#) },
        Echo(name: "stream error event with the key", streaming: true) { key in .sse([#"{"error":{"message":"invalid key \#(key)"}}"#]) },
        Echo(name: "stream cut after echoing the key", streaming: true) { key in
            .cutStream(chunks: [Data("data: {\"choices\":[{\"index\":0,\"delta\":{\"content\":\"Bearer \(key)\"}}]}\n\n".utf8)], holdFor: .milliseconds(10))
        },
    ]

    @Test("a failure whose body echoes the key keeps neither the key nor a header value", arguments: echoes)
    func failuresAreRedacted(_ echo: Echo) async throws {
        let server = try LoopbackServer { _ in echo.response(Self.key) }
        defer { server.stop() }
        let config = ProviderConfig(name: "p", profile: echo.profile, baseURL: server.baseURL, model: "m", apiKeyEnv: "SECRET_KEY")
        let client = OpenAICompatibleClient(config: config, timeout: 5, streaming: echo.streaming, environment: ["SECRET_KEY": Self.key])
        let request = ChatRequest(model: "m", messages: [ChatMessage(role: .user, content: "hi")])
        do {
            _ = try await client.complete(request)
            Issue.record("\(echo.name): expected a failure")
        } catch {
            let kept = "\(error)\n\(error.evidence ?? "")"
            #expect(!kept.contains(Self.key), "\(echo.name): \(kept)")
            #expect(kept.contains("[redacted]"), "\(echo.name): the evidence still says where the key was: \(kept)")
        }
        let sent = server.requests.first.map { $0.header("Authorization") ?? $0.header("api-key") ?? "" } ?? ""
        #expect(sent.hasSuffix(Self.key), "the key was sent, so the scan is not vacuous")
    }

    @Test("a key written into the suite config is refused at its place, without echoing it")
    func noKeyInConfig() throws {
        let text = #"{ "baseline": "p", "providers": { "p": { "baseURL": "http://h/v1", "model": "m", "apiKey": "\#(Self.key)" } } }"#
        let error = try #require(throws: LibraryDiagnostic.self) { try SuiteConfig.decode(text, file: "promptcompat.json") }
        #expect(error.jsonPath == "$.providers.p.apiKey" && error.position != nil)
        #expect(error.message.contains("environment only") && error.message.contains("apiKeyEnv"))
        #expect(!error.description.contains(Self.key))
    }

    @Test("the quirk proxy's log lines hold neither its key nor a wrong key a client sent")
    func proxyLogs() async throws {
        let fixture = try QuirkFixture("openai", apiKey: QuirkFixture.key)
        _ = try? await fixture.client().complete(fixture.request())
        _ = try? await fixture.client(key: Self.key).complete(fixture.request())  // the wrong key
        _ = try? await fixture.client(key: nil).complete(fixture.request())
        let lines = try await fixture.logEntries(count: 3).map(\.description)
        #expect(lines.count == 3)
        for line in lines {
            #expect(!line.contains(QuirkFixture.key) && !line.contains(Self.key), "\(line)")
        }
    }
}
