import Foundation

/// Reads the labels a prompt allows: quoted options in a sentence that asks for one (`只能回答“是”或“否”`,
/// `output one of "billing", "shipping"`), a list after a label word (`类别：物流、退款、发票、其他`,
/// `Categories: billing, shipping, other`), slash-separated options (`positive/negative/neutral`), and
/// yes/no questions (`回答是或否`, `answer yes or no`). Empty when the prompt names none.
enum LabelSetReader {
    static let cues: PhraseSet = [
        "只能", "之一", "其中", "选择", "选项", "输出", "回答", "返回", "标签", "类别", "分类", "判断", "取值", "结果为",
        "one of", "either", "answer with", "respond with", "reply with", "output", "label", "category", "categories",
        "classify", "choose", "select", "return",
    ]

    /// Words that give the options as examples, or let the answer word them its own way.
    static let examples = PhraseSet([
        "如“", "如\"", "如「", "例如", "比如", "譬如", "诸如", "举例", "e.g.", "for example", "for instance", "such as",
    ] + ConstraintWords.freeWording.phrases)
    /// Words that hold the answer to the options named, examples or not.
    static let restrictive: PhraseSet = ["只能", "之一", "仅限", "只可", "必须是", "必须为", "one of", "only", "must be", "exactly"]

    static let sentenceEnds = Set("。\n;；!！?？".unicodeScalars)

    static func labels(in text: String) -> [String] {
        for sentence in text.splitting(on: sentenceEnds).map(String.init) {
            let lowered = sentence.lowercasedFast()
            if let yesNo = yesNo(lowered) { return yesNo }
            guard cues.occurs(in: lowered) else { continue }
            // Options given as examples (`用简短的短语回答（如“有退款诉求”或“无退款诉求”，表述可不同）`, "e.g.
            // billing or shipping") are wordings, not a fixed set, unless the sentence restricts the answer to them.
            if examples.occurs(in: lowered) && !restrictive.occurs(in: lowered) { continue }
            if let quoted = quotedOptions(sentence), quoted.count >= 2 { return quoted }
            if let listed = listAfterColon(sentence), listed.count >= 2 { return listed }
            if let slashed = slashOptions(sentence), slashed.count >= 2 { return slashed }
            if let capitals = capitalOptions(sentence) { return capitals }
        }
        return []
    }

    static let quotes = #"[“"「『'‘`]([^“”"「」『』'‘’`\n]{1,16})[”"」』'’`]"#

    static func quotedOptions(_ sentence: String) -> [String]? {
        let found = matches(quotes, in: sentence).map { $0.trimming(.whitespaces) }.filter { !$0.isEmpty }
        return found.count >= 2 ? found : nil
    }

    static func listAfterColon(_ sentence: String) -> [String]? {
        guard let colon = sentence.firstIndex(where: { $0 == ":" || $0 == "：" }) else { return nil }
        let head = sentence[..<colon].lowercasedFast()
        guard ["类别", "标签", "分类", "选项", "可选", "取值", "类型", "categories", "labels", "options", "classes", "label", "category", "one of"].contains(where: { UTF8Search.containsCharacters($0, in: head) }) else { return nil }
        let items = sentence[sentence.index(after: colon)...]
            .components(separatedBy: CharacterSet(charactersIn: "、，,/|"))
            .flatMap { $0.components(separatedBy: " or ") }.flatMap { $0.components(separatedBy: "或") }
            // The sentence's own full stop is not part of its last label (`COMPLIANT or NON-COMPLIANT.`).
            .map { $0.trimming(.whitespaces).trimmingCharacters(in: CharacterSet(charactersIn: "“”\"「」'`()（）[]【】.。")) }
            .filter { !$0.isEmpty }
        guard (2...12).contains(items.count), items.allSatisfy({ $0.count <= 16 && $0.split(separator: " ").count <= 3 }) else { return nil }
        return items
    }

    static func slashOptions(_ sentence: String) -> [String]? {
        // Only a group with a `/` or `|` is kept below: a sentence without either has none.
        guard UTF8Search.contains("/", in: sentence) || UTF8Search.contains("|", in: sentence) else { return nil }
        let found = matches(#"([\p{L}\p{N}_-]{1,16}(?:\s*[/|]\s*[\p{L}\p{N}_-]{1,16}){1,8})"#, in: sentence)
            .filter { $0.contains("/") || $0.contains("|") }
        guard let group = found.first else { return nil }
        let items = group.components(separatedBy: CharacterSet(charactersIn: "/|")).map { $0.trimming(.whitespaces) }
        // `and/or`, `是/否` read as options only with a cue word in the sentence, which `labels(in:)` checked.
        return items.count >= 2 && !items.contains(where: { $0.allSatisfy(\.isNumber) }) ? items : nil
    }

    /// Options written in capitals and joined by `or` or commas (`output ELIGIBLE or NOT ELIGIBLE only`,
    /// `LOW, MEDIUM or HIGH`): one to three capitalized words each (read case-sensitively: `(?-i)`).
    static func capitalOptions(_ sentence: String) -> [String]? {
        guard sentence.utf8.contains(where: { (0x41...0x5A).contains($0) }) else { return nil }
        let option = #"[A-Z][A-Z_-]+(?: [A-Z][A-Z_-]+){0,2}"#
        guard let group = matches(#"(?-i)\b(\#(option)(?:(?:,\s*(?:or\s+)?|\s+or\s+)\#(option))+)\b"#, in: sentence).first else { return nil }
        let items = group.components(separatedBy: ",").flatMap { $0.components(separatedBy: " or ") }
            .map { $0.trimming(.whitespaces) }.map { $0.hasPrefix("or ") ? String($0.dropFirst(3)) : $0 }.filter { !$0.isEmpty }
        return items.count >= 2 ? items : nil
    }

    static func yesNo(_ lowered: String) -> [String]? {
        // The expressions below only where their words are: a byte search first, then the regex.
        let chinese = UTF8Search.contains("是", in: lowered) && UTF8Search.contains("否", in: lowered)
        let english = UTF8Search.contains("yes", in: lowered) || UTF8Search.contains("true", in: lowered)
        guard chinese || english else { return nil }
        if RegexCache.matches(#"(回答|输出|返回|判断)[^,，]{0,8}?是\s*(或|还是|/)\s*否"#, in: lowered) { return ["是", "否"] }
        if RegexCache.matches(#"(answer|reply|respond|output|return)[^,.]{0,12}?\byes\s*(or|/)\s*no\b"#, in: lowered) { return ["yes", "no"] }
        if RegexCache.matches(#"\btrue\s*(or|/)\s*false\b"#, in: lowered) { return ["true", "false"] }
        return nil
    }

    static func matches(_ pattern: String, in text: String) -> [String] {
        let regex = RegexCache.compiled(pattern)
        let ns = text as NSString
        return regex.matches(in: text, range: NSRange(location: 0, length: ns.length)).map {
            ns.substring(with: $0.numberOfRanges > 1 ? $0.range(at: 1) : $0.range)
        }
    }
}
