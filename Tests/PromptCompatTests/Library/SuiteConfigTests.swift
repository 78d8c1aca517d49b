import Foundation
import Testing
@testable import PromptCompat

/// The suite config (`promptcompat.json`): which provider is the baseline, every provider, the defaults.
/// Each mistake is reported at its JSON path with its line and column and what was expected.
@Suite("Suite config")
struct SuiteConfigTests {
    func decodeError(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> LibraryDiagnostic {
        try #require(throws: LibraryDiagnostic.self, sourceLocation: sourceLocation) {
            try SuiteConfig.decode(text, file: "prompts/promptcompat.json")
        }
    }

    @Test("a baseline that is not among the providers lists the providers")
    func baselineNotAmongProviders() throws {
        let error = try decodeError("""
            {
              "baseline": "gpt4",
              "providers": {
                "local": { "baseURL": "http://127.0.0.1:8701/v1", "model": "m" },
                "qwen": { "baseURL": "https://dashscope.aliyuncs.com/compatible-mode/v1", "model": "qwen-plus" }
              }
            }
            """)
        #expect(error.file == "prompts/promptcompat.json")
        #expect(error.jsonPath == "$.baseline")
        #expect(error.position == SourcePosition(line: 2, column: 15))
        #expect(error.message == #"baseline "gpt4" is not one of the providers: local, qwen"#)
    }

    @Test("an unknown profile lists the known profiles")
    func unknownProfile() throws {
        let error = try decodeError("""
            {
              "baseline": "local",
              "providers": {
                "local": { "profile": "llamacpp", "baseURL": "http://127.0.0.1:8701/v1", "model": "m" }
              }
            }
            """)
        #expect(error.jsonPath == "$.providers.local.profile")
        #expect(error.position == SourcePosition(line: 4, column: 27))
        let known = ProviderProfile.catalog.map(\.id).joined(separator: ", ")
        #expect(error.message == #"unknown profile "llamacpp"; known profiles: "# + known)
        #expect(known.hasPrefix("openai-compatible, llama-cpp, openai"))
    }

    @Test("a baseURL that is not an http(s) URL with a host is refused", arguments: [
        "127.0.0.1:8701/v1", "localhost:8701/v1", "ftp://example.com/v1", "http:///v1",
    ])
    func badBaseURL(_ url: String) throws {
        let error = try decodeError("""
            {
              "baseline": "local",
              "providers": { "local": { "baseURL": "\(url)", "model": "m" } }
            }
            """)
        #expect(error.jsonPath == "$.providers.local.baseURL")
        #expect(error.position == SourcePosition(line: 3, column: 40))
        #expect(error.message == #"expected an http:// or https:// URL, found ""# + url + #"""#)
    }

    @Test("a provider without a model is reported at the provider, saying what the model is")
    func missingModel() throws {
        let error = try decodeError("""
            {
              "baseline": "local",
              "providers": {
                "local": { "baseURL": "http://127.0.0.1:8701/v1" }
              }
            }
            """)
        #expect(error.jsonPath == "$.providers.local")
        #expect(error.position == SourcePosition(line: 4, column: 14))
        #expect(error.message == #"missing "model": the model to call, e.g. "qwen-plus""#)
    }

