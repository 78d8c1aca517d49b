import Foundation
@testable import PromptCompat
import Testing

/// `JudgeVerdict.parse`, `JudgeTemplates` and `JudgeLanguage.detect`: the judge's words in and out.
@Suite("Judge verdicts and templates")
struct JudgeVerdictTests {
    @Test("verdict replies are read bare, fenced, in prose, with a string score or Chinese keys", arguments: [
        (#"{"score": 8, "reason": "说明了到账时间"}"#, 0.8, "说明了到账时间"),
        ("```json\n{\"score\": 10, \"reason\": \"exact\"}\n```", 1.0, "exact"),
        (#"Here is my verdict: {"score": 3, "reason": "misses the deadline"} Hope this helps."#, 0.3, "misses the deadline"),
        (#"{"score": "6", "reason": "partly"}"#, 0.6, "partly"),
        (#"{"分数": 5, "理由": "一半正确"}"#, 0.5, "一半正确"),
        (#"{"score": 0}"#, 0.0, ""),
        (#"{"score": 7.5, "reason": "r"}"#, 0.75, "r"),
    ])
    func readsVerdicts(reply: String, score: Double, reason: String) throws {
        let verdict = try JudgeVerdict.parse(reply: reply, model: "m")
        #expect(abs(verdict.score - score) < 1e-12)
        #expect(verdict.reason == reason)
        #expect(verdict.raw == reply)
        #expect(verdict.model == "m")
    }

    @Test("replies without a 0–10 score are errors carrying the reply", arguments: [
        "我给8分", #"{"reason": "no score"}"#, #"{"score": 11, "reason": "too high"}"#,
        #"{"score": -1}"#, #"{"score": "high"}"#, #"[8, "ok"]"#, "",
    ])
    func rejectsNonVerdicts(reply: String) throws {
        let failure = try #require(throws: ProviderFailure.self) { try JudgeVerdict.parse(reply: reply, model: nil) }
        #expect(failure.cause == .malformedResponse)
        #expect(failure.evidence == reply)
    }

    @Test("both languages have a system message and a user template for every mode")
    func templatesComplete() {
        for language in JudgeLanguage.allCases {
            let templates = JudgeTemplates.table[language] ?? [:]
            #expect(Set(templates.keys) == Set(JudgeTemplates.keys), "\(language)")
            #expect(templates.values.allSatisfy { !$0.isEmpty }, "\(language)")
        }
    }

    @Test("every mode renders every text it is given and leaves no {{variable}}", arguments: JudgeLanguage.allCases)
    func templatesRender(language: JudgeLanguage) {
        let modes: [JudgeMode] = [.rubric("RUBRIC-X"), .rubric("RUBRIC-X", reference: "REFERENCE-X"), .pairwise(reference: "REFERENCE-X")]
        for mode in modes {
            let messages = JudgeTemplates.messages(for: mode, task: "TASK-X", candidate: "CANDIDATE-X", language: language)
            #expect(messages.map(\.role) == [.system, .user])
            let user = messages[1].content
            #expect(user.contains("TASK-X") && user.contains("CANDIDATE-X"))
            #expect(!user.contains("{{") && !user.contains("}}"))
            switch mode {
            case .rubric(_, let reference):
                #expect(user.contains("RUBRIC-X"))
                #expect(user.contains("REFERENCE-X") == (reference != nil))
            case .pairwise:
                #expect(user.contains("REFERENCE-X") && !user.contains("RUBRIC-X"))
            }
            #expect(messages[0].content.contains(#""score""#))
        }
    }

    @Test("an answer containing {{braces}} is inserted as is, not treated as a template")
    func bracesInAnswers() {
        let messages = JudgeTemplates.messages(for: .pairwise(reference: "{{task}}"), task: "T", candidate: "{{x}}", language: .en)
        #expect(messages[1].content.contains("<answer_a>\n{{task}}\n</answer_a>"))
        #expect(messages[1].content.contains("<answer_b>\n{{x}}\n</answer_b>"))
    }

    @Test("language: zh when at least half the words are CJK characters, else en", arguments: [
        ("把退款政策告诉客户", JudgeLanguage.zh),
        ("Tell the customer the refund policy", .en),
        // 6 CJK characters vs 2 Latin words.
        ("请用JSON格式回答 please", .zh),
        // 2 CJK characters vs 6 Latin words.
        ("Reply in 中文 to the customer now", .en),
        ("12345 2024-07-09", .zh),
        ("", .zh),
    ])
    func detectLanguage(text: String, expected: JudgeLanguage) {
        #expect(JudgeLanguage.detect(in: text) == expected)
    }
}
