import Foundation

extension SubstituteCheck {
    /// Facts (numbers, dates, amounts, identifiers, contacts) every accepted sample states and the
    /// candidate does not: "dropped the code 20240709", or "changed the amount ¥299 → ¥199" when the
    /// replacement is obvious.
    /// Numbers written as words count as their digits on both sides (``NumberWords``: 百分之十五 = 15%).
    public static let facts = SubstituteCheck(name: "facts") { input in
        let samples = input.samples.map(FactText.of), candidate = FactText.of(input.candidate)
        // Facts of the first sample that another accepted sample leaves out are the baseline's own variation.
        var optional = samples.dropFirst().reduce(into: Set<String>()) { $0.formUnion(FactsPreserved.missing(samples[0], $1)) }
        // A single digit (1秒, [2], "3 steps") is too often reworded (一秒, 三步) to hold an answer to.
        optional.formUnion(FactsPreserved.facts(in: samples[0]).filter { $0.kind == .number && $0.value.count == 1 }.map(\.text))
        // A bare count the accepted answer chose itself (12 reps, 0.5 hours in a plan) is its wording, not a fact
        // of the input: with the whole prompt at hand, a bare number it does not state is not required. Amounts,
        // dates, percentages and codes stay required even when derived (a quote's total).
        // A value the user's own question states (`can I bring my bike at 8am on Saturday?`) is theirs already:
        // repeating it is courtesy, not a fact owed.
        let prompt = input.wholePrompt ? FactText.of(input.instructions) : nil
        if let prompt {
            let stated = FactsPreserved.presentKeys(in: prompt)
            let asked = FactsPreserved.presentKeys(in: FactText.of(askedSentences(of: input.instructions)))
            optional.formUnion(FactsPreserved.facts(in: samples[0]).filter { fact in
                fact.kind == .number && !stated.contains(fact.key) || asked.contains(fact.key)
            }.map(\.text))
        }
        // `Q1：` / `A1：` number the accepted answer's lines; a candidate may label them `Q：` / `A：`.
        optional.formUnion(LineLabels.codes(in: samples[0]))
        // The working the accepted answer shows for a result the candidate keeps (`500 × $0.09 = $45.00`).
        optional.formUnion(ShownWorking.operands(in: samples[0], keptBy: FactsPreserved.presentKeys(in: candidate)))
        // A figure the accepted answer works out in brackets or as a share's base, that the candidate's own
        // figures give (`(£120 for both)` where the candidate says `£60 … for each lot`).
        optional.formUnion(ShownWorking.intermediates(in: samples[0], derivedFrom: [candidate] + (prompt.map { [$0] } ?? [])))
        optional.formUnion(ShownWorking.subtotals(in: samples[0], candidate: candidate))
        let missing = FactsPreserved.missingFacts(samples[0], candidate).filter { !optional.contains($0.text) && !saysNothing($0, samples[0], candidate) && !saysAsShare($0, candidate) }
        guard !missing.isEmpty else { return [] }
        let changes = FactsPreserved.changed(samples[0], candidate).filter { change in missing.contains { $0.text == change.reference } }
        let changed = Set(changes.map(\.reference))
        if changes.isEmpty, missing.count == 1, isIncidental(missing[0], samples[0], candidate) { return [] }
        let kinds = Dictionary(missing.map { ($0.text, FactWords.name(of: $0)) }, uniquingKeysWith: { first, _ in first })
        return changes.map { "changed the \(kinds[$0.reference] ?? "value") \($0.reference) → \($0.candidate)" }
            + missing.filter { !changed.contains($0.text) }.map { "dropped the \(FactWords.name(of: $0)) \($0.text)" }
    }

    /// A zero amount the candidate words as nothing: `$0 deductible` as `no deductible`, `0元` as `免费`.
    static func saysNothing(_ fact: Fact, _ accepted: String, _ candidate: String) -> Bool {
        guard fact.kind == .amount, fact.value == "0" || fact.value.hasSuffix(" 0") else { return false }
        if nothingWords.occurs(in: candidate) { return true }
        guard let range = accepted.range(of: fact.text) else { return false }
        let noun = accepted[range.upperBound...].drop { $0 == " " }.prefix { $0.isLetter }
        return !noun.isEmpty && UTF8Search.contains("no \(noun.lowercased())", in: candidate.lowercasedFast())
    }

    /// A percentage the candidate words as the share it is: 50% as `half` or `一半`, 25% as `a quarter`.
    static func saysAsShare(_ fact: Fact, _ candidate: String) -> Bool {
        guard fact.kind == .percentage, let words = shareWords[fact.value] else { return false }
        return words.occurs(in: " " + candidate.lowercasedFast() + " ")
    }

    /// Shares in words, by the percentage they are (English words with the spaces around them).
    static let shareWords: [String: PhraseSet] = [
        "50%": [" half ", " half-", "一半", "半数", "减半"],
        "25%": [" a quarter ", " one quarter ", " one-quarter ", "四分之一"],
        "75%": [" three quarters ", " three-quarters ", "四分之三"],
    ]

