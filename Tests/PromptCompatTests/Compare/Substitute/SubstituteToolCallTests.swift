import Testing
@testable import PromptCompat

/// The `tool-call` check: an accepted tool call answered in prose says "no tool call", alone.
@Suite("Substitute check: tool calls")
struct SubstituteToolCallTests {
    let call = #"[{"name":"get_weather","arguments":{"city":"北京","unit":"celsius"}}]"#

    @Test("prose where a tool call was accepted is 'no tool call', not 'no JSON' or 'switched language'")
    func prose() {
        let findings = SubstituteCheck.findings(.init(samples: [call], candidate: "Beijing is sunny today, 25°C."))
        #expect(findings.map(\.reason) == ["no tool call: expected a call to get_weather, got prose (\"Beijing is sunny today, 25°C.\")"])
        #expect(VerdictReasons.hint(for: findings.map(\.reason))?.contains("tool_choice") == true)
    }

    @Test("another function is named; the same call with reordered arguments passes")
    func otherCallAndSameCall() {
        #expect(SubstituteCheck.toolCall.reasons([call], #"[{"name":"search_web","arguments":{"q":"北京天气"}}]"#) == ["calls search_web instead of get_weather"])
        let reordered = #"[{"name":"get_weather","arguments":{"unit":"celsius","city":"北京"}}]"#
        #expect(SubstituteCheck.findings(.init(samples: [call], candidate: reordered)).isEmpty)
    }
}
