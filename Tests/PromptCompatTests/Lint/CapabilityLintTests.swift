import Foundation
import Testing
@testable import PromptCompat

/// A library with one prompt per capability problem, linted against real catalog profiles (base URLs are
/// fake: the lint never calls anything).
@Suite("CapabilityLint: what a target's provider would change or reject, found before a single call")
final class CapabilityLintTests {
    static let config = """
        {
          "baseline": "local",
          "providers": {
            "local": { "profile": "llama-cpp", "baseURL": "http://127.0.0.1:8701/v1", "model": "smollm2-135m-instruct" },
            "zhipu": { "profile": "zhipu", "baseURL": "https://zhipu.invalid/v4", "model": "glm-4-air", "models": { "gpt-4o": "glm-4" } },
            "dashscope": { "profile": "dashscope", "baseURL": "https://dashscope.invalid/v1", "model": "qwen-plus", "models": { "gpt-4o": "qwen-plus" } },
            "hunyuan": { "profile": "hunyuan", "baseURL": "https://hunyuan.invalid/v1", "model": "hunyuan-standard" },
            "qianfan": { "profile": "qianfan", "baseURL": "https://qianfan.invalid/v2", "model": "ernie-3.5-8k" },
            "zhipu-strict": { "profile": "zhipu", "baseURL": "https://zhipu.invalid/v4", "model": "glm-4-air", "strict": true },
            "no-tools": { "profile": "openai-compatible", "baseURL": "https://notools.invalid/v1", "model": "small-model",
                          "profileOverrides": { "unsupported": ["tools", "tool_choice"] } }
          }
        }
        """

    static let files: [String: String] = [
        "classify/intent.json": """
            {
              "model": "gpt-4o",
              "temperature": 0,
              "seed": 42,
              "max_tokens": 16,
              "messages": [ { "role": "user", "content": "{{text}}" } ],
              "cases": [ { "name": "a", "vars": { "text": "查快递" } }, { "name": "b", "vars": { "text": "退货" } } ]
            }
            """,
        "extraction/order-json.json": """
            {
              "max_tokens": 64,
              "response_format": { "type": "json_object" },
              "messages": [ { "role": "user", "content": "抽取订单号，输出JSON：{{text}}" } ],
              "cases": [ { "name": "a", "vars": { "text": "订单 DD1" } } ]
            }
            """,
        "office/report.json": """
            {
              "model": "gpt-4o",
              "max_tokens": 4000,
              "messages": [ { "role": "user", "content": "写一份年度总结。" } ],
              "cases": [ { "name": "a" } ]
            }
            """,
        "support/two-systems.json": """
            {
              "max_tokens": 64,
              "messages": [
                { "role": "system", "content": "你是客服。" },
                { "role": "system", "content": "回答不超过50字。" },
                { "role": "user", "content": "能退货吗？" }
              ],
              "cases": [ { "name": "a" } ]
            }
            """,
        "support/greeting.json": """
            {
              "max_tokens": 64,
              "messages": [
                { "role": "assistant", "content": "您好，请问有什么可以帮您？" },
                { "role": "user", "content": "我要开发票。" }
              ],
              "cases": [ { "name": "a" } ]
            }
            """,
        "rag/summarize.json": """
            {
              "max_tokens": 500,
              "messages": [ { "role": "user", "content": "总结：{{doc}}" } ],
              "cases": [ { "name": "short", "vars": { "doc": "短文。" } }, { "name": "long", "vars": { "doc": "\(String(repeating: "长", count: 9000))" } } ]
            }
            """,
        "dev/function-call.json": """
            {
              "max_tokens": 64,
              "tools": [ { "type": "function", "function": { "name": "get_order_status", "parameters": { "type": "object" } } } ],
              "tool_choice": "auto",
              "messages": [ { "role": "user", "content": "订单 1 到哪了？" } ],
              "cases": [ { "name": "a" } ]
            }
            """,
    ]

    let folder: ScratchLibrary
    let library: PromptLibrary

    init() throws {
        folder = try ScratchLibrary(config: Self.config, files: Self.files)
        library = try folder.load()
    }

    deinit { folder.delete() }

