import Foundation
import PromptCompat
import PromptCompatTestSupport
import Testing

@Suite("RewriteSuggestion: the judge model asked for a rewrite of a prompt for a target")
struct RewriteSuggestionTests {
    typealias F = GradingFixtures

    /// A zh prompt with a `{{order_id}}` placeholder, loaded from a scratch library.
    func prompt(_ text: String = ScratchLibrary.validPrompt) throws -> Prompt {
        let folder = try ScratchLibrary(files: ["support/reply.json": text])
        defer { folder.delete() }
        return try #require(try folder.load().prompt(id: "support/reply"))
    }

    func failing() -> CaseResult {
        var result = CaseResult(promptID: "support/reply", caseName: "late", target: "qwen", verdict: .failed, reasons: ["output does not contain \"20240709\""])
        result.referenceOutput = "订单 20240709 正在配送中。"
        result.output = "Sorry, I can't help with that."
        return result
    }

    @Test("both templates parse and render every variable; the prompt's own placeholders stay as written")
    func templates() throws {
        let prompt = try prompt()
        for language in JudgeLanguage.allCases {
            let messages = RewriteSuggestion.messages(prompt: prompt, target: "qwen", failures: "- late: x", language: language)
            #expect(messages.map(\.role) == [.system, .user])
            #expect(!messages[0].content.isEmpty)
            let user = messages[1].content
            #expect(user.contains("qwen") && user.contains("- late: x"))
            #expect(user.contains(#""content": "订单 {{order_id}} 到哪了？""#))
            #expect(!user.contains("{{target}}") && !user.contains("{{failures}}") && !user.contains("{{messages}}") && !user.contains("{{task}}"))
        }
    }

    @Test("the failure text gives each failing case's reasons, the accepted answer and the target's answer; passing cases are left out")
    func failureText() {
        let passing = CaseResult(promptID: "support/reply", caseName: "ok", target: "qwen", verdict: .pass, reasons: [])
        #expect(RewriteSuggestion.failureText([passing, failing()]) == """
            - late (failed): output does not contain "20240709"
              accepted: 订单 20240709 正在配送中。
              qwen: Sorry, I can't help with that.
            """)
    }

    @Test("the request goes to the judge's provider in the prompt's language, and the answer comes back trimmed")
    func suggest() async throws {
        let server = try LoopbackServer { _ in .json(200, F.chatBody(reply: "\n  改成直接提问。 \n")) }
        defer { server.stop() }
        let prompt = try prompt()
        let failures = RewriteSuggestion.failureText([failing()])
        let text = try await RewriteSuggestion.suggest(using: F.judge(for: server), prompt: prompt, target: "qwen", failures: failures)
        #expect(text == "改成直接提问。")
        let body = try JSONValue(parsing: try #require(server.requests.first).body)
        #expect(body["model"] == "grader-model")
        #expect(body["max_tokens"] == .number(Double(RewriteSuggestion.maxTokens)))
        let user = try #require(body["messages"]?.arrayValue?.last?["content"]?.stringValue)
        #expect(user.contains("<失败原因>\n\(failures)\n</失败原因>"))   // 订单 … 到哪了？ is Chinese: the zh template
    }

    @Test("an empty answer is a malformed response, not an empty suggestion")
    func emptyAnswer() async throws {
        let server = try LoopbackServer { _ in .json(200, F.chatBody(reply: "  ")) }
        defer { server.stop() }
        let prompt = try prompt()
        let judge = F.judge(for: server)
        let failure = await expectGradingFailure { () async throws(ProviderFailure) in
            try await RewriteSuggestion.suggest(using: judge, prompt: prompt, target: "qwen", failures: "x")
        }
        #expect(failure?.causeName == "malformed-response")
    }
}
