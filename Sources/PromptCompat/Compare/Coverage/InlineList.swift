import Foundation

/// A list written inside a sentence: `含有牛奶、鸡蛋和花生`, `contains milk, eggs, and peanuts`. Its items are
/// short (a Chinese item at most 6 characters, an English one at most 3 words, neither with a digit: numbers
/// are the facts check's); the first item is the
/// end of the words before the first separator (`含有牛奶` → `牛奶` is what is looked for).
///
/// ```swift
/// InlineList.lists(in: "本品含有牛奶、鸡蛋和花生。").map(\.items)   // [["含有牛奶", "鸡蛋", "花生"]]
/// ```
struct InlineList: Equatable {
    var text: String
    var items: [String]

    static func lists(in text: String) -> [InlineList] {
        Clause.split(text).flatMap { lists(inClause: $0.text) }
    }

    /// Lists inside one clause: Chinese items between `、` (the last after 和/及/与/以及/或/或者), English items
    /// between `, ` (the last after `and`/`or`).
    static func lists(inClause clause: String) -> [InlineList] {
        if clause.contains("、") { return chinese(clause) }
        if clause.contains(", ") { return english(clause) }
        return []
    }

    static func chinese(_ clause: String) -> [InlineList] {
        var parts = clause.components(separatedBy: "、")
        guard parts.count >= 2 else { return [] }
        // The last part ends the list at a joining word or where the item would grow too long.
        var last = parts.removeLast()
        var tail: [String] = []
        for joiner in ["以及", "或者", "和", "及", "与", "或"] {
            if let range = last.range(of: joiner), last.distance(from: last.startIndex, to: range.lowerBound) <= 10 {
                tail = [String(last[..<range.lowerBound]), String(last[range.upperBound...])]
                break
            }
        }
        if tail.isEmpty { tail = [last] }
        last = tail.removeLast()
        parts += tail
        let final = String(last.prefix { !"等,，:：(（的".contains($0) })
        let items = (parts.map { String($0.suffix(6)) } + [final]).map { $0.trimming(.whitespaces) }
        guard items.count >= 3, items.allSatisfy({ !$0.isEmpty && $0.count <= 6 && !$0.contains(where: \.isNumber) }) else { return [] }
        return [InlineList(text: clause, items: items)]
    }

    static func english(_ clause: String) -> [InlineList] {
        var parts = clause.components(separatedBy: ", ")
        guard parts.count >= 3 || parts.last?.range(of: #"^(and|or) "#, options: .regularExpression) != nil
                || parts.last?.contains(" and ") == true else { return [] }
        var last = parts.removeLast()
        if let joined = last.range(of: #"^(?:and |or )|(?<= )(?:and|or) "#, options: .regularExpression) {
            let before = String(last[..<joined.lowerBound]).trimming(.whitespaces)
            if !before.isEmpty { parts.append(before) }
            last = String(last[joined.upperBound...])
        }
        let final = last.split(separator: " ").prefix(3).joined(separator: " ")
        let items = parts.enumerated().map { i, part in
            i == 0 ? part.split(separator: " ").suffix(2).joined(separator: " ") : part
        } + [final]
        guard items.count >= 3, items.allSatisfy({ !$0.isEmpty && $0.split(separator: " ").count <= 3 && !$0.contains(where: \.isNumber) }) else { return [] }
        return [InlineList(text: clause, items: items.map { $0.trimmingCharacters(in: .punctuationCharacters) })]
    }

    /// Whether `text` (as units) still names the item: its last unit, the head of a noun phrase in both
    /// languages (`牛奶`, `peanut`), or most of its units.
    static func names(_ item: String, in units: Set<String>) -> Bool {
        let own = ContentUnits.list(item)
        guard let head = own.last else { return true }
        return units.contains(head) || ContentUnits.coverage(of: Set(own), by: units) >= 0.5
    }
}

extension SubstituteCheck {
    /// An item of an inline list that every accepted sample names and the candidate does not, while the
    /// candidate names the rest of that list: "dropped the list item \"花生\" (of 牛奶、鸡蛋、花生)".
    public static let listItems = SubstituteCheck(name: "list") { input in
        guard input.expect.json != true else { return [] }
        let candidate = ContentUnits.of(input.candidate)
        let others = input.samples.dropFirst().map(ContentUnits.of)
        var findings: [String] = []
        for list in InlineList.lists(in: input.samples[0]) {
            let missing = list.items.filter { !InlineList.names($0, in: candidate) }
            guard !missing.isEmpty, missing.count * 2 < list.items.count else { continue }
            for item in missing where others.allSatisfy({ InlineList.names(item, in: $0) }) {
                findings.append("dropped the list item \"\(item)\" (of \(ClauseAlignment.quote(list.items.joined(separator: ", "))))")
            }
        }
        return Array(findings.prefix(3))
    }
}
