import Foundation

extension SubstituteCheck {
    /// A label answer whose label changed: every accepted sample is a short label and the prompt classifies
    /// (or names its labels, or asks yes or no), and the candidate is another label — "label changed: \"正面\"
    /// → \"负面\"" — or a word outside the prompt's labels. Similarity cannot see this: `消极` and `积极`
    /// share half their characters. The same label in another case or with a full stop is the same label.
    public static let label = SubstituteCheck(name: "label") { input in
        guard input.expect.json != true else { return [] }
        // `URGENT: yes` / `URGENT: no`: a field every answer names, then its label — the labels compared.
        let field = LabelAnswer.sharedField(input.samples + [input.candidate])
        func value(_ text: String) -> String { field.map { LabelAnswer.value(of: text, after: $0) } ?? text }
        let samples = input.samples.map(value).compactMap(LabelAnswer.label(of:))
        guard samples.count == input.samples.count, let candidate = LabelAnswer.label(of: value(input.candidate)) else {
            return LabelAnswer.verdictFlip(input.samples, input.candidate, instructions: input.instructions).map { [$0] } ?? []
        }
        let constraints = PromptConstraints.read(input.instructions)
        let allowed = constraints.labels.map(value).map(LabelAnswer.key)
        let yesNo = samples.allSatisfy { LabelAnswer.yesNo.contains(LabelAnswer.key($0)) }
        guard !allowed.isEmpty || constraints.classifies || yesNo else { return [] }
        let keys = Set(samples.map(LabelAnswer.key)), key = LabelAnswer.key(candidate)
        guard !keys.contains(key) else { return [] }
        // Quoted whole, field and all, where the answers name one.
        let changed = field == nil ? "label changed: \"\(samples[0])\" → \"\(candidate)\""
            : "label changed: \"\(TextNormalizer.normalize(input.samples[0]).trimming(.whitespacesAndNewlines))\" → \"\(TextNormalizer.normalize(input.candidate).trimming(.whitespacesAndNewlines))\""
        if !allowed.isEmpty, keys.isSubset(of: Set(allowed)) {
            return allowed.contains(key)
                ? [changed]
                : ["answer \"\(candidate)\" is not one of the prompt's labels (\(constraints.labels.prefix(8).joined(separator: ", ")))"]
        }
        // Free wording of a verdict (the prompt names no labels): the same polarity and the same concepts.
        guard !samples.contains(where: { LabelAnswer.equivalent($0, candidate) || constraints.freeWording && LabelAnswer.sameSubject($0, candidate, prompt: input.instructions) }) else { return [] }
        return [changed]
    }
}

/// A short one-line answer read as a label.
enum LabelAnswer {
    /// A one-sentence verdict with its reason (`涉及安全隐患：北斗终端无信号仍计划出海。`) whose verdict — the
    /// words before the first colon or comma, at most ``leadLength`` characters — says the opposite of every
    /// accepted one in the same words but for a negation (`不涉及安全隐患，…`): "verdict changed". Only where the prompt
    /// classifies or judges, and every answer is one line of at most ``verdictLength`` characters.
    static func verdictFlip(_ samples: [String], _ candidate: String, instructions: String) -> String? {
        guard let lead = lead(of: candidate), PromptConstraints.read(instructions).classifies else { return nil }
        let leads = samples.compactMap { self.lead(of: $0) }
        // The same words but for a negation: `涉及安全隐患` / `不涉及安全隐患`, `eligible` / `not eligible`.
        func affirmed(_ text: String) -> String {
            String(TextNormalizer.comparable(text).filter { !SmallEdit.cjkNegations.contains($0) && !$0.isWhitespace })
                .replacingOccurrences(of: "not", with: "")
        }
        guard leads.count == samples.count, leads.allSatisfy({ accepted in
            let a = affirmed(accepted), b = affirmed(lead)
            return polarity(accepted) != polarity(lead) && !a.isEmpty && !b.isEmpty && (a.contains(b) || b.contains(a))
        }) else { return nil }
        return "verdict changed: \"\(leads[0])\" → \"\(lead)\""
    }

