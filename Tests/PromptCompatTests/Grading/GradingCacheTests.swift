import Foundation
import PromptCompat
import PromptCompatTestSupport
import Testing

/// `GradingCache` and its use by the judge and the embeddings: a hit makes no HTTP request.
@Suite("Grading cache")
struct GradingCacheTests {
    typealias F = GradingFixtures

    @Test("a second identical judge question is answered from the cache, with no request")
    func judgeCacheHit() async throws {
        let folder = try F.scratchFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let server = try LoopbackServer { _ in .json(200, F.chatBody(reply: #"{"score": 9, "reason": "一致"}"#)) }
        defer { server.stop() }
        let judge = F.judge(for: server, cache: GradingCache(directory: folder))

        let first = try await judge.verdict(.pairwise(reference: "A"), task: "任务", candidate: "B")
        #expect(server.requests.count == 1)
        // A new judge on the same folder: the hit comes from disk, not from memory.
        let again = F.judge(for: server, cache: GradingCache(directory: folder))
        let second = try await again.verdict(.pairwise(reference: "A"), task: "任务", candidate: "B")
        #expect(server.requests.count == 1)
        #expect(second.cached && !first.cached)
        #expect(second.score == first.score && second.reason == first.reason && second.model == first.model)

        _ = try await again.verdict(.pairwise(reference: "A"), task: "任务", candidate: "C")
        #expect(server.requests.count == 2, "a different candidate is a different request")
    }

    @Test("an unparseable judge reply is not cached: the next call asks again")
    func failedVerdictNotCached() async throws {
        let folder = try F.scratchFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let server = try LoopbackServer { _ in .json(200, F.chatBody(reply: "我给8分")) }
        defer { server.stop() }
        let judge = F.judge(for: server, cache: GradingCache(directory: folder))
        for _ in 0..<2 {
            _ = await expectGradingFailure { () async throws(ProviderFailure) in try await judge.verdict(.rubric("r"), task: "t", candidate: "c") }
        }
        #expect(server.requests.count == 2)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).isEmpty)
    }

    @Test("embeddings are cached per text: a cached pair makes no request, a new text only asks for itself")
    func embeddingsCacheHit() async throws {
        let folder = try F.scratchFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let server = try LoopbackServer { request in
            let inputs = (try? JSONValue(parsing: request.body))?["input"]?.arrayValue ?? []
            return .json(200, F.pooledBody(inputs.indices.map { [1, Double($0)] }))
        }
        defer { server.stop() }
        let embedder = F.embedder(for: server, cache: GradingCache(directory: folder))

        let first = try await embedder.similarity("退款", "退钱")
        #expect(server.requests.count == 1)
        let second = try await F.embedder(for: server, cache: GradingCache(directory: folder)).similarity("退款", "退钱")
        #expect(server.requests.count == 1)
        #expect(second == first)

        _ = try await embedder.similarity("退款", "天气")
        #expect(server.requests.count == 2)
        #expect(server.requests.last?.bodyText == #"{"model":"grader-model","input":["天气"]}"#)
    }

    @Test("the key covers the base URL and the whole body (which names the model)")
    func keyInputs() throws {
        let a = URL(string: "http://127.0.0.1:8701/v1")!
        let b = URL(string: "http://127.0.0.1:8702/v1")!
        let body: JSONValue = ["model": "m", "input": ["x"]]
        let key = GradingCache.key(baseURL: a, body: body)
        #expect(key.count == 64 && key.allSatisfy(\.isHexDigit))
        #expect(key == GradingCache.key(baseURL: a, body: ["model": "m", "input": ["x"]]))
        #expect(key != GradingCache.key(baseURL: b, body: body))
        #expect(key != GradingCache.key(baseURL: a, body: ["model": "n", "input": ["x"]]))
        #expect(key != GradingCache.key(baseURL: a, body: ["model": "m", "input": ["y"]]))
    }

    @Test("an entry is written whole under <key>.json with no temporary file left; a corrupt one is a miss")
    func atomicWriteAndCorruptEntry() throws {
        let folder = try F.scratchFolder().appendingPathComponent("nested/cache", isDirectory: true)
        defer { try? FileManager.default.removeItem(at: folder.deletingLastPathComponent().deletingLastPathComponent()) }
        let cache = GradingCache(directory: folder)
        let key = GradingCache.key(baseURL: URL(string: "http://x/v1")!, body: "b")

        #expect(cache.store(JSONObject([("reply", "r")]), for: key))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["\(key).json"])
        #expect(cache.entry(for: key)?["reply"] == "r")

        try Data("{\"reply\": ".utf8).write(to: cache.file(for: key))
        #expect(cache.entry(for: key) == nil)
        #expect(cache.store(JSONObject([("reply", "s")]), for: key))
        #expect(cache.entry(for: key)?["reply"] == "s")
    }
}
