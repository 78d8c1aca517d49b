import Foundation
import Testing
import PromptCompat
import PromptCompatTestSupport

@Suite("SuiteRunner for retune: exactly one prompt's cases, and its passing answers accepted as the target's snapshots")
struct SuiteRunnerRetuneTests {
    @Test("run(prompt:) runs that prompt's cases only, in file order, not those of a prompt whose id merely contains it")
    func onePrompt() async throws {
        let fixture = try RunFixture()
        try fixture.write("prompts/support/order-status-v2.json", RunFixture.promptFile)
        _ = try await fixture.runner(record: .missing).run()   // records both prompts' baseline snapshots
        let library = try fixture.library()
        let results = try await fixture.runner(target: "stub", record: .never).run(prompt: try #require(library.prompt(id: "support/order-status")))
        #expect(results.map(\.displayName) == ["support/order-status · late", "support/order-status · lost"])
        #expect(results.allSatisfy { $0.verdict == .pass })
    }

    @Test("accept writes the passing answers to the target's own folder, samples answers each, and nothing when the policy says never")
    func accept() async throws {
        let fixture = try RunFixture(samples: 2)
        _ = try await fixture.runner(record: .missing).run()
        let prompt = try #require(try fixture.library().prompt(id: "support/order-status"))
        // `other` compares with the baseline's snapshots; its override's terse prompt is answered in English: both drift.
        let runner = try fixture.runner(target: "other", record: .never)
        var results = await runner.run(prompt: prompt)
        #expect(results.map(\.verdict) == [.drift, .drift])
        let ci = try RecordPolicy.resolve(explicit: .failed, environment: ["CI": "true"])
        results[0].verdict = .pass   // as if the first case had passed
        #expect(try await runner.accept(results, of: prompt, policy: ci).isEmpty)
        #expect(fixture.sample("other", "late") == nil)

        let requestsBefore = fixture.server.requests.count
        let policy = try RecordPolicy.resolve(explicit: .failed, environment: [:])
        let written = try await runner.accept(results, of: prompt, policy: policy)
        #expect(written.count == 1 && written[0].hasSuffix("other/support/order-status/late"))
        #expect(fixture.sample("other", "late", 1) == results[0].output.map { $0 + "\n" })   // the answer that was judged (a sample file ends with a newline)
        #expect(fixture.sample("other", "late", 2) != nil)                 // plus one new answer: samples is 2
        #expect(fixture.server.requests.count == requestsBefore + 1)
        #expect(fixture.sample("other", "lost") == nil)                    // it did not pass
    }
}
