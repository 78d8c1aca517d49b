import Foundation
import Testing
@testable import PromptCompat

/// The JSON parser behind prompt files and snapshots: every value, member order kept, positions of every
/// JSON path for diagnostics, duplicate keys refused, and serialization that keeps Chinese readable.
@Suite("JSON parser")
struct JSONParserTests {
    /// The error parsing `text` as a document; parsing it as a bare value (which records no positions) must
    /// fail with the same message at the same place.
    func syntaxError(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> JSONSyntaxError {
        let error = try #require(throws: JSONSyntaxError.self, sourceLocation: sourceLocation) { try JSONDocument(parsing: text) }
        let valueError = try #require(throws: JSONSyntaxError.self, sourceLocation: sourceLocation) { try JSONValue(parsing: text) }
        #expect(valueError == error, sourceLocation: sourceLocation)
        return error
    }

    // MARK: - Values

    @Test("every kind of value parses")
    func values() throws {
        let value = try JSONValue(parsing: #"{"s": "hi", "i": 42, "neg": -1.5, "exp": 2.5e3, "t": true, "f": false, "n": null, "a": [1, [], {}]}"#)
        #expect(value == ["s": "hi", "i": 42, "neg": -1.5, "exp": 2500, "t": true, "f": false, "n": nil, "a": [1, [], [:]]])
        #expect(try JSONDocument(parsing: #"{"s": "hi", "i": 42, "neg": -1.5, "exp": 2.5e3, "t": true, "f": false, "n": null, "a": [1, [], {}]}"#).root == value)
        #expect(value["i"]?.intValue == 42)
        #expect(value["neg"]?.intValue == nil)
        #expect(value["n"]?.isNull == true)
    }

    @Test("a top-level scalar, whitespace around the value and a byte order mark are accepted")
    func scalarsWhitespaceAndBOM() throws {
        #expect(try JSONValue(parsing: " \n\t\"x\"\r\n ") == "x")
        #expect(try JSONValue(parsing: "\u{FEFF}[1]") == [1])
        #expect(try JSONValue(parsing: "-0.25") == -0.25)
    }

    @Test("object members keep the order they were written in")
    func orderKept() throws {
        let object = try #require(try JSONValue(parsing: #"{"zeta": 1, "alpha": 2, "mid": 3}"#).objectValue)
        #expect(object.keys == ["zeta", "alpha", "mid"])
    }

    @Test("a duplicate key is a syntax error at the second key's position")
    func duplicateKeyRejected() throws {
        let error = try syntaxError("""
            {
              "model": "a",
              "model": "b"
            }
            """)
        #expect(error.message == #"duplicate key "model""#)
        #expect(error.position == SourcePosition(line: 3, column: 3))
        #expect(error.description == #"line 3, column 3: duplicate key "model""#)
    }

    // MARK: - Positions

    @Test("every value's position is recorded under its JSON path, nested paths included")
    func positionsOfNestedPaths() throws {
        let document = try JSONDocument(parsing: """
            {
              "cases": [
                { "name": "a" },
                { "name": "b", "vars": { "x": "订单", "odd key": 1 } }
              ]
            }
            """)
        #expect(document.positions["$"] == SourcePosition(line: 1, column: 1))
        #expect(document.positions["$.cases"] == SourcePosition(line: 2, column: 12))
        #expect(document.positions["$.cases[0].name"] == SourcePosition(line: 3, column: 15))
        #expect(document.positions["$.cases[1]"] == SourcePosition(line: 4, column: 5))
        #expect(document.positions["$.cases[1].vars.x"] == SourcePosition(line: 4, column: 35))
        #expect(document.positions[#"$.cases[1].vars["odd key"]"#] == SourcePosition(line: 4, column: 52))
    }

    @Test("the position of a path that has none is its nearest parent's")
    func positionFallsBackToParent() throws {
        let document = try JSONDocument(parsing: "{\n  \"cases\": [ { \"name\": \"a\" } ]\n}")
        #expect(document.position(of: "$.cases[0].vars.x") == SourcePosition(line: 2, column: 14))
        #expect(document.position(of: "$.nothing") == SourcePosition(line: 1, column: 1))
    }

    @Test("columns count characters, so a Chinese line points at the right column")
    func columnsCountCharacters() throws {
        let error = try syntaxError(#"{"中文": "值" x}"#)
        #expect(error.position == SourcePosition(line: 1, column: 12))
        #expect(error.message == "expected ',' or '}', found 'x'")
    }

    @Test("syntax errors say what was expected and what was found", arguments: [
        ("{\"a\": }", 1, 7, "expected a value (object, array, string, number, true, false or null), found '}'"),
        ("[1, 2", 1, 6, "expected ',' or ']', found the end of the file"),
        ("{\"a\" 1}", 1, 6, "expected ':' after the member name, found '1'"),
        ("{a: 1}", 1, 2, "expected a quoted member name, found 'a'"),
        ("\"abc", 1, 5, "unterminated string"),
        ("[tru]", 1, 5, "expected 'true', found ']'"),
        ("[1.]", 1, 4, "expected digits after the decimal point"),
        ("[1] x", 1, 5, "unexpected text after the JSON value"),
        ("\"a\tb\"", 1, 3, "control character U+9 in a string; escape it"),
        ("\"\\x\"", 1, 4, "invalid escape '\\x'"),
    ])
    func syntaxErrors(text: String, line: Int, column: Int, message: String) throws {
        let error = try syntaxError(text)
        #expect(error.message == message)
        #expect(error.position == SourcePosition(line: line, column: column))
    }

    @Test("numbers with leading zeros are not JSON")
    func leadingZerosRejected() throws {
        let error = try syntaxError("[0123]")
        #expect(error.message == "leading zeros are not allowed in a number")
        #expect(error.position == SourcePosition(line: 1, column: 2))
        #expect(try JSONValue(parsing: "[0, -0, 0.5]") == [0, 0, 0.5])
    }

    // MARK: - Strings

    @Test("escapes decode, including \\u escapes and surrogate pairs")
    func escapes() throws {
        let value = try JSONValue(parsing: #"["\"\\\/\b\f\n\r\t", "\u4E2D\u6587", "\ud83d\ude00", "\u00e9"]"#)
        #expect(value == ["\"\\/\u{08}\u{0C}\n\r\t", "中文", "😀", "é"])
    }

    @Test("an unpaired or invalid surrogate is a syntax error", arguments: [
        (#""\ud83d""#, "unpaired surrogate \\ud83d"),
        (#""\ud83dx""#, "unpaired surrogate \\ud83d"),
        (#""\ude00""#, "unpaired surrogate \\ude00"),
        (#""\ud83d\u0041""#, "invalid low surrogate \\u41"),
        (#""\u12G4""#, "expected four hex digits after \\u"),
    ])
    func badSurrogates(text: String, message: String) throws {
        #expect(try syntaxError(text).message == message)
    }

    // MARK: - Depth

    @Test("nesting is limited to 256 levels, so hostile input cannot overflow the stack")
    func depthLimit() throws {
        let deepest = String(repeating: "[", count: 256) + String(repeating: "]", count: 256)
        #expect(throws: Never.self) { try JSONValue(parsing: deepest) }

        let tooDeep = String(repeating: "[", count: 257) + String(repeating: "]", count: 257)
        let error = try syntaxError(tooDeep)
        #expect(error.message == "nested deeper than 256 levels")
        #expect(error.position == SourcePosition(line: 1, column: 257))

        let hostile = String(repeating: "{\"a\":", count: 100_000)
        #expect(try syntaxError(hostile).message == "nested deeper than 256 levels")
    }

    // MARK: - Serialization

    @Test("serialization keeps Chinese unescaped and member order, and parses back to the same value")
    func serializationRoundTrip() throws {
        let text = #"{"标题":"订单已发货","z":[1,2.5,-3,true,null],"a":{"引号":"他说\"好\"\n"}}"#
        let value = try JSONValue(parsing: text)
        #expect(value.serialized() == text)
        #expect(try JSONValue(parsing: value.serialized(pretty: true)) == value)
        #expect(try JSONValue(parsing: value.data()) == value)
    }

    @Test("pretty output indents by two spaces, one member a line")
    func prettySerialization() throws {
        let value: JSONValue = ["name": "张三", "items": [1, [:]], "empty": []]
        #expect(value.serialized(pretty: true) == """
            {
              "name": "张三",
              "items": [
                1,
                {}
              ],
              "empty": []
            }
            """)
    }

    @Test("control characters are escaped; whole numbers print without a fraction")
    func escapingAndNumbers() {
        let value: JSONValue = ["s": "a\u{01}b\u{7F}\t", "n": [3, 0.5, 1e20, -0.0]]
        #expect(value.serialized() == #"{"s":"a\u0001b\u007F\t","n":[3,0.5,1e+20,0]}"#)
    }

    @Test("data that is not UTF-8 is refused")
    func invalidUTF8() throws {
        let error = try #require(throws: JSONSyntaxError.self) { try JSONValue(parsing: Data([0x22, 0xFF, 0x22])) }
        #expect(error.message == "the data is not valid UTF-8")
    }
}
