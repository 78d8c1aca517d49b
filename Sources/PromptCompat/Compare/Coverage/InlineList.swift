import Foundation

/// A list written inside a sentence: `含有牛奶、鸡蛋和花生`, `contains milk, eggs, and peanuts`. Its items are
/// short (a Chinese item at most 16 characters, an English one at most 10 words, not a bare number: numbers
/// are the facts check's); the first item starts after the clause's colon, else it is the end of the words
/// before the first separator, after the words that lead into the list (`本品含有牛奶` → `牛奶`).
///
/// ```swift
/// InlineList.lists(in: "本品含有牛奶、鸡蛋和花生。").map(\.items)   // [["牛奶", "鸡蛋", "花生"]]
/// ```
struct InlineList: Equatable {
    var text: String
    var items: [String]
    /// A list of lines or of `；` parts: its items are phrases a rewording may recast (slide titles, steps),
    /// so an item is missing only when the candidate has next to nothing of it (``mentions(_:in:characters:)``).
    var loose = false

    /// In Japanese `、` is a comma, not a list mark: a text with kana has no lists read this way. Besides the
    /// lists inside a clause: a line of short parts between `；` (`禁用：过敏者；孕妇；…`) and a run of short
    /// bullet lines (`- a commercial invoice,`).
    static func lists(in text: String) -> [InlineList] {
        guard !text.unicodeScalars.contains(where: { (0x3040...0x30FF).contains($0.value) }) else { return [] }
        let normalized = TextNormalizer.normalize(text)
        let clauses = Clause.split(text).map(\.text)
        var found: [InlineList] = []
        for (index, clause) in clauses.enumerated() {
            let own = lists(inClause: clause)
            found += own
            // 「A、B，还有C」: the last item after a comma and a joining word, in the next clause.
            if own.isEmpty, index + 1 < clauses.count, clause.unicodeScalars.contains("、"),
               listContinuations.contains(where: clauses[index + 1].hasPrefix) {
                // The item after the comma is a bare item, as short as the others (`还有免疫本`), not a new
                // thought (`还有问题可以随时问我`): at most twice the shortest item before it.
                found += chinese(clause + "," + clauses[index + 1]).filter { list in
                    list.items.count >= 3 && list.items.last!.count <= 2 * list.items.dropLast().map(\.count).min()!
                }
            }
        }
        return found + semicolonLists(normalized) + bulletLists(normalized)
    }

    /// Words that carry a Chinese list on past a comma (「A、B，还有C」, 「A、B，以及C」).
    static let listContinuations = ["还有", "以及"]

    /// A line whose parts between `;`/`；` (after its colon) are all short: each part an item.
    static func semicolonLists(_ text: String) -> [InlineList] {
        guard UTF8Search.contains(";", in: text) || UTF8Search.contains("；", in: text) else { return [] }
        return text.lines.compactMap { line -> InlineList? in
            guard line.contains(where: { $0 == ";" || $0 == "；" }) else { return nil }
            let body = line.lastIndex(where: { $0 == ":" || $0 == "：" }).map { line[line.index(after: $0)...] } ?? line[...]
            let items = body.split(whereSeparator: { $0 == ";" || $0 == "；" }).map { shortItem(String($0)) }.filter { !$0.isEmpty }
            return isList(items) ? InlineList(text: String(line), items: items, loose: true) : nil
        }
    }

    /// Three or more consecutive bullet or numbered lines, each a short item: the items of one list.
    static func bulletLists(_ text: String) -> [InlineList] {
        // Three lines need two line breaks (those ``StringProtocol/lines`` breaks at): a text with fewer has no list.
        var breaks = 0
        for scalar in text.unicodeScalars where (0x0A...0x0D).contains(scalar.value) || scalar.value == 0x85 || scalar.value == 0x2028 || scalar.value == 0x2029 {
            breaks += 1
            if breaks == 2 { break }
        }
        guard breaks == 2 else { return [] }
        var lists: [InlineList] = [], run: [String] = []
        func close() {
            let items = run.map(shortItem)
            if isList(items) { lists.append(InlineList(text: run.joined(separator: "\n"), items: items, loose: true)) }
            run = []
        }
        for line in text.lines.map({ $0.trimming(.whitespaces) }) {
            let stripped = Clause.strippingMarkers(line)
            if stripped != Clause.withoutEmphasis(line), !stripped.isEmpty { run.append(stripped) } else { close() }
        }
        close()
        return lists
    }