    @Test("samples, defaults and every provider setting are read; providers keep file order")
    func everythingParsed() throws {
        let config = try SuiteConfig.decode("""
            {
              "baseline": "local",
              "samples": 3,
              "defaults": { "similarity": 0.3, "timeoutSeconds": 12.5, "concurrency": 4 },
              "providers": {
                "qwen": { "profile": "dashscope", "baseURL": "https://dashscope.aliyuncs.com/compatible-mode/v1",
                          "model": "qwen-plus", "apiKeyEnv": "DASHSCOPE_API_KEY", "models": { "gpt-4o": "qwen-max" } },
                "local": { "baseURL": "http://127.0.0.1:8701/v1", "model": "smollm" }
              }
            }
            """, file: "promptcompat.json")
        #expect(config.baseline == "local")
        #expect(config.samples == 3)
        #expect(config.defaults.similarity == 0.3)
        #expect(config.defaults.timeoutSeconds == 12.5)
        #expect(config.defaults.concurrency == 4)
        #expect(config.providers.map(\.name) == ["qwen", "local"])
        #expect(config.provider(named: "qwen") == ProviderConfig(
            name: "qwen", profile: "dashscope", baseURL: URL(string: "https://dashscope.aliyuncs.com/compatible-mode/v1")!,
            model: "qwen-plus", models: ["gpt-4o": "qwen-max"], apiKeyEnv: "DASHSCOPE_API_KEY"))
        #expect(config.provider(named: "local")?.profile == "openai-compatible")
        #expect(config.provider(named: "local")?.apiKeyEnv == nil)
        #expect(config.provider(named: "nobody") == nil)
    }

    @Test("without samples and defaults: 1 sample, similarity 0.25, 60 s timeout, concurrency 2")
    func defaultsWhenAbsent() throws {
        let config = try SuiteConfig.decode("""
            { "baseline": "local", "providers": { "local": { "baseURL": "http://127.0.0.1:8701/v1", "model": "m" } } }
            """, file: "promptcompat.json")
        #expect(config.samples == 1)
        #expect(config.defaults == SuiteConfig.Defaults())
        #expect(config.defaults.similarity == 0.25)
        #expect(config.defaults.timeoutSeconds == 60)
        #expect(config.defaults.concurrency == 2)
    }

    @Test("an unknown key is refused at every level, listing the keys that level knows", arguments: [
        (#"{ "baseline": "local", "default": {}, "providers": { "local": { "baseURL": "http://h/v1", "model": "m" } } }"#,
         "$.default", #"unknown key "default"; expected one of: baseline, providers, samples, defaults, grading, description"#),
        (#"{ "baseline": "local", "providers": { "local": { "baseURL": "http://h/v1", "model": "m", "keyEnv": "K" } } }"#,
         "$.providers.local.keyEnv", #"unknown key "keyEnv"; expected one of: profile, baseURL, model, models, apiKeyEnv, stream, strict, profileOverrides, rateLimit, concurrency"#),
        (#"{ "baseline": "local", "defaults": { "timeout": 5 }, "providers": { "local": { "baseURL": "http://h/v1", "model": "m" } } }"#,
         "$.defaults.timeout", #"unknown key "timeout"; expected one of: similarity, timeoutSeconds, concurrency, retries, maxResponseBytes"#),
    ])
    func unknownKey(text: String, path: String, message: String) throws {
        let error = try decodeError(text)
        #expect(error.jsonPath == path)
        #expect(error.message == message)
        #expect(error.position?.line == 1)
    }

    @Test("defaults out of range are refused with the value found", arguments: [
        (#""similarity": 1.5"#, "$.defaults.similarity", "expected a number from 0 to 1, found 1.5"),
        (#""timeoutSeconds": 0"#, "$.defaults.timeoutSeconds", "expected a number of seconds > 0, found 0"),
        (#""concurrency": 0"#, "$.defaults.concurrency", "expected a whole number ≥ 1, found 0"),
    ])
    func defaultsOutOfRange(member: String, path: String, message: String) throws {
        let error = try decodeError("""
            { "baseline": "local", "defaults": { \(member) }, "providers": { "local": { "baseURL": "http://h/v1", "model": "m" } } }
            """)
        #expect(error.jsonPath == path)
        #expect(error.message == message)
    }

    @Test("a provider name that could leave the snapshot folder is refused", arguments: ["..", ".hidden", "a/b", "通义"])
    func unsafeProviderName(_ name: String) throws {
        let error = try decodeError("""
            { "baseline": "local", "providers": { "\(name)": { "baseURL": "http://h/v1", "model": "m" } } }
            """)
        #expect(error.jsonPath == JSONParser.child("$.providers", name))
        #expect(error.message.hasPrefix(#"provider name ""# + name + #"" "#))
    }
}
