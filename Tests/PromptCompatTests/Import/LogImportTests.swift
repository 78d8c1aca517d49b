import Foundation
import Testing
@testable import PromptCompat

@Suite("LogImport: gateway logs into prompt files and baseline snapshots")
struct LogImportTests {
    typealias F = ImportFixtures

    /// Each imported case's request rebuilt from the prompt file (variables filled, the prompt's own
    /// model), canonical, with its snapshot's sample-1.
    func rebuilt(_ scratch: ImportScratch, provider: String = "openai") throws -> [(body: String, answer: String?)] {
        let library = try scratch.library()
        return try library.prompts.flatMap { prompt in
            try prompt.cases.map { promptCase in
                var parameters = prompt.parameters
                parameters["model"] = nil
                let messages = try prompt.messages.map { message in
                    ChatMessage(role: message.role, content: try Template.render(message.content, with: promptCase.variables), extra: message.extra)
                }
                let body = ChatRequest(model: prompt.parameters["model"]?.stringValue ?? "", messages: messages, parameters: parameters).body()
                let snapshot = try scratch.store.load(SnapshotKey(provider: provider, promptID: prompt.id, caseName: promptCase.name))
                return (F.canonical(body), snapshot?.samples.first)
            }
        }
    }

    /// The logged request bodies and answers of the lines that are imported (`lines`, 1-based), read
    /// straight from the JSON: `request`/`response` objects, or `request_body`/`response_body` strings.
    func logged(_ lines: [String], _ numbers: [Int]) throws -> [(body: String, answer: String?)] {
        try numbers.map { n in
            let json = try JSONValue(parsing: lines[n - 1])
            let request = try json["request"] ?? JSONValue(parsing: json["request_body"]?.stringValue ?? "")
            let response = try json["response"] ?? JSONValue(parsing: json["response_body"]?.stringValue ?? "")
            return (F.canonical(request), response["choices"]?.arrayValue?.first?["message"]?["content"]?.stringValue)
        }
    }

    func sameMultiset(_ a: [(body: String, answer: String?)], _ b: [(body: String, answer: String?)]) -> Bool {
        a.map { "\($0.body)→\($0.answer ?? "-")" }.sorted() == b.map { "\($0.body)→\($0.answer ?? "-")" }.sorted()
    }

    @Test("the imported prompts load, and every case rebuilt with its vars is a logged request body, with the logged answer as its snapshot")
    func rebuildsLoggedRequests() throws {
        let scratch = try ImportScratch()
        defer { scratch.delete() }
        let plan = try scratch.plan(F.shopLog)
        try plan.write()
        #expect(plan.newPrompts.map(\.id) == ["imported/order-answer", "imported/review-classification", "imported/product-translation"])
        #expect(plan.casesAdded == 9)
        // Imported: every line but 5 (error), 11 (no choices) and 12 (line 1 again).
        #expect(sameMultiset(try rebuilt(scratch), try logged(F.shopLog, [1, 2, 3, 4, 6, 7, 8, 9, 10])))
        #expect(plan.duplicates.map(\.source.line) == [12])
        #expect(plan.skipped.map(\.line) == [5, 11])
    }

    @Test("meta.json of an imported snapshot holds the logged model, usage, finish reason, latency and time")
    func snapshotMetadata() throws {
        let scratch = try ImportScratch()
        defer { scratch.delete() }
        try scratch.plan(F.shopLog).write()
        let snapshot = try #require(try scratch.store.load(SnapshotKey(provider: "openai", promptID: "imported/order-answer", caseName: "case-001")))
        #expect(snapshot.samples == ["您好，订单YX20240628017已到上海转运中心，预计7月2日送达。"])
        #expect(snapshot.metadata.model == "gpt-4-0613")
        #expect(snapshot.metadata.parameters == JSONObject([("temperature", 0.2), ("max_tokens", 120)]))
        #expect(snapshot.metadata.usage == [Usage(promptTokens: 110, completionTokens: 40)])
        #expect(snapshot.metadata.finishReasons == ["stop"])
        #expect(snapshot.metadata.latencySeconds == [2.14])
        #expect(snapshot.metadata.recordedAt == "2024-07-01T09:12:03Z")
        // Line 3 logged no latency: none is made up.
        let second = try #require(try scratch.store.load(SnapshotKey(provider: "openai", promptID: "imported/order-answer", caseName: "case-002")))
        #expect(second.metadata.latencySeconds.isEmpty)
    }

    @Test("the example log in docs/ imports into the three prompts docs/import.md shows, each request rebuilt exactly")
    func docsExample() throws {
        let file = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../../docs/examples/gateway-log.jsonl").standardizedFileURL
        let text = try String(contentsOf: file, encoding: .utf8)
        let lines = text.split(separator: "\n").map(String.init)
        let scratch = try ImportScratch()
        defer { scratch.delete() }
        let plan = try scratch.plan(lines)
        try plan.write()
        #expect(plan.prompts.map { "\($0.id): \($0.variables)" } == ["imported/order-answer: [\"order_id\", \"date\"]", "imported/review-classification: [\"review\"]", "imported/product-translation: []"])
        #expect(plan.skipped.map(\.line) == [5, 9])
        #expect(plan.duplicates.map(\.source.line) == [12])
        // Line 4 is logged as request_body/response_body strings; line 10 carries a "user", which is dropped.
        #expect(sameMultiset(try rebuilt(scratch), try logged(lines, [1, 2, 3, 4, 6, 7, 8, 10, 11, 13, 14])))
    }

