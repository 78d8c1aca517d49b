import Foundation
import Testing
@testable import PromptCompat

/// `Prompt.request(for:provider:)`: the request one provider receives for one case.
@Suite("Prompt request")
struct PromptRequestTests {
    /// A prompt written for `gpt-4o`, re-tuned for `local-b` (new messages, parameters replaced and added).
    static let prompt = """
        {
          "model": "gpt-4o",
          "temperature": 0,
          "max_tokens": 64,
          "messages": [
            { "role": "system", "content": "你是客服。" },
            { "role": "user", "content": "订单 {{order_id}} 已经{{ days }}天没有更新了" }
          ],
          "cases": [ { "name": "late", "vars": { "order_id": "20240709", "days": "5" } } ],
          "overrides": {
            "local-b": {
              "note": "Base model: completion style.",
              "messages": [ { "role": "user", "content": "问：订单 {{order_id}} 已经{{days}}天没有更新。\\n答：" } ],
              "temperature": 0.7,
              "stop": ["\\n"]
            }
          }
        }
        """

    func withPrompt(_ body: (Prompt, SuiteConfig) throws -> Void) throws {
        let folder = try ScratchLibrary(files: ["support/late.json": Self.prompt])
        defer { folder.delete() }
        let library = try folder.load()
        try body(try #require(library.prompt(id: "support/late")), library.config)
    }

    @Test("variables are filled into every message; parameters are sent in file order, without model")
    func variablesFilledIn() throws {
        try withPrompt { prompt, config in
            let request = try prompt.request(for: prompt.cases[0], provider: try #require(config.provider(named: "local-a")))
            #expect(request.messages == [
                ChatMessage(role: .system, content: "你是客服。"),
                ChatMessage(role: .user, content: "订单 20240709 已经5天没有更新了"),
            ])
            #expect(request.parameters == JSONObject([("temperature", 0), ("max_tokens", 64)]))
        }
    }

    @Test("an override's messages replace the prompt's messages wholesale, variables filled in")
    func overrideMessagesReplace() throws {
        try withPrompt { prompt, config in
            let request = try prompt.request(for: prompt.cases[0], provider: try #require(config.provider(named: "local-b")))
            #expect(request.messages == [ChatMessage(role: .user, content: "问：订单 20240709 已经5天没有更新。\n答：")])
        }
    }

    @Test("an override's parameters replace the prompt's in place and add new ones at the end")
    func overrideParametersReplaceAndAdd() throws {
        try withPrompt { prompt, config in
            let request = try prompt.request(for: prompt.cases[0], provider: try #require(config.provider(named: "local-b")))
            #expect(request.parameters == JSONObject([("temperature", 0.7), ("max_tokens", 64), ("stop", ["\n"])]))
            #expect(request.parameters.keys == ["temperature", "max_tokens", "stop"])
        }
    }

    @Test("the prompt's model is mapped through the provider's models; unmapped, the provider's default model is used")
    func modelMappedThroughModels() throws {
        try withPrompt { prompt, config in
            let qwen = try #require(config.provider(named: "qwen"))
            #expect(try prompt.request(for: prompt.cases[0], provider: qwen).model == "qwen-plus")

            var mini = prompt
            mini.parameters["model"] = "gpt-4o-mini"
            #expect(try mini.request(for: prompt.cases[0], provider: qwen).model == "qwen-turbo")

            let local = try #require(config.provider(named: "local-a"))
            #expect(try prompt.request(for: prompt.cases[0], provider: local).model == "model-a")
        }
    }

    @Test("a model set in a provider's override is the model that provider is asked for")
    func overrideModelIsUsed() throws {
        try withPrompt { prompt, config in
            var tuned = prompt
            tuned.overrides["qwen"] = PromptOverride(note: "needs the bigger model", messages: nil, parameters: JSONObject([("model", "qwen-max")]))
            let qwen = try #require(config.provider(named: "qwen"))
            let request = try tuned.request(for: prompt.cases[0], provider: qwen)
            #expect(request.model == "qwen-max")
        }
    }

    @Test("the baseline sample count: the prompt's samples, else the suite's")
    func sampleCount() throws {
        try withPrompt { prompt, config in
            #expect(prompt.sampleCount(in: config) == 1)
            var sampled = prompt
            sampled.samples = 3
            #expect(sampled.sampleCount(in: config) == 3)
        }
    }
}
