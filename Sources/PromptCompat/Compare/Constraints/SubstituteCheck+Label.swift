import Foundation

extension SubstituteCheck {
    /// A label answer whose label changed: every accepted sample is a short label and the prompt classifies
    /// (or names its labels, or asks yes or no), and the candidate is another label — "label changed: \"正面\"
    /// → \"负面\"" — or a word outside the prompt's labels. Similarity cannot see this: `消极` and `积极`
    /// share half their characters. The same label in another case or with a full stop is the same label.
    public static let label = SubstituteCheck(name: "label") { input in
        guard input.expect.json != true else { return [] }
        let samples = input.samples.compactMap(LabelAnswer.label(of:))
        guard samples.count == input.samples.count, let candidate = LabelAnswer.label(of: input.candidate) else { return [] }
        let constraints = PromptConstraints.read(input.instructions)
        let allowed = constraints.labels.map(LabelAnswer.key)
        let yesNo = samples.allSatisfy { LabelAnswer.yesNo.contains(LabelAnswer.key($0)) }
        guard !allowed.isEmpty || constraints.classifies || yesNo else { return [] }
        let keys = Set(samples.map(LabelAnswer.key)), key = LabelAnswer.key(candidate)
        guard !keys.contains(key) else { return [] }
        if !allowed.isEmpty, !allowed.contains(key), keys.isSubset(of: Set(allowed)) {
            return ["answer \"\(candidate)\" is not one of the prompt's labels (\(constraints.labels.prefix(8).joined(separator: ", ")))"]
        }
        return ["label changed: \"\(samples[0])\" → \"\(candidate)\""]
    }
}

/// A short one-line answer read as a label.
enum LabelAnswer {
    /// The label an answer is — one line, at most 16 characters once surrounding quotes, brackets and a final
    /// full stop are off, no sentence punctuation inside — or nil.
    static func label(of answer: String) -> String? {
        let text = TextNormalizer.normalize(answer).trimmingCharacters(in: CharacterSet(charactersIn: "“”\"'`「」《》[]【】*。.!！ "))
        guard !text.isEmpty, !text.contains("\n"), text.count <= 16,
              !text.contains(where: { "，,。;；:：!！?？".contains($0) }) else { return nil }
        return text
    }

    /// The form labels are compared in: comparable (case and punctuation folded), without spaces, with
    /// equivalent wordings made one (没有/没 → 未, 是的 → 是, 不是 → 否).
    static func key(_ label: String) -> String {
        var key = TextNormalizer.comparable(label).filter { !$0.isWhitespace && $0 != "\"" && $0 != "'" }
        for (from, to) in equivalents where key.contains(from) { key = key.replacingOccurrences(of: from, with: to) }
        return key
    }

    static let equivalents: [(String, String)] = [("没有", "未"), ("没", "未"), ("是的", "是"), ("不是", "否")]
    static let yesNo: Set<String> = ["是", "否", "yes", "no", "true", "false", "对", "错"]
}
