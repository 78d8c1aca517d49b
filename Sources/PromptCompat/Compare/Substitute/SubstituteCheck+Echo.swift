import Foundation

extension SubstituteCheck {
    /// The candidate copies the prompt back — its input text or its instructions — instead of doing the
    /// task, where the accepted answer did it: "echoes the prompt: 97% of the answer is the prompt's own
    /// text (\"…\")". All of these, so an extraction or a light proofread (where staying close to the input
    /// *is* the job) is not an echo: nine tenths of the candidate's units are the prompt's; the accepted
    /// answer brought units of its own (a rewrite, a translation, a correction) and the candidate has at
    /// most a third of them; and the candidate is mostly runs copied verbatim from the prompt (runs of 12
    /// characters or more, spaces and punctuation aside) — 60% of it where the accepted answer rewrote much (15% of its
    /// units its own), 85% where it changed little (a proofread: three corrections) and the candidate has
    /// none of its changes. Only for a prompt that transforms its input (rewrite, proofread, translate,
    /// summarize …): an FAQ or RAG answer that quotes its source is answering, not echoing.
    public static let echo = SubstituteCheck(name: "echo", exclusive: true) { input in
        guard !input.instructions.isEmpty, EchoSpan.transforms(input.instructions) else { return [] }
        let prompt = ContentUnits.of(input.instructions), own = ContentUnits.of(input.candidate)
        guard own.count >= 5, ContentUnits.coverage(of: own, by: prompt) >= 0.9 else { return [] }
        let brought = input.samples.map { sample -> Set<ContentUnit> in ContentUnits.of(sample).subtracting(prompt) }
        guard brought.allSatisfy({ $0.count >= 3 }), brought.allSatisfy({ ContentUnits.coverage(of: $0, by: own) <= 1.0 / 3 }) else { return [] }
        let rewrote = brought.allSatisfy { Double($0.count) >= 0.15 * Double(ContentUnits.of(input.samples[0]).count) }
        let untouched = brought.allSatisfy { ContentUnits.coverage(of: $0, by: own) == 0 }
        let copied = EchoSpan.copied(input.candidate, from: input.instructions)
        guard copied.longest.count >= 20, copied.share >= (rewrote ? 0.6 : 0.85), rewrote || untouched else { return [] }
        let share = Int((100 * copied.share).rounded())
        // Quoted as written (the copied run is in the comparison's folded form, spaces dropped).
        let start = ClauseAlignment.quote(Sentence.oneLine(Substring(TextNormalizer.normalize(input.candidate))))
        return ["echoes the prompt: \(share)% of the answer is the prompt's own text (\"\(start)\")"]
    }
}

/// How much of an answer is copied verbatim from the prompt (comparable form, spaces and punctuation dropped).
enum EchoSpan {
    /// Words of a prompt that asks for its input transformed: data.
    static let transformWords: PhraseSet = [
        "改写", "润色", "校对", "纠正", "修改", "改正", "错别字", "翻译", "译成", "译为", "总结", "摘要", "概括", "提炼", "整理", "转换", "改成", "改为",
        "重写", "精简", "扩写", "缩写", "正式", "口语化", "rewrite", "re-write", "paraphrase", "rephrase", "proofread", "correct", "translate",
        "summarize", "summarise", "summary", "condense", "shorten", "simplify", "polish", "edit", "convert", "transform", "localize",
        "localise", "turn this", "turn the", "make it more", "tidy", "clean up",
    ]

    static func transforms(_ instructions: String) -> Bool {
        let lowered = instructions.lowercasedFast()
        return transformWords.occurs(in: lowered)
    }

    /// A copied run is at least this long: shorter common runs are shared phrases, not copying.
    static let minimumRun = 12

    /// The share of the answer's characters inside runs of ``minimumRun`` or more that the prompt also has,
    /// and the longest such run. Dynamic programming over the two texts, one row at a time: O(|a|·|b|)
    /// steps, run only for an answer whose units are almost all the prompt's.
    static func copied(_ answer: String, from prompt: String) -> (share: Double, longest: String) {
        // Punctuation aside too: an input copied back with its spaces turned into commas is still copied.
        let a = Array(TextNormalizer.comparable(answer).filter { !$0.isWhitespace && !$0.isPunctuation })
        let b = Array(TextNormalizer.comparable(prompt).filter { !$0.isWhitespace && !$0.isPunctuation })
        guard !a.isEmpty, !b.isEmpty else { return (0, "") }
        // The characters as integers, so the O(|a|·|b|) loop compares numbers, not strings.
        let (x, y) = SuffixLCSTable.ids(a[...], b[...])
        var previous = [Int32](repeating: 0, count: b.count + 1), current = previous
        var runEndingAt = [Int](repeating: 0, count: a.count)
        for i in 1...a.count {
            for j in 1...b.count {
                current[j] = x[i - 1] == y[j - 1] ? previous[j - 1] + 1 : 0
                runEndingAt[i - 1] = max(runEndingAt[i - 1], Int(current[j]))
            }
            swap(&previous, &current)
        }
        var covered = [Bool](repeating: false, count: a.count)
        var longest = 0, longestEnd = 0
        for (end, run) in runEndingAt.enumerated() where run >= minimumRun {
            for k in (end - run + 1)...end { covered[k] = true }
            if run > longest { longest = run; longestEnd = end + 1 }
        }
        let share = Double(covered.filter { $0 }.count) / Double(a.count)
        return (share, String(a[(longestEnd - longest)..<longestEnd]))
    }
}
