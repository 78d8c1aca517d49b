import Foundation
import Testing
import PromptCompat
import PromptCompatTestSupport

/// The re-tune loop through the real binary: `RunFixture`'s library and baseline `stub`, plus a target
/// `candidate` on its own loopback server that refuses the prompt as written and answers like the
/// baseline once its override asks "请查询订单 …", and, for `--suggest`, a loopback judge.
@Suite("promptcompat retune: run one prompt, add an override, check it, accept its answers")
struct RetuneCommandTests {
    /// What the baseline's echo answers to the prompt as written (`RunFixture.echo`).
    static func baselineAnswer(_ orderID: String) -> String { "您好，关于「订单 \(orderID) 到哪了？」：已为您查询，订单正在配送中。" }

    static let candidateAnswer: @Sendable (String) -> ScriptedResponse = { message in
        guard message.hasPrefix("请查询订单 ") else { return RunFixture.completion("Sorry, I can't help with that.") }
        return RunFixture.completion(baselineAnswer(String(message.dropFirst("请查询订单 ".count))))
    }

    /// The override an engineer writes after the first retune (the file as `RunFixture` has it, plus this).
    static let editedPrompt = RunFixture.promptFile.replacingOccurrences(
        of: #"[ { "role": "user", "content": "查订单 {{order_id}}" } ] }"#,
        with: #"[ { "role": "user", "content": "查订单 {{order_id}}" } ] },"# + "\n"
            + #"    "candidate": { "note": "candidate refuses the system-role wording: ask plainly", "messages": [ { "role": "user", "content": "请查询订单 {{order_id}}" } ] }"#
    )

