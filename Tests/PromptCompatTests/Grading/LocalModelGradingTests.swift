import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
@testable import PromptCompat
import Testing

/// The local llama.cpp servers of `scripts/local-model`, as the grading tests reach them: the ports come
/// from the same variables the script reads (`PROMPTCOMPAT_SMOLLM_PORT`, `PROMPTCOMPAT_EMBED_PORT`).
enum LocalModelServers {
    static let environment = ProcessInfo.processInfo.environment

    static func baseURL(portVariable: String, defaultPort: Int) -> URL {
        let port = environment[portVariable].flatMap(Int.init) ?? defaultPort
        return URL(string: "http://127.0.0.1:\(port)/v1")!
    }

    static let chat = baseURL(portVariable: "PROMPTCOMPAT_SMOLLM_PORT", defaultPort: 8701)
    static let embed = baseURL(portVariable: "PROMPTCOMPAT_EMBED_PORT", defaultPort: 8703)

    /// Whether `GET {baseURL}/models` answers within 3 seconds.
    static func isReachable(_ baseURL: URL) async -> Bool {
        var request = URLRequest(url: baseURL.appendingPathComponent("models"))
        request.timeoutInterval = 3
        guard let (_, response) = try? await URLSession.shared.data(for: request) else { return false }
        return (response as? HTTPURLResponse)?.statusCode == 200
    }

    /// Run the test when the server answers, and always under CI (where an unreachable server must fail,
    /// not skip). `scripts/test` starts the servers.
    static func shouldRun(_ baseURL: URL) async -> Bool {
        RecordPolicy.isCI(environment) ? true : await isReachable(baseURL)
    }
}

/// Grading against the real local models: SmolLM2-135M as an embedding model (8703, `--embedding true`)
/// and as a judge (8701). Skipped with a message when the server is down outside CI; failing under CI.
@Suite("Grading with the local models", .serialized)
struct LocalModelGradingTests {
    static let embedConfig = ProviderConfig(name: "local-embed", profile: "llama-cpp", baseURL: LocalModelServers.embed, model: "smollm2-135m-embed")
    static let chatConfig = ProviderConfig(name: "local-smollm", profile: "llama-cpp", baseURL: LocalModelServers.chat, model: "smollm2-135m-instruct")

    /// (a, a paraphrase of a, an unrelated sentence). Measured on this server: mean-pooled SmolLM2 states
    /// are anisotropic (every cosine is 0.93–0.99), but each paraphrase pair scored 0.018–0.035 above
    /// the best unrelated pair; the test asserts only that ordering.
    static let triples = [
        ("退款将在7个工作日内原路退回。", "退款会在七个工作日内退回到原支付账户。", "今天北京的天气晴朗，适合去公园散步。"),
        ("您的订单已发货，预计三天内送达。", "订单已经发出，大约三天后到货。", "量子计算利用量子比特进行运算。"),
        ("会议改到下周三下午两点。", "会议时间调整为下周三14:00。", "长江是中国最长的河流。"),
    ]

    @Test(
        "similar Chinese sentences score higher than unrelated ones (real embeddings, local server on 8703)",
        .enabled("the local embeddings server is not reachable and CI is not set: start it with scripts/local-model start embed") {
            await LocalModelServers.shouldRun(LocalModelServers.embed)
        },
        arguments: triples.indices
    )
    func embeddingOrdering(index: Int) async throws {
        let (a, paraphrase, unrelated) = Self.triples[index]
        let embedder = EmbeddingSimilarity(config: Self.embedConfig, cache: nil, timeout: 120)
        let vectors = try await embedder.embeddings(of: [a, paraphrase, unrelated])
        #expect(vectors.allSatisfy { $0.pooledTokens != nil }, "llama-cpp-python answers one vector per token for SmolLM2")
        let similar = try #require(vectors[0].similarity(to: vectors[1]))
        let toUnrelated = try #require(vectors[0].similarity(to: vectors[2]))
        let paraphraseToUnrelated = try #require(vectors[1].similarity(to: vectors[2]))
        #expect(similar > toUnrelated, "\(a) / \(paraphrase): \(similar), vs \(unrelated): \(toUnrelated)")
        #expect(similar > paraphraseToUnrelated, "\(paraphrase) / \(unrelated): \(paraphraseToUnrelated)")
        #expect((0...1).contains(similar) && (0...1).contains(toUnrelated))
    }

    @Test(
        "a batch gives the same vectors as asking one text at a time (works around llama-cpp-python's batch offsets)",
        .enabled("the local embeddings server is not reachable and CI is not set: start it with scripts/local-model start embed") {
            await LocalModelServers.shouldRun(LocalModelServers.embed)
        }
    )
    func batchMatchesSingles() async throws {
        let client = OpenAICompatibleClient(config: Self.embedConfig, timeout: 120)
        let texts = [Self.triples[0].0, Self.triples[0].2]
        let batch = try await client.embeddings(of: texts, model: "smollm2-135m-embed")
        let single = try await client.embeddings(of: [texts[1]], model: "smollm2-135m-embed")
        let agreement = try #require(batch[1].similarity(to: single[0]))
        #expect(agreement > 0.9999, "the second text's batch vector should be the one it gets alone; cosine \(agreement)")
    }

    @Test(
        "the judge on the local chat model returns a parseable verdict with a score in 0…1 (local server on 8701)",
        .enabled("the local chat server is not reachable and CI is not set: start it with scripts/local-model start smollm") {
            await LocalModelServers.shouldRun(LocalModelServers.chat)
        },
        arguments: [JudgeLanguage.zh, .en]
    )
    func judgeVerdict(language: JudgeLanguage) async throws {
        let judge = LLMJudge(config: Self.chatConfig, language: language, cache: nil, timeout: 120)
        #expect(judge.usesJSONMode, "llama.cpp enforces response_format json_object with a grammar")
        let verdict = try await judge.verdict(
            .pairwise(reference: "退款将在7个工作日内原路退回。"), task: "把退款政策告诉客户。", candidate: "您的退款会在七个工作日内退回原账户。"
        )
        #expect((0...1).contains(verdict.score))
        #expect(!verdict.raw.isEmpty)
        #expect(verdict.model == "smollm2-135m-instruct")
    }
}
