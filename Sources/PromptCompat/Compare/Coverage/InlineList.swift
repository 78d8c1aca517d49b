import Foundation

/// A list written inside a sentence: `含有牛奶、鸡蛋和花生`, `contains milk, eggs, and peanuts`. Its items are
/// short (a Chinese item at most 16 characters, an English one at most 10 words, not a bare number: numbers
/// are the facts check's); the first item starts after the clause's colon, else it is the end of the words
/// before the first separator (`本品含有牛奶`: its head `牛奶` is what is looked for).
///
/// ```swift
/// InlineList.lists(in: "本品含有牛奶、鸡蛋和花生。").map(\.items)   // [["含有牛奶", "鸡蛋", "花生"]]
/// ```
struct InlineList: Equatable {
    var text: String
    var items: [String]

    /// In Japanese `、` is a comma, not a list mark: a text with kana has no lists read this way.
    static func lists(in text: String) -> [InlineList] {
        guard !text.unicodeScalars.contains(where: { (0x3040...0x30FF).contains($0.value) }) else { return [] }
        return Clause.split(text).flatMap { lists(inClause: $0.text) }
    }

    /// Lists inside one clause: Chinese items between `、` (the last after 和/及/与/以及/或/或者), English items
    /// between `, ` (the last after `and`/`or`).
    static func lists(inClause clause: String) -> [InlineList] {
        if clause.unicodeScalars.contains("、") { return chinese(clause) }
        if UTF8Search.contains(", ", in: clause) { return english(clause) }
        return []
    }

    /// Where a Chinese list's last item ends: a joining or closing word after it (`等`, `都`, `均`, `也`).
    static let chineseItemEnds: Set<Character> = Set("等都均也是为在将会已,，:：(（")

    static func chinese(_ clause: String) -> [InlineList] {
        var parts = clause.components(separatedBy: "、")
        guard parts.count >= 2 else { return [] }
        // The last part ends the list at a joining word or where the item would grow too long.
        var last = parts.removeLast()
        var tail: [String] = []
        for joiner in ["以及", "或者", "和", "及", "与", "或"] {
            if let range = last.range(of: joiner), last.distance(from: last.startIndex, to: range.lowerBound) <= 12 {
                tail = [String(last[..<range.lowerBound]), String(last[range.upperBound...])]
                break
            }
        }
        if tail.isEmpty { tail = [last] }
        last = tail.removeLast()
        parts += tail
        // The first item starts after the clause's colon (`携带：身份证…`), else at most 8 characters back.
        if let colon = parts[0].lastIndex(where: { ":：(（".contains($0) }) {
            parts[0] = String(parts[0][parts[0].index(after: colon)...])
        } else {
            parts[0] = String(parts[0].suffix(8))
        }
        let final = String(last.prefix { !chineseItemEnds.contains($0) })
        let items = (parts + [final]).map { withoutAsides($0).trimming(.whitespaces) }
        guard items.count >= 3, items.allSatisfy({ !$0.isEmpty && $0.count <= 16 }), fitsTheList(items) else { return [] }
        return [InlineList(text: clause, items: items)]
    }

    static func english(_ clause: String) -> [InlineList] {
        var parts = clause.components(separatedBy: ", ")
        var last = parts.removeLast()
        // The last part: "and peanuts", or "eggs and peanuts" (joined by " and " / " or ").
        let words = last.split(separator: " ", omittingEmptySubsequences: false).map(String.init)
        // An English list joins its last item with "and" or "or": "milk, eggs, and peanuts".
        guard let joiner = words.firstIndex(where: { $0 == "and" || $0 == "or" }) else { return [] }
        let before = words[..<joiner].joined(separator: " ").trimming(.whitespaces)
        if !before.isEmpty { parts.append(before) }
        last = words[(joiner + 1)...].joined(separator: " ")
        guard !parts.isEmpty else { return [] }
        if let colon = parts[0].lastIndex(where: { $0 == ":" || $0 == "(" }) { parts[0] = String(parts[0][parts[0].index(after: colon)...]) }
        // The last item ends where the sentence goes on: a bracket, a dash, or a verb or preposition after it
        // ("and lighters can't go in checked baggage" → "lighters").
        let final = last.prefix { !"(;:—–".contains($0) }.split(separator: " ").prefix { !sentenceGoesOn.contains($0.lowercased()) }.prefix(6).joined(separator: " ")
        let items = parts.enumerated().map { i, part in
            i == 0 ? part.split(separator: " ").suffix(2).joined(separator: " ") : part
        } + [final]
        // Parts that are clauses (a subordinator first, a form of "be" inside) make a sentence, not a list.
        guard items.count >= 3, items.allSatisfy({ !$0.isEmpty && $0.split(separator: " ").count <= 10 && !CourtesyPhrases.isCourtesy($0) }),
              !items.contains(where: isClause), fitsTheList(items) else { return [] }
        return [InlineList(text: clause, items: items.map { $0.trimmingCharacters(in: .punctuationCharacters.union(.whitespaces)) })]
    }

