import Foundation

/// A JSON text as Unicode scalars, for edits that must leave every other byte as it was: turns a
/// parser ``SourcePosition`` into an index, finds where a value ends, and reads a line's indentation.
///
/// Indices count Unicode scalars, as the parser's columns do; the text must be valid JSON (parse it
/// with ``JSONDocument`` first), so strings and brackets are balanced.
///
/// ```swift
/// let source = JSONSourceText("{\n  \"a\": [1, 2]\n}")
/// let start = source.index(of: SourcePosition(line: 2, column: 8))   // the "["
/// source.endOfValue(at: start)                                          // just past the "]"
/// source.indentation(ofLineAt: start)                                   // "  "
/// ```
struct JSONSourceText {
    let scalars: [Unicode.Scalar]
    /// The index of the first scalar of each line.
    let lineStarts: [Int]
    /// `\r\n` when the text uses it, else `\n`.
    let newline: String

    init(_ text: String) {
        scalars = Array(text.unicodeScalars)
        var starts = [0]
        for (i, scalar) in scalars.enumerated() where scalar == "\n" { starts.append(i + 1) }
        lineStarts = starts
        newline = text.contains("\r\n") ? "\r\n" : "\n"
    }

    /// The index of the scalar at `position` (the parser skips a byte-order mark without counting it).
    func index(of position: SourcePosition) -> Int {
        let bom = position.line == 1 && scalars.first == "\u{FEFF}" ? 1 : 0
        return lineStarts[position.line - 1] + position.column - 1 + bom
    }

    /// The line (0-based) that holds `index`.
    func line(of index: Int) -> Int {
        var low = 0, high = lineStarts.count - 1
        while low < high {
            let mid = (low + high + 1) / 2
            if lineStarts[mid] <= index { low = mid } else { high = mid - 1 }
        }
        return low
    }

    /// The spaces and tabs that start the line holding `index`.
    func indentation(ofLineAt index: Int) -> String {
        var out = String.UnicodeScalarView()
        var i = lineStarts[line(of: index)]
        while i < scalars.count, scalars[i] == " " || scalars[i] == "\t" {
            out.append(scalars[i])
            i += 1
        }
        return String(out)
    }

    /// Just past the end of the value starting at `start`: the matching `}` or `]` of an object or array,
    /// the closing quote of a string, the last character of a number or literal.
    func endOfValue(at start: Int) -> Int {
        var i = start
        var depth = 0
        var inString = false
        while i < scalars.count {
            let scalar = scalars[i]
            if inString {
                if scalar == "\\" { i += 1 } else if scalar == "\"" { inString = false; if depth == 0 { return i + 1 } }
            } else if scalar == "\"" {
                inString = true
            } else if scalar == "{" || scalar == "[" {
                depth += 1
            } else if scalar == "}" || scalar == "]" {
                depth -= 1
                if depth == 0 { return i + 1 }
            } else if depth == 0, [",", " ", "\n", "\r", "\t"].contains(scalar) {
                return i
            }
            i += 1
        }
        return i
    }

    /// The index just past the last non-whitespace scalar before `index`.
    func endOfContent(before index: Int) -> Int {
        var i = index
        while i > 0, [" ", "\n", "\r", "\t"].contains(scalars[i - 1]) { i -= 1 }
        return i
    }

    /// The text of `range`.
    func text(_ range: Range<Int>) -> String {
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars[range])
        return String(view)
    }
}
