import Foundation
import PromptCompat
import PromptCompatTestSupport
import Testing

/// `OpenAICompatibleClient.embeddings(of:model:)` over real loopback HTTP: the request, both body shapes,
/// and every failure classified with its evidence.
@Suite("Embeddings client")
struct EmbeddingsClientTests {
    typealias F = GradingFixtures

    @Test("POSTs {model, input:[…]} to {baseURL}/embeddings with the Bearer key and returns one vector per input")
    func requestAndPooledAnswer() async throws {
        let server = try LoopbackServer { _ in .json(200, F.pooledBody([[1, 0, 0], [0, 1, 0]])) }
        defer { server.stop() }
        let embeddings = try await F.client(for: server).embeddings(of: ["退款", "refund"], model: "embed-v1")

        #expect(embeddings == [Embedding(vector: [1, 0, 0]), Embedding(vector: [0, 1, 0])])
        let request = try #require(server.requests.first)
        #expect(server.requests.count == 1)
        #expect(request.method == "POST")
        #expect(request.path == "/v1/embeddings")
        #expect(request.header("Authorization") == "Bearer \(F.key)")
        #expect(request.header("Content-Type") == "application/json")
        #expect(request.bodyText == #"{"model":"embed-v1","input":["退款","refund"]}"#)
    }

    @Test("the Azure profile sends the key in the api-key header")
    func azureKeyHeader() async throws {
        let server = try LoopbackServer { _ in .json(200, F.pooledBody([[1, 2]])) }
        defer { server.stop() }
        _ = try await F.client(for: server, profile: "azure-openai").embeddings(of: ["a"], model: "m")
        #expect(server.requests.first?.header("api-key") == F.key)
        #expect(server.requests.first?.header("Authorization") == nil)
    }

    @Test("data is put back in input order by its index")
    func orderedByIndex() async throws {
        let body = #"{"data":[{"index":1,"embedding":[0,1]},{"index":0,"embedding":[1,0]}]}"#
        let server = try LoopbackServer { _ in .json(200, body) }
        defer { server.stop() }
        let embeddings = try await F.client(for: server).embeddings(of: ["a", "b"], model: "m")
        #expect(embeddings.map(\.vector) == [[1, 0], [0, 1]])
    }

    @Test("a token-level answer (one vector per token) is mean-pooled")
    func tokenLevelIsMeanPooled() async throws {
        // Tokens [1,2,3], [3,2,1], [2,2,5]: the means are (1+3+2)/3 = 2, (2+2+2)/3 = 2, (3+1+5)/3 = 3.
        let server = try LoopbackServer { _ in .json(200, F.tokenLevelBody([[[1, 2, 3], [3, 2, 1], [2, 2, 5]]])) }
        defer { server.stop() }
        let embeddings = try await F.client(for: server).embeddings(of: ["你好"], model: "m")
        #expect(embeddings == [Embedding(vector: [2, 2, 3], pooledTokens: 3)])
    }

    @Test("a token-level batch is not trusted past its first item: each later text is asked for alone")
    func tokenLevelBatchAsksAgainOneByOne() async throws {
        // llama-cpp-python answers a batch with wrong vectors for every item after the first; alone, right ones.
        let server = try LoopbackServer { request in
            let inputs = (try? JSONValue(parsing: request.body))?["input"]?.arrayValue?.compactMap(\.stringValue) ?? []
            switch inputs {
            case ["a", "b"]: return .json(200, F.tokenLevelBody([[[1, 0], [1, 0]], [[9, 9]]]))   // b's vectors wrong
            case ["b"]: return .json(200, F.tokenLevelBody([[[0, 1], [0, 3]]]))
            default: return .text(400, "unexpected input \(inputs)")
            }
        }
        defer { server.stop() }
        let embeddings = try await F.client(for: server).embeddings(of: ["a", "b"], model: "m")
        #expect(embeddings.map(\.vector) == [[1, 0], [0, 2]])
        #expect(server.requests.count == 2)
    }

    struct Scenario: Sendable, CustomTestStringConvertible {
        var name: String
        var response: ScriptedResponse
        var cause: ProviderFailure.Cause
        var testDescription: String { name }
    }

