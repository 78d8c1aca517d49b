import Foundation

/// Compares JSON outputs by structure: keys, types and values, with paths like `$.items[2].price`.
public enum JSONComparison {
    /// How the JSON sat in the reply: "the new model wraps JSON in prose" is a classic migration break.
    public enum Wrapping: String, Sendable, Codable {
        case bare, fenced, prose
    }

    public struct Difference: Sendable, Equatable, CustomStringConvertible {
        public var path: String
        public var description: String
    }

    /// The JSON value in a reply: the whole reply, a ```json fenced block, or the first `{…}`/`[…]` in prose
    /// (an object, or an array that is not a lone number: see ``isData(_:)``).
    public static func extract(from reply: String) -> (value: JSONValue, wrapping: Wrapping)? {
        // Bare and embedded JSON start with `{` or `[`, a fenced block with ```: prose without any of them holds
        // none (a quick byte scan, before the Foundation calls below; every check asks this of every sample).
        guard reply.utf8.contains(where: { $0 == UInt8(ascii: "{") || $0 == UInt8(ascii: "[") || $0 == UInt8(ascii: "`") }) else { return nil }
        let trimmed = reply.trimming(.whitespacesAndNewlines)
        if let value = try? JSONValue(parsing: trimmed), value.objectValue != nil || value.arrayValue != nil {
            return (value, .bare)
        }
        if let open = trimmed.range(of: "```"), let close = trimmed.range(of: "```", range: open.upperBound..<trimmed.endIndex) {
            var inner = trimmed[open.upperBound..<close.lowerBound]
            if let newline = inner.firstIndex(of: "\n") { inner = inner[inner.index(after: newline)...] }
            if let value = try? JSONValue(parsing: String(inner)) { return (value, .fenced) }
        }
        let openers = ["{", "["].sorted { (trimmed.range(of: $0)?.lowerBound ?? trimmed.endIndex) < (trimmed.range(of: $1)?.lowerBound ?? trimmed.endIndex) }
        for opener in openers {
            let closer = opener == "{" ? "}" : "]"
            guard let start = trimmed.range(of: opener), let end = trimmed.range(of: closer, options: .backwards),
                  start.lowerBound < end.upperBound else { continue }
            if let value = try? JSONValue(parsing: String(trimmed[start.lowerBound..<end.upperBound])), isData(value) { return (value, .prose) }
        }
        return nil
    }

    /// Whether JSON found inside prose is data rather than a bracketed aside: an object, or an array of
    /// two or more elements or of anything but a number — `[1]` in "…within 30 days [1]." is a citation.
    static func isData(_ value: JSONValue) -> Bool {
        if value.objectValue != nil { return true }
        guard let array = value.arrayValue, !array.isEmpty else { return false }
        return array.count >= 2 || array.contains { $0.numberValue == nil }
    }

    /// Every difference between `reference` and `candidate`.
    public static func differences(_ reference: JSONValue, _ candidate: JSONValue, path: String = "$") -> [Difference] {
        switch (reference, candidate) {
        case let (.object(a), .object(b)):
            var result: [Difference] = []
            for member in a {
                let childPath = JSONParser.child(path, member.key)
                if let other = b[member.key] {
                    result += differences(member.value, other, path: childPath)
                } else {
                    result.append(Difference(path: childPath, description: "\(childPath): missing"))
                }
            }
            for key in b.keys where a[key] == nil {
                let childPath = JSONParser.child(path, key)
                result.append(Difference(path: childPath, description: "\(childPath): extra key"))
            }
            return result
        case let (.array(a), .array(b)):
            var result: [Difference] = []
            for i in 0..<max(a.count, b.count) {
                let childPath = "\(path)[\(i)]"
                if i < a.count, i < b.count {
                    result += differences(a[i], b[i], path: childPath)
                } else {
                    result.append(Difference(path: childPath, description: "\(childPath): \(i < a.count ? "missing" : "extra element")"))
                }
            }
            return result
        case _ where reference.typeDescription != candidate.typeDescription:
            return [Difference(path: path, description: "\(path): was \(reference.typeDescription), now \(candidate.typeDescription)")]
        case _ where reference != candidate:
            return [Difference(path: path, description: "\(path): \(reference.serialized()) → \(candidate.serialized())")]
        default:
            return []
        }
    }

    /// Structural similarity 0…1: the mean over the union of leaf paths, where a leaf scores 1 when equal,
    /// its ROUGE-L F1 when both are strings, and 0 when missing, extra or of another type.
    /// Arrays holding the same elements in another order score as equal (``aligningSets(_:_:)``): whether an
    /// order matters is the prompt's to say, which the `json` check reads.
    public static func similarity(_ reference: JSONValue, _ candidate: JSONValue) -> Double {
        let a = leaves(reference)
        let b = leaves(aligningSets(reference, candidate))
        let paths = Set(a.keys).union(b.keys)
        guard !paths.isEmpty else { return 1 }
        let total = paths.reduce(0.0) { sum, path in
            switch (a[path], b[path]) {
            case let (.string(x)?, .string(y)?): sum + RougeL.f1(x, y)
            case let (x?, y?): sum + (x == y ? 1 : 0)
            default: sum
            }
        }
        return total / Double(paths.count)
    }

    static func leaves(_ value: JSONValue, path: String = "$", into result: inout [String: JSONValue]) {
        switch value {
        case .object(let object) where !object.isEmpty:
            for member in object { leaves(member.value, path: JSONParser.child(path, member.key), into: &result) }
        case .array(let array) where !array.isEmpty:
            for (i, element) in array.enumerated() { leaves(element, path: "\(path)[\(i)]", into: &result) }
        default:
            result[path] = value
        }
    }

    static func leaves(_ value: JSONValue) -> [String: JSONValue] {
        var result: [String: JSONValue] = [:]
        leaves(value, into: &result)
        return result
    }
}
