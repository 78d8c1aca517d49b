import Foundation
import Testing
@testable import PromptCompat

/// The `expect` keys of a prompt file: each one read into ``Expectations``, every mistake (a wrong type,
/// a bad regular expression, a malformed schema) an error at load time naming the file, the JSON path,
/// the line and column, and what was expected; and a case's `expect` merged over the prompt's.
@Suite("Expectations decoding")
struct ExpectationsDecodingTests {
    struct WrongField: Sendable, CustomTestStringConvertible {
        /// The members of `expect`, written on line 3 from column 15: `  "expect": { <members> },`.
        var members: String
        var path: String
        var column: Int
        var message: String
        var testDescription: String { path }
    }

    static func file(expect members: String) -> String {
        """
        {
          "messages": [ { "role": "user", "content": "hi" } ],
          "expect": { \(members) },
          "cases": [ { "name": "a" } ]
        }
        """
    }

    static let typeNames = "string, number, integer, boolean, object, array, null"

    // Columns counted by hand: members start at column 15; a value starts after `"key": `.
    @Test("a malformed expect field names the file, its path, line and column, and what was expected", arguments: [
        WrongField(members: #""regex": 5"#, path: "$.expect.regex", column: 24, message: "expected a string or an array of strings, found a number"),
        WrongField(members: #""regex": ["\\d+", "("]"#, path: "$.expect.regex[1]", column: 33, message: #""(" is not a valid regular expression"#),
        WrongField(members: #""notRegex": "([""#, path: "$.expect.notRegex", column: 27, message: #""([" is not a valid regular expression"#),
        WrongField(members: #""containsAny": []"#, path: "$.expect.containsAny", column: 30, message: "expected at least one string: an empty list can never match"),
        WrongField(members: #""contains": {"a": 1}"#, path: "$.expect.contains", column: 27, message: "expected a string or an array of strings, found an object"),
        WrongField(members: #""startsWith": """#, path: "$.expect.startsWith", column: 29, message: "expected a non-empty string"),
        WrongField(members: #""endsWith": 1"#, path: "$.expect.endsWith", column: 27, message: "expected a string, found a number"),
        WrongField(members: #""language": "fr""#, path: "$.expect.language", column: 27, message: #"expected "zh" or "en", found "fr""#),
        WrongField(members: #""language": 1"#, path: "$.expect.language", column: 27, message: #"expected "zh" or "en", found a number"#),
        WrongField(members: #""schema": {"type": 3}"#, path: "$.expect.schema.type", column: 34,
                   message: "expected a type name (\(typeNames)) or an array of them, found a number"),
        WrongField(members: #""schema": {"properties": {"sku": {"pattern": "("}}}"#, path: "$.expect.schema.properties.sku.pattern", column: 60,
                   message: #""(" is not a valid regular expression"#),
        WrongField(members: #""refusal": "no""#, path: "$.expect.refusal", column: 26, message: "expected true or false, found a string"),
        WrongField(members: #""finishReason": 1"#, path: "$.expect.finishReason", column: 31, message: "expected a string, found a number"),
        WrongField(members: #""toolCall": {"arguments": {}}"#, path: "$.expect.toolCall", column: 27, message: #"missing "name": the tool the answer must call"#),
        WrongField(members: #""toolCall": {"name": "get_order", "args": {}}"#, path: "$.expect.toolCall.args", column: 57,
                   message: #"unknown key "args"; expected one of: name, arguments"#),
        WrongField(members: #""toolCall": {"name": "get_order", "arguments": {"type": "obj"}}"#, path: "$.expect.toolCall.arguments.type", column: 71,
                   message: #"unknown type "obj"; expected one of: \#(typeNames)"#),
        WrongField(members: #""maxLatencySeconds": 0"#, path: "$.expect.maxLatencySeconds", column: 36, message: "expected a number of seconds > 0, found 0"),
        WrongField(members: #""maxLatencySeconds": "5s""#, path: "$.expect.maxLatencySeconds", column: 36, message: "expected a number of seconds, found a string"),
        WrongField(members: #""maxCostCNY": -0.5"#, path: "$.expect.maxCostCNY", column: 29, message: "expected an amount in CNY ≥ 0, found -0.5"),
    ])
    func malformedField(_ wrong: WrongField) throws {
        let folder = try ScratchLibrary(files: ["p.json": Self.file(expect: wrong.members)])
        defer { folder.delete() }

        let error = try folder.loadError()
        #expect(error.file == folder.path("p.json"))
        #expect(error.jsonPath == wrong.path)
        #expect(error.position == SourcePosition(line: 3, column: wrong.column))
        #expect(error.message == wrong.message)
    }

    @Test("a case's own expect is checked at its own path")
    func caseExpectPath() throws {
        let folder = try ScratchLibrary(files: ["p.json": """
            {
              "messages": [ { "role": "user", "content": "hi" } ],
              "cases": [ { "name": "a", "expect": { "regex": "[" } } ]
            }
            """])
        defer { folder.delete() }

        let error = try folder.loadError()
        #expect(error.jsonPath == "$.cases[0].expect.regex")
        #expect(error.position == SourcePosition(line: 3, column: 50))  // `"regex":` takes columns 41–48, a space, then `"["`
        #expect(error.message == #""[" is not a valid regular expression"#)
    }

    @Test("an unknown expect key lists every key expect knows")
    func unknownKey() throws {
        let folder = try ScratchLibrary(files: ["p.json": Self.file(expect: #""startWith": "您好""#)])
        defer { folder.delete() }

        let error = try folder.loadError()
        #expect(error.jsonPath == "$.expect.startWith")
        #expect(error.message == #"unknown key "startWith"; expected one of: similarity, json, contains, containsAny, notContains, regex, notRegex, startsWith, endsWith, maxLength, minLength, language, schema, refusal, finishReason, toolCall, maxLatencySeconds, maxCostCNY, judge, semantic, metric"#)
    }

    @Test("every new key is read, and a case's expect is merged over the prompt's key by key")
    func everyKeyReadAndMerged() throws {
        let folder = try ScratchLibrary(files: ["p.json": """
            {
              "messages": [ { "role": "user", "content": "hi" } ],
              "expect": {
                "contains": "订单", "containsAny": ["已发货", "配送中"], "regex": "\\\\d{8}", "notRegex": ["1\\\\d{10}"],
                "startsWith": "您好", "endsWith": "。", "language": "zh", "refusal": false, "finishReason": "stop",
                "schema": { "type": "object" }, "maxLatencySeconds": 10, "maxCostCNY": 0.01
              },
              "cases": [
                { "name": "inherits" },
                { "name": "own", "expect": {
                    "regex": ["a", "b"], "language": "en", "refusal": true, "maxCostCNY": 0,
                    "toolCall": { "name": "get_order", "arguments": { "required": ["order_id"] } } } }
              ]
            }
            """])
        defer { folder.delete() }

        let prompt = try #require(try folder.load().prompts.first)
        let schema = try JSONSchema(["type": "object"])
        let promptExpect = Expectations(
            contains: ["订单"], containsAny: ["已发货", "配送中"], regex: [#"\d{8}"#], notRegex: [#"1\d{10}"#],
            startsWith: "您好", endsWith: "。", language: .zh, schema: schema, refusal: false, finishReason: "stop",
            maxLatencySeconds: 10, maxCostCNY: 0.01
        )
        #expect(prompt.cases[0].expect == promptExpect)
        var own = promptExpect
        own.regex = ["a", "b"]
        own.language = .en
        own.refusal = true
        own.maxCostCNY = 0
        own.toolCall = Expectations.ToolCall(name: "get_order", arguments: try JSONSchema(["required": ["order_id"]]))
        #expect(prompt.cases[1].expect == own)
    }
}
