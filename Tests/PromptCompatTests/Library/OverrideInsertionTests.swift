import Foundation
import Testing
@testable import PromptCompat

/// The expected texts below were written by hand: the original file, plus the override laid out in the
/// file's own indentation, with the messages copied as written.
@Suite("OverrideInsertion: a skeleton override added to a prompt file's text, every other byte kept")
struct OverrideInsertionTests {
    static let note = "\"note\": \"TODO: why and how this prompt was re-tuned for qwen\""

    /// Inserts an override for `qwen`, checks the edit is the original plus one inserted run of text,
    /// and that the file loads with an override whose messages are the prompt's.
    func insert(_ original: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> OverrideInsertion {
        let edit = try OverrideInsertion.insert(into: original, target: "qwen")
        let scalars = Array(original.unicodeScalars)
        var prefix = String.UnicodeScalarView()
        prefix.append(contentsOf: scalars[..<edit.offset])
        var suffix = String.UnicodeScalarView()
        suffix.append(contentsOf: scalars[edit.offset...])
        #expect(Data(edit.text.utf8) == Data((String(prefix) + edit.inserted + String(suffix)).utf8), sourceLocation: sourceLocation)
        let folder = try ScratchLibrary(files: ["p.json": edit.text])
        defer { folder.delete() }
        let prompt = try #require(try folder.load().prompt(id: "p"), sourceLocation: sourceLocation)
        #expect(prompt.overrides["qwen"]?.messages == prompt.messages, sourceLocation: sourceLocation)
        #expect(prompt.overrides["qwen"]?.note == "TODO: why and how this prompt was re-tuned for qwen", sourceLocation: sourceLocation)
        return edit
    }

    @Test("without overrides: a new last member in the file's two-space style, with Chinese content kept as written")
    func noOverrides() throws {
        let original = """
            {
              "description": "退款回复（zh）",
              "model": "gpt-4o",
              "messages": [
                {"role": "system", "content": "你是客服。"},
                {"role": "user", "content": "订单 {{order_id}} 退款"}
              ],
              "cases": [
                {"name": "late", "vars": {"order_id": "20240709"}}
              ]
            }
            """
        let edit = try insert(original)
        #expect(edit.text == """
            {
              "description": "退款回复（zh）",
              "model": "gpt-4o",
              "messages": [
                {"role": "system", "content": "你是客服。"},
                {"role": "user", "content": "订单 {{order_id}} 退款"}
              ],
              "cases": [
                {"name": "late", "vars": {"order_id": "20240709"}}
              ],
              "overrides": {
                "qwen": {
                  \(Self.note),
                  "messages": [
                    {"role": "system", "content": "你是客服。"},
                    {"role": "user", "content": "订单 {{order_id}} 退款"}
                  ]
                }
              }
            }
            """)
        // Line 14 holds `      "messages": [`: six spaces and `"messages": ` (12 characters) put the `[` in column 19.
        #expect(edit.messagesPosition == SourcePosition(line: 14, column: 19))
    }

    @Test("with overrides for another provider: added after the last one, at its indentation")
    func existingOverrides() throws {
        let original = """
            {
              "messages": [ { "role": "user", "content": "订单 {{order_id}} 到哪了？" } ],
              "cases": [ { "name": "late", "vars": { "order_id": "20240709" } } ],
              "overrides": {
                "local-b": { "note": "shorter", "messages": [ { "role": "user", "content": "查订单 {{order_id}}" } ] }
              }
            }
            """
        let edit = try insert(original)
        #expect(edit.text == """
            {
              "messages": [ { "role": "user", "content": "订单 {{order_id}} 到哪了？" } ],
              "cases": [ { "name": "late", "vars": { "order_id": "20240709" } } ],
              "overrides": {
                "local-b": { "note": "shorter", "messages": [ { "role": "user", "content": "查订单 {{order_id}}" } ] },
                "qwen": {
                  \(Self.note),
                  "messages": [ { "role": "user", "content": "订单 {{order_id}} 到哪了？" } ]
                }
              }
            }
            """)
        #expect(edit.messagesPosition == SourcePosition(line: 8, column: 19))
    }

    @Test("a file on one line gets a one-line insertion before its final brace")
    func oneLine() throws {
        let original = #"{"messages":[{"role":"user","content":"你好 {{name}}"}],"cases":[{"name":"a","vars":{"name":"王"}}]}"#
        let edit = try insert(original)
        #expect(edit.text == #"{"messages":[{"role":"user","content":"你好 {{name}}"}],"cases":[{"name":"a","vars":{"name":"王"}}], "overrides": {"qwen": {"#
            + Self.note + #", "messages": [{"role":"user","content":"你好 {{name}}"}]}}}"#)
        #expect(edit.messagesPosition.line == 1)
    }

    @Test("nested objects, braces and escapes inside strings, an emoji and multi-line messages in a four-space file")
    func nested() throws {
        let original = """
            {
                "model": "gpt-4o",
                "response_format": {"type": "json_object", "schema": {"type": "object", "properties": {"total": {"type": "number"}}}},
                "messages": [
                    {
                        "role": "system",
                        "content": "只输出JSON：{\\"total\\": 数字} 😀\\n不要解释。"
                    },
                    {"role": "user", "content": "发票：{{invoice}}"}
                ],
                "cases": [{"name": "usd", "vars": {"invoice": "合计 $1,200"}, "expect": {"json": true}}],
                "expect": {"schema": {"type": "object", "required": ["total"]}}
            }
            """
        let edit = try insert(original)
        #expect(edit.text == """
            {
                "model": "gpt-4o",
                "response_format": {"type": "json_object", "schema": {"type": "object", "properties": {"total": {"type": "number"}}}},
                "messages": [
                    {
                        "role": "system",
                        "content": "只输出JSON：{\\"total\\": 数字} 😀\\n不要解释。"
                    },
                    {"role": "user", "content": "发票：{{invoice}}"}
                ],
                "cases": [{"name": "usd", "vars": {"invoice": "合计 $1,200"}, "expect": {"json": true}}],
                "expect": {"schema": {"type": "object", "required": ["total"]}},
                "overrides": {
                    "qwen": {
                        \(Self.note),
                        "messages": [
                            {
                                "role": "system",
                                "content": "只输出JSON：{\\"total\\": 数字} 😀\\n不要解释。"
                            },
                            {"role": "user", "content": "发票：{{invoice}}"}
                        ]
                    }
                }
            }
            """)
        // 12 spaces and `"messages": ` (12 characters): the `[` is in column 25 of line 16.
        #expect(edit.messagesPosition == SourcePosition(line: 16, column: 25))
    }

    @Test("an empty overrides object is filled in; CRLF line ends stay CRLF")
    func emptyOverridesCRLF() throws {
        let original = "{\r\n  \"messages\": [{\"role\": \"user\", \"content\": \"hi\"}],\r\n  \"cases\": [{\"name\": \"a\"}],\r\n  \"overrides\": {}\r\n}\r\n"
        let edit = try insert(original)
        #expect(edit.text == "{\r\n  \"messages\": [{\"role\": \"user\", \"content\": \"hi\"}],\r\n  \"cases\": [{\"name\": \"a\"}],\r\n  \"overrides\": {\r\n"
            + "    \"qwen\": {\r\n      \(Self.note),\r\n      \"messages\": [{\"role\": \"user\", \"content\": \"hi\"}]\r\n    }\r\n  }\r\n}\r\n")
        #expect(!edit.text.replacingOccurrences(of: "\r\n", with: "").contains("\n"))
    }

    @Test("tabs and a byte-order mark: the insertion indents with tabs and the mark stays")
    func tabsAndByteOrderMark() throws {
        let original = "\u{FEFF}{\n\t\"messages\": [\n\t\t{\"role\": \"user\", \"content\": \"hi\"}\n\t],\n\t\"cases\": [{\"name\": \"a\"}]\n}"
        let edit = try OverrideInsertion.insert(into: original, target: "qwen")
        #expect(edit.text == "\u{FEFF}{\n\t\"messages\": [\n\t\t{\"role\": \"user\", \"content\": \"hi\"}\n\t],\n\t\"cases\": [{\"name\": \"a\"}],\n\t\"overrides\": {\n"
            + "\t\t\"qwen\": {\n\t\t\t\(Self.note),\n\t\t\t\"messages\": [\n\t\t\t\t{\"role\": \"user\", \"content\": \"hi\"}\n\t\t\t]\n\t\t}\n\t}\n}")
        // Line 9 is three tabs and `"messages": ` (12 characters): the `[` is in column 16.
        #expect(edit.messagesPosition == SourcePosition(line: 9, column: 16))
    }

    @Test("a prompt that already has an override for the target, or is not a prompt object, is refused")
    func refusals() {
        let existing = #"{"messages": [{"role": "user", "content": "hi"}], "cases": [{"name": "a"}], "overrides": {"qwen": {"note": "done"}}}"#
        #expect(throws: OverrideInsertion.Failure(description: "there is already an override for \"qwen\"")) {
            try OverrideInsertion.insert(into: existing, target: "qwen")
        }
        #expect(throws: OverrideInsertion.Failure(description: "the file has no \"messages\" to copy")) {
            try OverrideInsertion.insert(into: #"{"cases": []}"#, target: "qwen")
        }
        #expect(throws: OverrideInsertion.Failure(description: "\"overrides\" is not an object")) {
            try OverrideInsertion.insert(into: #"{"messages": [], "overrides": []}"#, target: "qwen")
        }
    }

    @Test("addOverrideSkeleton edits the file on disk, which loads again with the new override; a second call is refused and leaves the file alone")
    func fileOnDisk() throws {
        let folder = try ScratchLibrary(files: ["support/reply.json": ScratchLibrary.validPrompt])
        defer { folder.delete() }
        let library = try folder.load()
        let position = try library.addOverrideSkeleton(promptID: "support/reply", target: "qwen")
        let file = folder.root.appendingPathComponent("support/reply.json")
        let text = try String(contentsOf: file, encoding: .utf8)
        #expect(text == (try OverrideInsertion.insert(into: ScratchLibrary.validPrompt, target: "qwen")).text)
        #expect(position == (try OverrideInsertion.insert(into: ScratchLibrary.validPrompt, target: "qwen")).messagesPosition)
        let reloaded = try #require(try folder.load().prompt(id: "support/reply"))
        #expect(reloaded.overrides["qwen"]?.messages == reloaded.messages)
        #expect(throws: LibraryDiagnostic.self) { try library.addOverrideSkeleton(promptID: "support/reply", target: "qwen") }
        #expect(try String(contentsOf: file, encoding: .utf8) == text)
    }
}
