import Foundation

extension SubstituteCheck {
    /// The shape changed in a way a consumer of the answer notices. Always: a one-line label became a
    /// sentence, a table became prose. When the prompt asks for "only" the answer: text added around it.
    /// When the prompt fixes a format (``FormatWords``): any shape change every accepted sample agrees on,
    /// except a list restyled (other markers, items split or merged) where the prompt does not count them;
    /// a list that became prose (or prose a list) and two lines that became one only where the prompt names
    /// a layout (一行, a list, per line), not where its format words fix how values are written (ISO format,
    /// uppercase).
    public static let format = SubstituteCheck(name: "format") { input in
        guard input.expect.json != true else { return [] }
        let samples = input.samples.map(ChineseListMarks.asDigits), candidate = ChineseListMarks.asDigits(TextNormalizer.normalize(input.candidate))
        // The same characters laid out on other lines (a reformatted SQL query) is the same answer. Both sides
        // are normalized, so the same characters are the same bytes (a byte compare, not a Unicode one).
        let squeezed = ByteKey(TextNormalizer.comparable(candidate).removingWhitespace)
        if samples.contains(where: { ByteKey(TextNormalizer.comparable($0).removingWhitespace) == squeezed }) { return [] }
        if let label = labelBecameSentence(samples, candidate) { return [label] }
        let tables = samples.map { MarkdownStructure.of($0).tables.first }
        if let table = tables.first ?? nil, tables.allSatisfy({ $0 != nil }), MarkdownStructure.of(candidate).tables.isEmpty {
            return ["was a \(table.rows)-row table, now \(FormatFeatures.form(FormatFeatures.shape(of: candidate)))"]
        }
        if FormatWords.asksForOnlyTheAnswer(input.instructions), let added = addedText(samples, candidate) { return [added] }
        guard FormatWords.fixesFormat(input.instructions) else { return [] }
        // "Output only the corrected text" asks for nothing around the answer, not for its line breaks: prose
        // laid out on other lines is a change only where the prompt names a layout (一行, per line, a list) —
        // "format" alone may fix how values are written ("Format rules: dates as YYYY-MM-DD").
        let layoutFixed = FormatWords.contains(input.instructions, FormatWords.layoutWords)
        let countFixed = PromptConstraints.read(input.instructions).fixesItemCount
        let perSample = samples.map { sample in
            FormatFeatures.differences(sample, candidate).filter { difference in
                // Prose laid out as a list, or back: only where the prompt names a layout, and not when the
                // lines stay the same lines with markers added.
                if isListProseChange(difference) { return layoutFixed && !sameLinesMarked(sample, candidate) }
                // Prose laid out as a table: as prose laid out as a list (a table that became prose is flagged above).
                if RegexCache.matches(#"^was prose, now a \d+-row table$"#, in: difference) { return layoutFixed }
                // A list laid out as a table: a row is a line too, so only a prompt that names a list or a table fixes it.
                if RegexCache.matches(#"^was a \d+-item (numbered|bulleted) list, now a \d+-row table$"#, in: difference) {
                    return FormatWords.contains(input.instructions, FormatWords.listOrTableWords)
                }
                // A list restyled (other markers, items split or merged): only a prompt that counts the items fixes it.
                if let change = listChange(difference) { return countFixed && change.count.was != change.count.now }
                return layoutFixed || !isLineCountChange(difference)
            }
        }
        // Counts may differ between samples ("was a 3-item list" / "was a 4-item list"): the change is the same.
        func shape(_ line: String) -> String { String(line.map { $0.isNumber ? "#" : $0 }) }
        return perSample[0].filter { line in perSample.allSatisfy { $0.map(shape).contains(shape(line)) } }
    }

    /// "was prose, now a 5-item bulleted list", "was a 4-item numbered list, now prose": the same text laid out
    /// as a list or as sentences, which only a prompt that names a layout fixes (`ISO format` fixes a date).
    static func isListProseChange(_ difference: String) -> Bool {
        RegexCache.matches(#"^was (prose|a \d+-item (numbered|bulleted) list), now (prose|a \d+-item (numbered|bulleted) list)$"#, in: difference)
            && UTF8Search.contains("prose", in: difference)
    }

    /// Three or more short lines without markers and a list of as many items: the same lines, marked
    /// (`周一｜19:30-20:30｜流瑜伽` → `- 周一 19:30-20:30 流瑜伽`), a heading line or not: the unmarked text
    /// has as many lines as the other has items, or a run of as many short lines (at most
    /// ``shortLine`` characters) as the other's longest run of items, and no item itself.
    static func sameLinesMarked(_ a: String, _ b: String) -> Bool {
        func read(_ text: String) -> (lines: Int, items: Int, longestItemRun: Int, longestShortRun: Int) {
            let lines = text.split(separator: "\n").map { String($0).trimming(.whitespaces) }.filter { !$0.isEmpty }
            var items = 0, itemRun = 0, shortRun = 0, longestItemRun = 0, longestShortRun = 0
            for line in lines {
                let marked = Clause.strippingMarkers(line) != Clause.withoutEmphasis(line)
                if marked { items += 1 }
                itemRun = marked ? itemRun + 1 : 0
                shortRun = line.count <= shortLine ? shortRun + 1 : 0
                longestItemRun = max(longestItemRun, itemRun)
                longestShortRun = max(longestShortRun, shortRun)
            }
            return (lines.count, items, longestItemRun, longestShortRun)
        }
        func marks(_ plain: String, _ listed: String) -> Bool {
            let x = read(plain), y = read(listed)
            guard x.items == 0, x.lines >= 3 else { return false }
            return y.items == x.lines || (y.longestItemRun >= 3 && x.longestShortRun >= y.longestItemRun)
        }
        return marks(a, b) || marks(b, a)
    }

    /// The longest line read as one line of a list written without markers (a timetable row, a dose).
    static let shortLine = 60

    /// "was one line, now 4 lines", "was 3 lines, now one line": prose on another number of lines.
    static func isLineCountChange(_ difference: String) -> Bool {
        RegexCache.matches(#"^was (one line|\d+ lines), now (one line|\d+ lines)$"#, in: difference)
    }

    /// Every sample is a short one-line label and the candidate says more than the label.
    static func labelBecameSentence(_ samples: [String], _ candidate: String) -> String? {
        let labels = samples.map(TextNormalizer.normalize)
        guard labels.allSatisfy({ !UTF8Search.containsCharacters("\n", in: $0) && !$0.isEmpty && $0.hasAtMostCharacters(FormatWords.labelLength) }),
              !labels.map(TextNormalizer.comparable).contains(TextNormalizer.comparable(candidate)),
              let longest = labels.map(\.characterCount).max(),
              UTF8Search.containsCharacters("\n", in: candidate) || candidate.characterCount > 2 * longest + 4
                || (labels.contains { UTF8Search.containsCharacters($0, in: candidate) } && candidate.characterCount >= longest + 3) else { return nil }
        return "was a one-line label (\"\(labels[0])\"), now \"\(candidate.replacingOccurrences(of: "\n", with: " ").prefix(40))\""
    }

    /// The candidate is much longer than every sample and has more lines: text around the answer.
    static func addedText(_ samples: [String], _ candidate: String) -> String? {
        let lengths = samples.map(TextNormalizer.length), lines = samples.map { TextNormalizer.normalize($0).split(separator: "\n").count }
        let candidateLines = candidate.split(separator: "\n")
        guard let longest = lengths.max(), let most = lines.max(),
              Double(candidate.count) > 1.5 * Double(longest) + 10, candidateLines.count > most else { return nil }
        return "adds text the prompt did not ask for (\(candidateLines.count) lines where the accepted answer has \(most))"
    }

    /// The item counts and kinds of a "was a N-item … list, now a M-item … list" difference.
    static func listChange(_ difference: String) -> (count: (was: Int, now: Int), kind: (was: Substring, now: Substring))? {
        let pattern = #"^was a (\d+)-item (numbered|bulleted) list, now a (\d+)-item (numbered|bulleted) list$"#
        guard RegexCache.matches(pattern, in: difference) else { return nil }
        let words = difference.split(separator: " ")   // was a N-item KIND list, now a M-item KIND list
        guard words.count == 10, let was = Int(words[2].prefix { $0.isNumber }), let now = Int(words[7].prefix { $0.isNumber }) else { return nil }
        return ((was, now), (words[3], words[8]))
    }
}

/// Words in a prompt that fix the answer's format, or ask for the answer and nothing else — data, matched
/// case-insensitively in the messages as sent. The messages carry the input too (a policy excerpt, a
/// document), so the English words are phrases an instruction uses ("as a list", "only the label"), not
/// words any text has ("list", "table", "only the").
public enum FormatWords {
    /// The longest answer (in characters) read as a label: `发票`, `negative`, `转人工`.
    static let labelLength = 16

    static let onlyTheAnswer = [
        "只输出", "只回复", "只返回", "仅输出", "只需输出", "不要解释", "不要任何解释", "不加解释", "无需解释", "不要其他",
        "output only", "only output", "only the answer", "only the label", "only the category", "only the json", "only the sql",
        "only the code", "only the translation", "only the result", "only the number", "only the name", "only the text",
        "keywords only", "one word", "nothing else", "no explanation", "return only", "respond with only", "reply with only",
    ]

    static let format = [
        // 编号 as numbering the answer (用编号列表, 按编号列出, “1. 2. 3.”编号), not an ID the input has (设备编号, 合同编号).
        "格式", "每行", "一行", "两行", "三行", "列表", "列出", "分点", "表格", "逗号分隔", "markdown",
        "用编号", "按编号", "加编号", "带编号", "”编号", "编号列", "编号步骤", "编号形式",
        "format", "bullet", "numbered", "as a list", "in a list", "markdown table", "as a table", "in a table", "one line", "per line",
        "comma-separated", "starting with",
    ]

    /// The format words that name a layout: lines, lists, tables — not "format" or "格式" alone, nor 列出
    /// ("列出全部过敏原" asks to name them all, not for a list).
    static let layout = format.filter { !["格式", "format", "列出"].contains($0) }

    public static func asksForOnlyTheAnswer(_ instructions: String) -> Bool { contains(instructions, onlyTheAnswerWords) }
    public static func fixesFormat(_ instructions: String) -> Bool { contains(withoutPermissions(instructions), formatOrOnlyWords) }

    /// A prompt that allows a layout ("可用Markdown", "可以分点", "you may use a table") fixes none: the permission is
    /// read out before the format words are looked for (by a regex only in a prompt with a permission word).
    static func withoutPermissions(_ instructions: String) -> String {
        guard permissionWords.contains(where: { UTF8Search.contains($0, in: instructions) }) else { return instructions }
        return RegexCache.replacing(#"(?i)(?:可以?(?:使?用)?|(?:may|can|feel free to) use)\s*(?:markdown|表格|列表|分点|分条|bullets?|a list|a table|tables|lists)"#, in: instructions, with: " ")
    }

    static let permissionWords = ["可用", "可以用", "可使用", "可以使用", "可分", "可以分", "may use", "can use", "free to use", "May use", "Can use"]
    /// The layout words that name a list or a table (not a line: a table's row is one).
    static let listOrTable = ["列表", "分点", "用编号", "按编号", "编号列", "表格", "bullet", "bullets", "bulleted", "bullet points", "numbered", "as a list", "in a list", "markdown table", "as a table", "in a table"]
    static let listOrTableWords = WordList(listOrTable)
    static let layoutWords = WordList(layout), onlyTheAnswerWords = WordList(onlyTheAnswer), formatOrOnlyWords = WordList(format + onlyTheAnswer)

    /// A word list split for ``contains(_:_:)``: the words that start with a Chinese (non-ASCII) character,
    /// matched anywhere, and the Latin ones, matched only whole — each kind searched in one pass.
    struct WordList: Sendable {
        let chinese: PhraseSet, latin: PhraseSet

        init(_ words: [String]) {
            chinese = PhraseSet(words.filter { $0.unicodeScalars.first.map { !$0.isASCII } ?? true })
            latin = PhraseSet(words.filter { $0.unicodeScalars.first.map(\.isASCII) ?? false })
        }
    }

    /// Chinese words anywhere; Latin words only whole ("information" does not hold "format"): no `a`–`z`
    /// or `0`–`9` right before or after, as the expression `(?<![a-z0-9])word(?![a-z0-9])` says. Each kind
    /// of word searched in one pass over the UTF-8 bytes (``PhraseSet``): the run calls this once a case.
    /// Chinese words are matched in the text's canonical composition (NFC), as Foundation's `contains` would.
    static func contains(_ text: String, _ words: WordList) -> Bool {
        let lowered = text.lowercasedFast()
        let whole = words.latin.occurs(in: lowered) { bytes, offset, length in
            (offset == 0 || !UTF8Search.isASCIIAlphanumeric(bytes[offset - 1]))
                && (offset + length == bytes.count || !UTF8Search.isASCIIAlphanumeric(bytes[offset + length]))
        }
        guard !whole, !words.chinese.isEmpty else { return whole }
        let composed = lowered.unicodeScalars.allSatisfy(TextNormalizer.isNFKCStable) ? lowered : lowered.precomposedStringWithCanonicalMapping
        return words.chinese.occurs(in: composed)
    }
}

/// A Chinese numbered list (`一、…`, `（二）…`, `（3）…`) is a numbered list: its marks are read here, for the
/// clause reader to drop them and for the format check to write them with digits (`1. `) before shapes are
/// compared, so `一、` → `1.` is a change of markers, not "prose became a list".
enum ChineseListMarks {
    static let ordinals: [Character: Int] = ["一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10]

    /// The number of a line's Chinese list mark and the text after it: `一、` and `十二、`, or a bracketed
    /// Chinese or Arabic number (`（二）`, `(3)`); nil for any other line.
    static func marker(_ line: Substring) -> (number: Int, rest: Substring)? {
        var body = line.drop { $0 == " " }
        let bracketed = body.first == "（" || body.first == "("
        if bracketed { body = body.dropFirst() }
        let digits = body.prefix { ordinals[$0] != nil || (bracketed && $0.isASCII && $0.isNumber) }
        guard (1...3).contains(digits.count), let mark = body.dropFirst(digits.count).first,
              bracketed ? (mark == "）" || mark == ")") : mark == "、" else { return nil }
        let number = Int(String(digits)) ?? chineseValue(digits)
        return (number, body.dropFirst(digits.count + 1).drop { $0 == " " })
    }

    /// 一 = 1, 十 = 10, 十二 = 12, 二十 = 20, 二十三 = 23.
    static func chineseValue(_ digits: Substring) -> Int {
        let values = digits.compactMap { ordinals[$0] }
        guard let ten = values.firstIndex(of: 10) else { return values.reduce(0) { $0 * 10 + $1 } }
        let tens = ten == 0 ? 1 : values[..<ten].reduce(0) { $0 * 10 + $1 }
        return tens * 10 + values[(ten + 1)...].reduce(0) { $0 * 10 + $1 }
    }

    static func asDigits(_ text: String) -> String {
        guard text.unicodeScalars.contains("、") || text.unicodeScalars.contains("（") || text.unicodeScalars.contains("(") else { return text }
        return text.split(separator: "\n", omittingEmptySubsequences: false).map { line -> String in
            guard let (number, rest) = marker(line) else { return String(line) }
            return "\(number). " + rest
        }.joined(separator: "\n")
    }
}