    /// Chinese for "costs nothing". (English `free` is too often `feel free`: there the noun must follow `no`.)
    static let nothingWords: PhraseSet = ["免费", "不收费", "免收", "无需付费", "不用付费", "不要钱", "不收钱"]

    /// The prompt's questions: its sentences (ended by `。！？!?`, a line break, or a full stop before a
    /// space) that end with `?` or `？`, each on its own line.
    static func askedSentences(of prompt: String) -> String {
        guard UTF8Search.contains("?", in: prompt) || UTF8Search.contains("？", in: prompt) else { return "" }
        var asked = "", sentence = "", previous: Character = " "
        for character in prompt {
            if previous == ".", character == " " { sentence = "" }
            previous = character
            sentence.append(character)
            guard "。！？!?\n".contains(character) else { continue }
            if character == "?" || character == "？" { asked += sentence.trimming(.whitespaces) + "\n" }
            sentence = ""
        }
        return asked
    }

    /// A lone bare number or short code (`30`, `5G`, `8am`) left out of a free rewording that states every
    /// other fact of the accepted answer — two at least — is how a rewording says the same thing ("doubled to 60
    /// days" for "60 days instead of 30", "split equally" for "50:50", "this plan" for "the 5G plan"). An
    /// amount, a date, a percentage, a contact or a long identifier is never incidental, and neither is a
    /// number dropped from a close copy, where everything else was kept word for word.
    static func isIncidental(_ fact: Fact, _ accepted: String, _ candidate: String) -> Bool {
        guard fact.kind == .number || (fact.kind == .identifier && fact.text.count <= 4) else { return false }
        let kept = FactsPreserved.distinct(FactsPreserved.facts(in: accepted)).count - 1
        guard kept >= 2 else { return false }
        return ContentUnits.coverage(of: ContentUnits.of(accepted), by: ContentUnits.of(candidate)) < 0.8
    }

    /// For JSON answers (`expect.json`, or every accepted sample is bare JSON): JSON missing or wrapped
    /// differently, keys missing or added, types changed, and non-text values changed. Text values may be
    /// reworded; a short text value (a code, a date, a label) may not. Arrays are sets unless the prompt
    /// fixes an order (``PromptConstraints/fixesOrder``): a reordered list of tags is no change.
    public static let json = SubstituteCheck(name: "json") { input in
        let samples = input.samples, candidate = input.candidate, expect = input.expect
        let accepted = samples.map { JSONComparison.extract(from: $0) }
        let wrappings = Set(accepted.map { $0?.wrapping })
        guard expect.json == true || wrappings == [.bare] else { return [] }
        // With `expect.json` the assertion already says "is not valid JSON".
        guard let found = JSONComparison.extract(from: candidate) else { return expect.json == true ? [] : ["no JSON in the answer any more"] }
        var findings: [String] = []
        if wrappings.count == 1, let before = wrappings.first ?? nil, found.wrapping != before, found.wrapping != .bare {
            findings.append(found.wrapping == .prose ? "JSON now wrapped in prose" : "JSON now wrapped in a ``` code fence")
        }
        let values = accepted.compactMap { $0?.value }
        guard let closest = values.max(by: { JSONComparison.similarity($0, found.value) < JSONComparison.similarity($1, found.value) }) else {
            return findings
        }
        // An array the prompt does not order is a set: a reordered one is the same answer.
        let ordered = PromptConstraints.read(input.instructions).fixesOrder
        let value = ordered ? found.value : JSONComparison.aligningSets(closest, found.value)
        // Paths where the accepted samples disagree among themselves are the baseline's own variation.
        let varying = Set(values.dropFirst().flatMap { JSONComparison.differences(values[0], ordered ? $0 : JSONComparison.aligningSets(values[0], $0)).map(\.path) })
        // Where the order is fixed, an array of the same elements in another order is that change, said once.
        let reordered = ordered ? JSONComparison.reorderedArrays(closest, value).filter { !varying.contains($0) } : []
        findings += reordered.prefix(3).map { "JSON \($0): the same items in another order (the prompt fixes the order)" }
        let differences = JSONComparison.differences(closest, value).filter { difference in
            !varying.contains(difference.path) && JSONValueChange.matters(difference, in: closest, value)
                && !reordered.contains { difference.path.hasPrefix($0 + "[") }
        }
        findings += differences.prefix(5).map { "JSON \($0.description)" }
        return findings
    }
}

/// The text the facts check reads: number words as digits (``NumberWords``), and a bare JSON answer as its
/// values written out (`\u6d59A7K3M2` is `浙A7K3M2`), since the `json` check compares JSON by value.
enum FactText {
    static func of(_ answer: String) -> String {
        if let json = JSONComparison.extract(from: answer), json.wrapping == .bare { return NumberWords.digits(in: json.value.serialized()) }
        return NumberWords.digits(in: answer)
    }
}

