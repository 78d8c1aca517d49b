import Foundation

/// A line and column in a text file, both counted from 1 (columns in characters).
public struct SourcePosition: Sendable, Equatable, CustomStringConvertible {
    public var line: Int
    public var column: Int
    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }
    public var description: String { "\(line):\(column)" }
}

/// A parsed JSON document: the value, and where in the text each value starts, keyed by JSON path
/// (`$`, `$.cases[1].vars.order_id`) so errors and test failures can point at the exact line.
public struct JSONDocument: Sendable {
    public var root: JSONValue
    public var positions: [String: SourcePosition]

    /// Parses `text`, or throws a ``JSONSyntaxError`` with the line and column of the first problem.
    /// Duplicate keys in one object are a syntax error: JSON parsers disagree on which one wins.
    public init(parsing text: String) throws(JSONSyntaxError) {
        var parser = JSONParser(text: text, tracksPositions: true)
        root = try parser.parseDocument()
        positions = parser.positions
    }

    /// The position of the value at `path`, or of its nearest parent that has one.
    public func position(of path: String) -> SourcePosition? {
        var path = path
        while true {
            if let position = positions[path] { return position }
            guard let cut = path.lastIndex(where: { $0 == "." || $0 == "[" }) else { return nil }
            path = String(path[..<cut])
        }
    }
}

/// Why a JSON text could not be parsed, and where.
public struct JSONSyntaxError: Error, Sendable, Equatable, CustomStringConvertible {
    public var message: String
    public var position: SourcePosition
    public var description: String { "line \(position.line), column \(position.column): \(message)" }
}

/// A small recursive-descent JSON parser over Unicode scalars that tracks positions.
struct JSONParser {
    private let scalars: [Unicode.Scalar]
    private var index = 0
    private var line = 1
    private var column = 1
    private var depth = 0
    private(set) var positions: [String: SourcePosition] = [:]
    /// Whether each value's path and position are recorded: a document's are; a value parsed for its own
    /// sake (a snapshot's meta.json a case) skips building the paths.
    private let tracksPositions: Bool
    private static let maximumDepth = 256

    init(text: String, tracksPositions: Bool) {
        scalars = Array(text.unicodeScalars)
        self.tracksPositions = tracksPositions
    }

    mutating func parseDocument() throws(JSONSyntaxError) -> JSONValue {
        if scalars.first == "\u{FEFF}" { index = 1 }
        skipWhitespace()
        let value = try parseValue(path: "$")
        skipWhitespace()
        if index < scalars.count { throw error("unexpected text after the JSON value") }
        return value
    }

    private var here: SourcePosition { SourcePosition(line: line, column: column) }

    private func error(_ message: String) -> JSONSyntaxError {
        JSONSyntaxError(message: message, position: here)
    }

    private mutating func advance() {
        if scalars[index] == "\n" {
            line += 1
            column = 1
        } else {
            column += 1
        }
        index += 1
    }

    private mutating func skipWhitespace() {
        while index < scalars.count {
            switch scalars[index] {
            case " ", "\n", "\r", "\t": advance()
            default: return
            }
        }
    }

    private mutating func expect(_ scalar: Unicode.Scalar, _ what: String) throws(JSONSyntaxError) {
        guard index < scalars.count, scalars[index] == scalar else {
            throw error("expected \(what)\(foundDescription)")
        }
        advance()
    }

    private var foundDescription: String {
        index < scalars.count ? ", found '\(scalars[index])'" : ", found the end of the file"
    }

    private mutating func parseValue(path: String) throws(JSONSyntaxError) -> JSONValue {
        guard index < scalars.count else { throw error("expected a value, found the end of the file") }
        if tracksPositions { positions[path] = here }
        switch scalars[index] {
        case "{": return try nested { (p: inout JSONParser) throws(JSONSyntaxError) in try p.parseObject(path: path) }
        case "[": return try nested { (p: inout JSONParser) throws(JSONSyntaxError) in try p.parseArray(path: path) }
        case "\"": return .string(try parseString())
        case "t": return try parseLiteral("true", .bool(true))
        case "f": return try parseLiteral("false", .bool(false))
        case "n": return try parseLiteral("null", .null)
        case "-", "0"..."9": return try parseNumber()
        default: throw error("expected a value (object, array, string, number, true, false or null)\(foundDescription)")
        }
    }

