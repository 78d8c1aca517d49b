import Testing
@testable import PromptCompat

/// `schema` and `toolCall`: the JSON an answer holds, or the tool it calls, checked against a schema,
/// one line per violation.
@Suite("Assertions on JSON and tool calls")
struct AssertionsJSONTests {
    let priceSchema: JSONSchema
    let orderArguments: JSONSchema

    init() throws {
        priceSchema = try JSONSchema([
            "type": "object", "required": ["items"],
            "properties": ["items": ["type": "array", "items": ["type": "object", "properties": ["price": ["type": "number", "minimum": 0]]]]],
        ])
        orderArguments = try JSONSchema([
            "type": "object", "required": ["order_id"], "properties": ["order_id": ["type": "string", "pattern": #"^\d{8}$"#]],
        ])
    }

    @Test("schema: each violation is one line with its instance path")
    func schemaViolations() {
        let expect = Expectations(schema: priceSchema)
        #expect(Assertions.failures(of: #"{"items": [{"price": 1}, {"price": 2}]}"#, against: expect).isEmpty)
        #expect(Assertions.failures(of: #"{"items": [{"price": 1}, {"price": 2}, {"price": -1}]}"#, against: expect)
            == ["does not match the schema: $.items[2].price: -1 is less than minimum 0"])
    }

    @Test("schema without json: fenced or prose JSON is validated as found")
    func schemaAcceptsWrappedJSON() {
        let expect = Expectations(schema: priceSchema)
        #expect(Assertions.failures(of: "```json\n{\"items\": []}\n```", against: expect).isEmpty)
        #expect(Assertions.failures(of: #"结果如下：{"items": [{"price": -5}]}"#, against: expect)
            == ["does not match the schema: $.items[0].price: -5 is less than minimum 0"])
    }

    @Test("schema with json: true: fenced JSON is still validated")
    func schemaWithJSON() {
        let expect = Expectations(json: true, schema: priceSchema)
        #expect(Assertions.failures(of: "```json\n{\"items\": 3}\n```", against: expect)
            == ["does not match the schema: $.items: 3 is a number, expected array"])
    }

    @Test("schema on an answer without JSON: one failure, not two when json is also asked")
    func schemaWithoutJSON() {
        #expect(Assertions.failures(of: "订单已发货", against: Expectations(schema: priceSchema)) == ["is not valid JSON, so the schema cannot be checked"])
        #expect(Assertions.failures(of: "订单已发货", against: Expectations(json: true, schema: priceSchema)) == ["is not valid JSON"])
    }

    @Test("schema: after 10 violations the rest are counted, not listed")
    func schemaViolationsAreCapped() throws {
        let expect = Expectations(schema: try JSONSchema(["type": "array", "items": ["type": "integer"]]))
        let output = "[" + (0..<12).map { "\"\($0)\"" }.joined(separator: ",") + "]"  // 12 strings, 12 violations
        let failures = Assertions.failures(of: output, against: expect)
        #expect(failures.count == 11)
        #expect(failures.first == #"does not match the schema: $[0]: "0" is a string, expected integer"#)
        #expect(failures.last == "does not match the schema: … and 2 more violations")
    }

    /// The text a tool-calls reply has, built by the client itself so the shape cannot drift apart.
    func toolReply(_ calls: [(name: String, arguments: String)]) -> String {
        OpenAICompatibleClient.toolCallsText(calls.map { ["function": ["name": .string($0.name), "arguments": .string($0.arguments)]] })
    }

    @Test("toolCall: the named tool called with arguments the schema accepts passes")
    func toolCallPasses() {
        let expect = Expectations(toolCall: .init(name: "get_order", arguments: orderArguments))
        #expect(Assertions.failures(of: toolReply([("get_order", #"{"order_id": "20240709"}"#)]), against: expect).isEmpty)
        #expect(Assertions.failures(of: toolReply([("get_order", "{}")]), against: Expectations(toolCall: .init(name: "get_order"))).isEmpty)
    }

    @Test("toolCall: one matching call among several is enough")
    func toolCallAmongSeveral() {
        let expect = Expectations(toolCall: .init(name: "get_order", arguments: orderArguments))
        let reply = toolReply([("get_weather", #"{"city": "北京"}"#), ("get_order", #"{"order_id": "1"}"#), ("get_order", #"{"order_id": "20240709"}"#)])
        #expect(Assertions.failures(of: reply, against: expect).isEmpty)
    }

    @Test("toolCall: a text answer, another tool, bad arguments and non-JSON arguments each fail with their evidence")
    func toolCallFailures() {
        let expect = Expectations(toolCall: .init(name: "get_order", arguments: orderArguments))
        #expect(Assertions.failures(of: "您的订单已发货。", against: expect) == [#"calls no tool, expected a call to "get_order" (answered "您的订单已发货。")"#])
        #expect(Assertions.failures(of: toolReply([("search_orders", "{}")]), against: expect) == [#"calls "search_orders", expected "get_order""#])
        #expect(Assertions.failures(of: toolReply([("get_order", #"{"order_id": 20240709}"#)]), against: expect)
            == [#"calls "get_order" with arguments that do not match the schema: $.order_id: 20240709 is a number, expected string"#])
        #expect(Assertions.failures(of: toolReply([("get_order", "{order_id: 2024")]), against: expect)
            == [#"calls "get_order" with arguments that are not a JSON object: "{order_id: 2024""#])
    }
}
