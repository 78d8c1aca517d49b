import Foundation

extension SubstituteCheck {
    /// An empty answer where every accepted one said something.
    public static let empty = SubstituteCheck(name: "empty") { input in
        let blank = TextNormalizer.normalize(input.candidate).isEmpty
        return blank && input.samples.allSatisfy { !TextNormalizer.normalize($0).isEmpty } ? ["answer is empty"] : []
    }

    /// A refusal ("抱歉，我无法…", "As an AI…") where no accepted answer refused.
    public static let refusal = SubstituteCheck(name: "refusal") { input in
        guard let sentence = RefusalDetector.refusal(in: input.candidate),
              input.samples.allSatisfy({ RefusalDetector.refusal(in: $0) == nil }) else { return [] }
        return ["refuses: \"\(sentence.trimming(.whitespacesAndNewlines).prefix(80))\""]
    }

    /// The dominant language changed (Chinese ↔ English), the language within a script changed (Japanese →
    /// Chinese, Italian → English, by ``WrittenLanguage``), or Simplified Chinese became Traditional.
    public static let language = SubstituteCheck(name: "language") { input in
        let samples = input.samples, candidate = input.candidate
        let languages = Set(samples.map { LanguageMix.of($0).dominant })
        guard languages.count == 1, let before = languages.first, before == .zh || before == .en else { return [] }
        let written = Set(samples.map(WrittenLanguage.of))
        let writtenBefore = written.count == 1 ? written.first ?? nil : nil
        if LanguageMix.of(candidate).dominant != before, var sentence = LanguageMix.switched(from: samples[0], to: candidate) {
            // Name the Latin-script language where it is known: an Italian answer is not "English".
            if let writtenBefore, before == .en { sentence = sentence.replacingOccurrences(of: "from English", with: "from \(writtenBefore.rawValue)") }
            if let after = WrittenLanguage.of(candidate), after != .english, LanguageMix.of(candidate).dominant == .en {
                sentence = sentence.replacingOccurrences(of: "to English", with: "to \(after.rawValue)")
            }
            return [sentence]
        }
        if let writtenBefore, let after = WrittenLanguage.of(candidate), after != writtenBefore {
            return ["answer switched from \(writtenBefore.rawValue) to \(after.rawValue)"]
        }
        if before == .zh, writtenBefore != .japanese, ChineseScript.isTraditional(candidate), !samples.contains(where: ChineseScript.isTraditional) {
            return ["answer switched from Simplified to Traditional Chinese"]
        }
        return []
    }

    /// A cut-off answer: it stops mid-sentence where every accepted answer ended a sentence, and is shorter.
    /// Also: the answer is the start of an accepted answer and stops short of its end.
    public static let truncation = SubstituteCheck(name: "truncation") { input in
        let text = TextNormalizer.normalize(input.candidate)
        guard !text.isEmpty, let shortest = input.samples.map(TextNormalizer.length).min() else { return [] }
        // A whole sentence that is the start of an accepted answer which itself ran out mid-sentence (cut at
        // its max_tokens) is not cut short: the rest was never a finished thought.
        let samplesComplete = input.samples.allSatisfy { Sentence.endsComplete(TextNormalizer.normalize($0)) }
        let stopsMidSentence = "answer stops mid-sentence: \"…\(Sentence.oneLine(text.suffix(20)))\""
        // A list whose last item is short for it (``Sentence/endsComplete(_:)``) and stops inside the last item
        // every accepted list ends on is cut, however wordy the rest: a wordier answer is not shorter for being cut.
        let complete = Sentence.endsComplete(text) || Sentence.endsWithSignature(text, prompt: input.instructions)
        // A last word that is only the start of a word the accepted answers or the prompt use (`liquid fert` for
        // `fertilizer`) was cut, whatever the list around it looks like.
        if samplesComplete, !Sentence.endsOnMark(text), let fragment = Sentence.endingFragment(text, known: input.samples + [input.instructions]) {
            return ["answer stops mid-word: \"…\(Sentence.oneLine(text.suffix(20)))\" (\"\(fragment)\" is the start of a word)"]
        }
        let cutInLastItem = samplesComplete && !complete
            && input.samples.allSatisfy { Sentence.stopsInsideLastItem(text, of: TextNormalizer.normalize($0)) }
        guard text.characterCount < shortest else { return cutInLastItem ? [stopsMidSentence] : [] }
        let start = TextNormalizer.comparable(text)
        if let sample = input.samples.first(where: { TextNormalizer.comparable($0).hasPrefix(start) }) {
            let share = Int((100 * Double(text.characterCount) / Double(TextNormalizer.length(sample))).rounded())
            // 95% or more of an accepted answer is that answer (a dropped final 。).
            if share >= 95 { return [] }
            if samplesComplete || !Sentence.endsComplete(text) {
                return ["answer stops at \(share)% of the accepted one: \"…\(Sentence.oneLine(text.suffix(20)))\""]
            }
        }
        if cutInLastItem { return [stopsMidSentence] }
        guard !complete, samplesComplete else { return [] }
        // A list with as many items as every accepted list has is whole, unless it ends on a joining word.
        let items = Sentence.listItems(text)
        let lastWord = text.split(whereSeparator: { !$0.isLetter }).last.map { $0.lowercasedFast() } ?? ""
        if items > 1, !Sentence.joiningWords.contains(lastWord),
           input.samples.allSatisfy({ Sentence.listItems(TextNormalizer.normalize($0)) <= items }) { return [] }
        return [stopsMidSentence]
    }
}