    @Test("importing the same log again writes nothing: every file stays byte-identical")
    func idempotent() throws {
        let scratch = try ImportScratch()
        defer { scratch.delete() }
        try scratch.plan(F.shopLog).write()
        let before = scratch.files()
        let again = try scratch.plan(F.shopLog)
        #expect(again.prompts.isEmpty && again.snapshots.isEmpty)
        #expect(again.duplicates.count == 10)
        try again.write()
        #expect(scratch.files() == before)
    }

    @Test("a later log adds its new requests as cases of the imported prompts they fit, and starts new prompts for the rest")
    func extendsImportedPrompts() throws {
        let scratch = try ImportScratch()
        defer { scratch.delete() }
        try scratch.plan(Array(F.shopLog.prefix(7))).write()
        // A person adds an expectation to an imported prompt; extending it keeps that.
        let reviewFile = scratch.prompts.appendingPathComponent("imported/review-classification.json")
        let edited = try String(contentsOf: reviewFile, encoding: .utf8).replacingOccurrences(of: "\n  \"messages\"", with: "\n  \"expect\": {\"maxLength\": 20},\n  \"messages\"")
        try Data(edited.utf8).write(to: reviewFile)
        let later = [F.line(F.orderRequest("YX20240702051", "2024年7月2日"), F.response("您好，订单YX20240702051正在备货。")),
                     F.line(F.classifyRequest("客服回复很慢，问了三次才有人理"), F.response("差评-服务问题", model: "gpt-4o-2024-05-13"))]
        let plan = try scratch.plan(F.shopLog + later)
        try plan.write()
        #expect(plan.extendedPrompts.map(\.id) == ["imported/order-answer", "imported/review-classification"])
        #expect(plan.newPrompts.map(\.id) == ["imported/product-translation"])
        // The first 7 lines made 3 cases of each (order status: lines 1, 3, 6; reviews: 2, 4, 7), so both go on at case-004.
        #expect(plan.extendedPrompts.map { $0.addedCases.map(\.name) } == [["case-004", "case-005"], ["case-004", "case-005"]])
        #expect(sameMultiset(try rebuilt(scratch), try logged(F.shopLog + later, [1, 2, 3, 4, 6, 7, 8, 9, 10, 13, 14])))
        #expect(try scratch.library().prompt(id: "imported/review-classification")?.cases.map(\.expect.maxLength) == Array(repeating: 20, count: 5))
    }

    @Test("a logged request that is already a hand-written case fills in that case's missing snapshot and leaves the file alone")
    func handWrittenCase() throws {
        let scratch = try ImportScratch()
        defer { scratch.delete() }
        let prompt = """
            { "model": "gpt-4o", "temperature": 0, "max_tokens": 60,
              "messages": [ { "role": "system", "content": "\(F.classifySystem)" }, { "role": "user", "content": "评论：{{review}}" } ],
              "cases": [ { "name": "fabric", "vars": { "review": "衣服面料很舒服，尺码也标准，已经回购第二件了" } } ] }
            """
        try scratch.write("prompts/reviews/classify.json", prompt)
        let plan = try scratch.plan([F.shopLog[1]])
        try plan.write()
        #expect(plan.prompts.isEmpty)
        #expect(plan.duplicates.map(\.existing) == ["reviews/classify · fabric"])
        #expect(try scratch.store.load(SnapshotKey(provider: "openai", promptID: "reviews/classify", caseName: "fabric"))?.samples == ["好评"])
        #expect(try String(contentsOf: scratch.prompts.appendingPathComponent("reviews/classify.json"), encoding: .utf8) == prompt)
    }

    @Test("case names come from the line's case or id, a taken name gets -2, and the rest are numbered")
    func caseNames() throws {
        let scratch = try ImportScratch()
        defer { scratch.delete() }
        let lines = [
            F.line(F.classifyRequest("很好用"), F.response("好评"), extra: [("id", "gw/0701 001")]),
            F.line(F.classifyRequest("质量太差了"), F.response("差评"), extra: [("case", "gw-0701-001")]),
            F.line(F.classifyRequest("一般般吧"), F.response("中评")),
        ]
        let plan = try scratch.plan(lines)
        // "gw/0701 001" has two characters a case name cannot hold: each becomes "-".
        #expect(plan.prompts.first?.addedCases.map(\.name) == ["gw-0701-001", "gw-0701-001-2", "case-003"])
    }

    @Test("under CI no snapshot is written, unless PROMPTCOMPAT_RECORD_IN_CI=1")
    func ciWritesNoSnapshot() throws {
        let scratch = try ImportScratch()
        defer { scratch.delete() }
        let plan = try scratch.plan(F.shopLog, environment: ["CI": "true"])
        #expect(!plan.writesSnapshots)
        try plan.write()
        #expect(scratch.store.allKeys().isEmpty)
        #expect(plan.summary(dryRun: false).contains("none written, CI is set"))
        let forced = try scratch.plan(F.shopLog, environment: ["CI": "true", "PROMPTCOMPAT_RECORD_IN_CI": "1"])
        // The prompts exist now; the forced run fills in the 9 snapshots CI held back.
        #expect(forced.writesSnapshots && forced.snapshots.count == 9)
    }

    @Test("a provider the suite config does not declare, or a prefix that leaves the library, is refused")
    func setupErrors() throws {
        let scratch = try ImportScratch()
        defer { scratch.delete() }
        #expect(throws: LogImport.SetupError.self) { try scratch.plan(F.shopLog, provider: "gpt4") }
        #expect(throws: LogImport.SetupError.self) { try scratch.plan(F.shopLog, prefix: "../outside") }
        let plan = try scratch.plan(F.shopLog, prefix: "legacy/gpt4")
        #expect(plan.newPrompts.map(\.id).allSatisfy { $0.hasPrefix("legacy/gpt4/") })
    }
}