    func lint(_ target: String) throws -> LintReport {
        CapabilityLint.lint(library: library, target: try #require(library.config.provider(named: target)))
    }

    /// The single finding of `rule` for `prompt`; records an issue when there is not exactly one.
    func finding(_ report: LintReport, _ prompt: String, _ rule: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> LintFinding {
        let found = report.findings.filter { $0.promptID == prompt && $0.rule == rule }
        #expect(found.count == 1, "\(found)", sourceLocation: sourceLocation)
        return try #require(found.first, sourceLocation: sourceLocation)
    }

    @Test("temperature 0 on Zhipu is a warning at the temperature value, once for all cases, with the value to set")
    func temperatureZeroOnZhipu() throws {
        let found = try finding(lint("zhipu"), "classify/intent", "temperature")
        #expect(found.severity == .warning && found.caseName == nil)
        #expect(found.file == folder.path("classify/intent.json") && found.jsonPath == "$.temperature")
        #expect(found.position == SourcePosition(line: 3, column: 18))
        #expect(found.message == "temperature 0 → 0.01 (Zhipu GLM accepts (0,1])")
        #expect(found.hint == "set temperature to 0.01 in an override for zhipu, or accept the adaptation")
        #expect(found.description == "\(folder.path("classify/intent.json")):3:18: warning: temperature 0 → 0.01 (Zhipu GLM accepts (0,1]) — hint: set temperature to 0.01 in an override for zhipu, or accept the adaptation")
    }

    @Test("values the API allows but the target's profile does not (top_p 1, temperature 1.5 on Zhipu) are range warnings naming the profile's interval")
    func profileRangeWarnings() throws {
        let scratch = try ScratchLibrary(config: Self.config, files: ["creative/slogan.json": """
            {
              "temperature": 1.5,
              "top_p": 1,
              "max_tokens": 32,
              "messages": [ { "role": "user", "content": "为新品写一句口号。" } ],
              "cases": [ { "name": "a" } ]
            }
            """])
        defer { scratch.delete() }
        let library = try scratch.load()
        let report = CapabilityLint.lint(library: library, target: try #require(library.config.provider(named: "zhipu")))
        let found = report.findings.filter { $0.promptID == "creative/slogan" }
        #expect(found.map(\.message).sorted() == ["temperature 1.5 → 1 (Zhipu GLM accepts (0,1])", "top_p 1 → 0.99 (Zhipu GLM accepts (0,1))"])
        #expect(found.allSatisfy { $0.severity == .warning })
        #expect(found.map(\.jsonPath).sorted() == ["$.temperature", "$.top_p"])
        #expect(CapabilityLint.lint(library: library, target: try #require(library.config.provider(named: "local"))).findings.filter { $0.promptID == "creative/slogan" }.isEmpty,
                "llama.cpp takes both as they are")
    }

    @Test("a prompt without max_tokens is a warning; the output estimate and the suggested cap come from the accepted answers")
    func missingMaxTokensUsesAcceptedAnswers() throws {
        let scratch = try ScratchLibrary(config: Self.config, files: ["office/weekly-report.json": """
            {
              "messages": [ { "role": "user", "content": "把本周工作整理成周报：{{notes}}" } ],
              "cases": [ { "name": "short", "vars": { "notes": "修复登录问题" } }, { "name": "long", "vars": { "notes": "上线新版本、复盘事故、招聘面试三场" } } ]
            }
            """])
        defer { scratch.delete() }
        let library = try scratch.load()
        let store = SnapshotStore(root: scratch.root.deletingLastPathComponent().appendingPathComponent("snapshots-\(UUID().uuidString)"))
        defer { try? FileManager.default.removeItem(at: store.root) }
        let request = ChatRequest(model: "m", messages: [], parameters: JSONObject())
        for (name, tokens) in [("short", 120), ("long", 700)] {
            var snapshot = Snapshot(provider: "local", request: request, completions: [
                Completion(text: String(repeating: "周报内容。", count: 10), finishReason: "stop", model: "m", usage: Usage(promptTokens: 30, completionTokens: tokens)),
            ])
            snapshot.metadata.recordedAt = "2024-07-01T00:00:00Z"
            try store.write(snapshot, for: SnapshotKey(provider: "local", promptID: "office/weekly-report", caseName: name))
        }
        let target = try #require(library.config.provider(named: "dashscope"))

        let report = CapabilityLint.lint(library: library, target: target, snapshots: store)

        let found = report.findings.filter { $0.promptID == "office/weekly-report" && $0.rule == "max_tokens" }
        #expect(found.count == 1)
        #expect(found.first?.severity == .warning)
        #expect(found.first?.message == "no max_tokens: Alibaba DashScope / Bailian (Qwen)'s own default decides how long an answer may run, and what it costs")
        #expect(found.first?.hint == #"set "max_tokens": 1056 (the longest accepted answer is ~700 tokens) in the prompt file, so every provider is held to the same length"#)
        #expect(report.cost.outputTokens == 820, "the accepted answers' 120 + 700, not 2 × 256")
        #expect(report.cost.description.contains("output of every case from the accepted answers"))
        let unrecorded = CapabilityLint.lint(library: library, target: target)
        #expect(unrecorded.cost.outputTokens == 2 * CostEstimate.defaultOutputTokens)
        #expect(unrecorded.findings.first { $0.rule == "max_tokens" }?.hint.hasPrefix(#"set "max_tokens" a little above"#) == true)
    }

    @Test("seed is dropped on Zhipu, and the hint says to record samples to see the noise")
    func seedDroppedOnZhipu() throws {
        let found = try finding(lint("zhipu"), "classify/intent", "unsupported")
        #expect(found.severity == .warning)
        #expect(found.position == SourcePosition(line: 4, column: 11))
        #expect(found.message == "dropped seed (Zhipu GLM does not support it)")
        #expect(found.hint.contains("remove seed in an override for zhipu") && found.hint.contains("samples"))
    }

    @Test("response_format is dropped on Hunyuan: ask for JSON in the prompt text")
    func responseFormatDroppedOnHunyuan() throws {
        let found = try finding(lint("hunyuan"), "extraction/order-json", "unsupported")
        #expect(found.severity == .warning && found.jsonPath == "$.response_format")
        #expect(found.position == SourcePosition(line: 3, column: 22))
        #expect(found.message == "dropped response_format (Tencent Hunyuan does not support it)")
        #expect(found.hint == "ask for JSON in the prompt text and give an example")
    }

    @Test("max_tokens above DashScope's cap for the mapped model is a warning naming the cap")
    func maxTokensAboveDashScopeCap() throws {
        let found = try finding(lint("dashscope"), "office/report", "max_tokens")
        #expect(found.severity == .warning && found.position == SourcePosition(line: 3, column: 17))
        #expect(found.message == "max_tokens 4000 → 2000 (Alibaba DashScope / Bailian (Qwen) caps qwen-plus output at 2000 tokens)")
        #expect(found.hint.hasPrefix("set max_tokens to 2000 or less in an override for dashscope (qwen-plus's cap)"))
    }

    @Test("two system messages on DashScope are merged: a warning at $.messages with a one-system-message hint")
    func twoSystemMessagesOnDashScope() throws {
        let found = try finding(lint("dashscope"), "support/two-systems", "messages")
        #expect(found.severity == .warning && found.jsonPath == "$.messages")
        #expect(found.position == SourcePosition(line: 3, column: 15))
        #expect(found.message.hasPrefix("merged 2 system messages into one, first"))
        #expect(found.hint.hasPrefix("put every instruction in one system message at the start"))
    }

    @Test("an assistant-first conversation on Qianfan cannot be adapted: an error, and lint fails the target")
    func assistantFirstOnQianfan() throws {
        let report = try lint("qianfan")
        let found = try finding(report, "support/greeting", "problem")
        #expect(found.severity == .error && found.position == SourcePosition(line: 3, column: 15))
        #expect(found.message == "the conversation starts with the assistant; Baidu Qianfan (ERNIE) wants the user first; Baidu Qianfan (ERNIE) will likely reject the request")
        #expect(found.hint.hasPrefix("start the conversation with a user message in an override for qianfan"))
        #expect(report.hasErrors)
    }

    @Test("a case too long for the model's context is an error for that case only")
    func hugePromptExceedsContext() throws {
        let report = try lint("qianfan")
        let found = try finding(report, "rag/summarize", "context")
        #expect(found.severity == .error && found.caseName == "long")
        // "总结：" + 9000 × "长" = 9003 CJK tokens, + 4 for the message, + max_tokens 500 > 8192.
        #expect(found.message.hasPrefix("~9007 prompt tokens + max_tokens 500 exceed the 8192-token context of ernie-3.5-8k"))
        #expect(found.description.contains(": error: case \"long\": ~9007 prompt tokens"))
        #expect(try lint("dashscope").findings.allSatisfy { $0.rule != "context" }, "qwen-plus has a 131072-token context")
    }

    @Test("strict mode turns the same adaptation into an error")
    func strictMakesAdaptationsErrors() throws {
        let lenient = try finding(lint("zhipu"), "classify/intent", "temperature")
        let strict = try finding(lint("zhipu-strict"), "classify/intent", "temperature")
        #expect(lenient.severity == .warning)
        #expect(strict.severity == .error)
        #expect(strict.message.hasSuffix("(strict: the run fails this request)"))
        #expect(try !lint("zhipu").hasErrors && lint("zhipu-strict").hasErrors)
    }

    @Test("dropped tools are an error whatever the mode; dropped tool_choice a warning")
    func droppedToolsAreAnError() throws {
        let report = try lint("no-tools")
        let tools = report.findings.filter { $0.promptID == "dev/function-call" && $0.rule == "unsupported" }
        #expect(tools.map(\.severity) == [.error, .warning])
        #expect(tools.first?.message == "dropped tools: this prompt relies on tools, which Any OpenAI-compatible server does not support")
        #expect(tools.first?.jsonPath == "$.tools" && tools.first?.position.line == 3)
    }

    @Test("a model the profile does not know is one info finding at the suite config's model")
    func unknownModelIsInfoInSuiteConfig() throws {
        let report = try lint("no-tools")
        let unknown = report.findings.filter { $0.rule == "model" }
        #expect(unknown.count == 1)
        #expect(unknown.first?.severity == .info && unknown.first?.promptID == nil)
        #expect(unknown.first?.file == folder.path("promptcompat.json"))
        #expect(unknown.first?.jsonPath == "$.providers.no-tools.model" && unknown.first?.position.line == 10)
        #expect(report.cost.description.hasPrefix("estimated cost of one full run: no price known for small-model (9 cases"))
    }

    @Test("the cost of one run is every case's estimated input and max_tokens at the profile's prices")
    func costFromProfilePrices() throws {
        let folder = try ScratchLibrary(config: Self.config, files: ["a.json": """
            {
              "model": "gpt-4o",
              "max_tokens": 100,
              "messages": [ { "role": "system", "content": "你好世界" }, { "role": "user", "content": "{{q}}" } ],
              "cases": [ { "name": "one", "vars": { "q": "abcdefgh" } }, { "name": "two", "vars": { "q": "ijklmnop" } } ]
            }
            """])
        defer { folder.delete() }
        let library = try folder.load()
        let report = CapabilityLint.lint(library: library, target: try #require(library.config.provider(named: "dashscope")))
        // Per case: system 4 CJK + 4 = 8, user 8 Latin / 4 + 4 = 6 → 14 input; 100 output. qwen-plus: [4, 12] CNY per 1M.
        // 2 × (14 × 4 + 100 × 12) / 1e6 = 2 × 1256 / 1e6 = 0.002512 CNY
        #expect(report.cost.inputTokens == 28 && report.cost.outputTokens == 200 && report.cost.cases == 2)
        #expect(abs(report.cost.cny - 0.002512) < 1e-12)
        #expect(report.cost.description == "estimated cost of one full run: 0.0025 CNY (2 cases, ~28 input + ~200 output tokens at qwen-plus prices taken 2024-07)")
        #expect(report.summary == "dashscope: 0 errors, 0 warnings, 0 info — estimated cost of one full run: 0.0025 CNY (2 cases, ~28 input + ~200 output tokens at qwen-plus prices taken 2024-07)")
    }

    @Test("a case without max_tokens counts 256 output tokens, never more than the model's cap")
    func defaultOutputTokens() throws {
        var cost = CostEstimate()
        let profile = try #require(ProviderProfile.named("dashscope"))
        cost.add(ChatRequest(model: "qwen-turbo", messages: [.init(role: .user, content: "hi")]), profile: profile)
        cost.add(ChatRequest(model: "qwen-turbo", messages: [.init(role: .user, content: "hi")], parameters: JSONObject([("max_tokens", 4000)])), profile: profile)
        #expect(cost.outputTokens == 256 + 1500)
        #expect(cost.inputTokens == 2 * 5)
    }

    @Test("the token estimate: a CJK character (punctuation too) is a token, other text 4 characters a token")
    func tokenEstimate() {
        #expect(TokenEstimator.estimate(text: "你好，world") == 3 + 2)
        #expect(TokenEstimator.estimate(text: "") == 0)
        #expect(TokenEstimator.estimate(ChatRequest(model: "m", messages: [.init(role: .user, content: "abcd"), .init(role: .assistant, content: "好")])) == (4 + 1) + (4 + 1))
    }
}