/// Whether a text ends a sentence, by its last character.
enum Sentence {
    /// Sentence-final punctuation, closing quotes and brackets, and the ends of code and JSON.
    static let terminals: Set<Character> = [
        "。", "！", "？", ".", "!", "?", "…", "”", "」", "』", "\"", "'", ")", "）", "]", "}", "`", "~", "～", ";", "；",
    ]

    /// Line breaks as spaces, for quoting a piece of an answer inside a one-line reason.
    static func oneLine(_ text: Substring) -> String { text.lines.joined(separator: " ") }

    /// Whether the text ends on a sentence-final mark, a closing bracket or quote, or an emoji.
    static func endsOnMark(_ text: String) -> Bool {
        text.last.map { terminals.contains($0) || $0.isEmoji } ?? true
    }

    /// A letter signed off after its last sentence: a short last line of its own, no list item, that names the
    /// sender the prompt names (`한강뷰 호텔 프런트 드림`, `The Willow Barn Events Team`), after a finished
    /// sentence or a closing like `Warm regards,`.
    static func endsWithSignature(_ text: String, prompt: String) -> Bool {
        let lines = text.lines.map { $0.trimming(.whitespaces) }.filter { !$0.isEmpty }
        guard lines.count >= 2, let last = lines.last, last.count <= 30, last.split(separator: " ").count <= 6,
              let first = last.first, first.isLetter, !last.contains(where: { openEndings.contains($0) || $0.isNumber }) else { return false }
        let before = lines[lines.count - 2]
        guard endsOnMark(before) || (before.hasSuffix(",") || before.hasSuffix("，")) && before.count <= 30 else { return false }
        let units = ContentUnits.of(last)
        return units.count >= 2 && ContentUnits.coverage(of: units, by: ContentUnits.of(prompt)) >= 0.5
    }

    static func endsComplete(_ text: String) -> Bool {
        if endsOnMark(text) { return true }
        // An aside left open on the last line (`(note: 5 GHz`) was cut inside it.
        if let line = text.lines.last, line.filter({ $0 == "(" || $0 == "（" }).count > line.filter({ $0 == ")" || $0 == "）" }).count { return false }
        // A one-line answer without punctuation (a label, a slogan, a code line) is complete as it is.
        if !text.contains("\n") && text.count <= 40 { return true }
        return endsWithWholeListItem(text)
    }

    /// Characters a cut-off item tends to stop at: a joining word or mark, the start of a number.
    static let openEndings: Set<Character> = Set("，,、：:;；(（[【-/的和与及或在为是把被了从到向对于如")