    static let leadLength = 12
    static let verdictLength = 60

    /// The verdict an answer opens with: its words before the first `:` `，` `,` `。`, when the answer is one line.
    static func lead(of answer: String) -> String? {
        let text = TextNormalizer.normalize(answer).trimming(.whitespacesAndNewlines)
        guard !text.isEmpty, !UTF8Search.containsCharacters("\n", in: text), text.hasAtMostCharacters(verdictLength),
              let end = text.firstIndex(where: { ":：，,。".contains($0) }) else { return nil }
        let lead = text[..<end].trimming(.whitespaces)
        return lead.isEmpty || lead.count > leadLength ? nil : String(lead)
    }

    /// What ``label(of:)`` takes off the ends of an answer: quotes, brackets, emphasis, a final stop, spaces.
    static let labelQuotes = Set("“”\"'`「」《》[]【】*。.!！ ".unicodeScalars)

    /// The label an answer is — one line, at most 16 characters once surrounding quotes, brackets and a final
    /// full stop are off, no sentence punctuation inside — or nil.
    static func label(of answer: String) -> String? {
        let text = TextNormalizer.normalize(answer)[...].trimmingScalars { labelQuotes.contains($0) }
        guard !text.isEmpty, !UTF8Search.containsCharacters("\n", in: text), text.hasAtMostCharacters(16),
              !text.contains(where: { "，,。;；:：!！?？".contains($0) }) else { return nil }
        return text
    }

    /// The form labels are compared in: comparable (case and punctuation folded), without spaces, with
    /// equivalent wordings made one (没有/没 → 未, 是的 → 是, 不是 → 否).
    static func key(_ label: String) -> String {
        unifyingEquivalents(TextNormalizer.comparable(label).filter { !$0.isWhitespace && $0 != "\"" && $0 != "'" })
    }

    /// `text` with the equivalent wordings of ``equivalents`` made one.
    static func unifyingEquivalents(_ text: String) -> String {
        var text = text
        for (from, to) in equivalents where text.contains(from) { text = text.replacingOccurrences(of: from, with: to) }
        return text
    }

    /// Two short one-line answers (at most 24 characters each) that are the same verdict in other words.
    static func sameVerdict(_ accepted: String, _ candidate: String) -> Bool {
        let a = TextNormalizer.normalize(accepted), b = TextNormalizer.normalize(candidate)
        guard !UTF8Search.containsCharacters("\n", in: a), !UTF8Search.containsCharacters("\n", in: b), a.hasAtMostCharacters(24), b.hasAtMostCharacters(24), !a.isEmpty, !b.isEmpty else { return false }
        return key(a) == key(b) || equivalent(a, b)
    }

    /// Two free-worded verdicts say the same (`No anger expressed` / `Not angry`, `无明显愤怒` / `没有愤怒`):
    /// as many negations, and the concepts of one (Chinese bigrams, the first three letters of an English
    /// word) all among the other's. `High priority` / `Low priority` and `满意` / `不满意` differ.
    static func equivalent(_ a: String, _ b: String) -> Bool {
        guard polarity(a) == polarity(b) else { return false }
        let x = concepts(a), y = concepts(b)
        return !x.isEmpty && !y.isEmpty && (x.isSubset(of: y) || y.isSubset(of: x))
    }

    /// Verbs that only say a verdict holds (`有退款诉求` = `提出了退款诉求`): not concepts of it. Longest first;
    /// `没有` is already `未` (``equivalents``).
    static let lightVerbs = ["提出了", "提出", "表达了", "表达", "表示", "存在", "需要", "需", "有"]

