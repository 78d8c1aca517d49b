import Foundation

/// Prompt files written the way the example library is: one top-level key a line, each message and each
/// case on a line of its own, other values inline unless longer than ``inlineWidth``.
///
/// ```
/// {
///   "tags": ["imported"],
///   "model": "gpt-4o",
///   "messages": [
///     {"role": "user", "content": "订单号：{{order_id}}"}
///   ],
///   "cases": [
///     {"name": "case-001", "vars": {"order_id": "YX20240628017"}}
///   ]
/// }
/// ```
enum PromptFileFormat {
    /// A top-level value longer than this inline is spread over lines.
    static let inlineWidth = 100

    static func text(_ object: JSONObject) -> String {
        let members = object.members.map { member in
            var key = ""
            JSONValue.writeString(member.key, to: &key)
            return "  \(key): \(topLevel(member.value))"
        }
        return members.isEmpty ? "{}\n" : "{\n" + members.joined(separator: ",\n") + "\n}\n"
    }

    private static func topLevel(_ value: JSONValue) -> String {
        let line = inline(value)
        switch value {
        case .array(let elements) where elements.contains(where: { $0.objectValue != nil }) || line.count > inlineWidth:
            return "[\n" + elements.map { "    " + inline($0) }.joined(separator: ",\n") + "\n  ]"
        case .object where line.count > inlineWidth:
            return value.serialized(pretty: true).replacingOccurrences(of: "\n", with: "\n  ")
        default:
            return line
        }
    }

    /// One line, with a space after `:` and `,` as people write JSON.
    static func inline(_ value: JSONValue) -> String {
        switch value {
        case .array(let elements):
            return "[" + elements.map(inline).joined(separator: ", ") + "]"
        case .object(let object):
            return "{" + object.members.map { member in
                var key = ""
                JSONValue.writeString(member.key, to: &key)
                return key + ": " + inline(member.value)
            }.joined(separator: ", ") + "}"
        default:
            return value.serialized()
        }
    }
}
