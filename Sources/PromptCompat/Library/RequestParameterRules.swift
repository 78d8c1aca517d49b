import Foundation

/// The types and ranges of the Chat Completions parameters, as data: a prompt file with
/// `"temperature": "hot"`, `"max_tokens": "64"` or `"top_p": -3` stops at load time with the file, line and
/// column, instead of reaching the provider as a 400. Ranges are the API's own; a provider's narrower ones
/// (GLM's temperature above 0) are the adapter's and lint's business.
///
/// ```swift
/// // prompts/bad.json:3:18: error: $.temperature: expected a number from 0 to 2, found a string
/// ```
enum RequestParameterRules {
    enum Kind { case number(ClosedRange<Double>), integer(ClosedRange<Double>), boolean, string, object, array, stringOrStrings, stringOrObject }

    static let rules: [String: Kind] = [
        "temperature": .number(0...2), "top_p": .number(0...1),
        "presence_penalty": .number(-2...2), "frequency_penalty": .number(-2...2),
        "max_tokens": .integer(1...Double(Int32.max)), "max_completion_tokens": .integer(1...Double(Int32.max)),
        "n": .integer(1...128), "seed": .integer(Double(Int64.min)...Double(Int64.max)), "top_logprobs": .integer(0...20),
        "logprobs": .boolean, "stream": .boolean, "parallel_tool_calls": .boolean,
        "model": .string, "user": .string, "stop": .stringOrStrings, "tool_choice": .stringOrObject,
        "response_format": .object, "logit_bias": .object, "tools": .array,
    ]

    /// Checks every known parameter of `parameters` (members of the object at `path`).
    static func check(_ parameters: JSONObject, at path: String, reader: JSONFieldReader) throws(LibraryDiagnostic) {
        for member in parameters {
            guard let kind = rules[member.key] else { continue }
            let memberPath = JSONParser.child(path, member.key)
            if let expected = problem(member.value, kind) { throw reader.mismatch(memberPath, expected: expected, found: member.value) }
        }
    }

    /// What the value should have been, or nil when it is fine.
    static func problem(_ value: JSONValue, _ kind: Kind) -> String? {
        func range(_ r: ClosedRange<Double>) -> String {
            r.upperBound >= Double(Int32.max) ? "\(JSONValue.format(r.lowerBound)) or more" : "from \(JSONValue.format(r.lowerBound)) to \(JSONValue.format(r.upperBound))"
        }
        switch kind {
        case .number(let r):
            guard let n = value.numberValue, r.contains(n) else { return "a number \(range(r))" }
        case .integer(let r):
            guard let n = value.numberValue, n == n.rounded(), r.contains(n) else {
                return r.lowerBound <= Double(Int64.min) ? "an integer" : "an integer \(range(r))"
            }
        case .boolean: guard value.boolValue != nil else { return "true or false" }
        case .string: guard value.stringValue != nil else { return "a string" }
        case .object: guard value.objectValue != nil else { return "an object" }
        case .array: guard value.arrayValue != nil else { return "an array" }
        case .stringOrStrings:
            guard value.stringValue != nil || value.arrayValue?.allSatisfy({ $0.stringValue != nil }) == true else { return "a string or an array of strings" }
        case .stringOrObject:
            guard value.stringValue != nil || value.objectValue != nil else { return "a string (\"auto\", \"none\", \"required\") or an object" }
        }
        return nil
    }
}