    /// The fixture's suite config with `candidate` (and, when given, a `judge` provider as `grading.judge`).
    func configure(_ fixture: RunFixture, candidate: LoopbackServer, judge: LoopbackServer? = nil) throws {
        let judgeProvider = judge.map { #", "judge": { "baseURL": "\#($0.baseURL.absoluteString)", "model": "judge-model" }"# } ?? ""
        let grading = judge == nil ? "" : #", "grading": { "judge": { "provider": "judge" } }"#
        try fixture.write("prompts/promptcompat.json", """
            { "baseline": "stub", "defaults": { "similarity": 0.8, "timeoutSeconds": 10 }\(grading),
              "providers": {
                "stub": { "baseURL": "\(fixture.server.baseURL.absoluteString)", "model": "stub-model" },
                "other": { "baseURL": "\(fixture.server.baseURL.absoluteString)", "model": "other-model" },
                "candidate": { "baseURL": "\(candidate.baseURL.absoluteString)", "model": "candidate-model" }\(judgeProvider) } }
            """)
    }

    var promptFile: String { "prompts/support/order-status.json" }

    @Test("retune shows what fails and adds an override; --check fails until it is edited, then passes and writes the target's snapshots (not under CI)")
    func loop() async throws {
        let fixture = try RunFixture()
        let candidate = try LoopbackServer { request in
            let messages = (request.jsonBody?["messages"] as? [[String: Any]]) ?? []
            return Self.candidateAnswer(messages.last?["content"] as? String ?? "")
        }
        defer { candidate.stop() }
        try configure(fixture, candidate: candidate)
        #expect(try await CLIProcess.run(["run", "--target", "stub"], in: fixture.root).status == 1)   // records the baseline

        let first = try await CLIProcess.run(["retune", "support/order-status", "--target", "candidate"], in: fixture.root)
        #expect(first.status == 1)
        #expect(first.stdout.contains("support/order-status · late on candidate: drift"))
        #expect(first.stdout.contains("output does not contain \"88812345\""))
        #expect(first.stdout.contains("hint: "))
        #expect(first.stdout.contains("support/order-status on candidate: re-tune — 0 of 2 cases pass (no override for candidate: the prompt as written)"))
        // RunFixture.promptFile's `other` override is line 15; the new one opens on 16, its note is 17 and
        // `      "messages": [` is 18: six spaces and `"messages": ` put the `[` in column 19.
        #expect(first.stdout.contains("edit its messages at \(promptFile):18:19"))
        let inserted = try String(contentsOf: fixture.root.appendingPathComponent(promptFile), encoding: .utf8)
        #expect(inserted.contains(#""candidate": {"# + "\n" + #"      "note": "TODO: why and how this prompt was re-tuned for candidate","#))
        #expect(try fixture.library().prompt(id: "support/order-status")?.overrides["candidate"] != nil)

        let unedited = try await CLIProcess.run(["retune", "support/order-status", "--target", "candidate", "--check"], in: fixture.root)
        #expect(unedited.status == 1)
        #expect(unedited.stdout.contains("still failing: 2 of 2 cases"))
        #expect(unedited.stderr.contains("the override's note still starts with TODO"))

        try fixture.write(promptFile, Self.editedPrompt)
        let underCI = try await CLIProcess.run(["retune", "support/order-status", "--target", "candidate", "--check"], in: fixture.root, environment: ["CI": "true"])
        #expect(underCI.status == 0)
        #expect(underCI.stdout.contains("support/order-status on candidate: ready — 2 of 2 cases pass (override for candidate used)"))
        #expect(underCI.stdout.contains("not writing snapshots: CI is set"))
        #expect(fixture.sample("candidate", "late") == nil)

        let checked = try await CLIProcess.run(["retune", "support/order-status", "--target", "candidate", "--check"], in: fixture.root)
        #expect(checked.status == 0)
        #expect(checked.stdout.contains("accepted as candidate's own snapshots (the reference of its next runs): snapshots/candidate/support/order-status/late, snapshots/candidate/support/order-status/lost"))
        #expect(fixture.sample("candidate", "late") == Self.baselineAnswer("20240709") + "\n")   // a sample file ends with a newline
        #expect(fixture.sample("candidate", "lost") == Self.baselineAnswer("88812345") + "\n")
    }

    @Test("--suggest prints the judge's rewrite marked as model-written and writes it nowhere")
    func suggest() async throws {
        let fixture = try RunFixture()
        let candidate = try LoopbackServer { _ in RunFixture.completion("Sorry, I can't help with that.") }
        defer { candidate.stop() }
        let advice = "[{\"role\": \"user\", \"content\": \"请查询订单 {{order_id}} 的物流状态\"}] 改为直接提问。"
        let judge = try LoopbackServer { _ in RunFixture.completion(advice) }
        defer { judge.stop() }
        try configure(fixture, candidate: candidate, judge: judge)
        _ = try await CLIProcess.run(["run", "--target", "stub"], in: fixture.root)

        let output = try await CLIProcess.run(["retune", "support/order-status", "--target", "candidate", "--suggest"], in: fixture.root)
        #expect(output.status == 1)
        #expect(output.stdout.contains("SUGGESTION (model-written, not applied) — judge-model on judge:"))
        #expect(output.stdout.contains(advice))
        let asked = try #require(judge.requests.first?.bodyText)
        #expect(judge.requests.count == 1)
        #expect(asked.contains("<失败原因>"))   // the prompt is Chinese, so the Chinese template
        #expect(asked.contains("output does not contain \\\"88812345\\\""))
        #expect(asked.contains("订单 {{order_id}} 到哪了？"))
        let file = try String(contentsOf: fixture.root.appendingPathComponent(promptFile), encoding: .utf8)
        #expect(!file.contains("物流状态"))
    }

    @Test("--suggest without grading.judge exits 2 naming the config key, before any request")
    func suggestWithoutJudge() async throws {
        let fixture = try RunFixture()
        let candidate = try LoopbackServer { _ in RunFixture.completion("x") }
        defer { candidate.stop() }
        try configure(fixture, candidate: candidate)
        let output = try await CLIProcess.run(["retune", "support/order-status", "--target", "candidate", "--suggest"], in: fixture.root)
        #expect(output.status == 2)
        #expect(output.stderr.contains("the suite config has no grading.judge"))
        #expect(candidate.requests.isEmpty)
    }

    @Test("usage errors exit 2: no prompt id, an unknown prompt, the baseline as target")
    func usage() async throws {
        let fixture = try RunFixture()
        #expect(try await CLIProcess.run(["retune", "--target", "other"], in: fixture.root).status == 2)
        let unknown = try await CLIProcess.run(["retune", "support/order", "--target", "other"], in: fixture.root)
        #expect(unknown.status == 2)
        #expect(unknown.stderr.contains("no prompt \"support/order\" in prompts; did you mean: support/order-status"))
        let baseline = try await CLIProcess.run(["retune", "prompts/support/order-status.json", "--target", "stub"], in: fixture.root)
        #expect(baseline.status == 2)
        #expect(baseline.stderr.contains("stub is the baseline"))
    }
}
