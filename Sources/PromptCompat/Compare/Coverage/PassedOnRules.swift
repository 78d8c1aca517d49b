import Foundation

/// Rules of the prompt's input — a restriction in the policy, a warning in the leaflet, a requirement in the
/// notice — that every accepted answer passes on and the candidate never mentions. Read sentence by sentence
/// of the prompt (commas kept: `处于合约期内的用户不可降档，合约到期后方可办理` is one rule), so a rule the
/// accepted answer split over several short clauses is still seen whole.
///
/// ```swift
/// PassedOnRules.dropped(samples: ["…施工期间需要您本人或您书面委托的人在场…"], candidate: "…施工一般2天…",
///                       prompt: "…施工一般2天；施工期间须业主本人或书面委托人在场。…")
/// // [(the accepted clause "施工期间需要您本人或您书面委托的人在场", "工期")]
/// ```
enum PassedOnRules {
    /// Words of a sentence about the answer itself — what to state, how long, in which tone — rather than a
    /// rule of the input to pass on: an accepted answer that says "负责人" because the prompt asked for
    /// owners has passed on no rule.
    static let aboutTheAnswer: PhraseSet = [
        "回答", "回复", "答复", "输出", "说明", "告知", "提及", "写明", "注明", "列出", "语气", "字数", "格式", "助手", "客服",
        "answer", "reply", "respond", "response", "state ", "mention", "tone", " words", "word limit", "sentence", "output", "format",
        "assistant", "refer ",
    ]

    /// The clauses of the first accepted answer that carry a rule of the prompt the candidate dropped: of
    /// the rule's own units (no other sentence of the prompt has them) that every accepted answer passes on
    /// — three words at least, five two-character pieces of Chinese (a bigram is not a word: 合约期内 is
    /// three) — the candidate has none (one, by chance, of eight or more).
    /// Each with the first word of the rule it carries, where the quote starts.
    static func dropped(samples: [String], candidate: String, prompt: String) -> [(clause: Clause, word: String?)] {
        let sampleUnits = samples.map(ContentUnits.of), written = ContentUnits.of(candidate)
        // A heading in 【】 names a section (【办事指南：学位论文答辩延期】): no rule of its own.
        let rules = Clause.sentences(prompt).map { RegexCache.replacing("【[^】]*】", in: $0, with: " ") }
        let ruleUnits = rules.map(ContentUnits.of)
        let reference = Clause.split(samples[0])
        var found: [(clause: Clause, word: String?)] = []
        for (i, rule) in rules.enumerated() where CourtesyPhrases.isCondition(rule) && !aboutTheAnswer.occurs(in: rule.lowercasedFast() + " ") {
            var own = ruleUnits[i]
            for k in ruleUnits.indices where k != i { own.subtract(ruleUnits[k]) }
            let passed = sampleUnits.reduce(own) { $0.intersection($1) }
            let needed = rule.unicodeScalars.contains(where: Tokenizer.isCJK) ? 5 : 3
            guard passed.count >= needed, passed.filter(written.contains).count <= (passed.count >= 8 ? 1 : 0) else { continue }
            // The accepted clause that says most of it.
            guard let carrier = reference.max(by: { $0.units.intersection(passed).count < $1.units.intersection(passed).count }),
                  !found.contains(where: { $0.clause == carrier }) else { continue }
            let lowered = carrier.text.lowercasedFast()
            let word = ContentUnits.list(rule).filter { passed.contains(ContentUnit($0)) }
                .compactMap { word in lowered.range(of: word).map { (word, $0.lowerBound) } }.min { $0.1 < $1.1 }?.0
            found.append((carrier, word))
        }
        return found
    }
}
