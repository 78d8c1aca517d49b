import Testing
@testable import PromptCompat

/// The JSON Schema subset, keyword by keyword: what conforms, and the one-line violation (instance path
/// and the value quoted) for what does not.
@Suite("JSON Schema validation")
struct JSONSchemaTests {
    func violations(_ schema: JSONValue, _ value: JSONValue) throws -> [String] {
        try JSONSchema(schema).validate(value).map(\.description)
    }

    @Test("type: a name or a list; integer is a whole number, and number accepts integers")
    func type() throws {
        #expect(try violations(["type": "integer"], 3).isEmpty)
        #expect(try violations(["type": "integer"], 3.5) == ["$: 3.5 is a number, expected integer"])
        #expect(try violations(["type": "integer"], "3") == [#"$: "3" is a string, expected integer"#])
        #expect(try violations(["type": "number"], 3).isEmpty)
        #expect(try violations(["type": ["string", "null"]], nil).isEmpty)
        #expect(try violations(["type": ["string", "null"]], 1) == ["$: 1 is a number, expected string or null"])
        #expect(try violations(["type": "boolean"], ["a": 1]) == [#"$: {"a":1} is an object, expected boolean"#])
    }

    @Test("properties and required: a missing property is reported at its object, a wrong one at itself")
    func propertiesAndRequired() throws {
        let schema: JSONValue = ["type": "object", "required": ["sku", "qty"], "properties": ["qty": ["type": "integer"]]]
        #expect(try violations(schema, ["sku": "A1", "qty": 2, "note": "extra keys are allowed"]).isEmpty)
        #expect(try violations(schema, ["qty": 1.5]) == [#"$: missing required property "sku""#, "$.qty: 1.5 is a number, expected integer"])
    }

    @Test("items: every element is checked, with nested paths like $.items[2].price")
    func nestedItems() throws {
        let schema: JSONValue = ["properties": ["items": ["items": ["properties": ["price": ["minimum": 0]]]]]]
        let value: JSONValue = ["items": [["price": 1], ["price": 0], ["price": -1]]]
        #expect(try violations(schema, value) == ["$.items[2].price: -1 is less than minimum 0"])
    }

    @Test("a key that is not a plain name is bracketed in the path")
    func oddKeyPath() throws {
        #expect(try violations(["properties": ["order id": ["type": "string"]]], ["order id": 7]) == [#"$["order id"]: 7 is a number, expected string"#])
    }

    @Test("enum and const compare whole JSON values")
    func enumAndConst() throws {
        #expect(try violations(["enum": ["paid", "shipped"]], "paid").isEmpty)
        #expect(try violations(["enum": ["paid", "shipped"]], "done") == [#"$: "done" is not one of "paid", "shipped""#])
        #expect(try violations(["const": 1], 1.0).isEmpty)
        #expect(try violations(["const": 1], 2) == ["$: 2 is not the constant 1"])
        #expect(try violations(["const": nil], nil).isEmpty)
    }

    @Test("minimum and maximum are inclusive, the exclusive bounds are not")
    func numericBounds() throws {
        let inclusive: JSONValue = ["minimum": 0, "maximum": 100]
        #expect(try violations(inclusive, 0).isEmpty)
        #expect(try violations(inclusive, 100).isEmpty)
        #expect(try violations(inclusive, -1) == ["$: -1 is less than minimum 0"])
        #expect(try violations(inclusive, 100.5) == ["$: 100.5 is greater than maximum 100"])
        let exclusive: JSONValue = ["exclusiveMinimum": 0, "exclusiveMaximum": 1]
        #expect(try violations(exclusive, 0.5).isEmpty)
        #expect(try violations(exclusive, 0) == ["$: 0 is not greater than exclusiveMinimum 0"])
        #expect(try violations(exclusive, 1) == ["$: 1 is not less than exclusiveMaximum 1"])
    }

    @Test("minLength and maxLength count characters as a person does: a CJK character or an emoji is one")
    func stringLengths() throws {
        let schema: JSONValue = ["minLength": 2, "maxLength": 4]
        #expect(try violations(schema, "北京").isEmpty)           // 2 characters, 6 UTF-8 bytes
        #expect(try violations(schema, "👍🏽👍🏽").isEmpty)         // 2 characters, 4 scalars
        #expect(try violations(schema, "沪") == [#"$: "沪" is 1 character, fewer than minLength 2"#])
        #expect(try violations(schema, "内蒙古自治区") == [#"$: "内蒙古自治区" is 6 characters, more than maxLength 4"#])
    }

    @Test("pattern is unanchored, as in JSON Schema; ^…$ anchors it")
    func pattern() throws {
        #expect(try violations(["pattern": #"\d{4}-\d{2}"#], "日期 2024-07 到").isEmpty)
        #expect(try violations(["pattern": #"\d{4}-\d{2}"#], "2024/07/09") == [#"$: "2024/07/09" does not match pattern \d{4}-\d{2}"#])
        #expect(try violations(["pattern": #"^\d{4}-\d{2}$"#], "x2024-07") == [#"$: "x2024-07" does not match pattern ^\d{4}-\d{2}$"#])
    }

    @Test("minItems and maxItems count the elements")
    func itemCounts() throws {
        let schema: JSONValue = ["minItems": 2, "maxItems": 3]
        #expect(try violations(schema, [1, 2]).isEmpty)
        #expect(try violations(schema, [1]) == ["$: 1 item, fewer than minItems 2"])
        #expect(try violations(schema, [1, 2, 3, 4]) == ["$: 4 items, more than maxItems 3"])
    }

    @Test("additionalProperties: false forbids undeclared keys; a schema checks them")
    func additionalProperties() throws {
        #expect(try violations(["properties": ["a": [:]], "additionalProperties": false], ["a": 1, "b": 2])
            == ["$.b: property not allowed (additionalProperties is false)"])
        #expect(try violations(["properties": ["a": [:]], "additionalProperties": true], ["a": 1, "b": 2]).isEmpty)
        #expect(try violations(["additionalProperties": ["type": "string"]], ["x": "ok", "y": 1]) == ["$.y: 1 is a number, expected string"])
    }

    @Test("true and false are schemas: anything, nothing")
    func booleanSchemas() throws {
        #expect(try violations(true, ["any": [1, "thing"]]).isEmpty)
        #expect(try violations(false, 1) == ["$: no value is allowed here (the schema is false)"])
        #expect(try violations(["properties": ["legacy": false]], ["legacy": 1]) == ["$.legacy: no value is allowed here (the schema is false)"])
    }

    @Test("a keyword checks only values of its own type: minLength ignores a number")
    func keywordsApplyToTheirType() throws {
        #expect(try violations(["minLength": 3, "minimum": 10, "required": ["a"]], "abc").isEmpty)
        #expect(try violations(["minLength": 3, "minimum": 10, "required": ["a"]], 12).isEmpty)
    }

    @Test("unknown keywords are ignored and check nothing")
    func unknownKeywordsIgnored() throws {
        let schema: JSONValue = ["$schema": "https://json-schema.org/draft/2020-12/schema", "title": "Order", "format": "email", "oneOf": [["type": "number"]]]
        #expect(try violations(schema, "not an email").isEmpty)
    }

    @Test("a long value is quoted up to 40 characters")
    func longValuesAreCut() throws {
        let long = String(repeating: "订", count: 50)
        // The JSON text is a quote and 50 characters: the first 40 are the quote and 39 characters.
        #expect(try violations(["type": "number"], .string(long)) == ["$: \"" + String(repeating: "订", count: 39) + "… is a string, expected number"])
    }
}
