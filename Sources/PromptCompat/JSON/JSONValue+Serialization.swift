import Foundation

extension JSONValue {
    /// Parses JSON text; positions are dropped. Use ``JSONDocument`` to keep them.
    public init(parsing text: String) throws(JSONSyntaxError) {
        self = try JSONDocument(parsing: text).root
    }

    /// Parses UTF-8 JSON data.
    public init(parsing data: Data) throws(JSONSyntaxError) {
        guard let text = String(data: data, encoding: .utf8) else {
            throw JSONSyntaxError(message: "the data is not valid UTF-8", position: SourcePosition(line: 1, column: 1))
        }
        try self.init(parsing: text)
    }

    /// JSON text. Non-ASCII characters are written as they are (Chinese stays readable in a diff);
    /// `pretty` indents by two spaces and puts one member a line.
    ///
    /// ```swift
    /// JSONValue(["a": 1, "b": [true, nil]]).serialized()   // {"a":1,"b":[true,null]}
    /// ```
    public func serialized(pretty: Bool = false) -> String {
        var out = ""
        write(to: &out, pretty: pretty, indent: 0)
        return out
    }

    /// UTF-8 bytes of ``serialized(pretty:)``.
    public func data(pretty: Bool = false) -> Data { Data(serialized(pretty: pretty).utf8) }

    private func write(to out: inout String, pretty: Bool, indent: Int) {
        switch self {
        case .null: out += "null"
        case .bool(let b): out += b ? "true" : "false"
        case .number(let n): out += Self.format(n)
        case .string(let s): Self.writeString(s, to: &out)
        case .array(let elements):
            writeContainer(elements, open: "[", close: "]", to: &out, pretty: pretty, indent: indent) { element, out, indent in
                element.write(to: &out, pretty: pretty, indent: indent)
            }
        case .object(let object):
            writeContainer(object.members, open: "{", close: "}", to: &out, pretty: pretty, indent: indent) { member, out, indent in
                Self.writeString(member.key, to: &out)
                out += pretty ? ": " : ":"
                member.value.write(to: &out, pretty: pretty, indent: indent)
            }
        }
    }

    private func writeContainer<Element>(
        _ elements: [Element], open: String, close: String, to out: inout String, pretty: Bool, indent: Int,
        element: (Element, inout String, Int) -> Void
    ) {
        out += open
        guard !elements.isEmpty else { return out += close }
        let inner = String(repeating: " ", count: (indent + 1) * 2)
        for (i, item) in elements.enumerated() {
            if i > 0 { out += "," }
            if pretty { out += "\n" + inner }
            element(item, &out, indent + 1)
        }
        if pretty { out += "\n" + String(repeating: " ", count: indent * 2) }
        out += close
    }

    /// A number as JSON writes it: whole numbers without a fraction (`2`, not `2.0`).
    public static func format(_ n: Double) -> String {
        if n.rounded() == n, abs(n) < 1e15 { return String(Int64(n)) }
        return "\(n)"
    }

    static func writeString(_ s: String, to out: inout String) {
        out += "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value):
                out += String(format: "\\u%04X", scalar.value)
            default: out.unicodeScalars.append(scalar)
            }
        }
        out += "\""
    }
}
