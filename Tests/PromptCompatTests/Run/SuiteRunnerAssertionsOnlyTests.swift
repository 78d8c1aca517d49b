import Foundation
import PromptCompat
import PromptCompatTestSupport
import Testing

/// Prompts whose accepted answer was lost with the old provider: judged by their `expect` assertions
/// alone, or by the target's own accepted answers — each said plainly in the report.
@Suite("SuiteRunner: no accepted answer")
struct SuiteRunnerAssertionsOnlyTests {
    @Test("a case without any accepted answer but with assertions is called and judged by them alone, with a note saying so")
    func assertionsOnlyCase() async throws {
        let fixture = try RunFixture()
        let results = try await fixture.runner(target: "other", record: .missing).run()

        #expect(results.map(\.verdict) == [.missingSnapshot, .pass], "late has no assertion; lost expects its order number")
        let lost = results[1]
        #expect(lost.assertionsOnly)
        #expect(lost.reasons.last?.hasPrefix("note: no accepted answer at ") == true)
        #expect(lost.reasons.last?.hasSuffix("judged by its expect assertions alone; record the baseline (--record missing) or accept this target's answers (--record all) to compare") == true)
        #expect(fixture.sample("other", "lost") == nil, "nothing is recorded")
        #expect(fixture.server.requests.count == 1)
    }

    @Test("a failed assertion without an accepted answer is failed; a prompt whose cases pass by assertions alone is 'assertions-only', not ready")
    func assertionsOnlyStatus() async throws {
        let fixture = try RunFixture(answer: { _ in RunFixture.completion("已为您查询，请稍候。") })
        try fixture.write("prompts/support/order-status.json", """
            {
              "messages": [ { "role": "user", "content": "订单 {{order_id}} 到哪了？" } ],
              "cases": [
                { "name": "polite", "vars": { "order_id": "1" }, "expect": { "language": "zh" } },
                { "name": "names-order", "vars": { "order_id": "88812345" }, "expect": { "contains": ["88812345"] } }
              ]
            }
            """)
        try fixture.write("prompts/support/greeting.json", """
            { "messages": [ { "role": "user", "content": "你好" } ], "cases": [ { "name": "a", "expect": { "language": "zh" } } ] }
            """)
        let results = try await fixture.runner(target: "other", record: .never).run()
        #expect(results.map(\.verdict) == [.pass, .pass, .failed])
        #expect(results[2].reasons.first?.contains("88812345") == true)

        let report = ReadinessReport(library: try fixture.library(), target: "other", results: results)
        #expect(report.prompts.map(\.status) == [.assertionsOnly, .retune])
        #expect(report.readiness == 0, "passing assertions alone is not ready")
        #expect(report.markdown().contains("0 of 2 prompts ready, 1 to re-tune, 0 blocked, 0 incomplete, 1 passing their assertions only (no accepted answer to compare with)."))
        #expect(report.json()["summary"]?["assertions-only"] == 1)
    }

    @Test("cases compared with the target's own accepted answers are said in every report's scope line")
    func ownReferenceIsSaid() async throws {
        let fixture = try RunFixture()
        _ = try await fixture.runner(target: "other", record: .all).run()
        let results = try await fixture.runner(target: "other", record: .never).run()
        let report = ReadinessReport(library: try fixture.library(), target: "other", results: results)
        #expect(report.scopeNote == "2 cases are compared with other's own accepted answers (recorded with --record all), not stub's")
        #expect(report.markdown().contains("> **2 cases are compared with other's own accepted answers"))
    }
}
