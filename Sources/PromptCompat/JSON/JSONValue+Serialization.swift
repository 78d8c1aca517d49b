import Foundation

extension JSONValue {
    /// Parses JSON text; positions are dropped. Use ``JSONDocument`` to keep them.
    public init(parsing text: String) throws(JSONSyntaxError) {
        var parser = JSONParser(text: text, tracksPositions: false)
        self = try parser.parseDocument()
    }

    /// Parses UTF-8 JSON data.
    public init(parsing data: Data) throws(JSONSyntaxError) {
        let bytes = [UInt8](data)
        guard UTF8Validation.isValid(bytes) else {
            throw JSONSyntaxError(message: "the data is not valid UTF-8", position: SourcePosition(line: 1, column: 1))
        }
        var parser = JSONParser(utf8: bytes, tracksPositions: false)
        self = try parser.parseDocument()
    }

    /// JSON text. Non-ASCII characters are written as they are (Chinese stays readable in a diff);
    /// `pretty` indents by two spaces and puts one member a line.
    ///
    /// ```swift
    /// JSONValue(["a": 1, "b": [true, nil]]).serialized()   // {"a":1,"b":[true,null]}
    /// ```
    public func serialized(pretty: Bool = false) -> String {
        serialized(pretty: pretty, indent: 0)
    }

    /// Serialized as a member `indent` levels deep in a pretty-printed document would be (the first line
    /// not indented: the caller writes what comes before it).
    func serialized(pretty: Bool, indent: Int) -> String {
        var out = ""
        write(to: &out, pretty: pretty, indent: indent)
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
        // Runs that need no escape are copied whole, as UTF-8; only the quote, the backslash, C0 controls, DEL and the C1
        // controls U+0080–U+009F (UTF-8 C2 80–C2 9F) are escaped one by one. A results line is mostly text.
        s.readingUTF8 { bytes in
            var runStart = 0, i = 0
            while i < bytes.count {
                let byte = bytes[i]
                let c1 = byte == 0xC2 && i + 1 < bytes.count && (0x80...0x9F).contains(bytes[i + 1])
                guard byte == 0x22 || byte == 0x5C || byte < 0x20 || byte == 0x7F || c1 else {
                    i += 1
                    continue
                }
                out += String(decoding: UnsafeBufferPointer(rebasing: bytes[runStart..<i]), as: UTF8.self)
                let value = c1 ? UInt32(bytes[i + 1]) : UInt32(byte)
                switch value {
                case 0x22: out += "\\\""
                case 0x5C: out += "\\\\"
                case 0x0A: out += "\\n"
                case 0x0D: out += "\\r"
                case 0x09: out += "\\t"
                default: out += String(format: "\\u%04X", value)
                }
                i += c1 ? 2 : 1
                runStart = i
            }
            out += String(decoding: UnsafeBufferPointer(rebasing: bytes[runStart..<bytes.count]), as: UTF8.self)
        }
        out += "\""
    }
}