    static let sentenceGoesOn: Set<String> = [
        "can't", "cannot", "can", "are", "is", "must", "should", "will", "may", "need", "needs", "have", "has", "were", "was", "do",
        "don't", "to", "for", "in", "on", "at", "with", "from", "-", "which", "that", "so", "because", "but", "if", "when",
    ]
    static let subordinators: Set<String> = ["if", "when", "unless", "because", "although", "while", "as", "which", "that", "who", "where", "since", "so", "but", "then"]
    static let beForms: Set<String> = ["is", "are", "was", "were", "been", "be", "will", "would", "can", "could", "has", "have", "had"]

    static let pronouns: Set<String> = ["i", "you", "we", "they", "he", "she", "it", "there"]

    /// A part with a subordinator first, a form of "be" or a modal after its first word, or a pronoun for its
    /// subject is a clause of a sentence, not an item of a list.
    static func isClause(_ item: String) -> Bool {
        let words = item.lowercased().split(separator: " ").map(String.init)
        return words.first.map(subordinators.contains) == true || words.dropFirst().contains(where: beForms.contains)
            || words.contains(where: pronouns.contains)
    }

    /// The last item runs to where the sentence goes on: one much longer than every other item has taken
    /// in the rest of the sentence (`千问、GLM、文心迁移方案全对比` is a title, not a list of three).
    static func fitsTheList(_ items: [String]) -> Bool {
        guard let final = items.last, let longest = items.dropLast().map(\.count).max() else { return false }
        return Double(final.count) <= 1.5 * Double(longest) + 2
    }

    /// An item without a count after it: `水杯一个` → `水杯`, `换洗衣物两套` → `换洗衣物` (the head is the thing).
    static func withoutQuantity(_ item: String) -> String {
        item.replacingOccurrences(of: #"[\d一二三四五六七八九十两]+[个条套双件张支只瓶盒袋份本台把片粒块]$"#, with: "", options: .regularExpression)
    }

    /// An item without its bracketed aside: `香水（液体类化妆品）` → `香水`.
    static func withoutAsides(_ item: String) -> String {
        item.replacingOccurrences(of: #"[（(][^）)]*[）)]"#, with: "", options: .regularExpression)
    }

    /// Whether `text` (as units) still names the item: its last unit, the head of a noun phrase in both
    /// languages (`牛奶`, `peanut`), or most of its units.
    static func names(_ item: String, in units: Set<String>) -> Bool {
        let own = ContentUnits.list(withoutQuantity(item))
        guard let head = own.last else { return true }
        // A Chinese noun phrase ends in its head (本人居民身份证原件 → 原件 is weak; 离职证明 → 证明); an English
        // one may run on after it (the model of the phone you last used), so there only the share decides.
        let chinese = item.contains(where: \.isCJK)
        return (chinese && units.contains(head)) || ContentUnits.coverage(of: Set(own), by: units) >= 0.5
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
            // An item with a digit is a fact: the facts check compares it (1秒、2秒、4秒).
            let missing = list.items.filter { !$0.contains(where: { $0.isASCII && $0.isNumber }) && !InlineList.names($0, in: candidate) }
            guard !missing.isEmpty, missing.count * 2 < list.items.count else { continue }
            for item in missing where others.allSatisfy({ InlineList.names(item, in: $0) }) {
                findings.append("dropped the list item \"\(item)\" (of \(ClauseAlignment.quote(list.items.joined(separator: ", "))))")
            }
        }
        return Array(findings.prefix(3))
    }
}
