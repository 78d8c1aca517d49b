import Foundation

extension ImportPlan.PromptFile {
    /// The template with its slots marked and two example fills, so a person can check a grouping
    /// before it is written (`--dry-run`):
    ///
    /// ```
    ///     system:   你是电商平台的评论分析助手。
    ///     user:     请判断下面这条商品评论的情感倾向，只输出"正面"、"负面"或"中性"。\n评论：{{review}}
    ///     e.g. case-001 (line 1): review = "衣服面料很舒服，尺码也标准，已经回购第二件了"
    ///          case-002 (line 5): review = "快递整整走了九天，外包装都压扁了，里面的杯子裂了一道缝，联系客服…"
    /// ```
    ///
    /// Newlines show as `\n`; fixed text longer than ``longText`` characters and values longer than
    /// ``longValue`` are shortened with `…`.
    public func preview(indent: String = "    ") -> [String] {
        var lines = messages.map { message in
            "\(indent)\(message.role.rawValue):\(String(repeating: " ", count: max(1, 9 - message.role.rawValue.count)))" + Self.shortenedTemplate(message.content)
        }
        guard !variables.isEmpty else { return lines }
        for (n, values) in values.prefix(2).enumerated() {
            let fills = variables.compactMap { name in values[name].map { "\(name) = \"\(Self.shortened(Self.oneLine($0), to: Self.longValue))\"" } }
            let source = n < addedCases.count ? "\(addedCases[n].name) (line \(addedCases[n].source.line))" : "case \(n + 1)"
            lines.append(indent + (n == 0 ? "e.g. " : "     ") + source + ": " + fills.joined(separator: "; "))
        }
        return lines
    }

    static let longText = 90
    static let longValue = 40

    /// The template on one line, each fixed run between `{{variables}}` shortened in its middle.
    static func shortenedTemplate(_ template: String) -> String {
        var out = ""
        var rest = Substring(template)
        while let open = rest.range(of: "{{"), let close = rest[open.upperBound...].range(of: "}}") {
            out += middleShortened(oneLine(String(rest[..<open.lowerBound])))
            out += rest[open.lowerBound..<close.upperBound]
            rest = rest[close.upperBound...]
        }
        return out + middleShortened(oneLine(String(rest)))
    }

    static func oneLine(_ text: String) -> String {
        text.replacingOccurrences(of: "\r", with: "").replacingOccurrences(of: "\n", with: "\\n")
    }

    static func shortened(_ text: String, to limit: Int) -> String {
        text.count <= limit ? text : String(text.prefix(limit)) + "…"
    }

    /// The start and end of a long text, `…` between.
    static func middleShortened(_ text: String) -> String {
        guard text.count > longText else { return text }
        return String(text.prefix(longText - 25)) + " … " + String(text.suffix(20))
    }
}
