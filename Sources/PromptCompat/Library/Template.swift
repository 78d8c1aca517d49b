import Foundation

/// `{{variable}}` templating for message contents. Spaces inside the braces are allowed: `{{ name }}`.
///
/// ```swift
/// try Template.render("订单 {{order_id}} 已发货", with: ["order_id": "20240709"])   // "订单 20240709 已发货"
/// ```
public enum Template {
    /// A variable the template uses that the values do not define.
    public struct MissingVariable: Error, Sendable, Equatable {
        public var name: String
    }

    /// The variable names used in `text`, in order of first use.
    public static func variables(in text: String) -> [String] {
        var names: [String] = []
        for token in tokens(in: text) {
            if case .variable(let name) = token, !names.contains(name) { names.append(name) }
        }
        return names
    }

    /// `text` with every `{{name}}` replaced by its value.
    public static func render(_ text: String, with values: [String: String]) throws(MissingVariable) -> String {
        var out = ""
        for token in tokens(in: text) {
            switch token {
            case .text(let literal): out += literal
            case .variable(let name):
                guard let value = values[name] else { throw MissingVariable(name: name) }
                out += value
            }
        }
        return out
    }

    private enum Token {
        case text(String)
        case variable(String)
    }

    private static func tokens(in text: String) -> [Token] {
        var tokens: [Token] = []
        var rest = text[...]
        while let open = rest.range(of: "{{") {
            guard let close = rest[open.upperBound...].range(of: "}}") else { break }
            let name = rest[open.upperBound..<close.lowerBound].trimming(.whitespaces)
            guard isName(name) else {
                tokens.append(.text(String(rest[..<open.upperBound])))
                rest = rest[open.upperBound...]
                continue
            }
            tokens.append(.text(String(rest[..<open.lowerBound])))
            tokens.append(.variable(name))
            rest = rest[close.upperBound...]
        }
        tokens.append(.text(String(rest)))
        return tokens
    }

    private static func isName(_ name: String) -> Bool {
        !name.isEmpty && name.unicodeScalars.allSatisfy { $0.isAlphanumeric || $0 == "_" || $0 == "-" || $0 == "." }
    }
}