    /// An item without its aside, its joining word (`and`, `以及`) and its closing punctuation.
    static func shortItem(_ part: String) -> String {
        var item = withoutAsides(part).trimmingCharacters(in: .punctuationAndWhitespaces)
        for joiner in ["and ", "or ", "plus ", "以及", "及", "和", "或"] where item.hasPrefix(joiner) {
            item = String(item.dropFirst(joiner.count))
        }
        if let comma = item.firstIndex(where: { $0 == "," || $0 == "，" }), item.distance(from: item.startIndex, to: comma) >= 2 {
            item = String(item[..<comma])   // `- a Certificate of Origin, since you claim CUSMA`: the item is before the comma
        }
        return item.trimmingCharacters(in: .punctuationAndWhitespaces)
    }

    /// Three items at least, each short: a Chinese one at most 16 characters, another at most 10 words.
    static func isList(_ items: [String]) -> Bool {
        items.count >= 3 && items.allSatisfy { item in
            !item.isEmpty && (item.contains(where: \.isCJK) ? item.count <= 16 : item.split(separator: " ").count <= 10)
        }
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
        for joiner in [",还有", ",以及", "以及", "或者", "和", "及", "与", "或"] {
            if let range = last.range(of: joiner), last.distance(from: last.startIndex, to: range.lowerBound) <= 12 {
                tail = [String(last[..<range.lowerBound]), String(last[range.upperBound...])]
                break
            }
        }
        if tail.isEmpty { tail = [last] }
        last = tail.removeLast()
        parts += tail
        // The first item starts after the clause's colon (`携带：身份证…`) or an open bracket (`（身份证…`), not
        // one closed before the item ends (an aside: `单房差1200元（如需单住）`), else at most 8 characters back.
        let head = parts[0]
        let open = head.lastIndex(where: { "(（".contains($0) }).flatMap { at in head[at...].contains(where: { ")）".contains($0) }) ? nil : at }
        if let start = [open, head.lastIndex(where: { ":：".contains($0) })].compactMap({ $0 }).max() {
            parts[0] = String(head[head.index(after: start)...])
        } else {
            parts[0] = withoutLead(String(withoutAsides(head).suffix(8)))
        }
        let final = withoutSummingCount(String(last.prefix { !chineseItemEnds.contains($0) }))
        let items = (parts + [final]).map { withoutAsides($0).trimming(.whitespaces) }
        guard items.count >= 3, items.allSatisfy({ !$0.isEmpty && $0.count <= 16 }), fitsTheList(items) else { return [] }
        return [InlineList(text: clause, items: items)]
    }

