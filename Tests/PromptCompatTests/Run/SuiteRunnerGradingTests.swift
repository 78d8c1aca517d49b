import Foundation
import PromptCompat
import PromptCompatTestSupport
import Testing

/// `expect.judge` and `expect.semantic` in a run: the graders are the suite config's own providers, here a
/// loopback server that answers the target (`stub-model`), the judge (`judge-model`) and `/embeddings`.
@Suite("SuiteRunner: model-graded checks")
struct SuiteRunnerGradingTests {
    final class Fixture: Sendable {
        let server: LoopbackServer
        let folder: ScratchLibrary
        /// Outside the library folder, which the loader reads every `.json` file of.
        let snapshots = FileManager.default.temporaryDirectory.appendingPathComponent("promptcompat-graded-\(UUID().uuidString)")

        /// `judgeReply` is what the judge model says; `embedding` maps a text to its vector.
        init(
            judgeReply: String = #"{"score": 3, "reason": "漏掉了订单号"}"#, judgeStatus: Int = 200,
            embedding: @escaping @Sendable (String) -> [Double] = { $0.contains("配送") ? [1, 0] : [0, 1] }
        ) throws {
            server = try LoopbackServer { request in
                let body = request.jsonBody ?? [:]
                if request.path.hasSuffix("/embeddings") {
                    let inputs = body["input"] as? [String] ?? [body["input"] as? String ?? ""]
                    return .json(200, GradingFixtures.pooledBody(inputs.map(embedding)))
                }
                if body["model"] as? String == "judge-model" {
                    return judgeStatus == 200
                        ? .json(200, GradingFixtures.chatBody(reply: judgeReply))
                        : .json(judgeStatus, #"{"error":{"message":"Incorrect API key provided","code":"invalid_api_key"}}"#)
                }
                return .json(200, GradingFixtures.chatBody(reply: "您好，订单 20240709 正在配送中，预计明天送达。"))
            }
            let url = server.baseURL.absoluteString
            folder = try ScratchLibrary(config: """
                {
                  "baseline": "stub",
                  "providers": {
                    "stub": { "baseURL": "\(url)", "model": "stub-model" },
                    "judge": { "baseURL": "\(url)", "model": "judge-model" },
                    "embed": { "baseURL": "\(url)", "model": "embed-model" }
                  },
                  "grading": { "judge": { "provider": "judge", "language": "zh" }, "embeddings": { "provider": "embed" } }
                }
                """, files: ["support/status.json": """
                {
                  "description": "告诉客户订单状态，必须提到订单号",
                  "messages": [ { "role": "user", "content": "订单 {{order_id}} 到哪了？" } ],
                  "cases": [
                    { "name": "judged", "vars": { "order_id": "20240709" }, "expect": { "judge": 0.6 } },
                    { "name": "semantic", "vars": { "order_id": "20240709" }, "expect": { "semantic": 0.9 } }
                  ]
                }
                """])
            // The accepted answer the target is compared with.
            let accepted = Completion(text: "您好，订单 20240709 正在配送中，明天送达。", finishReason: "stop")
            let request = ChatRequest(model: "stub-model", messages: [ChatMessage(role: .user, content: "订单 20240709 到哪了？")])
            for name in ["judged", "semantic"] {
                try SnapshotStore(root: snapshots).write(
                    Snapshot(provider: "stub", request: request, completions: [accepted]),
                    for: SnapshotKey(provider: "stub", promptID: "support/status", caseName: name)
                )
            }
        }

        deinit {
            server.stop()
            folder.delete()
            try? FileManager.default.removeItem(at: snapshots)
        }

        func run(_ filter: String) async throws -> CaseResult {
            let library = try folder.load()
            let runner = try SuiteRunner(library: library, snapshots: snapshots, target: "stub", record: .never, environment: [:])
            return try #require(await runner.run(filter: filter).first)
        }
    }

    @Test("a judge score below expect.judge fails the case with the judge's reason")
    func judgeBelowTheBar() async throws {
        let fixture = try Fixture()
        let result = try await fixture.run("judged")
        #expect(result.verdict == .failed)
        #expect(result.grades == [ModelGrade(check: .judge, score: 0.3, bar: 0.6, reason: "漏掉了订单号")])
        #expect(result.reasons.contains("judge scored 0.30, below 0.60: 漏掉了订单号"), "\(result.reasons)")
        let judgeRequest = try #require(fixture.server.requests.first { $0.jsonBody?["model"] as? String == "judge-model" })
        #expect(judgeRequest.bodyText.contains("必须提到订单号"), "the judge is told what the prompt is for")
        #expect(judgeRequest.bodyText.contains("20240709"), "the judge sees the accepted answer")
    }

