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
    /// the rule's own units (``Rule/own``) that every accepted answer passes on — three words at least, five
    /// two-character pieces of Chinese (a bigram is not a word: 合约期内 is three) — the candidate has none
    /// (one, by chance, of eight or more). Each with the first word of the rule it carries, where the quote starts.
    static func dropped(samples: [String], candidate: String, prompt: String) -> [(clause: Clause, word: String?)] {
        let sampleUnits = samples.map(ContentUnits.of), written = ContentUnits.of(candidate)
        // Three units at least that the accepted answer took from the prompt and the candidate lacks, or no rule
        // can be dropped: most candidates are read no further, the prompt's sentences not at all.
        let promptUnits = ContentUnits.of(prompt)
        guard sampleUnits[0].lazy.filter({ promptUnits.contains($0) && !written.contains($0) }).prefix(3).count == 3 else { return [] }
        let candidateRules = rules(of: prompt)
        guard !candidateRules.isEmpty else { return [] }
        var found: [(clause: Clause, word: String?)] = []
        for rule in candidateRules {
            let passed = sampleUnits.reduce(rule.own) { $0.intersection($1) }
            guard passed.count >= rule.needed, passed.filter(written.contains).count <= (passed.count >= 8 ? 1 : 0) else { continue }
            // The accepted clause that says most of it (a heading or a frame like `根据预估结果` says nothing).
            guard let carrier = Clause.split(samples[0]).filter({ !$0.isLeadIn }).max(by: { $0.units.intersection(passed).count < $1.units.intersection(passed).count }),
                  !found.contains(where: { $0.clause == carrier }) else { continue }
            let lowered = carrier.text.lowercasedFast()
            let word = ContentUnits.list(rule.text).filter { passed.contains(ContentUnit($0)) }
                .compactMap { word in lowered.range(of: word).map { (word, $0.lowerBound) } }.min { $0.1 < $1.1 }?.0
            found.append((carrier, word))
        }
        return found
    }

    /// A sentence of the prompt that states a condition, a restriction or a requirement, with the units no
    /// other sentence of the prompt has: what passing it on says that nothing else in the prompt does.
    struct Rule: Sendable {
        var text: String
        var own: Set<ContentUnit>
        /// How many of `own` an accepted answer must pass on: 3 words, or 5 Chinese bigrams.
        var needed: Int
    }

    /// The rules of `prompt` that could be passed on (enough own units).
    static func rules(of prompt: String) -> [Rule] {
        // A heading in 【】 names a section (【办事指南：学位论文答辩延期】): no rule of its own.
        let headings = UTF8Search.contains("【", in: prompt)
        let sentences = Clause.sentences(prompt).map { headings ? RegexCache.replacing("【[^】]*】", in: $0, with: " ") : $0 }
        let units = sentences.map(ContentUnits.of)
        var sentencesHolding: [ContentUnit: Int] = [:]
        for set in units { for unit in set { sentencesHolding[unit, default: 0] += 1 } }
        return sentences.indices.compactMap { i in
            let needed = sentences[i].unicodeScalars.contains(where: Tokenizer.isCJK) ? 5 : 3
            let own = units[i].filter { sentencesHolding[$0] == 1 }
            guard own.count >= needed, CourtesyPhrases.isCondition(sentences[i]),
                  !aboutTheAnswer.occurs(in: sentences[i].lowercasedFast() + " ") else { return nil }
            return Rule(text: sentences[i], own: own, needed: needed)
        }
    }
}
