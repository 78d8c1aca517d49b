import Foundation

/// A JSON Schema for the subset of keywords that answers and tool arguments need, checked on the
/// project's own ``JSONValue``.
///
/// Keywords: `type` (a name or an array of names; `integer` is a whole `number`), `properties`,
/// `required`, `additionalProperties` (`true`, `false` or a schema), `items` (one schema for every item),
/// `minItems`, `maxItems`, `enum`, `const`, `minimum`, `maximum`, `exclusiveMinimum`, `exclusiveMaximum`
/// (numbers, as in draft 6 and later), `minLength`, `maxLength` (characters as a person counts them, so
/// a CJK character or an emoji is one), `pattern` (an `NSRegularExpression`, unanchored as in JSON Schema:
/// write `^…$` to match the whole string). `true` and `false` are schemas too (anything, nothing).
/// Every other keyword (`$schema`, `title`, `description`, `format`, `oneOf`, `$ref`, …) is ignored:
/// it checks nothing.
///
/// A malformed schema throws a ``JSONSchemaError`` naming the schema path when the schema is made, not
/// when an output is checked.
///
/// ```swift
/// let schema = try JSONSchema(["type": "object", "required": ["price"],
///                              "properties": ["price": ["type": "number", "minimum": 0]]])
/// schema.validate(["price": -1]).map(\.description)   // ["$.price: -1 is less than minimum 0"]
/// ```
public struct JSONSchema: Sendable, Equatable {
    /// The schema as written.
    public let source: JSONValue
    let root: Node

    /// Reads `value` as a schema.
    ///
    /// - Parameter path: where the schema sits, used in errors: `$.expect.schema` in a prompt file.
    public init(_ value: JSONValue, at path: String = "$") throws(JSONSchemaError) {
        source = value
        root = try Node(value, at: path)
    }

    /// The type names `type` accepts.
    public static let typeNames = ["string", "number", "integer", "boolean", "object", "array", "null"]

    /// One schema: `true`/`false`, or an object of keywords.
    indirect enum Node: Sendable, Equatable {
        case boolean(Bool)
        case keywords(Keywords)
    }

    struct Property: Sendable, Equatable {
        var name: String
        var schema: Node
    }

    /// The keywords of one schema object that PromptCompat checks; `nil` checks nothing.
    struct Keywords: Sendable, Equatable {
        var types: [String]?
        var properties: [Property] = []
        var required: [String] = []
        var additionalProperties: Node?
        var items: Node?
        var minItems: Int?
        var maxItems: Int?
        var enumValues: [JSONValue]?
        var constValue: JSONValue?
        var minimum: Double?
        var maximum: Double?
        var exclusiveMinimum: Double?
        var exclusiveMaximum: Double?
        var minLength: Int?
        var maxLength: Int?
        var pattern: String?
    }
}

/// A schema that cannot be used: which keyword, where in the schema, and what was expected.
public struct JSONSchemaError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The JSON path of the offending keyword, e.g. `$.expect.schema.properties.price.type`.
    public var path: String
    public var message: String

    public init(path: String, message: String) {
        self.path = path
        self.message = message
    }

    /// `$.properties.price.type: expected a type name …, found a number`
    public var description: String { "\(path): \(message)" }
}

/// One way a value breaks a schema: the instance path and a one-line message.
public struct SchemaViolation: Sendable, Equatable, CustomStringConvertible {
    /// Where in the checked value, e.g. `$.items[2].price`.
    public var path: String
    /// What is wrong, quoting the value: `-1 is less than minimum 0`.
    public var message: String

    public init(path: String, message: String) {
        self.path = path
        self.message = message
    }

    /// `$.items[2].price: -1 is less than minimum 0`
    public var description: String { "\(path): \(message)" }
}

extension JSONSchema.Node {
    init(_ value: JSONValue, at path: String) throws(JSONSchemaError) {
        if let flag = value.boolValue {
            self = .boolean(flag)
            return
        }
        guard let object = value.objectValue else {
            throw JSONSchemaError(path: path, message: "expected a schema (an object, true or false), found \(value.typeDescription)")
        }
        self = .keywords(try JSONSchema.Keywords(object, at: path))
    }
}

extension JSONSchema.Keywords {
    init(_ object: JSONObject, at path: String) throws(JSONSchemaError) {
        let read = SchemaKeywordReader(object: object, path: path)
        types = try read.types()
        properties = try read.properties()
        required = try read.strings("required") ?? []
        additionalProperties = try read.schema("additionalProperties")
        items = try read.items()
        minItems = try read.count("minItems")
        maxItems = try read.count("maxItems")
        enumValues = try read.array("enum")
        constValue = object["const"]
        minimum = try read.number("minimum")
        maximum = try read.number("maximum")
        exclusiveMinimum = try read.number("exclusiveMinimum")
        exclusiveMaximum = try read.number("exclusiveMaximum")
        minLength = try read.count("minLength")
        maxLength = try read.count("maxLength")
        pattern = try read.pattern()
    }
}

