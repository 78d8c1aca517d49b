import Foundation

/// The Markdown shape of an answer — headings by level, list items, fenced code blocks, pipe tables — and
/// its prose with that markup stripped, so structure and wording can be compared separately.
///
/// Recognized, line by line: ATX headings (`## Title`) and setext headings (a line under `===`/`---`);
/// bulleted items (`-`, `*`, `+`) and numbered items (`1.`, `1)`, and the Chinese `1、`); fenced code blocks
/// (```` ``` ```` or `~~~`, with the info string's first word as language; an unclosed fence runs to the
/// end); pipe tables (a header row with `|`, a `|---|` separator row, then the rows that contain `|`).
/// Not recognized: indented code, HTML, nested structure (a nested item counts as an item).
///
/// The prose keeps heading and item text and table cells (separated by spaces), drops code blocks, list
/// markers, `#`, `>` and inline markup (`**`, `__`, `~~`, backticks, `*emphasis*`, links and images keep
/// their text), one line per source line, blank lines dropped.
///
/// ```swift
/// let shape = MarkdownStructure.of("## 步骤\n1. 登录\n2. 下单\n\n| a | b |\n|---|---|\n| 1 | 2 |")
/// // headings [2: 1], numberedItems 2, tables [Table(rows: 1, columns: 2)], prose "步骤\n登录\n下单\na b\n1 2"
/// ```
public struct MarkdownStructure: Sendable, Equatable {
    /// A fenced code block.
    public struct CodeBlock: Sendable, Equatable {
        /// The first word of the info string (` ```swift `), nil without one.
        public var language: String?
        /// Lines between the fences.
        public var lines: Int
    }

    /// A pipe table: data rows (the header and separator rows not counted) × header cells.
    public struct Table: Sendable, Equatable {
        public var rows: Int
        public var columns: Int
    }

    /// Number of headings per level 1…6; levels without headings are absent.
    public var headings: [Int: Int] = [:]
    public var bulletedItems = 0
    public var numberedItems = 0
    public var codeBlocks: [CodeBlock] = []
    public var tables: [Table] = []
    /// The text without structure markup.
    public var prose = ""

    /// True when the text has no heading, list, code block or table.
    public var isPlain: Bool {
        headings.isEmpty && bulletedItems == 0 && numberedItems == 0 && codeBlocks.isEmpty && tables.isEmpty
    }

    /// All headings, whatever their level.
    public var headingCount: Int { headings.values.reduce(0, +) }

    public static func of(_ text: String) -> MarkdownStructure {
        // Split on the byte: after `\r\n` became `\n` a `\r` may still stand before a `\n` ("\r\r\n"), one
        // Character for Swift.
        let lines = text.unifyingLineEnds.utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
        var parser = MarkdownLineParser(lines: lines.map { String(decoding: $0, as: UTF8.self) })
        return parser.parse()
    }
}