    private mutating func nested(
        _ body: (inout JSONParser) throws(JSONSyntaxError) -> JSONValue
    ) throws(JSONSyntaxError) -> JSONValue {
        depth += 1
        defer { depth -= 1 }
        if depth > Self.maximumDepth { throw error("nested deeper than \(Self.maximumDepth) levels") }
        return try body(&self)
    }

    private mutating func parseObject(path: String) throws(JSONSyntaxError) -> JSONValue {
        advance()  // {
        var object = JSONObject()
        skipWhitespace()
        if index < scalars.count, scalars[index] == "}" {
            advance()
            return .object(object)
        }
        while true {
            skipWhitespace()
            let keyPosition = here
            guard index < scalars.count, scalars[index] == "\"" else {
                throw error("expected a quoted member name\(foundDescription)")
            }
            let key = try parseString()
            if object[key] != nil {
                throw JSONSyntaxError(message: "duplicate key \"\(key)\"", position: keyPosition)
            }
            skipWhitespace()
            try expect(":", "':' after the member name")
            skipWhitespace()
            object[key] = try parseValue(path: tracksPositions ? Self.child(path, key) : path)
            skipWhitespace()
            guard index < scalars.count else { throw error("expected ',' or '}', found the end of the file") }
            if scalars[index] == "," { advance(); continue }
            if scalars[index] == "}" { advance(); return .object(object) }
            throw error("expected ',' or '}'\(foundDescription)")
        }
    }

    private mutating func parseArray(path: String) throws(JSONSyntaxError) -> JSONValue {
        advance()  // [
        var elements: [JSONValue] = []
        skipWhitespace()
        if index < scalars.count, scalars[index] == "]" {
            advance()
            return .array(elements)
        }
        while true {
            skipWhitespace()
            elements.append(try parseValue(path: tracksPositions ? "\(path)[\(elements.count)]" : path))
            skipWhitespace()
            guard index < scalars.count else { throw error("expected ',' or ']', found the end of the file") }
            if scalars[index] == "," { advance(); continue }
            if scalars[index] == "]" { advance(); return .array(elements) }
            throw error("expected ',' or ']'\(foundDescription)")
        }
    }

    /// The JSON path of member `key` under `path`: `$.a.b`, or `$["odd key"]` when the key is not a plain name.
    static func child(_ path: String, _ key: String) -> String {
        let plain = !key.isEmpty && key.unicodeScalars.allSatisfy { $0.isAlphanumeric || $0 == "_" || $0 == "-" }
        return plain ? "\(path).\(key)" : "\(path)[\"\(key)\"]"
    }

    private mutating func parseLiteral(_ word: String, _ value: JSONValue) throws(JSONSyntaxError) -> JSONValue {
        for expected in word.unicodeScalars {
            guard index < scalars.count, scalars[index] == expected else {
                throw error("expected '\(word)'\(foundDescription)")
            }
            advance()
        }
        return value
    }

    private mutating func parseNumber() throws(JSONSyntaxError) -> JSONValue {
        let start = index
        let startPosition = here
        func digits(_ p: inout JSONParser) -> Int {
            var count = 0
            while p.index < p.scalars.count, ("0"..."9").contains(p.scalars[p.index]) {
                p.advance()
                count += 1
            }
            return count
        }
        if scalars[index] == "-" { advance() }
        let leadingZero = index < scalars.count && scalars[index] == "0"
        let integerDigits = digits(&self)
        guard integerDigits > 0 else { throw error("expected digits in a number") }
        if leadingZero && integerDigits > 1 {
            throw JSONSyntaxError(message: "leading zeros are not allowed in a number", position: startPosition)
        }
        if index < scalars.count, scalars[index] == "." {
            advance()
            guard digits(&self) > 0 else { throw error("expected digits after the decimal point") }
        }
        if index < scalars.count, scalars[index] == "e" || scalars[index] == "E" {
            advance()
            if index < scalars.count, scalars[index] == "+" || scalars[index] == "-" { advance() }
            guard digits(&self) > 0 else { throw error("expected digits in the exponent") }
        }
        var text = ""
        text.unicodeScalars.append(contentsOf: scalars[start..<index])
        guard let number = Double(text), number.isFinite else {
            throw JSONSyntaxError(message: "number \(text) is out of range", position: startPosition)
        }
        return .number(number)
    }

