import Foundation
import Testing
@testable import PromptCompat

@Suite("Provider profiles: the catalog as data, overridable from the suite config")
struct ProviderProfileTests {
    @Test("every provider a migrating team considers has a profile")
    func catalogCoversTheMigrationTargets() {
        let ids = Set(ProviderProfile.catalog.map(\.id))
        for id in ["openai", "azure-openai", "zhipu", "qianfan", "dashscope", "yi", "siliconflow", "hunyuan", "baichuan", "minimax", "moonshot", "deepseek", "llama-cpp", "openai-compatible"] {
            #expect(ids.contains(id), "no profile \(id)")
        }
    }

    @Test("every hosted profile names its base URL, key variable, error shape, a default model it prices, and when prices were taken")
    func hostedProfilesAreComplete() throws {
        for profile in ProviderProfile.catalog where !["openai-compatible", "llama-cpp"].contains(profile.id) {
            #expect(profile.baseURL.hasPrefix("https://"), "\(profile.id)")
            #expect(profile.keyVariable?.hasSuffix("_API_KEY") == true, "\(profile.id)")
            #expect(profile.pricesTaken != nil, "\(profile.id)")
            #expect(!profile.models.isEmpty && profile.models.allSatisfy { $0.inputPrice != nil && $0.outputPrice != nil }, "\(profile.id)")
            #expect(profile.temperature != nil, "\(profile.id)")
        }
    }

    @Test("facts from the providers' documentation are in the data", arguments: [
        ("zhipu", "(0,1]"), ("dashscope", "[0,2)"), ("minimax", "(0,1]"), ("moonshot", "[0,1]"), ("openai", "[0,2]"),
    ])
    func temperatureRanges(id: String, range: String) throws {
        #expect(try #require(ProviderProfile.named(id)).temperature?.description == range)
    }

    @Test("Azure authenticates with an api-key header; Hunyuan takes at most 40 alternating messages; DeepSeek streams keep-alives")
    func rules() throws {
        #expect(try #require(ProviderProfile.named("azure-openai")).auth == .apiKeyHeader)
        let hunyuan = try #require(ProviderProfile.named("hunyuan")).messages
        #expect(hunyuan.maxMessages == 40 && hunyuan.alternate && hunyuan.userFirst && hunyuan.userLast && hunyuan.system == .first)
        #expect(try #require(ProviderProfile.named("deepseek")).streamKeepAlive)
        #expect(try #require(ProviderProfile.named("dashscope")).outputCap(for: "qwen-turbo") == 1500)
        #expect(try #require(ProviderProfile.named("dashscope")).outputCap(for: "unknown-model") == 2000)
    }

    @Test("intervals parse as in mathematics, and clamp to the nearest accepted value")
    func valueRanges() throws {
        let open = try #require(ValueRange("(0,1]"))
        #expect(!open.contains(0) && open.contains(1) && open.clamp(0) == 0.01 && open.clamp(1.5) == 1)
        let halfOpen = try #require(ValueRange("[0, 2)"))
        #expect(halfOpen.contains(0) && !halfOpen.contains(2) && halfOpen.clamp(2) == 1.99)
        #expect(ValueRange("0..1") == nil && ValueRange("[2,1]") == nil)
    }

    @Test("a suite config overrides a profile for one provider: prices merged per model, rules replaced")
    func suiteConfigOverrides() throws {
        let text = """
            { "baseline": "local",
              "providers": {
                "local": { "profile": "llama-cpp", "baseURL": "http://127.0.0.1:8701/v1", "model": "m",
                           "profileOverrides": { "messages": { "system": "merge-into-user" } } },
                "qwen": { "profile": "dashscope", "baseURL": "https://dashscope.aliyuncs.com/compatible-mode/v1", "model": "qwen-plus",
                          "apiKeyEnv": "DASHSCOPE_API_KEY", "strict": true,
                          "profileOverrides": { "models": { "qwen-plus": { "price": [0.8, 2] } }, "pricesTaken": "2026-11" } } } }
            """
        let config = try SuiteConfig.decode(text, file: "promptcompat.json")
        let qwen = try #require(config.provider(named: "qwen"))
        #expect(qwen.strict)
        #expect(qwen.resolvedProfile.model(named: "qwen-plus")?.inputPrice == 0.8)
        #expect(qwen.resolvedProfile.model(named: "qwen-plus")?.maxOutputTokens == 2000, "the catalog's cap is kept")
        #expect(qwen.resolvedProfile.model(named: "qwen-turbo")?.inputPrice == 2, "other models keep catalog prices")
        #expect(qwen.resolvedProfile.pricesTaken == "2026-11")
        #expect(config.provider(named: "local")?.resolvedProfile.messages.system == .mergeIntoUser)
    }

    @Test("a bad profile override names the file, the path and what was expected")
    func badOverride() {
        let text = #"{ "baseline": "a", "providers": { "a": { "baseURL": "http://h/v1", "model": "m", "profileOverrides": { "temperature": "0 to 1" } } } }"#
        #expect {
            try SuiteConfig.decode(text, file: "promptcompat.json")
        } throws: { error in
            let diagnostic = error as? LibraryDiagnostic
            return diagnostic?.jsonPath == "$.providers.a.profileOverrides.temperature"
                && diagnostic?.message == #"expected an interval like "[0,2]" or "(0,1]", found "0 to 1""#
        }
    }
}
