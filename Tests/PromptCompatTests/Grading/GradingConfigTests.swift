import Foundation
import PromptCompat
import PromptCompatTestSupport
import Testing

/// The suite config's `grading` section and `ModelGrading` built from it.
@Suite("Grading config")
struct GradingConfigTests {
    /// A suite config with two local providers and a keyed one, and `grading` as given.
    static func configText(grading: String?) -> String {
        let section = grading.map { ",\n  \"grading\": \($0)" } ?? ""
        return """
        {
          "baseline": "local-smollm",
          "providers": {
            "local-smollm": { "profile": "llama-cpp", "baseURL": "http://127.0.0.1:8701/v1", "model": "smollm2-135m-instruct" },
            "local-embed": { "profile": "llama-cpp", "baseURL": "http://127.0.0.1:8703/v1", "model": "smollm2-135m-embed" },
            "qwen": { "profile": "dashscope", "baseURL": "https://dashscope.aliyuncs.com/compatible-mode/v1", "model": "qwen-plus", "apiKeyEnv": "DASHSCOPE_API_KEY" }
          }\(section)
        }
        """
    }

    static func decode(grading: String) throws(LibraryDiagnostic) -> SuiteConfig {
        try SuiteConfig.decode(configText(grading: grading), file: "promptcompat.json")
    }

