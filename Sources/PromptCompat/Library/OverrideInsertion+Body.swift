import Foundation

extension OverrideInsertion {
    /// Lays out the new override's text in the file's own style.
    struct OverrideBody {
        var source: JSONSourceText
        var target: String
        var note: String
        /// The prompt's `messages` value in the original text.
        var messages: Range<Int>
        /// The indentation of the file's top-level members; `nil` for a file written on one line.
        var rootIndent: String?

        /// One level of indentation: the top-level members', else two spaces.
        var unit: String { rootIndent.flatMap { $0.isEmpty ? nil : $0 } ?? "  " }

        /// Where and what to insert in a file without `overrides`: a new last top-level member.
        func newOverridesMember(container: Container) -> (offset: Int, text: String) {
            let end = source.endOfContent(before: container.close)
            guard let indent = container.memberIndent else {
                return (end, ", \"overrides\": {" + inlineMember(lineIndent: source.indentation(ofLineAt: container.open)) + "}")
            }
            let nl = source.newline
            return (end, "," + nl + indent + "\"overrides\": {" + nl + indent + unit + member(indent: indent + unit) + nl + indent + "}")
        }

        /// Where and what to insert in the existing `overrides` object: a new last member.
        func newMember(container: Container) -> (offset: Int, text: String) {
            let nl = source.newline
            let openIndent = source.indentation(ofLineAt: container.open)
            if container.isEmpty {
                return (container.open + 1, nl + openIndent + unit + member(indent: openIndent + unit) + nl + openIndent)
            }
            let end = source.endOfContent(before: container.close)
            guard let indent = container.memberIndent else { return (end, ", " + inlineMember(lineIndent: openIndent)) }
            return (end, "," + nl + indent + member(indent: indent))
        }

        /// `"NAME": {` one member a line at `indent` + ``unit``, `}` at `indent`.
        func member(indent: String) -> String {
            let inner = indent + unit
            let nl = source.newline
            return quoted(target) + ": {" + nl
                + inner + "\"note\": " + quoted(note) + "," + nl
                + inner + "\"messages\": " + messagesText(indent: inner) + nl
                + indent + "}"
        }

        /// `"NAME": {"note": …, "messages": …}` on the line it is added to.
        func inlineMember(lineIndent: String) -> String {
            quoted(target) + ": {\"note\": " + quoted(note) + ", \"messages\": " + messagesText(indent: lineIndent + unit) + "}"
        }

        /// The prompt's messages exactly as written, each following line moved from the top-level
        /// indentation to `indent` (a line break in JSON text is always outside a string, so this
        /// changes whitespace only).
        func messagesText(indent: String) -> String {
            let base = Array((rootIndent ?? "").unicodeScalars)
            var out = String.UnicodeScalarView()
            var i = messages.lowerBound
            while i < messages.upperBound {
                let scalar = source.scalars[i]
                out.append(scalar)
                i += 1
                guard scalar == "\n" else { continue }
                out.append(contentsOf: indent.unicodeScalars)
                if i + base.count <= messages.upperBound, Array(source.scalars[i..<i + base.count]) == base { i += base.count }
            }
            return String(out)
        }

        func quoted(_ text: String) -> String { JSONValue.string(text).serialized() }
    }
}
