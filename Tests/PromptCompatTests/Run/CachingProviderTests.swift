import Foundation
import PromptCompat
import PromptCompatTestSupport
import Testing

/// `CachingProvider` over a real loopback server: what it answers from the cache, what it asks again,
/// and what it never stores.
@Suite("CachingProvider")
struct CachingProviderTests {
    static let keyVariable = "CACHE_TEST_KEY"
    static let key = "sk-cache-canary-7f3e"

    final class Fixture: Sendable {
        let server: LoopbackServer
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("promptcompat-cache-\(UUID().uuidString)")
        let config: ProviderConfig

        /// Answers `answer-N` for the N-th request it gets (1-based), or `status` with an error body.
        init(status: Int = 200) throws {
            let counter = Counter()
            server = try LoopbackServer { _ in
                let n = counter.next()
                guard status == 200 else { return .json(status, #"{"error":{"message":"bad request \#(n)"}}"#) }
                return .json(200, #"{"id":"c","object":"chat.completion","model":"m","choices":[{"index":0,"message":{"role":"assistant","content":"answer-\#(n)"},"finish_reason":"stop"}],"usage":{"prompt_tokens":5,"completion_tokens":\#(n)}}"#)
            }
            config = ProviderConfig(name: "cached", profile: "openai-compatible", baseURL: server.baseURL, model: "m", apiKeyEnv: CachingProviderTests.keyVariable)
        }

        deinit {
            server.stop()
            try? FileManager.default.removeItem(at: folder)
        }

        /// A fresh provider (as a new run would build), sharing the cache folder.
        func provider(_ mode: ResponseCache.Mode) -> CachingProvider {
            let client = OpenAICompatibleClient(config: config, timeout: 10, environment: [CachingProviderTests.keyVariable: CachingProviderTests.key])
            return CachingProvider(wrapping: client, baseURL: config.baseURL, cache: ResponseCache(directory: folder), mode: mode)
        }
    }

    final class Counter: @unchecked Sendable {
        private let lock = NSLock()
        private var value = 0
        func next() -> Int { lock.lock(); defer { lock.unlock() }; value += 1; return value }
    }

    static func request(_ text: String = "订单 20240709 到哪了？", temperature: Double = 0) -> ChatRequest {
        ChatRequest(model: "m", messages: [ChatMessage(role: .user, content: text)], parameters: JSONObject([("temperature", .number(temperature))]))
    }

    @Test("a re-run answers from the cache: no request, the same text, usage and finish reason")
    func rerunHitsTheCache() async throws {
        let fixture = try Fixture()
        let first = try await fixture.provider(.use).complete(Self.request())
        let rerun = fixture.provider(.use)
        let second = try await rerun.complete(Self.request())
        #expect(fixture.server.requests.count == 1)
        #expect(second.text == "answer-1" && second.text == first.text)
        #expect(second.usage == Usage(promptTokens: 5, completionTokens: 1))
        #expect(second.finishReason == "stop")
        #expect(await rerun.statistics == (hits: 1, calls: 0))
    }

    @Test("the samples of one request stay different answers: the n-th call of a run is its own entry")
    func samplesKeepTheirOrder() async throws {
        let fixture = try Fixture()
        let recording = fixture.provider(.use)
        _ = try await recording.complete(Self.request())
        _ = try await recording.complete(Self.request())
        #expect(fixture.server.requests.count == 2)
        let rerun = fixture.provider(.use)
        let texts = [try await rerun.complete(Self.request()).text, try await rerun.complete(Self.request()).text]
        #expect(texts == ["answer-1", "answer-2"])
        #expect(fixture.server.requests.count == 2)
    }

    @Test("another request — an edited prompt, another temperature — is asked, and only that one")
    func onlyChangedRequestsCall() async throws {
        let fixture = try Fixture()
        _ = try await fixture.provider(.use).complete(Self.request())
        let rerun = fixture.provider(.use)
        _ = try await rerun.complete(Self.request())
        _ = try await rerun.complete(Self.request("订单 20240710 到哪了？"))
        _ = try await rerun.complete(Self.request(temperature: 0.7))
        #expect(fixture.server.requests.count == 3)
        #expect(await rerun.statistics == (hits: 1, calls: 2))
    }

    @Test("offline: a hit is served, a miss fails as not-cached saying how to fill the cache, and nothing is called")
    func offline() async throws {
        let fixture = try Fixture()
        _ = try await fixture.provider(.use).complete(Self.request())
        let offline = fixture.provider(.offline)
        #expect(try await offline.complete(Self.request()).text == "answer-1")
        let failure = await expectFailure(of: offline, Self.request("没有缓存的问题"))
        #expect(failure?.cause == .notCached)
        #expect(failure?.causeName == "not-cached")
        #expect(failure?.message.contains("run once without --offline") == true)
        #expect(failure?.blocksMigration == false)
        #expect(fixture.server.requests.count == 1)
    }

    @Test("refresh calls every time and replaces the stored answer")
    func refresh() async throws {
        let fixture = try Fixture()
        _ = try await fixture.provider(.use).complete(Self.request())
        #expect(try await fixture.provider(.refresh).complete(Self.request()).text == "answer-2")
        #expect(try await fixture.provider(.use).complete(Self.request()).text == "answer-2")
        #expect(fixture.server.requests.count == 2)
    }

    @Test("failures are not stored: the next run asks again, and a failed call is counted as a call")
    func failuresAreNotCached() async throws {
        let fixture = try Fixture(status: 400)
        _ = await expectFailure(of: fixture.provider(.use), Self.request())
        let second = fixture.provider(.use)
        _ = await expectFailure(of: second, Self.request())
        #expect(fixture.server.requests.count == 2)
        #expect(await second.statistics == (hits: 0, calls: 1), "the cache line never says 0 calls after a call")
        let files = (try? FileManager.default.contentsOfDirectory(atPath: fixture.folder.path)) ?? []
        #expect(files.filter { $0.hasSuffix(".json") }.isEmpty)
    }

    @Test("the API key is sent to the provider but never written to the cache")
    func noKeyInTheCache() async throws {
        let fixture = try Fixture()
        _ = try await fixture.provider(.use).complete(Self.request())
        #expect(fixture.server.requests.first?.header("Authorization") == "Bearer \(Self.key)")
        let files = try FileManager.default.contentsOfDirectory(at: fixture.folder, includingPropertiesForKeys: nil)
        #expect(!files.isEmpty)
        for file in files {
            #expect(!(try String(contentsOf: file, encoding: .utf8)).contains(Self.key), "\(file.lastPathComponent) holds the key")
        }
    }
}