    @Test("the documented example decodes: judge, embeddings with a model, cache path")
    func documentedExample() throws {
        let config = try Self.decode(grading: """
            { "judge": { "provider": "local-smollm", "language": "zh" },
              "embeddings": { "provider": "local-embed", "model": "smollm2-135m-embed" },
              "cache": ".promptcompat/grading-cache" }
            """)
        #expect(config.grading == GradingConfig(
            judge: .init(provider: "local-smollm", language: .zh),
            embeddings: .init(provider: "local-embed", model: "smollm2-135m-embed"),
            cache: ".promptcompat/grading-cache"
        ))
    }

    @Test("without a grading section there is none; an empty one uses the default cache")
    func absentAndEmpty() throws {
        #expect(try SuiteConfig.decode(Self.configText(grading: nil), file: "c.json").grading == nil)
        #expect(try Self.decode(grading: "{}").grading == GradingConfig(judge: nil, embeddings: nil, cache: ".promptcompat/grading-cache"))
    }

    @Test("a wrong provider name is an error at its line that lists the declared providers")
    func unknownProvider() throws {
        let diagnostic = try #require(throws: LibraryDiagnostic.self) {
            try Self.decode(grading: #"{ "judge": { "provider": "local-smolm" } }"#)
        }
        #expect(diagnostic.jsonPath == "$.grading.judge.provider")
        #expect(diagnostic.position?.line == 8)
        #expect(diagnostic.message == #"unknown provider "local-smolm"; declared providers: local-smollm, local-embed, qwen"#)
    }

    @Test("mistakes in the section are diagnosed at their JSON path", arguments: [
        (#"{ "judge": { "provider": "qwen", "language": "fr" } }"#, "$.grading.judge.language", #"unknown language "fr"; expected one of: zh, en"#),
        (#"{ "judge": { "model": "m" } }"#, "$.grading.judge", "missing \"provider\""),
        (#"{ "embeddings": { "provider": "local-embed", "pooling": "mean" } }"#, "$.grading.embeddings.pooling", "unknown key \"pooling\""),
        (#"{ "judges": {} }"#, "$.grading.judges", "unknown key \"judges\"; expected one of: judge, embeddings, cache"),
        (#"{ "cache": "" }"#, "$.grading.cache", "expected a folder path"),
        (#"{ "embeddings": { "provider": 3 } }"#, "$.grading.embeddings.provider", "expected a string, found a number"),
        (#"[]"#, "$.grading", "expected an object"),
    ])
    func diagnostics(grading: String, path: String, message: String) throws {
        let diagnostic = try #require(throws: LibraryDiagnostic.self) { try Self.decode(grading: grading) }
        #expect(diagnostic.jsonPath == path)
        #expect(diagnostic.message.contains(message), "\(diagnostic.message)")
    }

    @Test("the cache folder is relative to the library root unless absolute")
    func cacheFolder() {
        let root = URL(fileURLWithPath: "/tmp/library", isDirectory: true)
        #expect(GradingConfig().cacheDirectory(libraryRoot: root).path == "/tmp/library/.promptcompat/grading-cache")
        #expect(GradingConfig(cache: "cache/grades").cacheDirectory(libraryRoot: root).path == "/tmp/library/cache/grades")
        #expect(GradingConfig(cache: "/var/cache/grades").cacheDirectory(libraryRoot: root).path == "/var/cache/grades")
    }

    @Test("a grader on a keyed provider needs its key variable set, and the error names it")
    func missingKey() throws {
        let config = try Self.decode(grading: #"{ "judge": { "provider": "qwen" } }"#)
        let root = URL(fileURLWithPath: "/tmp/library")
        let error = try #require(throws: GradingSetupError.self) {
            try ModelGrading(config: config, libraryRoot: root, environment: ["DASHSCOPE_API_KEY": ""])
        }
        #expect(error == .missingKey(grader: "judge", provider: "qwen", variable: "DASHSCOPE_API_KEY"))
        #expect(error.description == #"grading.judge uses provider "qwen", which needs an API key: set the environment variable DASHSCOPE_API_KEY"#)
        let grading = try ModelGrading(config: config, libraryRoot: root, environment: ["DASHSCOPE_API_KEY": "sk-x"])
        #expect(grading.judge?.model == "qwen-plus")
        #expect(grading.embeddings == nil)
        #expect(grading.cache.directory.path == "/tmp/library/.promptcompat/grading-cache")
    }

    @Test("a grader that is not configured fails as unsupported, naming the missing section")
    func notConfigured() async throws {
        let config = try Self.decode(grading: #"{ "judge": { "provider": "local-smollm", "model": "judge-model" } }"#)
        let grading = try ModelGrading(config: config, libraryRoot: URL(fileURLWithPath: "/tmp/library"), environment: [:])
        #expect(grading.judge?.model == "judge-model")
        let failure = try #require(await expectGradingFailure { () async throws(ProviderFailure) in try await grading.semanticSimilarity("a", "b") })
        #expect(failure.cause == .unsupported(parameter: "grading.embeddings"))
    }

    @Test("ModelGrading judges and compares through the configured providers over HTTP")
    func endToEndOverLoopback() async throws {
        let server = try LoopbackServer { request in
            request.path.hasSuffix("/embeddings")
                ? .json(200, GradingFixtures.pooledBody([[1, 0], [1, 0]]))
                : .json(200, GradingFixtures.chatBody(reply: #"{"score": 4, "reason": "漏了时间"}"#))
        }
        defer { server.stop() }
        let folder = try GradingFixtures.scratchFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let text = Self.configText(grading: #"{ "judge": { "provider": "local-smollm" }, "embeddings": { "provider": "local-embed" } }"#)
            .replacingOccurrences(of: "http://127.0.0.1:8701/v1", with: server.baseURL.absoluteString)
            .replacingOccurrences(of: "http://127.0.0.1:8703/v1", with: server.baseURL.absoluteString)
        let grading = try ModelGrading(config: try SuiteConfig.decode(text, file: "c.json"), libraryRoot: folder, environment: [:])

        let verdict = try await grading.judge(task: "告诉客户退款时间", reference: "7个工作日内到账", candidate: "很快到账", rubric: "必须说明到账时间")
        #expect(verdict.score == 0.4)
        #expect(try await grading.semanticSimilarity("a", "b") == 1)
        #expect(server.requests.map(\.path) == ["/v1/chat/completions", "/v1/embeddings"])
        let judgeBody = try JSONValue(parsing: server.requests[0].body)
        #expect(judgeBody["model"] == "smollm2-135m-instruct")
        #expect(judgeBody["messages"]?.arrayValue?.last?["content"]?.stringValue?.contains("必须说明到账时间") == true)
        #expect(try JSONValue(parsing: server.requests[1].body)["model"] == "smollm2-135m-embed")
        #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent(".promptcompat/grading-cache").path))
    }
}
