import Foundation

extension JSONSchema {
    /// Every way `value` breaks the schema, in document order; empty when it conforms.
    ///
    /// ```swift
    /// let schema = try JSONSchema(["type": "array", "items": ["type": "string", "minLength": 2]])
    /// schema.validate(["北京", "沪"]).map(\.description)   // ["$[1]: \"沪\" is 1 character, fewer than minLength 2"]
    /// ```
    public func validate(_ value: JSONValue) -> [SchemaViolation] {
        var violations: [SchemaViolation] = []
        root.validate(value, at: "$", into: &violations)
        return violations
    }

    /// `true` when `value` conforms.
    public func accepts(_ value: JSONValue) -> Bool { validate(value).isEmpty }
}

extension JSONSchema.Node {
    func validate(_ value: JSONValue, at path: String, into violations: inout [SchemaViolation]) {
        switch self {
        case .boolean(true): return
        case .boolean(false): violations.append(SchemaViolation(path: path, message: "no value is allowed here (the schema is false)"))
        case .keywords(let keywords): keywords.validate(value, at: path, into: &violations)
        }
    }
}

extension JSONSchema.Keywords {
    func validate(_ value: JSONValue, at path: String, into violations: inout [SchemaViolation]) {
        func fail(_ message: String) { violations.append(SchemaViolation(path: path, message: message)) }
        if let types, !types.contains(where: { SchemaValue.has(value, type: $0) }) {
            fail("\(SchemaValue.describe(value)) is \(value.typeDescription), expected \(types.joined(separator: " or "))")
        }
        if let enumValues, !enumValues.contains(value) {
            fail("\(SchemaValue.describe(value)) is not one of \(enumValues.map { SchemaValue.describe($0) }.joined(separator: ", "))")
        }
        if let constValue, constValue != value {
            fail("\(SchemaValue.describe(value)) is not the constant \(SchemaValue.describe(constValue))")
        }
        switch value {
        case .number(let number): checkNumber(number, fail)
        case .string(let string): checkString(string, fail)
        case .array(let array): checkArray(array, at: path, into: &violations)
        case .object(let object): checkObject(object, at: path, into: &violations)
        case .null, .bool: break
        }
    }

    private func checkNumber(_ number: Double, _ fail: (String) -> Void) {
        let text = JSONValue.format(number)
        if let minimum, number < minimum { fail("\(text) is less than minimum \(JSONValue.format(minimum))") }
        if let maximum, number > maximum { fail("\(text) is greater than maximum \(JSONValue.format(maximum))") }
        if let exclusiveMinimum, number <= exclusiveMinimum { fail("\(text) is not greater than exclusiveMinimum \(JSONValue.format(exclusiveMinimum))") }
        if let exclusiveMaximum, number >= exclusiveMaximum { fail("\(text) is not less than exclusiveMaximum \(JSONValue.format(exclusiveMaximum))") }
    }

    private func checkString(_ string: String, _ fail: (String) -> Void) {
        // Characters as a person counts them (grapheme clusters): 北京 is 2, not 6 UTF-8 bytes.
        let length = string.count
        let quoted = SchemaValue.describe(.string(string))
        if let minLength, length < minLength { fail("\(quoted) is \(SchemaValue.characters(length)), fewer than minLength \(minLength)") }
        if let maxLength, length > maxLength { fail("\(quoted) is \(SchemaValue.characters(length)), more than maxLength \(maxLength)") }
        if let pattern, RegexPattern.firstMatch(pattern, in: string) == nil { fail("\(quoted) does not match pattern \(pattern)") }
    }

    private func checkArray(_ array: [JSONValue], at path: String, into violations: inout [SchemaViolation]) {
        let count = "\(array.count) item\(array.count == 1 ? "" : "s")"
        if let minItems, array.count < minItems { violations.append(SchemaViolation(path: path, message: "\(count), fewer than minItems \(minItems)")) }
        if let maxItems, array.count > maxItems { violations.append(SchemaViolation(path: path, message: "\(count), more than maxItems \(maxItems)")) }
        guard let items else { return }
        for (i, element) in array.enumerated() { items.validate(element, at: "\(path)[\(i)]", into: &violations) }
    }

    private func checkObject(_ object: JSONObject, at path: String, into violations: inout [SchemaViolation]) {
        for name in required where object[name] == nil {
            violations.append(SchemaViolation(path: path, message: "missing required property \(RegexPattern.quoted(name))"))
        }
        for member in object {
            let memberPath = JSONParser.child(path, member.key)
            if let property = properties.first(where: { $0.name == member.key }) {
                property.schema.validate(member.value, at: memberPath, into: &violations)
            } else if case .boolean(false)? = additionalProperties {
                violations.append(SchemaViolation(path: memberPath, message: "property not allowed (additionalProperties is false)"))
            } else {
                additionalProperties?.validate(member.value, at: memberPath, into: &violations)
            }
        }
    }
}

/// How values read in violation messages.
enum SchemaValue {
    /// Whether `value` is of the JSON Schema type `name` (`integer` is a whole number).
    static func has(_ value: JSONValue, type name: String) -> Bool {
        switch (name, value) {
        case ("null", .null), ("boolean", .bool), ("number", .number), ("string", .string), ("array", .array), ("object", .object): true
        case ("integer", .number(let n)): n.rounded() == n
        default: false
        }
    }

    /// The value as JSON, cut to 40 characters: `"2024/07/09"`, `-1`, `{"sku":"A1",…`.
    static func describe(_ value: JSONValue) -> String {
        let text = value.serialized()
        return text.count > 40 ? String(text.prefix(40)) + "…" : text
    }

    static func characters(_ count: Int) -> String { "\(count) character\(count == 1 ? "" : "s")" }
}