    /// Two verdicts worded freely about the same thing: as many negations, and a concept in common
    /// (`周三下午不乘车` / `周三放学不坐校车`) — or one a bare verdict (`不需要`) and the other naming what the
    /// prompt asks about (`无需挂失` where it asks `是否需要立即挂失`). Only where the prompt leaves the wording free.
    static func sameSubject(_ a: String, _ b: String, prompt: String) -> Bool {
        guard polarity(a) == polarity(b) else { return false }
        let x = concepts(a), y = concepts(b)
        if !x.isDisjoint(with: y) { return true }
        // Two bare verdicts (`Not yet` / `Not at this time`) as many negations apart: the same verdict.
        if x.isEmpty, y.isEmpty { return true }
        guard x.isEmpty != y.isEmpty else { return false }
        let asked = ContentUnits.of(prompt)
        return (x.isEmpty ? y : x).allSatisfy { asked.contains(ContentUnit($0)) }
    }

    static func polarity(_ text: String) -> Int {
        text.filter(SmallEdit.cjkNegations.contains).count + SmallEdit.negationCount(text)
    }

    static func concepts(_ text: String) -> Set<String> {
        var text = unifyingEquivalents(TextNormalizer.comparable(text))
        for verb in lightVerbs where text.contains(verb) { text = text.replacingOccurrences(of: verb, with: "") }
        return Set(ContentUnits.list(text).compactMap { unit -> String? in
            if whenUnits.contains(unit) { return nil }
            if unit.contains(where: \.isCJK) { return unit.contains(where: SmallEdit.cjkNegations.contains) ? nil : unit }
            return SmallEdit.negations.contains(unit) || unit == "no" ? nil : String(unit.prefix(3))
        })
    }

    /// Words that say when a verdict holds, not what it is about (`Not yet`, `Not at this time`, `暂时不能`).
    static let whenWords = ["yet", "now", "currently", "time", "moment", "present", "still", "today", "暂时", "目前", "现在", "当前"]
    /// ``whenWords`` as units (English words stemmed, as ``ContentUnits/list(_:)`` reads them).
    static let whenUnits = Set(whenWords.compactMap { $0.contains(where: \.isCJK) ? $0 : ContentUnits.unit(ofWord: $0) })

    /// The field every answer starts with (`URGENT:`, `情感：`): the same words before a colon, at most 16
    /// characters in all, on one line; nil when the answers do not all start with one.
    static func sharedField(_ answers: [String]) -> String? {
        guard let first = answers.first.flatMap(fieldAndValue)?.field,
              answers.dropFirst().allSatisfy({ fieldAndValue($0)?.field == first }) else { return nil }
        return first
    }

    /// `text` after its field and colon (``sharedField(_:)``), or `text` when it does not start with `field`.
    static func value(of text: String, after field: String) -> String {
        guard let parsed = fieldAndValue(text), parsed.field == field else { return text }
        return parsed.value
    }

    /// A short one-line answer read as `field: value` (the field compared folded, the value as written), or nil.
    static func fieldAndValue(_ answer: String) -> (field: String, value: String)? {
        let text = TextNormalizer.normalize(answer)
        guard text.hasAtMostCharacters(32), !UTF8Search.containsCharacters("\n", in: text),
              let colon = text.firstIndex(where: { $0 == ":" || $0 == "：" }), colon > text.startIndex else { return nil }
        let name = TextNormalizer.comparable(String(text[..<colon])).trimming(.whitespaces)
        guard !name.isEmpty, name.characterCount <= 16 else { return nil }
        return (name, String(text[text.index(after: colon)...]).trimming(.whitespaces))
    }

    static let equivalents: [(String, String)] = [
        ("没有", "未"), ("没", "未"), ("是的", "是"), ("不是", "否"), ("满足", "符合"), ("达到", "符合"), ("不需要", "无需"), ("不用", "无需"), ("不必", "无需"),
    ]
    static let yesNo: Set<String> = ["是", "否", "yes", "no", "true", "false", "对", "错"]
}
