import Foundation
import Testing
@testable import PromptCompat

/// String escaping copies runs of plain text whole; it must escape exactly what the scalar-by-scalar
/// definition escapes (the oracle below is that definition, word for word).
@Suite("JSON string escaping")
struct JSONStringEscapingTests {
    static func scalarByScalar(_ s: String) -> String {
        var out = "\""
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
        return out + "\""
    }

    @Test("escapes quotes, backslashes and C0/DEL/C1 controls as before, copies everything else", arguments: [
        "", "plain", "订单已发货", "a\"b\\c", "\n\r\t\u{0}\u{1F}\u{7F}", "\u{80}\u{85}\u{9F}\u{A0}¥é", "👨‍👩‍👧\"\u{9F}订",
        "\u{C2}\u{80}", "end\\", "\"start", String(repeating: "长文本 \"quoted\" \\ ", count: 50),
    ])
    func matchesScalarByScalar(text: String) {
        var out = ""
        JSONValue.writeString(text, to: &out)
        #expect(out == Self.scalarByScalar(text))
    }

    @Test("an escaped string parses back to itself")
    func roundTrip() throws {
        let text = "价格：¥299\n\"引号\" \\ \u{1}\u{85}👍🏽"
        #expect(try JSONValue(parsing: JSONValue.string(text).serialized()) == .string(text))
    }
}