    private mutating func parseString() throws(JSONSyntaxError) -> String {
        advance()  // opening quote
        // UTF-8 bytes, a run of plain scalars at a time: appending scalar by scalar to a String was most of
        // the cost of reading an answer's JSON.
        var result: [UInt8] = []
        while true {
            let start = index
            while index < scalars.count {
                let value = scalars[index].value
                if value == 0x22 || value == 0x5C || value < 0x20 { break }
                Self.appendUTF8(value, to: &result)
                index += 1
            }
            column += index - start  // no line break in a run: control characters end it
            guard index < scalars.count else { throw error("unterminated string") }
            let scalar = scalars[index]
            if scalar == "\"" { advance(); return String(decoding: result, as: UTF8.self) }
            if scalar.value < 0x20 { throw error("control character U+\(String(scalar.value, radix: 16, uppercase: true)) in a string; escape it") }
            advance()
            guard index < scalars.count else { throw error("unterminated escape") }
            let escape = scalars[index]
            advance()
            switch escape {
            case "\"": result.append(0x22)
            case "\\": result.append(0x5C)
            case "/": result.append(0x2F)
            case "b": result.append(0x08)
            case "f": result.append(0x0C)
            case "n": result.append(0x0A)
            case "r": result.append(0x0D)
            case "t": result.append(0x09)
            case "u": Self.appendUTF8(try parseUnicodeEscape().value, to: &result)
            default: throw error("invalid escape '\\\(escape)'")
            }
        }
    }

    /// Appends a scalar's UTF-8 encoding.
    @inline(__always)
    private static func appendUTF8(_ value: UInt32, to bytes: inout [UInt8]) {
        switch value {
        case ..<0x80:
            bytes.append(UInt8(value))
        case ..<0x800:
            bytes.append(UInt8(0xC0 | (value >> 6)))
            bytes.append(UInt8(0x80 | (value & 0x3F)))
        case ..<0x10000:
            bytes.append(UInt8(0xE0 | (value >> 12)))
            bytes.append(UInt8(0x80 | ((value >> 6) & 0x3F)))
            bytes.append(UInt8(0x80 | (value & 0x3F)))
        default:
            bytes.append(UInt8(0xF0 | (value >> 18)))
            bytes.append(UInt8(0x80 | ((value >> 12) & 0x3F)))
            bytes.append(UInt8(0x80 | ((value >> 6) & 0x3F)))
            bytes.append(UInt8(0x80 | (value & 0x3F)))
        }
    }

    private mutating func parseHex4() throws(JSONSyntaxError) -> UInt32 {
        var value: UInt32 = 0
        for _ in 0..<4 {
            guard index < scalars.count, let digit = UInt32(String(scalars[index]), radix: 16) else {
                throw error("expected four hex digits after \\u")
            }
            value = value * 16 + digit
            advance()
        }
        return value
    }

    private mutating func parseUnicodeEscape() throws(JSONSyntaxError) -> Unicode.Scalar {
        let high = try parseHex4()
        if (0xD800...0xDBFF).contains(high) {
            guard index + 1 < scalars.count, scalars[index] == "\\", scalars[index + 1] == "u" else {
                throw error("unpaired surrogate \\u\(String(high, radix: 16))")
            }
            advance()
            advance()
            let low = try parseHex4()
            guard (0xDC00...0xDFFF).contains(low) else { throw error("invalid low surrogate \\u\(String(low, radix: 16))") }
            let combined = 0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00)
            return Unicode.Scalar(combined)!
        }
        guard let scalar = Unicode.Scalar(high) else { throw error("unpaired surrogate \\u\(String(high, radix: 16))") }
        return scalar
    }
}