    static func english(_ clause: String) -> [InlineList] {
        var parts = clause.components(separatedBy: ", ")
        // The list ends at its "and" when a clause follows: "wheat, milk, pistachio and almond, and it's made …".
        if let end = parts.indices.dropFirst().first(where: { i in
            i < parts.count - 1 && parts[i].split(separator: " ").contains("and") && parts[i + 1].hasPrefix("and ") && isClause(String(parts[i + 1].dropFirst(4)))
        }) {
            parts = Array(parts[...end])
        }
        // A sentence's opening phrase is not an item: "On your first day, bring A, B and C"; "Because the bill is
        // over $25, attach …".
        if parts.count >= 2, isOpening(parts[0]) { parts.removeFirst() }
        // "supporting documents, such as your receipt, emails … and the notice": the items are the examples, the
        // noun they illustrate is not one of them.
        for i in parts.indices.dropFirst() {
            let lowered = parts[i].lowercasedFast()
            guard let lead = exampleLeads.first(where: { lowered.hasPrefix($0) }) else { continue }
            parts = [String(parts[i].dropFirst(lead.count))] + parts[(i + 1)...]
            break
        }
        var last = parts.removeLast()
        // The last part: "and peanuts", or "eggs and peanuts" (joined by " and " / " or ").
        let words = last.split(separator: " ", omittingEmptySubsequences: false).map(String.init)
        // An English list joins its last item with "and" or "or": "milk, eggs, and peanuts".
        guard let joiner = words.firstIndex(where: { $0 == "and" || $0 == "or" }) else { return [] }
        let before = words[..<joiner].joined(separator: " ").trimming(.whitespaces)
        if !before.isEmpty { parts.append(before) }
        last = words[(joiner + 1)...].joined(separator: " ")
        // "…, and this one was due to weather": a subject after the last "and" starts a clause, not an item.
        guard !parts.isEmpty, !startsClause(last) else { return [] }
        // The list starts after the last colon before it (`Bring … (Mon–Fri, 8:30): proof of residency, …`).
        if let i = parts.lastIndex(where: { UTF8Search.contains(": ", in: $0) }), let colon = parts[i].range(of: ": ", options: .backwards) {
            parts = [String(parts[i][colon.upperBound...])] + parts[(i + 1)...]
        } else if let colon = parts[0].indices.last(where: { i in
            // Not the colon of 14:00, not a bracket closed before the list goes on (an aside).
            let rest = parts[0][parts[0].index(after: i)...]
            return parts[0][i] == "(" && !rest.contains(")") || parts[0][i] == ":" && rest.first?.isNumber != true
        }) { parts[0] = String(parts[0][parts[0].index(after: colon)...]) }
        parts = parts.map(withoutAsides)
        // The last item ends where the sentence goes on: a bracket, a dash, or a verb or preposition after it
        // ("and lighters can't go in checked baggage" → "lighters").
        let final = last.prefix { !"(;:—–".contains($0) }.split(separator: " ").prefix { !sentenceGoesOn.contains($0.lowercasedFast()) }.prefix(6).joined(separator: " ")
        let items = parts.enumerated().map { i, part in i == 0 ? firstItem(of: part) : part } + [final]
        // Parts that are clauses (a subordinator first, a form of "be" inside) make a sentence, not a list.
        guard items.count >= 3, items.allSatisfy({ !$0.isEmpty && $0.split(separator: " ").count <= 10 && !opensWithCourtesy($0) }),
              !items.contains(where: isClause), fitsTheList(items) else { return [] }
        return [InlineList(text: clause, items: items.map { $0.trimmingCharacters(in: .punctuationAndWhitespaces) })]
    }

    /// The first item of an English list: the last two words of the words before its first comma, three when
    /// the two start with a joining word (`18 or older`, not `or older`).
    static func firstItem(of part: String) -> String {
        let words = part.split(separator: " ")
        let two = words.suffix(2)
        guard let first = two.first, ["or", "and", "nor", "of", "to", "than"].contains(first.lowercased()) else { return two.joined(separator: " ") }
        return words.suffix(3).joined(separator: " ")
    }

    /// Words that open a list of examples after the noun they illustrate.
    static let exampleLeads = ["such as ", "including ", "e.g. ", "for example ", "like "]

    /// A part that opens with a courtesy phrase (`thanks for waiting`, `Hi Anna`) belongs to a greeting, not a
    /// list; one that only holds such a word (`a welcome drink at the bar`) may be an item.
    static func opensWithCourtesy(_ part: String) -> Bool {
        let lowered = part.lowercasedFast() + " "
        return CourtesyPhrases.isCourtesy(part) && CourtesyPhrases.courtesy.phrases.contains { lowered.hasPrefix($0) }
    }

