import Foundation
import Testing
@testable import PromptCompat

@Suite("RequestAdapter: every change a provider needs, recorded")
struct RequestAdapterTests {
    func profile(_ id: String) throws -> ProviderProfile { try #require(ProviderProfile.named(id)) }

    func request(_ parameters: JSONObject = JSONObject(), messages: [ChatMessage] = [.init(role: .user, content: "你好")], model: String = "m") -> ChatRequest {
        ChatRequest(model: model, messages: messages, parameters: parameters)
    }

    @Test("temperature 0 becomes Zhipu's smallest accepted value, and the report line says why")
    func temperatureZeroOnZhipu() throws {
        let adapted = RequestAdapter.adapt(request(JSONObject([("temperature", 0)])), to: try profile("zhipu"))
        #expect(adapted.request.parameters["temperature"] == 0.01)
        #expect(adapted.adaptations.map(\.change) == ["temperature 0 → 0.01 (Zhipu GLM accepts (0,1])"])
    }

    @Test("a value in range is left alone, and an OpenAI request needs nothing on OpenAI")
    func nothingToAdapt() throws {
        let original = request(JSONObject([("temperature", 0.7), ("top_p", 0.9), ("seed", 7)]))
        let adapted = RequestAdapter.adapt(original, to: try profile("openai"))
        #expect(adapted.request == original && adapted.adaptations.isEmpty && adapted.problems.isEmpty)
    }

    @Test("unsupported parameters are dropped, each named")
    func unsupportedDropped() throws {
        let adapted = RequestAdapter.adapt(request(JSONObject([("seed", 42), ("response_format", ["type": "json_object"]), ("max_tokens", 64)])), to: try profile("hunyuan"))
        #expect(adapted.request.parameters.keys == ["max_tokens"])
        #expect(adapted.adaptations.map(\.change) == [
            "dropped seed (Tencent Hunyuan does not support it)", "dropped response_format (Tencent Hunyuan does not support it)",
        ])
    }

    @Test("max_tokens above the model's output cap is capped")
    func outputCap() throws {
        let adapted = RequestAdapter.adapt(request(JSONObject([("max_tokens", 4000)]), model: "qwen-turbo"), to: try profile("dashscope"))
        #expect(adapted.request.parameters["max_tokens"] == 1500)
        #expect(adapted.adaptations.map(\.change) == ["max_tokens 4000 → 1500 (Alibaba DashScope / Bailian (Qwen) caps qwen-turbo output at 1500 tokens)"])
    }

    @Test("the model map is recorded as an adaptation")
    func modelMap() throws {
        let adapted = RequestAdapter.adapt(request(model: "qwen-plus"), promptModel: "gpt-4o", to: try profile("dashscope"))
        #expect(adapted.adaptations.map(\.change) == ["model gpt-4o → qwen-plus (mapped by the suite config)"])
    }

    @Test("two system messages become one, first, where the provider wants one system message first")
    func systemFirst() throws {
        let messages: [ChatMessage] = [.init(role: .user, content: "问题"), .init(role: .system, content: "规则一"), .init(role: .system, content: "规则二")]
        let adapted = RequestAdapter.adapt(request(messages: messages), to: try profile("dashscope"))
        #expect(adapted.request.messages == [.init(role: .system, content: "规则一\n\n规则二"), .init(role: .user, content: "问题")])
        #expect(adapted.adaptations.map(\.change) == ["merged 2 system messages into one, first (Alibaba DashScope / Bailian (Qwen) wants one system message, first)"])
    }

    @Test("without a system role the system text goes in front of the first user message")
    func systemMergedIntoUser() throws {
        var gemma = try profile("llama-cpp")
        gemma.messages.system = .mergeIntoUser
        let adapted = RequestAdapter.adapt(request(messages: [.init(role: .system, content: "只回答是或否。"), .init(role: .user, content: "天是蓝的吗？")]), to: gemma)
        #expect(adapted.request.messages == [.init(role: .user, content: "只回答是或否。\n\n天是蓝的吗？")])
        #expect(adapted.adaptations.map(\.rule) == ["messages"])
    }

    @Test("consecutive same-role messages are merged where roles must alternate; empty ones dropped where rejected")
    func alternation() throws {
        let messages: [ChatMessage] = [
            .init(role: .system, content: "s"), .init(role: .user, content: "a"), .init(role: .user, content: "b"),
            .init(role: .assistant, content: ""), .init(role: .user, content: "c"),
        ]
        let adapted = RequestAdapter.adapt(request(messages: messages), to: try profile("hunyuan"))
        #expect(adapted.request.messages.map(\.content) == ["s", "a\n\nb\n\nc"])
        #expect(adapted.adaptations.map(\.change) == [
            "dropped 1 empty message(s) (Tencent Hunyuan rejects empty content)",
            "merged 2 consecutive same-role message(s) (Tencent Hunyuan wants user and assistant to alternate)",
        ])
    }

    @Test("more messages than the provider takes: the oldest go, the system message stays")
    func maxMessages() throws {
        var messages: [ChatMessage] = [.init(role: .system, content: "s")]
        for i in 0..<42 { messages.append(.init(role: i % 2 == 0 ? .user : .assistant, content: "\(i)")) }
        messages.append(.init(role: .user, content: "last"))
        let adapted = RequestAdapter.adapt(request(messages: messages), to: try profile("hunyuan"))
        #expect(adapted.request.messages.count == 40)
        #expect(adapted.request.messages.first?.role == .system && adapted.request.messages.last?.content == "last")
        #expect(adapted.adaptations.map(\.change).contains("dropped the 4 oldest message(s) (Tencent Hunyuan takes at most 40)"))
    }

    @Test("what cannot be fixed is reported as a problem, not silently sent")
    func problems() throws {
        let messages: [ChatMessage] = [.init(role: .assistant, content: "您好"), .init(role: .user, content: "查订单"), .init(role: .assistant, content: "订单号：")]
        let adapted = RequestAdapter.adapt(request(messages: messages), to: try profile("qianfan"))
        #expect(adapted.problems == [
            "the conversation starts with the assistant; Baidu Qianfan (ERNIE) wants the user first",
            "the last message is from the assistant; Baidu Qianfan (ERNIE) wants it from the user",
        ])
    }
}