/// Reads the keywords of one schema object, each mistake a ``JSONSchemaError`` at the keyword's path.
private struct SchemaKeywordReader {
    let object: JSONObject
    let path: String

    func at(_ keyword: String) -> String { JSONParser.child(path, keyword) }

    func error(_ keyword: String, _ message: String) -> JSONSchemaError {
        JSONSchemaError(path: at(keyword), message: message)
    }

    func types() throws(JSONSchemaError) -> [String]? {
        guard let value = object["type"] else { return nil }
        let expected = "a type name (\(JSONSchema.typeNames.joined(separator: ", "))) or an array of them"
        let names: [JSONValue] = value.arrayValue ?? [value]
        var result: [String] = []
        for (i, name) in names.enumerated() {
            let namePath = value.arrayValue == nil ? at("type") : "\(at("type"))[\(i)]"
            guard let text = name.stringValue else {
                throw JSONSchemaError(path: namePath, message: "expected \(expected), found \(name.typeDescription)")
            }
            guard JSONSchema.typeNames.contains(text) else {
                throw JSONSchemaError(path: namePath, message: "unknown type \"\(text)\"; expected one of: \(JSONSchema.typeNames.joined(separator: ", "))")
            }
            result.append(text)
        }
        guard !result.isEmpty else { throw error("type", "expected \(expected), found an empty array") }
        return result
    }

    func properties() throws(JSONSchemaError) -> [JSONSchema.Property] {
        guard let value = object["properties"] else { return [] }
        guard let members = value.objectValue else {
            throw error("properties", "expected an object of property schemas, found \(value.typeDescription)")
        }
        var result: [JSONSchema.Property] = []
        for member in members {
            result.append(JSONSchema.Property(name: member.key, schema: try JSONSchema.Node(member.value, at: JSONParser.child(at("properties"), member.key))))
        }
        return result
    }

    func schema(_ keyword: String) throws(JSONSchemaError) -> JSONSchema.Node? {
        guard let value = object[keyword] else { return nil }
        return try JSONSchema.Node(value, at: at(keyword))
    }

    func items() throws(JSONSchemaError) -> JSONSchema.Node? {
        if object["items"]?.arrayValue != nil {
            throw error("items", "an array of schemas (tuple validation) is not supported; give one schema that every item must match")
        }
        return try schema("items")
    }

    func strings(_ keyword: String) throws(JSONSchemaError) -> [String]? {
        guard let value = object[keyword] else { return nil }
        guard let array = value.arrayValue else { throw error(keyword, "expected an array of strings, found \(value.typeDescription)") }
        var result: [String] = []
        for (i, element) in array.enumerated() {
            guard let text = element.stringValue else {
                throw JSONSchemaError(path: "\(at(keyword))[\(i)]", message: "expected a string, found \(element.typeDescription)")
            }
            result.append(text)
        }
        return result
    }

    func array(_ keyword: String) throws(JSONSchemaError) -> [JSONValue]? {
        guard let value = object[keyword] else { return nil }
        guard let array = value.arrayValue else { throw error(keyword, "expected an array of allowed values, found \(value.typeDescription)") }
        return array
    }

    func number(_ keyword: String) throws(JSONSchemaError) -> Double? {
        guard let value = object[keyword] else { return nil }
        if value.boolValue != nil, keyword.hasPrefix("exclusive") {
            throw error(keyword, "expected a number, found a boolean (the draft-4 boolean form is not supported: write the bound itself, e.g. \"\(keyword)\": 0)")
        }
        guard let number = value.numberValue else { throw error(keyword, "expected a number, found \(value.typeDescription)") }
        return number
    }

    func count(_ keyword: String) throws(JSONSchemaError) -> Int? {
        guard let value = object[keyword] else { return nil }
        guard let count = value.intValue, count >= 0 else {
            let found = value.numberValue.map { JSONValue.format($0) } ?? value.typeDescription
            throw error(keyword, "expected a whole number ≥ 0, found \(found)")
        }
        return count
    }

    func pattern() throws(JSONSchemaError) -> String? {
        guard let value = object["pattern"] else { return nil }
        guard let text = value.stringValue else { throw error("pattern", "expected a regular expression string, found \(value.typeDescription)") }
        if let problem = RegexPattern.problem(with: text) { throw error("pattern", problem) }
        return text
    }
}
