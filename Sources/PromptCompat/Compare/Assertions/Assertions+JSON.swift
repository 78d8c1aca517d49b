import Foundation

extension Assertions {
    /// At most this many schema violations are listed one per line; the rest are counted.
    static let maxSchemaLines = 10

    /// `json` (the output holds JSON; how it is wrapped is compared with the accepted answer by
    /// ``SubstituteCheck/json``) and `schema` (the JSON found — bare, fenced or in prose — must validate).
    static func jsonFailures(_ output: String, _ expect: Expectations) -> [String] {
        guard expect.json == true || expect.schema != nil else { return [] }
        var failures: [String] = []
        let extracted = JSONComparison.extract(from: output)
        if expect.json == true, extracted == nil {
            failures.append("is not valid JSON")
        }
        if let schema = expect.schema {
            if let value = extracted?.value {
                failures += schemaLines(schema.validate(value), prefix: "does not match the schema: ")
            } else if expect.json != true {
                failures.append("is not valid JSON, so the schema cannot be checked")
            }
        }
        return failures
    }

    /// `toolCall`: the reply's tool calls (``Completion/text`` holds `[{"name":…,"arguments":…}]` for a
    /// reply that is only tool calls) include one to the named tool, with arguments the schema accepts.
    static func toolCallFailures(_ output: String, _ expect: Expectations) -> [String] {
        guard let expected = expect.toolCall else { return [] }
        let calls = toolCalls(in: output)
        guard !calls.isEmpty else {
            let answer = output.trimming(.whitespacesAndNewlines)
            return ["calls no tool, expected a call to \(RegexPattern.quoted(expected.name)) (answered \(excerpt(answer)))"]
        }
        let matching = calls.filter { $0.name == expected.name }
        guard !matching.isEmpty else {
            let names = calls.map { RegexPattern.quoted($0.name) }.joined(separator: ", ")
            return ["calls \(names), expected \(RegexPattern.quoted(expected.name))"]
        }
        guard let schema = expected.arguments else { return [] }
        let problems = matching.map { argumentProblems($0.arguments, schema: schema, tool: expected.name) }
        return problems.contains { $0.isEmpty } ? [] : problems[0]
    }

    /// The calls in a tool-calls reply; empty for any other reply.
    static func toolCalls(in output: String) -> [(name: String, arguments: JSONValue)] {
        guard let array = (try? JSONValue(parsing: output.trimming(.whitespacesAndNewlines)))?.arrayValue else { return [] }
        let calls = array.compactMap { call in call["name"]?.stringValue.map { (name: $0, arguments: call["arguments"] ?? .null) } }
        return calls.count == array.count ? calls : []
    }

    /// Arguments that did not parse as JSON reach ``Completion/text`` as a string.
    static func argumentProblems(_ arguments: JSONValue, schema: JSONSchema, tool: String) -> [String] {
        let violations = schema.validate(arguments)
        guard !violations.isEmpty else { return [] }
        if let raw = arguments.stringValue {
            return ["calls \(RegexPattern.quoted(tool)) with arguments that are not a JSON object: \(excerpt(raw))"]
        }
        return schemaLines(violations, prefix: "calls \(RegexPattern.quoted(tool)) with arguments that do not match the schema: ")
    }

    static func schemaLines(_ violations: [SchemaViolation], prefix: String) -> [String] {
        var lines = violations.prefix(maxSchemaLines).map { prefix + $0.description }
        if violations.count > maxSchemaLines {
            lines.append("\(prefix)… and \(violations.count - maxSchemaLines) more violations")
        }
        return lines
    }
}
