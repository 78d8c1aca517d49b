/// The shape of an answer, apart from its words: JSON or not (and how it is wrapped), its Markdown
/// structure (``MarkdownStructure``), how many lines, and whether it is a single token, a single line or
/// more — the things a downstream parser or a UI depends on.
///
/// - Range: 0…1; 1 when the shapes are the same (two empty texts too), 0 when one text is empty.
/// - Definition: the mean of four parts, each 0…1:
///   1. JSON: 1 when both have the same ``JSONComparison/Wrapping`` (or neither has JSON), ½ when both
///      have JSON wrapped differently, 0 when only one has JSON;
///   2. line kind: 1 when both are the same ``Shape/Lines`` (single token, single line, several lines);
///   3. line count: fewer non-blank lines / more non-blank lines;
///   4. Markdown: the mean of fewer/more over each feature present on either side — headings of each
///      level, bulleted items, numbered items, code blocks, tables, table rows, table columns; 1 when
///      neither side has any.
/// - When to use: answers that feed a parser or a template (JSON, tables, numbered steps, one-word
///   labels); report ``differences(_:_:)`` next to a content metric.
///
/// ```swift
/// FormatFeatures.differences("| a | b |\n|---|---|\n| 1 | 2 |\n| 3 | 4 |\n| 5 | 6 |", "a is 1, 3 and 5; b is 2, 4 and 6.")
/// // ["was a 3-row table, now prose", "was 5 lines, now one line"]
/// ```
public struct FormatFeatures: Metric {
    /// The shape of one text.
    public struct Shape: Sendable, Equatable {
        public enum Lines: String, Sendable, Equatable {
            case empty
            /// One line with one ``Tokenizer`` token: `positive`, `42`, `是`.
            case singleToken = "single-token"
            case singleLine = "single-line"
            case multiLine = "multi-line"
        }

        /// How the JSON sat in the text (``JSONComparison/extract(from:)``); nil without JSON.
        public var json: JSONComparison.Wrapping?
        public var markdown: MarkdownStructure
        /// Non-blank lines.
        public var lineCount: Int
        public var lines: Lines
    }

    public init() {}

    public var name: String { "format" }

    public static func shape(of text: String) -> Shape {
        let lineCount = text.lines.filter { !$0.allSatisfy(\.isWhitespace) }.count
        let lines: Shape.Lines = switch lineCount {
        case 0: .empty
        case 1: Tokenizer.tokens(text).count <= 1 ? .singleToken : .singleLine
        default: .multiLine
        }
        return Shape(json: JSONComparison.extract(from: text)?.wrapping, markdown: .of(text), lineCount: lineCount, lines: lines)
    }

    public func score(_ reference: String, _ candidate: String) -> Double {
        let a = Self.shape(of: reference), b = Self.shape(of: candidate)
        if a.lines == .empty || b.lines == .empty { return a.lines == b.lines ? 1 : 0 }
        let json: Double = a.json == b.json ? 1 : (a.json != nil && b.json != nil ? 0.5 : 0)
        let lineKind: Double = a.lines == b.lines ? 1 : 0
        let lineCount = Self.ratio(a.lineCount, b.lineCount)
        let features = zip(Self.markdownFeatures(a.markdown), Self.markdownFeatures(b.markdown)).filter { $0 != 0 || $1 != 0 }
        let markdown = features.isEmpty ? 1 : features.map { Self.ratio($0, $1) }.reduce(0, +) / Double(features.count)
        return (json + lineKind + lineCount + markdown) / 4
    }

    /// Headings of levels 1…6, bulleted items, numbered items, code blocks, tables, table rows, table columns.
    static func markdownFeatures(_ markdown: MarkdownStructure) -> [Int] {
        (1...6).map { markdown.headings[$0] ?? 0 } + [
            markdown.bulletedItems, markdown.numberedItems, markdown.codeBlocks.count, markdown.tables.count,
            markdown.tables.map(\.rows).reduce(0, +), markdown.tables.map(\.columns).max() ?? 0,
        ]
    }

    /// Fewer over more; 1 when both are 0.
    static func ratio(_ a: Int, _ b: Int) -> Double {
        a == b ? 1 : Double(min(a, b)) / Double(max(a, b))
    }
}
