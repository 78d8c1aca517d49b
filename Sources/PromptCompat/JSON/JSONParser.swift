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

/// A small recursive-descent JSON parser over UTF-8 bytes that tracks positions (columns count scalars:
/// a byte that does not continue a multi-byte sequence starts one).
struct JSONParser {
    private let bytes: [UInt8]
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
        self.init(utf8: Array(text.utf8), tracksPositions: tracksPositions)
    }

    /// `utf8` must be valid UTF-8 (a `String`'s bytes, or bytes ``UTF8Validation`` passed).
    init(utf8: [UInt8], tracksPositions: Bool) {
        bytes = utf8
        self.tracksPositions = tracksPositions
    }

    mutating func parseDocument() throws(JSONSyntaxError) -> JSONValue {
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { index = 3 }  // a byte-order mark
        skipWhitespace()
        let value = try parseValue(path: "$")
        skipWhitespace()
        if index < bytes.count { throw error("unexpected text after the JSON value") }
        return value
    }

    private var here: SourcePosition { SourcePosition(line: line, column: column) }

    private func error(_ message: String) -> JSONSyntaxError {
        JSONSyntaxError(message: message, position: here)
    }

    /// Moves past one byte.
    private mutating func advance() {
        let byte = bytes[index]
        if byte == 0x0A {
            line += 1
            column = 1
        } else if byte & 0xC0 != 0x80 {
            column += 1
        }
        index += 1
    }

    private func isAt(_ byte: UInt8) -> Bool {
        index < bytes.count && bytes[index] == byte
    }

    private mutating func skipWhitespace() {
        while index < bytes.count {
            switch bytes[index] {
            case 0x20, 0x0A, 0x0D, 0x09: advance()
            default: return
            }
        }
    }

    private mutating func expect(_ byte: UInt8, _ what: String) throws(JSONSyntaxError) {
        guard isAt(byte) else { throw error("expected \(what)\(foundDescription)") }
        advance()
    }

    /// The scalar starting at `index`, for a message.
    private var scalarHere: String {
        var end = index + 1
        while end < bytes.count, bytes[end] & 0xC0 == 0x80 { end += 1 }
        return String(decoding: bytes[index..<end], as: UTF8.self)
    }

    private var foundDescription: String {
        index < bytes.count ? ", found '\(scalarHere)'" : ", found the end of the file"
    }

    private mutating func parseValue(path: String) throws(JSONSyntaxError) -> JSONValue {
        guard index < bytes.count else { throw error("expected a value, found the end of the file") }
        if tracksPositions { positions[path] = here }
        switch bytes[index] {
        case UInt8(ascii: "{"): return try nested { (p: inout JSONParser) throws(JSONSyntaxError) in try p.parseObject(path: path) }
        case UInt8(ascii: "["): return try nested { (p: inout JSONParser) throws(JSONSyntaxError) in try p.parseArray(path: path) }
        case UInt8(ascii: "\""): return .string(try parseString())
        case UInt8(ascii: "t"): return try parseLiteral("true", .bool(true))
        case UInt8(ascii: "f"): return try parseLiteral("false", .bool(false))
        case UInt8(ascii: "n"): return try parseLiteral("null", .null)
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return try parseNumber()
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
        if isAt(UInt8(ascii: "}")) {
            advance()
            return .object(object)
        }
        while true {
            skipWhitespace()
            let keyPosition = here
            guard isAt(UInt8(ascii: "\"")) else {
                throw error("expected a quoted member name\(foundDescription)")
            }
            let key = try parseString()
            if object[key] != nil {
                throw JSONSyntaxError(message: "duplicate key \"\(key)\"", position: keyPosition)
            }
            skipWhitespace()
            try expect(UInt8(ascii: ":"), "':' after the member name")
            skipWhitespace()
            object[key] = try parseValue(path: tracksPositions ? Self.child(path, key) : path)
            skipWhitespace()
            guard index < bytes.count else { throw error("expected ',' or '}', found the end of the file") }
            if bytes[index] == UInt8(ascii: ",") { advance(); continue }
            if bytes[index] == UInt8(ascii: "}") { advance(); return .object(object) }
            throw error("expected ',' or '}'\(foundDescription)")
        }
    }

    private mutating func parseArray(path: String) throws(JSONSyntaxError) -> JSONValue {
        advance()  // [
        var elements: [JSONValue] = []
        skipWhitespace()
        if isAt(UInt8(ascii: "]")) {
            advance()
            return .array(elements)
        }
        while true {
            skipWhitespace()
            elements.append(try parseValue(path: tracksPositions ? "\(path)[\(elements.count)]" : path))
            skipWhitespace()
            guard index < bytes.count else { throw error("expected ',' or ']', found the end of the file") }
            if bytes[index] == UInt8(ascii: ",") { advance(); continue }
            if bytes[index] == UInt8(ascii: "]") { advance(); return .array(elements) }
            throw error("expected ',' or ']'\(foundDescription)")
        }
    }

    /// The JSON path of member `key` under `path`: `$.a.b`, or `$["odd key"]` when the key is not a plain name.
    static func child(_ path: String, _ key: String) -> String {
        let plain = !key.isEmpty && key.unicodeScalars.allSatisfy { $0.isAlphanumeric || $0 == "_" || $0 == "-" }
        return plain ? "\(path).\(key)" : "\(path)[\"\(key)\"]"
    }

    private mutating func parseLiteral(_ word: StaticString, _ value: JSONValue) throws(JSONSyntaxError) -> JSONValue {
        for expected in UnsafeBufferPointer(start: word.utf8Start, count: word.utf8CodeUnitCount) {
            guard isAt(expected) else { throw error("expected '\(word)'\(foundDescription)") }
            advance()
        }
        return value
    }

    private mutating func parseNumber() throws(JSONSyntaxError) -> JSONValue {
        let start = index
        let startPosition = here
        func digits(_ p: inout JSONParser) -> Int {
            var count = 0
            while p.index < p.bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(p.bytes[p.index]) {
                p.advance()
                count += 1
            }
            return count
        }
        if bytes[index] == UInt8(ascii: "-") { advance() }
        let leadingZero = isAt(UInt8(ascii: "0"))
        let integerDigits = digits(&self)
        guard integerDigits > 0 else { throw error("expected digits in a number") }
        if leadingZero && integerDigits > 1 {
            throw JSONSyntaxError(message: "leading zeros are not allowed in a number", position: startPosition)
        }
        if isAt(UInt8(ascii: ".")) {
            advance()
            guard digits(&self) > 0 else { throw error("expected digits after the decimal point") }
        }
        if isAt(UInt8(ascii: "e")) || isAt(UInt8(ascii: "E")) {
            advance()
            if isAt(UInt8(ascii: "+")) || isAt(UInt8(ascii: "-")) { advance() }
            guard digits(&self) > 0 else { throw error("expected digits in the exponent") }
        }
        let text = String(decoding: bytes[start..<index], as: UTF8.self)
        guard let number = Double(text), number.isFinite else {
            throw JSONSyntaxError(message: "number \(text) is out of range", position: startPosition)
        }
        return .number(number)
    }

    private mutating func parseString() throws(JSONSyntaxError) -> String {
        advance()  // opening quote
        // A run of plain bytes at a time, copied whole; escapes decoded between runs.
        var result: [UInt8] = []
        while true {
            let start = index
            var scalarsInRun = 0
            while index < bytes.count {
                let byte = bytes[index]
                if byte == 0x22 || byte == 0x5C || byte < 0x20 { break }
                if byte & 0xC0 != 0x80 { scalarsInRun += 1 }
                index += 1
            }
            result.append(contentsOf: bytes[start..<index])
            column += scalarsInRun  // no line break in a run: control characters end it
            guard index < bytes.count else { throw error("unterminated string") }
            let byte = bytes[index]
            if byte == 0x22 { advance(); return String(decoding: result, as: UTF8.self) }
            if byte < 0x20 { throw error("control character U+\(String(byte, radix: 16, uppercase: true)) in a string; escape it") }
            advance()
            guard index < bytes.count else { throw error("unterminated escape") }
            let escape = bytes[index]
            let escapeText = scalarHere
            advance()
            switch escape {
            case UInt8(ascii: "\""): result.append(0x22)
            case UInt8(ascii: "\\"): result.append(0x5C)
            case UInt8(ascii: "/"): result.append(0x2F)
            case UInt8(ascii: "b"): result.append(0x08)
            case UInt8(ascii: "f"): result.append(0x0C)
            case UInt8(ascii: "n"): result.append(0x0A)
            case UInt8(ascii: "r"): result.append(0x0D)
            case UInt8(ascii: "t"): result.append(0x09)
            case UInt8(ascii: "u"): UTF8.encode(try parseUnicodeEscape()) { result.append($0) }
            default: throw error("invalid escape '\\\(escapeText)'")
            }
        }
    }

    private mutating func parseHex4() throws(JSONSyntaxError) -> UInt32 {
        var value: UInt32 = 0
        for _ in 0..<4 {
            guard index < bytes.count, let digit = Self.hexValue(bytes[index]) else {
                throw error("expected four hex digits after \\u")
            }
            value = value * 16 + digit
            advance()
        }
        return value
    }

    private static func hexValue(_ byte: UInt8) -> UInt32? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): UInt32(byte - UInt8(ascii: "0"))
        case UInt8(ascii: "a")...UInt8(ascii: "f"): UInt32(byte - UInt8(ascii: "a") + 10)
        case UInt8(ascii: "A")...UInt8(ascii: "F"): UInt32(byte - UInt8(ascii: "A") + 10)
        default: nil
        }
    }

    private mutating func parseUnicodeEscape() throws(JSONSyntaxError) -> Unicode.Scalar {
        let high = try parseHex4()
        if (0xD800...0xDBFF).contains(high) {
            guard index + 1 < bytes.count, bytes[index] == UInt8(ascii: "\\"), bytes[index + 1] == UInt8(ascii: "u") else {
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