/// Short codes an answer uses only to label its lines — a letter or two and a number before a colon at a
/// line's start (`Q1：`, `A2:`, `**S3**:`) — numbering, not facts.
///
/// ```swift
/// LineLabels.codes(in: "Q1：在哪办？\nA1：App或窗口。")   // ["Q1", "A1"]
/// LineLabels.codes(in: "A1：请带上A1表格")                // []: A1 is also a form's name
/// ```
enum LineLabels {
    static func codes(in text: String) -> Set<String> {
        guard UTF8Search.contains(":", in: text) || UTF8Search.contains("：", in: text) else { return [] }
        var labels: [String: Int] = [:]
        for line in text.split(separator: "\n") {
            let start = line.drop { " *-#>".contains($0) }
            let letters = start.prefix { $0.isASCII && $0.isLetter }
            let digits = start.dropFirst(letters.count).prefix { $0.isASCII && $0.isNumber }
            guard (1...2).contains(letters.count), (1...2).contains(digits.count),
                  let next = start.dropFirst(letters.count + digits.count).first(where: { $0 != " " && $0 != "*" }),
                  next == ":" || next == "：" else { continue }
            labels[String(letters) + digits, default: 0] += 1
        }
        // Only a code used for nothing else (`Q1` in `Q10` is not a use).
        return Set(labels.filter { code, count in uses(of: code, in: text) == count }.keys)
    }

    /// How often `code` stands in `text` with no Latin letter or digit right after it (`A1表格` is a use).
    static func uses(of code: String, in text: String) -> Int {
        text.ranges(of: code).filter { range in
            guard range.upperBound < text.endIndex else { return true }
            let next = text[range.upperBound]
            return !(next.isASCII && (next.isLetter || next.isNumber))
        }.count
    }
}

/// What a fact is called in a reason: "dropped the date 7月12日", "changed the amount ¥299 → ¥199".
enum FactWords {
    static let names: [Fact.Kind: String] = [
        .url: "link", .email: "e-mail address", .date: "date", .phone: "phone number", .amount: "amount",
        .percentage: "percentage", .identifier: "code", .number: "number",
    ]

    static func name(of fact: Fact) -> String {
        fact.kind == .date && fact.value.hasPrefix("T") ? "time" : names[fact.kind] ?? fact.kind.rawValue
    }
}

/// Which structural JSON differences break a consumer: every missing or extra key and type change, a
/// changed number, boolean or null, and a changed short string (≤ 24 columns wide: codes, dates, labels).
/// Longer strings are prose a model may reword. Width is counted as a terminal shows it: a Chinese,
/// Japanese or Korean character takes two columns, so `路灯损坏约一周，夜间无照明` (13 characters, as much
/// said as a 40-letter English phrase) is prose, and `已发货` a label.
enum JSONValueChange {
    static let shortString = 24

    static func matters(_ difference: JSONComparison.Difference, in reference: JSONValue, _ candidate: JSONValue) -> Bool {
        guard let before = value(at: difference.path, in: reference), let after = value(at: difference.path, in: candidate) else { return true }
        guard case .string(let a) = before, case .string(let b) = after else { return true }
        if width(of: a) <= shortString || width(of: b) <= shortString {
            return TextNormalizer.comparable(a) != TextNormalizer.comparable(b) && !sameWords(a, b)
        }
        return !FactsPreserved.missing(a, b).isEmpty
    }

    /// The same three words or more in another order (`2016 Honda CR-V, silver` / `silver 2016 Honda CR-V`):
    /// a description, reworded; a code or a label is one or two words. Its numbers keep their order, so a
    /// date written another way (`2024-07-15` / `07/15/2024`) is still a change.
    static func sameWords(_ a: String, _ b: String) -> Bool {
        func words(_ text: String) -> [String] {
            text.lowercasedFast().split(whereSeparator: { !$0.isLetter && !$0.isNumber }).map(String.init)
        }
        let x = words(a), y = words(b)
        func numbers(_ words: [String]) -> [String] { words.filter { $0.allSatisfy(\.isNumber) } }
        return x.count >= 3 && x.filter { !$0.allSatisfy(\.isNumber) }.count >= 2 && x.sorted() == y.sorted() && numbers(x) == numbers(y)
    }

    /// Columns `text` takes on a terminal: two for a Chinese, Japanese or Korean character or a full-width form, one otherwise.
    static func width(of text: String) -> Int {
        text.unicodeScalars.reduce(0) { $0 + (Tokenizer.isCJK($1) || (0xFF01...0xFF60).contains($1.value) || (0x3000...0x303F).contains($1.value) ? 2 : 1) }
    }

    /// The value at a path `JSONComparison` wrote (`$.items[2].price`, `$["a b"]`), or nil.
    static func value(at path: String, in root: JSONValue) -> JSONValue? {
        var leaves: [String: JSONValue] = [:]
        JSONComparison.leaves(root, into: &leaves)
        return leaves[path]
    }
}
