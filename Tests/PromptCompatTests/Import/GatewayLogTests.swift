import Foundation
import Testing
@testable import PromptCompat

@Suite("GatewayLog: reading request/response lines of a gateway log")
struct GatewayLogTests {
    typealias F = ImportFixtures

    @Test("the three accepted shapes — objects, JSON strings, body wrappers — read as the same request and answer")
    func shapes() throws {
        let request = F.classifyRequest("快递整整走了九天")
        let response = F.response("差评-物流问题", model: "gpt-4o-2024-05-13", usage: (93, 6))
        let lines = [
            F.line(request, response),
            JSONValue.object(JSONObject([("request_body", .string(request.serialized())), ("response_body", .string(response.serialized()))])).serialized(),
            JSONValue.object(JSONObject([("request_body", request), ("response_body", response)])).serialized(),
            JSONValue.object(JSONObject([("request", ["method": "POST", "body": request]), ("response", ["status_code": 200, "body": response])])).serialized(),
        ]
        let log = GatewayLog.read(lines.joined(separator: "\n"), file: "logs.jsonl")
        #expect(log.malformed.isEmpty && log.skipped.isEmpty, "\(log.malformed) \(log.skipped)")
        #expect(log.entries.map(\.line) == [1, 2, 3, 4])
        for entry in log.entries {
            #expect(entry.request.model == "gpt-4o")
            #expect(entry.request.messages.map(\.content) == [F.classifySystem, "评论：快递整整走了九天"])
            #expect(entry.request.parameters == JSONObject([("temperature", 0), ("max_tokens", 60)]))
            #expect(entry.completion.text == "差评-物流问题")
            #expect(entry.completion.finishReason == "stop")
            #expect(entry.completion.model == "gpt-4o-2024-05-13")
            #expect(entry.completion.usage == Usage(promptTokens: 93, completionTokens: 6))
        }
    }

    @Test("a malformed line is reported as file:line and what was expected")
    func malformed() {
        let lines = [
            F.line(F.orderRequest("YX1", "2024年7月1日"), F.response("好")),
            #"{"request": {"model": "gpt-4o", "temperature": 0}, "response": {"choices": []}}"#,
            #"{"request": {"model": "gpt-4o", "messages": [{"content": "hi"}]}, "response": {}}"#,
            #"{"request": {"model": "gpt-4o""#,
            #"{"prompt": "hi", "completion": "hello"}"#,
            #"{"custom_id": "task-1", "response": {"status_code": 200, "body": {"choices": []}}}"#,
            #"[1, 2]"#,
            #"{"request_body": "not json", "response_body": "{}"}"#,
            #"{"request": {"model": "gpt-4o", "messages": [{"role": "user", "content": "hi"}]}}"#,
        ]
        let log = GatewayLog.read(lines.joined(separator: "\n"), file: "logs.jsonl")
        let messages = log.malformed.map(\.description)
        #expect(messages.count == 8)
        #expect(messages[0] == #"logs.jsonl:2: "request.messages" is missing"#)
        #expect(messages[1] == #"logs.jsonl:3: "request.messages[0].role" is missing"#)
        #expect(messages[2].hasPrefix("logs.jsonl:4: not JSON (column "))
        #expect(messages[3].hasPrefix(#"logs.jsonl:5: "request" is missing; expected {"request": …, "response": …}"#))
        #expect(messages[4].hasPrefix("logs.jsonl:6: an OpenAI Batch API output line"))
        #expect(messages[5] == "logs.jsonl:7: expected a JSON object, found an array")
        #expect(messages[6] == #"logs.jsonl:8: "request_body" is a string that does not hold a JSON object"#)
        #expect(messages[7] == #"logs.jsonl:9: "response" is missing"#)
        #expect(log.entries.map(\.line) == [1])
    }

    @Test("error responses, empty choices, a missing answer and a content-filtered answer are skipped with their line numbers")
    func skipped() {
        let request = F.orderRequest("YX20240630233", "2024年6月30日")
        let lines = [
            F.line(request, ["error": ["message": "Rate limit reached for gpt-4", "code": "rate_limit_exceeded"]]),
            F.line(request, F.response("…"), extra: [("status", 500)]),
            F.line(request, ["id": "x", "choices": []]),
            F.line(request, .null),
            F.line(request, F.response("", finish: "content_filter")),
            F.line(request, F.response("您好，订单已出库。")),
        ]
        let log = GatewayLog.read(lines.joined(separator: "\n"), file: "logs.jsonl")
        #expect(log.skipped.map(\.line) == [1, 2, 3, 4, 5])
        #expect(log.skipped[0].message == "error response: Rate limit reached for gpt-4")
        #expect(log.skipped[1].message.hasPrefix("error response (HTTP 500)"))
        #expect(log.skipped[2].message == "the response has no choices")
        #expect(log.skipped[3].message.hasPrefix("no response"))
        #expect(log.skipped[4].message.contains("content filter"))
        #expect(log.entries.map(\.line) == [6])
        #expect(log.malformed.isEmpty)
    }

    @Test("stream and user are dropped from the request; latency_ms, a Unix timestamp and the id are read")
    func metadata() throws {
        var request = F.orderRequest("YX20240701388", "2024年7月1日").objectValue!
        request["stream"] = true
        request["user"] = "u_10234"
        let text = F.line(.object(request), F.response("您好"), extra: [("id", "gw-0702-010"), ("latency_ms", 2064), ("timestamp", 1_719_910_516)])
        let entry = try #require(GatewayLog.read(text, file: "logs.jsonl").entries.first)
        #expect(entry.request.parameters.keys == ["temperature", "max_tokens"])
        #expect(entry.latencySeconds == 2.064)
        // 1719910516 s after 1970-01-01 is 2024-07-02 08:55:16 UTC.
        #expect(entry.timestamp == "2024-07-02T08:55:16Z")
        #expect(entry.name == "gw-0702-010")
    }

    @Test("a prompt name, route, tags and end user are read from the line's metadata, Helicone properties or the request body")
    func gatewayMetadata() throws {
        var request = F.classifyRequest("很好用").objectValue!
        request["user"] = "u_10234"
        request["metadata"] = ["route": "/api/reviews/classify"]
        let lines = [
            F.line(.object(request), F.response("好评"), extra: [("metadata", ["prompt_name": "review-classify", "team": "growth"]), ("tags", ["prod", "reviews"])]),
            F.line(F.classifyRequest("很好用"), F.response("好评"), extra: [("properties", ["prompt_id": "评论分类"]), ("request_tags", "prod, reviews")]),
            F.line(F.classifyRequest("很好用"), F.response("好评"), extra: [("route", "/v1/chat/completions")]),
        ]
        let entries = GatewayLog.read(lines.joined(separator: "\n"), file: "logs.jsonl").entries
        #expect(entries.map(\.metadata) == [
            .init(promptName: "review-classify", route: "/api/reviews/classify", tags: ["prod", "reviews"], user: "u_10234"),
            .init(promptName: "评论分类", tags: ["prod", "reviews"]),
            .init(),
        ])
        // The request body's metadata and user stay out of the prompt.
        #expect(entries[0].request.parameters.keys == ["temperature", "max_tokens"])
    }

    @Test("blank lines are not counted but line numbers stay those of the file")
    func blankLines() {
        let text = "\n" + F.shopLog[0] + "\r\n\n   \n" + F.shopLog[1] + "\n"
        let log = GatewayLog.read(text, file: "logs.jsonl")
        #expect(log.linesRead == 2)
        #expect(log.entries.map(\.line) == [2, 5])
    }
}