    static let sentenceGoesOn: Set<String> = [
        "can't", "cannot", "can", "are", "is", "must", "should", "will", "may", "need", "needs", "have", "has", "were", "was", "do",
        "don't", "to", "for", "in", "on", "at", "with", "from", "-", "which", "that", "so", "because", "but", "if", "when",
    ]
    static let subordinators: Set<String> = ["if", "when", "unless", "because", "although", "while", "as", "which", "that", "who", "where", "since", "so", "but", "then"]
    static let beForms: Set<String> = [
        "is", "are", "was", "were", "been", "be", "will", "would", "can", "could", "has", "have", "had",
        "isn't", "aren't", "wasn't", "weren't", "won't", "can't", "couldn't", "hasn't", "haven't",
    ]

    static let pronouns: Set<String> = ["i", "you", "we", "they", "he", "she", "it", "there"]
    static let prepositions: Set<String> = [
        "on", "in", "at", "for", "after", "before", "during", "by", "within", "from", "upon", "once", "with", "without", "under", "over", "following",
    ]

    /// A first part that opens the sentence rather than starting its list: a clause led by a subordinator
    /// (`Because the bill is over $25`; `It contains wheat` holds the first item), or a phrase of three or four
    /// words led by a preposition (`On your first day`; `In Beijing` may be an item, `On Monday please bring a
    /// photo ID` holds one).
    static func isOpening(_ part: String) -> Bool {
        let words = part.lowercasedFast().split(separator: " ").map(String.init)
        guard let first = words.first else { return false }
        return subordinators.contains(first) || ((3...4).contains(words.count) && prepositions.contains(first))
    }

    /// Words that are a clause's subject when the last part starts with them: pronouns and demonstratives.
    static let subjects: Set<String> = ["i", "you", "we", "they", "he", "she", "it", "this", "that", "these", "those", "there"]

    /// Whether the words after a list's last "and" start a clause: a subject, then a form of "be" or a modal
    /// within three words ("this one was due to weather", "it can wait"); `this week's menu` or `those on
    /// leave` name things.
    static func startsClause(_ part: String) -> Bool {
        let words = part.lowercasedFast().split(separator: " ").map(String.init)
        guard let first = words.first, subjects.contains(first) else { return false }
        return words.dropFirst().prefix(3).contains { beForms.contains($0) || sentenceGoesOn.contains($0) && !["to", "for", "in", "on", "at", "with", "from", "-"].contains($0) }
    }

    /// A part with a subordinator first, a form of "be" or a modal after its first word, or a pronoun for its
    /// subject is a clause of a sentence, not an item of a list.
    static func isClause(_ item: String) -> Bool {
        let words = item.lowercasedFast().split(separator: " ").map(String.init)
        return words.first.map(subordinators.contains) == true || words.dropFirst().contains(where: beForms.contains)
            || words.first.map { pronouns.contains(String($0.prefix { $0 != "'" && $0 != "’" })) } == true
    }

    /// The last item runs to where the sentence goes on: one much longer than every other item has taken
    /// in the rest of the sentence (`千问、GLM、文心迁移方案全对比` is a title, not a list of three).
    static func fitsTheList(_ items: [String]) -> Bool {
        guard let final = items.last, let longest = items.dropLast().map(\.count).max() else { return false }
        return Double(final.count) <= 1.5 * Double(longest) + 2
    }

    /// A first item without the words that lead into the list: `可能与近期饮酒` → `近期饮酒`, `建议将冷库预冷` →
    /// `冷库预冷`, `如出现面部肿胀` → `面部肿胀` (the item is what follows 与, 将, 把, 出现, 包括, 含有, 带上, 携带).
    static func withoutLead(_ item: String) -> String {
        guard let lead = listLeads.compactMap({ item.range(of: $0, options: .backwards) }).max(by: { $0.upperBound < $1.upperBound }),
              item.distance(from: lead.upperBound, to: item.endIndex) >= 2 else { return item }
        return String(item[lead.upperBound...])
    }

    static let listLeads = ["与", "将", "把", "出现", "感到", "包括", "含有", "带上", "携带"]

