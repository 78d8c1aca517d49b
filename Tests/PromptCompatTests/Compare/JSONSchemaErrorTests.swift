import Testing
@testable import PromptCompat

/// A malformed schema is refused when it is made, naming the schema path of the offending keyword and
/// what was expected.
@Suite("JSON Schema errors")
struct JSONSchemaErrorTests {
    struct Malformed: Sendable, CustomTestStringConvertible {
        var schema: JSONValue
        var path: String
        var message: String
        var testDescription: String { path }
    }

    static let typeNames = "string, number, integer, boolean, object, array, null"

    @Test("each malformed keyword is an error at its own path", arguments: [
        Malformed(schema: ["type": 3], path: "$.type",
                  message: "expected a type name (\(typeNames)) or an array of them, found a number"),
        Malformed(schema: ["type": "float"], path: "$.type", message: #"unknown type "float"; expected one of: \#(typeNames)"#),
        Malformed(schema: ["type": ["string", 1]], path: "$.type[1]",
                  message: "expected a type name (\(typeNames)) or an array of them, found a number"),
        Malformed(schema: ["type": []], path: "$.type", message: "expected a type name (\(typeNames)) or an array of them, found an empty array"),
        Malformed(schema: ["properties": ["price": ["type": "int"]]], path: "$.properties.price.type",
                  message: #"unknown type "int"; expected one of: \#(typeNames)"#),
        Malformed(schema: ["properties": ["price", "sku"]], path: "$.properties", message: "expected an object of property schemas, found an array"),
        Malformed(schema: ["properties": ["sku": "string"]], path: "$.properties.sku", message: "expected a schema (an object, true or false), found a string"),
        Malformed(schema: ["required": "sku"], path: "$.required", message: "expected an array of strings, found a string"),
        Malformed(schema: ["required": ["sku", 2]], path: "$.required[1]", message: "expected a string, found a number"),
        Malformed(schema: ["items": [["type": "string"]]], path: "$.items",
                  message: "an array of schemas (tuple validation) is not supported; give one schema that every item must match"),
        Malformed(schema: ["items": ["pattern": "("]], path: "$.items.pattern", message: #""(" is not a valid regular expression"#),
        Malformed(schema: ["pattern": 5], path: "$.pattern", message: "expected a regular expression string, found a number"),
        Malformed(schema: ["enum": "paid"], path: "$.enum", message: "expected an array of allowed values, found a string"),
        Malformed(schema: ["minimum": "0"], path: "$.minimum", message: "expected a number, found a string"),
        Malformed(schema: ["exclusiveMinimum": true], path: "$.exclusiveMinimum",
                  message: #"expected a number, found a boolean (the draft-4 boolean form is not supported: write the bound itself, e.g. "exclusiveMinimum": 0)"#),
        Malformed(schema: ["minLength": -1], path: "$.minLength", message: "expected a whole number ≥ 0, found -1"),
        Malformed(schema: ["maxItems": 1.5], path: "$.maxItems", message: "expected a whole number ≥ 0, found 1.5"),
        Malformed(schema: ["additionalProperties": "no"], path: "$.additionalProperties", message: "expected a schema (an object, true or false), found a string"),
        Malformed(schema: "object", path: "$", message: "expected a schema (an object, true or false), found a string"),
    ])
    func malformed(_ case: Malformed) {
        #expect(throws: JSONSchemaError(path: `case`.path, message: `case`.message)) { try JSONSchema(`case`.schema) }
    }

    @Test("the schema's own path prefixes the error path, so a prompt file can point at it")
    func pathPrefix() {
        #expect(throws: JSONSchemaError(path: "$.expect.schema.properties.sku.type", message: #"unknown type "str"; expected one of: \#(Self.typeNames)"#)) {
            try JSONSchema(["properties": ["sku": ["type": "str"]]], at: "$.expect.schema")
        }
    }

    @Test("an error reads as path: message")
    func description() {
        #expect(JSONSchemaError(path: "$.type", message: "expected a type name").description == "$.type: expected a type name")
    }
}
