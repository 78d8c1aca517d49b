import Foundation

/// A skeleton override for one provider, added to a prompt file's text without touching any other
/// byte: `"overrides": {"NAME": {"note": "TODO: …", "messages": <the prompt's messages>}}`. The messages
/// are copied as written (escapes and layout kept, re-indented to their new depth), so the override
/// behaves exactly like the prompt until someone edits it.
///
/// Where it goes: at the end of the existing `overrides` object, or as a new last member of the file's
/// object. The indentation follows the file's (a one-line file gets a one-line insertion; CRLF files
/// get CRLF).
///
/// ```swift
/// let edit = try OverrideInsertion.insert(into: text, target: "qwen")
/// try Data(edit.text.utf8).write(to: file)
/// print("edit \(file.path):\(edit.messagesPosition.line)")
/// ```
public struct OverrideInsertion: Sendable, Equatable {
    /// The whole new text: the original with ``inserted`` added at ``offset``.
    public var text: String
    /// Where the insertion starts in the original text, counted in Unicode scalars.
    public var offset: Int
    /// The text added; nothing else changes.
    public var inserted: String
    /// Where the new override's `messages` value starts in the new text: the place to edit.
    public var messagesPosition: SourcePosition

    /// Why the override could not be added.
    public struct Failure: Error, Sendable, Equatable, CustomStringConvertible {
        public var description: String
    }

    /// The note of a new override, for the engineer to replace.
    public static func note(for target: String) -> String { "TODO: why and how this prompt was re-tuned for \(target)" }

    /// Adds an override for `target` to the prompt file `text`.
    ///
    /// - Throws: ``Failure`` when the text is not a JSON object with `messages`, when `overrides` is not
    ///   an object, or when it already has an override for `target`.
    public static func insert(into text: String, target: String, note: String? = nil) throws(Failure) -> OverrideInsertion {
        let document: JSONDocument
        do { document = try JSONDocument(parsing: text) } catch { throw Failure(description: "not valid JSON: \(error)") }
        guard let root = document.root.objectValue else { throw Failure(description: "the file is not a JSON object") }
        guard root["messages"] != nil, let messagesStart = document.positions["$.messages"] else {
            throw Failure(description: "the file has no \"messages\" to copy")
        }
        if let overrides = root["overrides"] {
            guard let object = overrides.objectValue else { throw Failure(description: "\"overrides\" is not an object") }
            if object[target] != nil { throw Failure(description: "there is already an override for \"\(target)\"") }
        }
        let source = JSONSourceText(text)
        let messages = source.index(of: messagesStart)
        let body = OverrideBody(
            source: source, target: target, note: note ?? Self.note(for: target),
            messages: messages..<source.endOfValue(at: messages), rootIndent: Self.memberIndent(of: root, at: "$", in: document, source)
        )
        let (offset, inserted) = root["overrides"] == nil
            ? body.newOverridesMember(container: Self.container(root, at: "$", in: document, source))
            : body.newMember(container: Self.container(root["overrides"]!.objectValue!, at: "$.overrides", in: document, source))
        let edited = source.text(0..<offset) + inserted + source.text(offset..<source.scalars.count)
        let path = JSONParser.child(JSONParser.child("$.overrides", target), "messages")
        guard let newDocument = try? JSONDocument(parsing: edited), let position = newDocument.positions[path] else {
            throw Failure(description: "the edit would not be valid JSON")  // not expected: a guard for the file's sake
        }
        return OverrideInsertion(text: edited, offset: offset, inserted: inserted, messagesPosition: position)
    }

    /// An object in the text: its braces, and the indentation of its members (`nil` when they sit on the
    /// line of the opening brace, or there are none).
    struct Container {
        var open: Int
        var close: Int
        var isEmpty: Bool
        var memberIndent: String?
    }

    static func container(_ object: JSONObject, at path: String, in document: JSONDocument, _ source: JSONSourceText) -> Container {
        let open = source.index(of: document.positions[path]!)
        return Container(
            open: open, close: source.endOfValue(at: open) - 1, isEmpty: object.isEmpty,
            memberIndent: memberIndent(of: object, at: path, in: document, source)
        )
    }

    /// The indentation of the line holding the object's first member, when that is not the line of `{`.
    static func memberIndent(of object: JSONObject, at path: String, in document: JSONDocument, _ source: JSONSourceText) -> String? {
        guard let first = object.keys.first, let position = document.positions[JSONParser.child(path, first)],
              let open = document.positions[path], position.line != open.line else { return nil }
        return source.indentation(ofLineAt: source.index(of: position))
    }
}