    @Test("a judge score at the bar passes")
    func judgeAtTheBar() async throws {
        let fixture = try Fixture(judgeReply: #"{"score": 6, "reason": "意思一致"}"#)
        let result = try await fixture.run("judged")
        #expect(result.grades.map(\.passed) == [true])
        #expect(result.verdict == .pass, "\(result.reasons)")
    }

    @Test("embedding similarity above expect.semantic passes; below it a passing case drifts")
    func semantic() async throws {
        let close = try await Fixture().run("semantic")
        #expect(close.grades == [ModelGrade(check: .semantic, score: 1, bar: 0.9)])
        #expect(close.verdict == .pass, "\(close.reasons)")

        let far = try await Fixture(embedding: { $0.contains("预计") ? [0.6, 0.8] : [1, 0] }).run("semantic")
        #expect(far.grades.map(\.score) == [0.6])
        #expect(far.verdict == .drift)
        #expect(far.reasons.contains("semantic similarity 0.60, below 0.90"), "\(far.reasons)")
    }

    @Test("a grader that cannot answer makes the case an error naming the cause, not a pass or a block")
    func graderFailure() async throws {
        let result = try await Fixture(judgeStatus: 401).run("judged")
        #expect(result.verdict == .error)
        #expect(result.failure?.causeName == "auth")
        #expect(result.reasons.first?.hasPrefix("grading could not run: auth") == true, "\(result.reasons)")
    }

    @Test("a prompt asking for a judge in a suite without one fails to load, at the expect key, saying what to add")
    func judgeWithoutGrader() throws {
        let folder = try ScratchLibrary(files: ["support/status.json": """
            {
              "messages": [ { "role": "user", "content": "你好" } ],
              "cases": [ { "name": "a", "expect": { "judge": true } } ]
            }
            """])
        defer { folder.delete() }
        let error = try #require(throws: PromptLibraryError.self) { try folder.load() }
        let message = error.description
        #expect(message.contains("support/status.json:3:"), "\(message)")
        #expect(message.contains("expect.judge needs a judge model: add \"grading\": {\"judge\": {\"provider\": \"<one of local-a, local-b, qwen>\"}}"), "\(message)")
    }

    @Test("expect.judge reads as true (bar 0.6), a bar, or an object with minScore and rubric; anything else names what it takes")
    func judgeForms() throws {
        let config = #"{"baseline":"a","providers":{"a":{"baseURL":"http://127.0.0.1:1/v1","model":"m"}},"grading":{"judge":{"provider":"a"},"embeddings":{"provider":"a"}}}"#
        func expect(_ json: String) throws -> Expectations {
            let folder = try ScratchLibrary(config: config, files: ["p.json": #"{"messages":[{"role":"user","content":"你好"}],"cases":[{"name":"a","expect":\#(json)}]}"#])
            defer { folder.delete() }
            return try folder.load().prompts[0].cases[0].expect
        }
        #expect(try expect(#"{"judge": true}"#).judge == Expectations.Judge(minScore: 0.6))
        #expect(try expect(#"{"judge": 0.8}"#).judge == Expectations.Judge(minScore: 0.8))
        #expect(try expect(#"{"judge": {"minScore": 0.7, "rubric": "必须给出退款金额"}}"#).judge == Expectations.Judge(minScore: 0.7, rubric: "必须给出退款金额"))
        #expect(try expect(#"{"semantic": 0.9}"#).semantic == 0.9)
        let folder = try ScratchLibrary(config: config, files: ["p.json": #"{"messages":[{"role":"user","content":"你好"}],"cases":[{"name":"a","expect":{"judge":"yes"}}]}"#])
        defer { folder.delete() }
        let error = try folder.loadError()
        #expect(error.jsonPath == "$.cases[0].expect.judge")
        #expect(error.message.hasPrefix("expected true, a minimum score 0…1, or an object with \"minScore\" and \"rubric\""), "\(error.message)")
    }
}
