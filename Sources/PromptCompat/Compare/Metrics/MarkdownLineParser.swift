import Foundation

/// The line-by-line reader behind ``MarkdownStructure/of(_:)``. The line patterns and the inline markup it
/// strips are tables of regular expressions.
struct MarkdownLineParser {
    let lines: [String]
    private var index = 0
    private var result = MarkdownStructure()
    private var prose: [String] = []
    /// Whether the line before was a paragraph line (what a setext underline turns into a heading).
    private var afterParagraph = false

    init(lines: [String]) {
        self.lines = lines
    }

    enum LineKind: CaseIterable { case fence, heading, setextUnderline, thematicBreak, bullet, numbered, quote }

    /// The pattern of each kind of line; capture group 1 is the marker (fence, `#`s, `=`/`-`), the last
    /// group the text after it.
    static let linePatterns: [(kind: LineKind, regex: NSRegularExpression)] = ([
        (.fence, #"^ {0,3}(```|~~~)\s*([^\s`]*)"#),
        (.heading, #"^ {0,3}(#{1,6})(?:\s+(.*?))?(?:\s+#+)?\s*$"#),
        (.setextUnderline, #"^ {0,3}(=+|-+)\s*$"#),
        (.thematicBreak, #"^ {0,3}([-*_])(?:\s*\1){2,}\s*$"#),
        (.bullet, #"^\s*([-*+])\s+(.*)$"#),
        (.numbered, #"^\s*(\d{1,9}[.)](?!\d)|\d{1,9}、)\s*(.*)$"#),
        (.quote, #"^\s*(>)\s?(.*)$"#),
    ] as [(LineKind, String)]).map { ($0.0, try! NSRegularExpression(pattern: $0.1)) }

    static let tableSeparator = try! NSRegularExpression(pattern: #"^\s*\|?\s*:?-{1,}:?\s*(\|\s*:?-{1,}:?\s*)*\|?\s*$"#)

    /// Inline markup, what replaces it, and the characters a match must contain (a line without any of
    /// them is not searched).
    static let inlineMarkup: [(regex: NSRegularExpression, template: String, marks: [UInt8])] = ([
        (#"!?\[([^\]]*)\]\([^)]*\)"#, "$1", "]"),  // links and images keep their text
        (#"(\*\*|__|~~)(.+?)\1"#, "$2", "*_~"),
        (#"`+"#, "", "`"),
        (#"(?<![A-Za-z0-9*])\*(?!\s)([^*\n]+?)\*(?![A-Za-z0-9*])"#, "$1", "*"),
    ] as [(String, String, String)]).map { (try! NSRegularExpression(pattern: $0.0), $0.1, Array($0.2.utf8)) }

    /// The first character of a line any of ``linePatterns`` matches, after its leading white space:
    /// a fence, `#`, `=`, `-`, `*`, `_`, `+`, `>` or a digit (`\d` is any decimal digit, not only ASCII).
    static let lineMarks: Set<Unicode.Scalar> = Set("`~#=-*_+>".unicodeScalars)

    /// False when no line pattern can match `line`: its first non-space scalar is no ``lineMarks`` and no
    /// decimal digit. Every pattern starts with `^ {0,3}` or `^\s*` and then one of those.
    static func mayBeMarked(_ line: String) -> Bool {
        guard let first = line.unicodeScalars.first(where: { !$0.properties.isWhitespace }) else { return false }
        return lineMarks.contains(first) || first.properties.numericType == .decimal
    }

    mutating func parse() -> MarkdownStructure {
        while index < lines.count {
            let line = lines[index]
            index += 1
            if let match = Self.match(line) {
                handle(match.kind, groups: match.groups)
                afterParagraph = false
            } else if UTF8Search.containsCharacters("|", in: line), index < lines.count, Self.matches(Self.tableSeparator, lines[index]) {
                readTable(header: line)
                afterParagraph = false
            } else {
                addProse(line)
                afterParagraph = !line.trimming(.whitespaces).isEmpty
            }
        }
        result.prose = prose.joined(separator: "\n")
        return result
    }

    private mutating func handle(_ kind: LineKind, groups: [String?]) {
        switch kind {
        case .fence: readCodeBlock(fence: groups[0] ?? "```", language: groups[1])
        case .heading:
            result.headings[groups[0]?.count ?? 1, default: 0] += 1
            addProse(groups[1] ?? "")
        case .setextUnderline:
            // Under a prose line: that line was a heading. Elsewhere a `---` is a thematic break.
            if afterParagraph {
                result.headings[groups[0]?.first == "=" ? 1 : 2, default: 0] += 1
            }
        case .thematicBreak: break
        case .bullet:
            result.bulletedItems += 1
            addProse(groups[1] ?? "")
        case .numbered:
            result.numberedItems += 1
            addProse(groups[1] ?? "")
        case .quote: addProse(groups[1] ?? "")
        }
    }

    private mutating func readCodeBlock(fence: String, language: String?) {
        var count = 0
        while index < lines.count {
            let line = lines[index]
            index += 1
            if line.trimming(.whitespaces).hasPrefix(fence) { break }
            count += 1
        }
        result.codeBlocks.append(.init(language: language.flatMap { $0.isEmpty ? nil : $0.lowercasedFast() }, lines: count))
    }

    private mutating func readTable(header: String) {
        let columns = Self.cells(header)
        addProse(columns.joined(separator: " "))
        index += 1  // the separator row
        var rows = 0
        while index < lines.count, UTF8Search.containsCharacters("|", in: lines[index]) {
            addProse(Self.cells(lines[index]).joined(separator: " "))
            rows += 1
            index += 1
        }
        result.tables.append(.init(rows: rows, columns: columns.count))
    }

    private mutating func addProse(_ text: String) {
        var stripped = text
        for (regex, template, marks) in Self.inlineMarkup where stripped.utf8.contains(where: marks.contains) {
            stripped = regex.stringByReplacingMatches(in: stripped, range: NSRange(stripped.startIndex..., in: stripped), withTemplate: template)
        }
        stripped = stripped.trimming(.whitespaces)
        if !stripped.isEmpty { prose.append(stripped) }
    }

    /// The cells of a table row: split on `|`, outer empty cells (from leading/trailing pipes) dropped.
    static func cells(_ row: String) -> [String] {
        var cells = row.split(separator: "|", omittingEmptySubsequences: false).map { $0.trimming(.whitespaces) }
        let trimmed = row.trimming(.whitespaces)
        if trimmed.hasPrefix("|"), !cells.isEmpty { cells.removeFirst() }
        if trimmed.hasSuffix("|"), !cells.isEmpty { cells.removeLast() }
        return cells
    }

    static func match(_ line: String) -> (kind: LineKind, groups: [String?])? {
        guard mayBeMarked(line) else { return nil }
        let range = NSRange(line.startIndex..., in: line)
        for (kind, regex) in linePatterns {
            guard let match = regex.firstMatch(in: line, range: range) else { continue }
            let groups = (1..<match.numberOfRanges).map { i in Range(match.range(at: i), in: line).map { String(line[$0]) } }
            return (kind, groups)
        }
        return nil
    }

    static func matches(_ regex: NSRegularExpression, _ line: String) -> Bool {
        regex.firstMatch(in: line, range: NSRange(line.startIndex..., in: line)) != nil
    }
}
