import Foundation
import PromptCompat
import PromptCompatTestSupport

/// A library folder, a snapshot folder and a loopback provider that answers like a model:
/// `"Reply to: <last user message>"`, or whatever `answer` returns.
///
/// The suite config declares `stub` (the baseline) and `other`, both pointing at the loopback server,
/// and `keyed`, which needs `STUB_API_KEY`.
final class RunFixture: Sendable {
    let root: URL
    let server: LoopbackServer
    let answer: @Sendable (String) -> ScriptedResponse

    static let promptFile = """
        {
          "description": "Order status reply",
          "tags": ["support", "zh"],
          "temperature": 0,
          "messages": [
            { "role": "system", "content": "你是客服。" },
            { "role": "user", "content": "订单 {{order_id}} 到哪了？" }
          ],
          "cases": [
            { "name": "late", "vars": { "order_id": "20240709" } },
            { "name": "lost", "vars": { "order_id": "88812345" },
              "expect": { "contains": ["88812345"] } }
          ],
          "overrides": {
            "other": { "note": "shorter prompt for other", "messages": [ { "role": "user", "content": "查订单 {{order_id}}" } ] }
          }
        }
        """

    init(samples: Int = 1, answer: @escaping @Sendable (String) -> ScriptedResponse = RunFixture.echo) throws {
        self.answer = answer
        server = try LoopbackServer { request in
            let messages = (request.jsonBody?["messages"] as? [[String: Any]]) ?? []
            return answer(messages.last?["content"] as? String ?? "")
        }
        root = FileManager.default.temporaryDirectory.appendingPathComponent("promptcompat-run-\(UUID().uuidString)")
        let config = """
            {
              "baseline": "stub",
              "samples": \(samples),
              "defaults": { "similarity": 0.8, "timeoutSeconds": 10, "concurrency": 2,
                            "retries": { "baseDelaySeconds": 0.05, "maxDelaySeconds": 0.2 } },
              "providers": {
                "stub": { "baseURL": "\(server.baseURL.absoluteString)", "model": "stub-model" },
                "other": { "baseURL": "\(server.baseURL.absoluteString)", "model": "other-model" },
                "streamer": { "baseURL": "\(server.baseURL.absoluteString)", "model": "stream-model", "stream": true },
                "keyed": { "baseURL": "\(server.baseURL.absoluteString)", "model": "m", "apiKeyEnv": "STUB_API_KEY" }
              }
            }
            """
        try write("prompts/promptcompat.json", config)
        try write("prompts/support/order-status.json", Self.promptFile)
    }

    deinit {
        server.stop()
        try? FileManager.default.removeItem(at: root)
    }

    var prompts: URL { root.appendingPathComponent("prompts") }
    var snapshots: URL { root.appendingPathComponent("snapshots") }

    func write(_ path: String, _ text: String) throws {
        let file = root.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: file)
    }

    func library() throws -> PromptLibrary { try PromptLibrary.load(from: prompts) }

    func runner(target: String = "stub", record: RecordMode? = nil, environment: [String: String] = [:]) throws -> SuiteRunner {
        try SuiteRunner(library: library(), snapshots: snapshots, target: target, record: record, environment: environment)
    }

    /// The text of a snapshot sample file.
    func sample(_ provider: String, _ caseName: String, _ index: Int = 1) -> String? {
        let file = snapshots.appendingPathComponent("\(provider)/support/order-status/\(caseName)/sample-\(index).txt")
        return try? String(contentsOf: file, encoding: .utf8)
    }

    /// A Chat Completions response body with `content`.
    static func completion(_ content: String, finishReason: String = "stop") -> ScriptedResponse {
        let body: JSONValue = [
            "id": "x", "object": "chat.completion", "model": "stub-model",
            "choices": [["index": 0, "message": ["role": "assistant", "content": .string(content)], "finish_reason": .string(finishReason)]],
            "usage": ["prompt_tokens": 12, "completion_tokens": 7, "total_tokens": 19],
        ]
        return .json(200, body.serialized())
    }

    /// Answers in Chinese, except to the `other` override's terse prompt (`查订单 …`), which it answers in English.
    static let echo: @Sendable (String) -> ScriptedResponse = { message in
        if message.hasPrefix("查订单") { return completion("Order \(message.dropFirst(4)) is on its way.") }
        return completion("您好，关于「\(message)」：已为您查询，订单正在配送中。")
    }
}