    /// A list (or table) whose last item simply has no full stop, as lists often do: its last line is a
    /// list item or table row at least half as long as the list's other items (a median), ending on
    /// neither a digit nor a joining mark or word.
    static func endsWithWholeListItem(_ text: String) -> Bool {
        let lines = text.lines.map { $0.trimming(.whitespaces) }
        // A digit may end a whole item (removed in v4.0), not a short one (需在7).
        guard let last = lines.last, let end = last.last, !openEndings.contains(end) else { return false }
        if end.isNumber {
            let others = lines.dropLast().map { Clause.strippingMarkers($0).count }.sorted()
            guard let median = others.isEmpty ? nil : others[others.count / 2], Clause.strippingMarkers(last).count >= median else { return false }
        }
        let items = lines.filter(isListItem)
        guard isListItem(last), items.count >= 2 else { return false }
        let lengths = items.dropLast().map { Clause.strippingMarkers($0).count }.sorted()
        return Clause.strippingMarkers(last).count * 2 >= lengths[lengths.count / 2]
    }

    /// Whether the list `text` ends on an item that says the start of `accepted`'s last item and none of its
    /// end (`4. Request shared-drive access via the ServiceNow` for `… the ServiceNow 'Access Request' form,
    /// naming your manager as the approver.`): cut off inside it, not reworded (a rewording says the end too).
    static func stopsInsideLastItem(_ text: String, of accepted: String) -> Bool {
        guard let last = text.lines.last.map({ Clause.strippingMarkers(String($0)) }),
              let acceptedLast = accepted.lines.map({ $0.trimming(.whitespaces) }).last(where: isListItem).map(Clause.strippingMarkers),
              last.characterCount * 10 < acceptedLast.characterCount * 7 else { return false }
        let units = ContentUnits.list(acceptedLast), said = ContentUnits.of(last)
        let start = Set(units.prefix(units.count / 2).map(ContentUnit.init)), end = Set(units.dropFirst(units.count / 2).map(ContentUnit.init)).subtracting(start)
        return end.count >= 2 && ContentUnits.coverage(of: start, by: said) >= 0.5 && ContentUnits.coverage(of: end, by: said) < 0.25
    }

    /// The Latin word `text` ends on when it is only the start of a longer word of the `known` texts (by two
    /// letters or more) and never a word of them itself: `fert` where the care card says `fertilizer`.
    static func endingFragment(_ text: String, known: [String]) -> String? {
        let fragment = String(text.reversed().prefix { $0.isASCII && $0.isLetter }.reversed()).lowercasedFast()
        guard fragment.count >= 3, fragment.count < text.count, !shortenedWords.contains(fragment) else { return nil }
        var longer = false
        for other in known.map({ $0.lowercasedFast() }) where UTF8Search.containsCharacters(fragment, in: other) {
            for word in other.split(whereSeparator: { !($0.isASCII && $0.isLetter) }) where word.hasPrefix(fragment) {
                if word.count == fragment.count { return nil }
                if word.count >= fragment.count + 2 { longer = true }
            }
        }
        return longer ? fragment : nil
    }

    /// Short forms an answer ends on whole: the start of a longer word, but a word of their own.
    static let shortenedWords: Set<String> = [
        "info", "app", "apps", "admin", "approx", "min", "mins", "max", "dept", "docs", "doc", "pics", "ref", "intro", "demo",
        "promo", "config", "stats", "specs", "temp", "prep", "rep", "reps", "sec", "secs", "hrs", "appt", "mgmt", "misc", "govt",
        "abs", "lab", "vet", "gym", "exam", "memo", "photo", "photos", "auto", "ad", "ads", "bio", "cert", "tech", "pro", "reg",
    ]

    /// English words a cut-off item stops at.
    static let joiningWords: Set<String> = ["and", "or", "with", "to", "for", "of", "the", "a", "an", "in", "on", "at", "by", "but", "from"]

    /// The list items of a text: its lines with a list marker (`- `, `1. `, `一、`) or table rows.
    static func listItems(_ text: String) -> Int {
        text.lines.map { $0.trimming(.whitespaces) }.filter(isListItem).count
    }

    /// A table row, or a line with a list marker — what `Clause.strippingMarkers` drops besides emphasis.
    static func isListItem(_ line: String) -> Bool {
        line.hasPrefix("|") || Clause.strippingMarkers(line).count < Clause.withoutEmphasis(line).count
    }
}

extension Character {
    /// Emoji (👍, 🎉, and ❤️ written with the emoji variation selector) end a sentence as well as a full stop does.
    var isEmoji: Bool {
        unicodeScalars.contains { $0.properties.isEmojiPresentation } || (unicodeScalars.contains("\u{FE0F}") && unicodeScalars.first?.properties.isEmoji == true)
    }
}
