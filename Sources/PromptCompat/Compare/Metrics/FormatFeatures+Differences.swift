extension FormatFeatures {
    /// How the shape changed, in words, most important first; empty when the shapes agree.
    ///
    /// - the overall form: "was bare JSON, now JSON inside prose", "was a 3-row table, now prose",
    ///   "was a 5-item numbered list, now a 4-item bulleted list";
    /// - table columns, headings, code languages (when the form did not change already): "table had 4
    ///   columns, now 3", "had 3 headings, now none", "code block was swift, now python";
    /// - lines, when the line kind changed or the count moved by half or more: "was one line, now 4 lines".
    ///
    /// ```swift
    /// FormatFeatures.differences("positive", "The sentiment is positive.\nReason: praise.")
    /// // ["was a single token, now 2 lines"]
    /// ```
    public static func differences(_ reference: String, _ candidate: String) -> [String] {
        let a = shape(of: reference), b = shape(of: candidate)
        var result: [String] = []
        let before = form(a), after = form(b)
        if before != after { result.append("was \(before), now \(after)") }
        if let x = a.markdown.tables.first, let y = b.markdown.tables.first, x.columns != y.columns {
            result.append("table had \(x.columns) columns, now \(y.columns)")
        }
        if a.markdown.headingCount != b.markdown.headingCount {
            result.append("had \(count(a.markdown.headingCount, "heading")), now \(b.markdown.headingCount == 0 ? "none" : String(b.markdown.headingCount))")
        }
        let languagesBefore = a.markdown.codeBlocks.map { $0.language ?? "without a language" }
        let languagesAfter = b.markdown.codeBlocks.map { $0.language ?? "without a language" }
        if before == after, let x = languagesBefore.first, let y = languagesAfter.first, x != y {
            result.append("code block was \(x), now \(y)")
        }
        if a.lines != b.lines || ratio(a.lineCount, b.lineCount) <= 0.5 {
            let linesBefore = lines(a), linesAfter = lines(b)
            // A one-word label said in two or three words (`Refund` / `Full refund`) keeps its shape.
            let labelWorded = [a.lines, b.lines].contains(.singleToken) && isShortLabel(reference) && isShortLabel(candidate)
            if linesBefore != linesAfter, !labelWorded { result.append("was \(linesBefore), now \(linesAfter)") }
        }
        return result
    }

    /// One line of at most three words and 24 characters, without a sentence's punctuation: a label.
    static func isShortLabel(_ text: String) -> Bool {
        let trimmed = text.trimming(.whitespacesAndNewlines)
        return !trimmed.isEmpty && trimmed.count <= 24 && !trimmed.contains(where: { $0.isNewline || ",.;:!?，。；：！？".contains($0) })
            && trimmed.split(separator: " ").count <= 3
    }

    /// The overall form, by priority: JSON, table, list, code, prose.
    static func form(_ shape: Shape) -> String {
        let markdown = shape.markdown
        switch shape.json {
        case .bare?: return "bare JSON"
        case .fenced?: return "JSON in a code fence"
        case .prose?: return "JSON inside prose"
        case nil: break
        }
        if markdown.tables.count > 1 { return "\(markdown.tables.count) tables" }
        if let table = markdown.tables.first { return "a \(table.rows)-row table" }
        if markdown.numberedItems > 0, markdown.numberedItems >= markdown.bulletedItems {
            return "a \(markdown.numberedItems)-item numbered list"
        }
        if markdown.bulletedItems > 0 { return "a \(markdown.bulletedItems)-item bulleted list" }
        if markdown.codeBlocks.count > 1 { return "\(markdown.codeBlocks.count) code blocks" }
        if let code = markdown.codeBlocks.first { return code.language.map { "a \($0) code block" } ?? "a code block" }
        return shape.lines == .empty ? "empty" : "prose"
    }

    static func lines(_ shape: Shape) -> String {
        switch shape.lines {
        case .empty: "empty"
        case .singleToken: "a single token"
        case .singleLine: "one line"
        case .multiLine: "\(shape.lineCount) lines"
        }
    }

    static func count(_ n: Int, _ noun: String) -> String {
        n == 1 ? "1 \(noun)" : "\(n) \(noun)s"
    }
}
