import Testing
@testable import PromptCompat

/// Loops: the same sentence again and again, or a text ending in one repeated piece.
@Suite("Repetition and the loop check")
struct RepetitionTests {
    @Test("a repeated sentence and a repeated phrase at the end are loops")
    func loops() {
        #expect(Repetition.loop(in: "推荐理由：性价比高。性价比高。性价比高。性价比高。")?.unit == "性价比高")
        let phrase = "The best choice for you and your family and " + String(repeating: "your family and ", count: 8)
        #expect(Repetition.loop(in: phrase)?.count ?? 0 >= 3)
    }

    @Test("parallel lines, tables, dot leaders and laughter are not loops", arguments: [
        "第1周：熟悉产品\n第2周：跟岗学习\n第3周：独立接待\n第4周：考核",
        "| 项目 | 价格 |\n|---|---|\n| A | 1 |\n| B | 2 |",
        "目录..............................1",
        "哈哈哈哈哈哈哈哈哈哈哈哈哈哈哈哈哈哈哈哈哈哈哈哈哈哈哈",
        "- 检查电源\n- 检查网络\n- 检查账号\n- 检查权限",
    ])
    func notLoops(text: String) {
        #expect(Repetition.loop(in: text) == nil)
    }

    @Test("the loop check speaks alone and names the piece; an accepted answer that loops too is no change")
    func check() {
        let looping = "您好，退款已受理。" + String(repeating: "请耐心等待。", count: 6)
        let findings = SubstituteCheck.findings(.init(samples: ["您好，退款已受理，请耐心等待。"], candidate: looping))
        #expect(findings.map(\.reason) == ["loops: repeats \"请耐心等待\" 6 times"])
        #expect(SubstituteCheck.loop.reasons([looping], looping + "请耐心等待。") == [])
    }

    @Test("a truncated answer that loops says it loops, and its hint says a larger cap makes it worse")
    func truncation() throws {
        var parameters = JSONObject()
        parameters["max_tokens"] = .number(64)
        let request = ChatRequest(model: "m", messages: [ChatMessage(role: .user, content: "写一句回复")], parameters: parameters)
        let cut = Completion(text: "好的" + String(repeating: "，我们会尽快处理", count: 12), finishReason: "length", usage: Usage(promptTokens: 5, completionTokens: 64))
        let failure = try #require(ProviderFailure.truncation(of: cut, request: request))
        #expect(failure.description.contains("the answer loops (repeats"))
        #expect(VerdictReasons.hint(for: [failure.description])?.contains("a larger max_tokens only makes it longer") == true)
    }
}

@Suite("Repetition: the reason")
struct RepetitionReasonTests {
    @Test("a piece that spans lines is quoted on one line")
    func oneLine() throws {
        let loop = try #require(Repetition.loop(in: "Payments:\n" + String(repeating: "payments\nsuccess\n", count: 6)))
        #expect(!loop.description.contains("\n"))
    }
}