    @Test("failures are classified like chat failures, keeping status and raw body", arguments: [
        Scenario(name: "401 → auth naming the key variable",
                 response: .json(401, #"{"error":{"message":"Incorrect API key provided","code":"invalid_api_key"}}"#),
                 cause: .auth(variable: GradingFixtures.keyVariable)),
        Scenario(name: "404 → embeddings unsupported",
                 response: .json(404, #"{"detail":"Not Found"}"#), cause: .unsupported(parameter: "embeddings")),
        Scenario(name: "llama-cpp-python chat server's 500 'must be created with embedding=True' → unsupported",
                 response: .json(500, #"{"error":{"message":"Llama model must be created with embedding=True to call this method","type":"internal_server_error","param":null,"code":null}}"#),
                 cause: .unsupported(parameter: "embeddings")),
        Scenario(name: "501 → embeddings unsupported",
                 response: .json(501, #"{"error":{"code":501,"message":"This server does not support embeddings. Start it with `--embeddings`","type":"not_supported_error"}}"#),
                 cause: .unsupported(parameter: "embeddings")),
        Scenario(name: "404 model_not_found stays a rejected request",
                 response: .json(404, #"{"error":{"message":"The model `nope` does not exist","code":"model_not_found"}}"#),
                 cause: .invalidRequest),
        Scenario(name: "429 → rate limited with Retry-After",
                 response: .http(status: 429, headers: ["Retry-After": "7", "Content-Type": "application/json"], body: Data(#"{"error":{"message":"Rate limit reached"}}"#.utf8)),
                 cause: .rateLimited(retryAfter: 7)),
        Scenario(name: "503 → server error", response: .text(503, "<html>Service Unavailable</html>", contentType: "text/html"), cause: .server),
        Scenario(name: "an error inside HTTP 200 → classified", response: .json(200, #"{"error":{"message":"Throttling: too many requests"}}"#),
                 cause: .rateLimited(retryAfter: nil)),
    ])
    func failuresAreClassified(scenario: Scenario) async throws {
        let server = try LoopbackServer { _ in scenario.response }
        defer { server.stop() }
        let failure = try #require(await expectGradingFailure { () async throws(ProviderFailure) in
            try await F.client(for: server).embeddings(of: ["a", "b"], model: "m")
        })
        #expect(failure.cause == scenario.cause)
        #expect(failure.status != nil)
        #expect(!(failure.evidence ?? "").isEmpty)
        #expect(!String(describing: failure).contains(F.key))
    }

    @Test("the unsupported failure says which provider and what to do")
    func unsupportedMessage() async throws {
        let server = try LoopbackServer { _ in .json(404, #"{"detail":"Not Found"}"#) }
        defer { server.stop() }
        let failure = try #require(await expectGradingFailure { () async throws(ProviderFailure) in
            try await F.client(for: server).embeddings(of: ["a"], model: "m")
        })
        #expect(failure.message.contains("provider \"loopback\" does not serve embeddings at \(server.baseURL.absoluteString)/embeddings"))
        #expect(failure.message.contains("--embedding"))
        #expect(failure.evidence == #"{"detail":"Not Found"}"#)
    }

    @Test("malformed bodies are malformed-response failures carrying the body", arguments: [
        "not json at all",
        #"{"object":"list"}"#,
        #"{"data":[{"index":0,"embedding":[1,2]}]}"#,
        #"{"data":[{"index":0,"embedding":"AAAA"},{"index":1,"embedding":[1]}]}"#,
        #"{"data":[{"index":0,"embedding":[[1,2],[3]]},{"index":1,"embedding":[1,2]}]}"#,
        #"{"data":[{"index":0,"embedding":[1,2]},{"index":0,"embedding":[3,4]}]}"#,
        #"{"data":[{"index":0,"embedding":[]},{"index":1,"embedding":[1]}]}"#,
    ])
    func malformedBodies(body: String) async throws {
        let server = try LoopbackServer { _ in .text(200, body, contentType: "application/json") }
        defer { server.stop() }
        let failure = try #require(await expectGradingFailure { () async throws(ProviderFailure) in
            try await F.client(for: server).embeddings(of: ["a", "b"], model: "m")
        })
        #expect(failure.cause == .malformedResponse)
        #expect(failure.evidence == body)
        #expect(failure.status == 200)
    }

    @Test("a missing key fails naming the variable before any request")
    func missingKey() async throws {
        let server = try LoopbackServer { _ in .json(200, F.pooledBody([[1]])) }
        defer { server.stop() }
        let client = OpenAICompatibleClient(config: F.config(for: server), environment: [:])
        let failure = try #require(await expectGradingFailure { () async throws(ProviderFailure) in
            try await client.embeddings(of: ["a"], model: "m")
        })
        #expect(failure.cause == .auth(variable: F.keyVariable))
        #expect(failure.message.contains(F.keyVariable))
        #expect(server.requests.isEmpty)
    }

    @Test("a refused connection is a network failure")
    func connectionRefused() async throws {
        let url = URL(string: "http://127.0.0.1:\(try LoopbackServer.unusedPort())/v1")!
        let client = OpenAICompatibleClient(config: ProviderConfig(name: "nowhere", baseURL: url, model: "m"), timeout: 5)
        let failure = try #require(await expectGradingFailure { () async throws(ProviderFailure) in
            try await client.embeddings(of: ["a"], model: "m")
        })
        #expect(failure.cause == .network)
    }
}