    /// An item without a count after it: `水杯一个` → `水杯`, `换洗衣物两套` → `换洗衣物` (the head is the thing).
    static func withoutQuantity(_ item: String) -> String {
        RegexCache.replacing(#"[\d一二三四五六七八九十两]+[个条套双件张支只瓶盒袋份本台把片粒块]$"#, in: item, with: "")
    }

    /// The last item without the count that sums the list up after it: `乳制品四类过敏原` → `乳制品`,
    /// `退货运费3项` → `退货运费`. The count is a fact of its own; what was listed ends before it.
    static func withoutSummingCount(_ item: String) -> String {
        guard item.count > 3, item.contains(where: { "类种项样".contains($0) }) else { return item }
        return RegexCache.replacing(#"^(.{2,}?)[\d一二三四五六七八九十两几]+大?[类种项样].*$"#, in: item, with: "$1")
    }

    /// An item without its bracketed aside: `香水（液体类化妆品）` → `香水`.
    static func withoutAsides(_ item: String) -> String {
        RegexCache.replacing(#"[（(][^）)]*[）)]"#, in: item, with: "")
    }

    /// Whether `text` (as units) still names the item: its last unit, the head of a noun phrase in both
    /// languages (`牛奶`, `peanut`), or most of its units.
    static func names(_ item: String, in units: Set<ContentUnit>, headShared: @autoclosure () -> Bool = false) -> Bool {
        let own = ContentUnits.list(withoutQuantity(item))
        guard let head = own.last else { return true }
        // A Chinese noun phrase ends in its head (本人居民身份证原件 → 原件 is weak; 离职证明 → 证明); an English
        // one may run on after it (the model of the phone you last used), so there only the share decides. A
        // head another item of the list ends in too (产权证明, 出生医学证明) tells neither apart.
        let chinese = item.contains(where: \.isCJK)
        if chinese && units.contains(ContentUnit(head)) && !headShared() { return true }
        // Without its head, a Chinese item is named by half its units — two at least for a document, whose
        // last character says what it is: `行程` alone is not `行程单`.
        let ownUnits = Set(own.map(ContentUnit.init)), shared = ownUnits.filter(units.contains).count
        let document = chinese && item.last.map(documentHeads.contains) == true
        return ContentUnits.coverage(of: ownUnits, by: units) >= 0.5 && (!document || shared >= 2)
            || abbreviation(of: item).map { units.contains(ContentUnit($0)) } == true
    }

    /// Whether `text` writes a two-character Chinese item out in full, the usual way it is shortened (the
    /// first character of each half): `网银` as `网上银行`, `医保` as `医疗保险`.
    static func spelledOut(_ item: String, in text: String) -> Bool {
        let short = Array(item.unicodeScalars)
        guard short.count == 2, short.allSatisfy(Tokenizer.isCJK), text.unicodeScalars.contains(short[0]) else { return false }
        let scalars = Array(text.unicodeScalars)
        guard scalars.count >= 4 else { return false }
        return (0...(scalars.count - 4)).contains { i in
            scalars[i] == short[0] && scalars[i + 2] == short[1] && Tokenizer.isCJK(scalars[i + 1]) && Tokenizer.isCJK(scalars[i + 3])
        }
    }

    /// The last characters of Chinese document names (`行程单`, `身份证`, `申请表`, `委托书`, `银行卡`).
    static let documentHeads: Set<Character> = Set("单证表书卡函照件本册票")

    /// A four-character Chinese term shortened the usual way, by the first character of each half:
    /// `月度报告` → `月报`, `网上银行` → `网银`, `身份证件` → `身证` (which no text says: no harm).
    static func abbreviation(of item: String) -> String? {
        let characters = Array(item)
        guard characters.count == 4, characters.allSatisfy(\.isCJK) else { return nil }
        return String([characters[0], characters[2]])
    }
}

extension InlineList {
    /// Whether the candidate has something of `item`: a quarter of its units, or half its Chinese characters.
    static func mentions(_ item: String, in units: Set<ContentUnit>, characters: Set<UInt32>) -> Bool {
        if ContentUnits.coverage(of: ContentUnits.of(item), by: units) > 0.25 { return true }
        let own = ContentUnits.shared(item, with: characters)
        return own.of > 0 && Double(own.shared) >= 0.5 * Double(own.of)
    }

    /// Whether a text with `units` and `characters` still has `item` of this list.
    func keeps(_ item: String, units: Set<ContentUnit>, characters: Set<UInt32>) -> Bool {
        // A one-character Chinese item (`包`) is no two-character unit: the character itself is looked for.
        if item.unicodeScalars.count == 1, let scalar = item.unicodeScalars.first, Tokenizer.isCJK(scalar) { return characters.contains(scalar.value) }
        return loose ? Self.mentions(item, in: units, characters: characters) : Self.names(item, in: units, headShared: sharesHead(item))
    }

    /// Whether the candidate writes this list again with as many items or more, the `kept` ones among them and,
    /// for each item it lacks, one of its own in words the accepted answer (`units`, `characters`) never uses: a
    /// list that keeps its length in new words had an item reworded (`呼吸急促` said `气短`), not dropped
    /// (`身份证、居住证、照片` lost the 体检表 and took the 居住证 from elsewhere in the answer).
    func recast(in candidateLists: [InlineList], keeping kept: [String], accepted units: Set<ContentUnit>, characters: Set<UInt32>) -> Bool {
        let lacking = items.count - kept.count
        return candidateLists.contains { other in
            guard other.items.count >= items.count else { return false }
            let own = ContentUnits.of(other.items.joined(separator: "、")), ownCharacters = ContentUnits.cjkScalars(of: other.text)
            guard kept.allSatisfy({ keeps($0, units: own, characters: ownCharacters) }) else { return false }
            return other.items.filter { !Self.mentions($0, in: units, characters: characters) }.count >= lacking
        }
    }

    /// Whether another item of this list ends in the same unit as `item` (`产权证明` and `出生医学证明`).
    func sharesHead(_ item: String) -> Bool {
        guard let head = ContentUnits.list(Self.withoutQuantity(item)).last else { return false }
        return items.contains { $0 != item && ContentUnits.list(Self.withoutQuantity($0)).last == head }
    }
}

extension SubstituteCheck {
    /// An item of an inline list that every accepted sample names and the candidate does not, while the
    /// candidate names the rest of that list: "dropped the list item \"花生\" (of 牛奶、鸡蛋、花生)".
    public static let listItems = SubstituteCheck(name: "list") { input in
        guard input.expect.json != true else { return [] }
        let candidate = ContentUnits.of(input.candidate), characters = ContentUnits.cjkScalars(of: input.candidate)
        let others = input.samples.dropFirst().map { (ContentUnits.of($0), ContentUnits.cjkScalars(of: $0)) }
        var findings: [String] = []
        // A list of lines or `；` parts the candidate also writes, with as many items, is recast item by item.
        let candidateLists = InlineList.lists(in: input.candidate)
        let accepted = ContentUnits.of(input.samples[0]), acceptedCharacters = ContentUnits.cjkScalars(of: input.samples[0])
        let looseCounts = candidateLists.filter(\.loose).map(\.items.count)
        for list in InlineList.lists(in: input.samples[0]) where !(list.loose && looseCounts.contains { $0 >= list.items.count }) {
            // An item with a digit is a fact: the facts check compares it (1秒、2秒、4秒).
            let missing = list.items.filter { item in
                !item.contains(where: { $0.isASCII && $0.isNumber }) && !list.keeps(item, units: candidate, characters: characters)
                    && !InlineList.spelledOut(item, in: input.candidate)
            }
            guard !missing.isEmpty, missing.count * 2 < list.items.count,
                  !list.recast(in: candidateLists, keeping: list.items.filter { !missing.contains($0) }, accepted: accepted, characters: acceptedCharacters)
            else { continue }
            for item in missing where others.allSatisfy({ list.keeps(item, units: $0.0, characters: $0.1) }) {
                findings.append("dropped the list item \"\(item)\" (of \(ClauseAlignment.quote(list.items.joined(separator: ", "))))")
            }
        }
        return Array(findings.prefix(3))
    }
}
