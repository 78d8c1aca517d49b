/// Moves a slot's edges to where a person would put them: a value starts after a label (`：`, a
/// newline, an opening quote or fence) and ends before a line break or closing mark. Two reviews that
/// both start with `质量` align as `评论：质量{{x}}`; the snapped template is `评论：{{review}}`.
///
/// ```swift
/// SlotBoundaries.snap([.fixed("评论：质量"), .slot(values: ["很好", "一般"], facts: [nil, nil])])
/// // [.fixed("评论："), .slot(values: ["质量很好", "质量一般"], …)]
/// ```
///
/// Only text of at most ``maximumMove`` characters moves, never past a delimiter; the end moves only
/// for an input (a slot after a label or at the start of its message), and a slot of facts
/// (`不超过{{number}}字`) keeps its edges.
enum SlotBoundaries {
    static let maximumMove = 8
    static let opening: Set<Character> = ["：", ":", "\n", "\"", "'", "“", "‘", "「", "『", "《", "【", "[", "(", "（", "<", ">", "`", "\t"]
    static let closing: Set<Character> = ["\n", "\"", "'", "”", "’", "」", "』", "》", "】", "]", ")", "）", "<", "`", "\t"]

    static func snap(_ segments: [MessageAlignment.Segment]) -> [MessageAlignment.Segment] {
        var result = segments
        for i in result.indices {
            guard case .slot(var values, let facts) = result[i], facts.contains(where: { $0 == nil }) else { continue }
            if i > 0, case .fixed(let text) = result[i - 1], let cut = text.lastIndex(where: opening.contains) {
                let tail = String(text[text.index(after: cut)...])
                if !tail.allSatisfy(\.isWhitespace), tail.count <= maximumMove {
                    result[i - 1] = .fixed(String(text[...cut]))
                    values = values.map { tail + $0 }
                }
            }
            let isInput: Bool = if i == 0 { true } else if case .fixed(let before) = result[i - 1] { GroupingRules.isLabel(before) } else { false }
            if isInput, i + 1 < result.count, case .fixed(let text) = result[i + 1] {
                let cut = text.firstIndex(where: closing.contains) ?? text.endIndex
                let head = String(text[..<cut])
                let endsMessage = i + 2 == result.count && cut == text.endIndex
                if !head.allSatisfy(\.isWhitespace), head.count <= maximumMove, cut != text.endIndex || endsMessage {
                    result[i + 1] = .fixed(String(text[cut...]))
                    values = values.map { $0 + head }
                }
            }
            result[i] = .slot(values: values, facts: facts)
        }
        return result.filter { if case .fixed(let text) = $0 { !text.isEmpty } else { true } }
    }
}
