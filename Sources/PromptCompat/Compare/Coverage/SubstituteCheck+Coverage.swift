import Foundation

extension SubstituteCheck {
    /// Clause by clause, quoted: a clause of the accepted answer the candidate has nothing of
    /// (`dropped: "定制商品除外"`), and a clause of the candidate that neither the accepted answer nor the
    /// prompt has (`added: "另赠20元优惠券"`) — only where the rest of the two answers line up, a close
    /// rewrite that lost or gained one clause. For freely worded answers: a clause that passed on part of the
    /// prompt's input whose own words the candidate never uses, a new clause with an offer of a kind no
    /// accepted answer makes, and invented figures and citations (``AddedContent``). Courtesy is never
    /// content. Noise-aware: a clause counts as dropped only when every accepted sample has it, as added
    /// only when no sample has it.
    public static let coverage = SubstituteCheck(name: "coverage") { input in
        guard input.expect.json != true, JSONComparison.extract(from: input.samples[0]) == nil else { return [] }
        let reference = Clause.split(input.samples[0]), candidate = Clause.split(input.candidate)
        guard reference.count >= 2 || candidate.count >= 2 else { return [] }
        let sampleUnits = input.samples.map(ContentUnits.of), prompt = ContentUnits.of(input.instructions)
        let known = sampleUnits.reduce(into: prompt) { $0.formUnion($1) }
        var findings: [String] = []
        let rules = input.wholePrompt ? PassedOnRules.dropped(samples: input.samples, candidate: input.candidate, prompt: input.instructions) : []
        let dropped = ClauseAlignment.unmatched(reference, by: input.candidate, marked: CourtesyPhrases.isCondition)
            + ClauseAlignment.ungrounded(reference, by: input.candidate, clauses: candidate, prompt: prompt) + rules.map(\.clause)
        var seen: Set<String> = []
        for clause in dropped where seen.insert(clause.text).inserted
            && sampleUnits.dropFirst().allSatisfy({ ContentUnits.coverage(of: clause.units, by: $0) >= 0.5 })
            && !ClauseAlignment.hasCounterpart(clause, in: reference, candidate: candidate, accepted: sampleUnits[0]) {
            let word = rules.first { $0.clause == clause }?.word
            findings.append("dropped: \"\(word.map { ClauseAlignment.quote(clause.text, around: $0) } ?? ClauseAlignment.quote(clause.text))\"")
        }
        var added = ClauseAlignment.unmatched(candidate, by: input.samples[0], known: known, marked: CourtesyPhrases.isClaim)
        if !added.isEmpty {
            let offered = CourtesyPhrases.offerKindIndices(in: input.samples.joined(separator: "\n").lowercasedFast())
            added = added.filter { !CourtesyPhrases.isCourtesy($0.text, offering: offered) }
            // A clause that stands where the accepted answer says something the candidate has little of, sharing a
            // word with it, rewords that clause (`请按月龄提前在门诊预约` → `到了相应月龄记得按时预约哦`).
            let candidateUnits = ContentUnits.of(input.candidate)
            added = added.filter { !ClauseAlignment.hasCounterpart($0, in: candidate, candidate: reference, accepted: candidateUnits) }
        }
        added += AddedContent.offers(candidate, samples: input.samples, prompt: input.instructions).filter { !added.contains($0) }
        findings += added.map { "added: \"\(ClauseAlignment.quote($0.text))\"" }
        let knownText = ([input.instructions] + input.samples).joined(separator: "\n")
        // A capital marks a name in English (and a Latin word in Chinese); German capitalizes every noun. The
        // language is read only when a name is found.
        var named = input.wholePrompt ? AddedNames.find(in: candidate, known: knownText) : []
        if !named.isEmpty, let language = WrittenLanguage.of(input.candidate), !AddedNames.languages.contains(language) { named = [] }
        for (clause, names) in named.prefix(2) where !added.contains(clause) {
            findings.append("added: \"\(ClauseAlignment.quote(clause.text, around: names[0]))\" (\(names.prefix(3).joined(separator: ", ")): in neither the prompt nor the accepted answer)")
        }
        // A fact inside a clause already quoted as added is that clause's evidence, not a second finding.
        findings += AddedContent.facts(input.candidate, samples: input.samples, prompt: input.instructions)
            .filter { fact in !added.contains { $0.text.contains(fact.text) || NumberWords.digits(in: $0.text).contains(fact.text) } }.map(\.reason)
        return Array(findings.prefix(3))
    }
}

/// Content a candidate states that neither an accepted answer nor the prompt has: a number, an amount, a
/// date, a citation (`[3]`), an offer (`免费`, `优惠券`, `upgrade`). Whatever the rest of the answer, a
/// figure or an offer from nowhere is invented.
enum AddedContent {
    /// The kinds of fact an answer cannot make up: a price or a discount, a percentage, a date, a contact.
    /// Bare numbers and codes are left out: a rewording derives them (第二季度 → Q2, 一米五八 → 158cm).
    static let inventedKinds: Set<Fact.Kind> = [.amount, .percentage, .date, .phone, .email, .url]

    /// "added the amount ¥10", "added the citation [3]": facts of the candidate (number words as digits)
    /// that no accepted sample and not the prompt states; a citation only where the prompt numbers its
    /// sources (`[1]` … `[2]`, `【1】` … `【2】`) and the candidate cites one it does not have.
    static func facts(_ candidate: String, samples: [String], prompt: String) -> [(text: String, reason: String)] {
        // The known texts one by one: each one's facts are remembered from the other checks.
        let known = (samples + [prompt]).map(NumberWords.digits(in:))
        let written = NumberWords.digits(in: candidate)
        // A kind of fact the candidate also lost was changed, not added: the facts check says "changed ¥299 → ¥199".
        let changedKinds = Set(FactsPreserved.missingFacts(NumberWords.digits(in: samples[0]), written).map(\.kind))
        // Only facts written in digits in the candidate itself (一元一次方程 is no invented price), and whose number
        // is nowhere in the known texts (满199减30 → 满199元减30元 adds no amount).
        let knownKeys = known.reduce(into: Set<String>()) { $0.formUnion(FactsPreserved.presentKeys(in: $1)) }
        let knownBare = known.reduce(into: Set<String>()) { $0.formUnion(FactsPreserved.bareNumbers(in: $1)) }
        // A discount written in digits (`8折`) is written as its share off (`20%`): a fact of the candidate itself.
        let discounts = arabicDiscounts(in: candidate)
        // What the known texts state, read only when a fact asks whether it is worked out from them.
        var derived: DerivedAmounts?
        func isDerived(_ fact: Fact) -> Bool {
            if derived == nil { derived = DerivedAmounts(from: known) }
            return derived?.derives(fact) ?? false
        }
        // A result the candidate works out in front of the reader (`600－100＝500元`) is derived, not invented.
        let invented = FactsPreserved.missingFacts(written, present: knownKeys, bare: knownBare).filter { fact in
            inventedKinds.contains(fact.kind) && !changedKinds.contains(fact.kind) && (candidate.contains(fact.text) || discounts[fact.text] != nil)
                && !["=", "＝", "= ", "＝ "].contains { candidate.contains($0 + fact.text) }
                && !FactsPreserved.containedKeys(fact).contains(where: knownKeys.contains)
                // A total, a balance, a price times a count, a share: worked out from amounts the accepted answers or
                // the prompt state (not from another made-up one: `立减5元，仅需20元` derives neither).
                && !isDerived(fact)
        }
        // Two numbered sources at least: a lone `[1]` in a prompt is the citation format, not the list of sources.
        let sources = citationMarks(in: prompt)
        let citations = sources.count < 2 ? [] : citationMarks(in: candidate).subtracting(known.flatMap(citationMarks(in:)))
        return invented.prefix(3).map { fact in
            let written = discounts[fact.text].map { "\($0) (\(fact.text) off)" } ?? fact.text
            return (discounts[fact.text] ?? fact.text, "added the \(FactWords.name(of: fact)) \(written)")
        } + citations.sorted().map { ($0, "added the citation \($0)") }
            + (changedKinds.contains(.identifier) ? [] : inventedCodes(candidate, known: samples + [prompt]).map { ($0, "added the code \($0)") })
    }

    /// Codes of capital letters and digits (`UNI5`, `VIP2024`) of four characters or more that no known text
    /// has, in any case or spacing: a discount code or a voucher an answer makes up. Shorter ones (`Q2`, `5G`)
    /// a rewording derives; lower-case ones are words (`30th`, `2-bedroom`).
    static func inventedCodes(_ candidate: String, known: [String]) -> [String] {
        let codes = FactsPreserved.facts(in: candidate).filter { fact in
            let letters = fact.text.filter(\.isLetter)
            return fact.kind == .identifier && fact.text.count >= 4 && letters.count >= 2 && letters.allSatisfy(\.isUppercase)
                && fact.text.contains(where: \.isNumber)
        }
        guard !codes.isEmpty else { return [] }
        func squeezed(_ text: String) -> String { String(text.lowercasedFast().filter { $0.isLetter || $0.isNumber }) }
        let knownText = known.map(squeezed)
        return Array(codes.map(\.text).filter { code in !knownText.contains { $0.contains(squeezed(code)) } }.prefix(2))
    }

    /// The candidate's discounts written with digits (`8折`, `8.5折`), by the share off they are read as (`20%`).
    static func arabicDiscounts(in candidate: String) -> [String: String] {
        guard UTF8Search.contains("折", in: candidate) else { return [:] }
        let regex = RegexCache.compiled(NumberWords.arabicDiscount)
        let ns = candidate as NSString
        return regex.matches(in: candidate, range: NSRange(location: 0, length: ns.length)).reduce(into: [:]) { found, match in
            let written = ns.substring(with: match.range)
            found[NumberWords.digits(in: written)] = written
        }
    }

    /// `[3]`, `【3】`, `[^3]`: a source the answer cites.
    static func citationMarks(in text: String) -> Set<String> {
        guard UTF8Search.contains("[", in: text) || UTF8Search.contains("【", in: text) else { return [] }
        let regex = RegexCache.compiled(#"[\[【]\^?\d{1,3}[\]】]"#)
        let ns = text as NSString
        return Set(regex.matches(in: text, range: NSRange(location: 0, length: ns.length)).map { ns.substring(with: $0.range) })
    }

    /// An offer clause is new when an accepted sample covers at most this much of it: more than an ordinary
    /// clause (``ClauseAlignment/missingCoverage``), since an invented offer restates the answer's own facts
    /// ("we'll credit the CAD 37.15 back to your account").
    static let offerNovelty = 0.4

    /// Clauses of the candidate that are new (an accepted sample covers at most ``offerNovelty`` of them, the prompt
    /// at most half) and hold an offer word that no accepted sample has. The prompt may well have the word —
    /// "不要承诺门店信息里没有的赠品" — so only the clause's own novelty counts there.
    /// A clause that restates the prompt's own offer ("Spouses are added free", from the policy) is
    /// grounded: a clause of the prompt with the same kind of offer has 40% of its units.
    static func offers(_ clauses: [Clause], samples: [String], prompt: String) -> [Clause] {
        let accepted = samples.joined(separator: "\n").lowercasedFast()
        let newKinds = Set(CourtesyPhrases.offerKinds.indices).subtracting(CourtesyPhrases.offerKindIndices(in: accepted))
        guard !newKinds.isEmpty else { return [] }
        let sampleUnits = samples.map(ContentUnits.of), promptUnits = ContentUnits.of(prompt)
        return clauses.filter { clause in
            let kinds = CourtesyPhrases.offerKindIndices(in: clause.text.lowercasedFast()).intersection(newKinds).map { CourtesyPhrases.offerKinds[$0] }
            guard !kinds.isEmpty,
                  sampleUnits.allSatisfy({ ContentUnits.coverage(of: clause.units, by: $0) <= AddedContent.offerNovelty }),
                  ContentUnits.coverage(of: clause.units, by: promptUnits) <= 0.5 else { return false }
            return !Clause.split(prompt).contains { source in
                kinds.contains { $0.occurs(in: source.text.lowercasedFast()) }
                    && ContentUnits.coverage(of: clause.units, by: source.units) >= 0.4
            }
        }
    }
}

/// Which clauses of one answer the other answer has nothing of, when the rest lines up.
enum ClauseAlignment {
    /// A clause with fewer units is too small to judge (`好的`, `OK`, `库存有限`).
    static let minimumUnits = 4
    /// A clause covered at most this much is missing from the other answer…
    static let missingCoverage = 0.25
    /// …when the other clauses of its answer are covered at least this much: a close rewrite, not a free one
    /// (a free rewording shares about half its units, and a reworded clause shares none). A clause that
    /// states a condition, an exception or an offer (``CourtesyPhrases/isCondition(_:)``, ``CourtesyPhrases/isClaim(_:)``)
    /// is held to the lower bar; any other clause only in a near copy with two other clauses to show it.
    static let restCoverage = (marked: 0.7, unmarked: 0.85)
    /// The missing clause is at most this share of its answer's units: one clause of an answer, not most of it.
    static let largestShare = 0.5

    /// The clauses of `clauses` (substantive, not courtesy) that the text `other` covers at most ``missingCoverage``
    /// — in units and in single characters — while the rest are covered ``restCoverage``; `known` (the
    /// accepted answers and the prompt) also counts as covering when given: an added clause taken from the
    /// prompt's input is not invented.
    static func unmatched(_ clauses: [Clause], by other: String, known: Set<ContentUnit>? = nil, marked: (String) -> Bool) -> [Clause] {
        let substantive = clauses.filter { $0.units.count >= minimumUnits && !CourtesyPhrases.isCourtesy($0.text) && !$0.isLeadIn }
        guard substantive.count >= 2 else { return [] }
        let (units, characters) = ContentUnits.read(other)
        let coverage = substantive.map { ContentUnits.coverage(of: $0.units, by: units) }
        let total = substantive.reduce(0) { $0 + $1.units.count }
        let covered = zip(substantive, coverage).reduce(0.0) { $0 + Double($1.0.units.count) * $1.1 }
        return substantive.indices.compactMap { i in
            let size = substantive[i].units.count
            guard coverage[i] <= missingCoverage, Double(size) <= largestShare * Double(total) else { return nil }
            let rest = (covered - Double(size) * coverage[i]) / Double(total - size)
            // An unmarked clause needs two other clauses to show the answers line up; one is too little evidence.
            let isMarked = marked(substantive[i].text)
            guard rest >= (isMarked ? restCoverage.marked : restCoverage.unmarked), isMarked || substantive.count >= 3 else { return nil }
            // A reworded Chinese clause keeps some of its characters (库存有限 → 库存不多, 认为很值 → 觉得很高); a dropped one
            // keeps few.
            let own = ContentUnits.shared(substantive[i].text, with: characters)
            if own.of > 0, Double(own.shared) > 0.4 * Double(own.of) { return nil }
            if let known, ContentUnits.coverage(of: substantive[i].units, by: known) > missingCoverage * 2
                || isCourtesy(substantive[i].text, numbersIn: known) { return nil }
            return substantive[i]
        }
    }

    /// Courtesy that names a number the prompt or the accepted answer has ("Anything else I can help with on
    /// account 4471-2290?"): the number is the reader's own, the clause says nothing new.
    static func isCourtesy(_ text: String, numbersIn known: Set<ContentUnit>) -> Bool {
        let numbers = ContentUnits.list(text).filter { $0.first?.isNumber == true }
        guard !numbers.isEmpty, numbers.allSatisfy({ known.contains(ContentUnit($0)) }) else { return false }
        return CourtesyPhrases.isCourtesy(String(text.filter { !$0.isNumber }))
    }

    /// A candidate clause with this share of an accepted clause's units, and no closer to another accepted
    /// clause, is that clause reworded.
    static let rewordedCoverage = 0.6

    /// Clauses of the accepted answer that pass on a part of the prompt's input — an exception in the policy,
    /// a warning in the leaflet — that the candidate never mentions: 60% of the clause's units are the
    /// prompt's, and of those that no other clause of the accepted answer has (at least 3: what this clause
    /// alone says) the candidate has none — one, by chance, of six or more, and a tenth of many. A rewording of such a clause keeps some of the input's
    /// words, so this holds for freely worded answers too, where ``unmatched(_:by:known:marked:)`` cannot
    /// tell a dropped clause from a reworded one.
    static func ungrounded(_ clauses: [Clause], by candidateText: String, clauses candidateClauses: [Clause], prompt: Set<ContentUnit>) -> [Clause] {
        let substantive = clauses.filter { $0.units.count >= minimumUnits && !CourtesyPhrases.isCourtesy($0.text) && !$0.isLeadIn }
        guard substantive.count >= 2, !prompt.isEmpty else { return [] }
        let (candidate, characters) = ContentUnits.read(candidateText)
        return substantive.indices.compactMap { i in
            let clause = substantive[i]
            let grounded = clause.units.intersection(prompt)
            guard grounded.count >= 3, Double(grounded.count) >= 0.6 * Double(clause.units.count) else { return nil }
            let others = substantive.indices.filter { $0 != i }.reduce(into: Set<ContentUnit>()) { $0.formUnion(substantive[$1].units) }
            let own = grounded.subtracting(others)
            // "Never mentions": none of them — one, by chance, when the clause says six things or more of its own.
            let allowed = own.count >= 6 ? max(1, own.count / 10) : 0
            guard own.count >= 3, own.filter(candidate.contains).count <= allowed else { return nil }
            // A clause of the candidate that has most of this one, and is closest to it of all the accepted clauses,
            // says it in other words ("10+ working days before the move: free" for "If you cancel more than 10
            // working days before, there's no charge"); one closer to another accepted clause is that one's.
            guard !candidateClauses.contains(where: { other in
                ContentUnits.coverage(of: clause.units, by: other.units) >= rewordedCoverage
                    && substantive.allSatisfy { ContentUnits.coverage(of: other.units, by: $0.units) <= ContentUnits.coverage(of: other.units, by: clause.units) }
            }) else { return nil }
            let cjk = ContentUnits.shared(clause.text, with: characters)
            return cjk.of == 0 || Double(cjk.shared) <= 0.5 * Double(cjk.of) ? clause : nil
        }
    }

    /// Whether the candidate says something else in the place of `clause` of the accepted answer: between
    /// the candidate's clauses that its neighbours line up with (half their units or more) stands a clause
    /// the accepted answer has little of (at most half) that shares a unit or two Chinese characters with it
    /// — `创单月历史新高` recast as `刷新单月纪录`, `如仍无法解决` as `如果以上都试过仍然不行`. A dropped clause
    /// leaves its neighbours side by side.
    static func hasCounterpart(_ clause: Clause, in reference: [Clause], candidate: [Clause], accepted: Set<ContentUnit>) -> Bool {
        guard let i = reference.firstIndex(of: clause) else { return false }
        func match(_ k: Int) -> Int? {
            guard reference.indices.contains(k) else { return nil }
            let scores = candidate.map { ContentUnits.coverage(of: reference[k].units, by: $0.units) }
            guard let best = scores.max(), best >= 0.5 else { return nil }
            return scores.firstIndex(of: best)
        }
        let before = match(i - 1), after = match(i + 1)
        guard before != nil || after != nil else { return false }
        let slots = [before.map { $0 + 1 }, after.map { $0 - 1 }].compactMap { $0 }.filter { slot in
            candidate.indices.contains(slot) && slot > (before ?? -1) && slot < (after ?? candidate.count)
        }
        let characters = ContentUnits.cjkScalars(of: clause.text)
        return slots.contains { slot in
            let other = candidate[slot]
            guard !CourtesyPhrases.isCourtesy(other.text), ContentUnits.coverage(of: other.units, by: accepted) <= 0.5 else { return false }
            // One that shares a single word with it and more with another clause of the accepted answer rewords
            // that one (`Someone needs to stay with the fire…` stands for `Keep the fire attended…`, not for the
            // fire ban dropped before it).
            if other.units.intersection(clause.units).count == 1 {
                let own = ContentUnits.coverage(of: other.units, by: clause.units)
                if reference.contains(where: { $0 != clause && ContentUnits.coverage(of: other.units, by: $0.units) > own }) { return false }
            }
            return !other.units.isDisjoint(with: clause.units) || ContentUnits.shared(other.text, with: characters).shared >= 2
        }
    }

    /// A clause for a one-line reason: at most 40 characters.
    static func quote(_ text: String) -> String {
        text.count <= 40 ? text : String(text.prefix(39)) + "…"
    }

    /// A clause for a one-line reason, at most 40 characters, cut so that `word` shows.
    static func quote(_ text: String, around word: String) -> String {
        guard text.count > 40, let range = text.range(of: word) else { return quote(text) }
        let start = max(0, min(text.distance(from: text.startIndex, to: range.lowerBound) - 12, text.count - 38))
        guard start > 0 else { return quote(text) }
        var window = text.dropFirst(start).prefix(38)
        // Whole words at both ends where the text has spaces.
        if let space = window.firstIndex(of: " "), window.distance(from: window.startIndex, to: space) < 10 { window = window[window.index(after: space)...] }
        let cut = start + 38 < text.count
        if cut, let space = window.lastIndex(of: " "), window.distance(from: space, to: window.endIndex) < 10 { window = window[..<space] }
        return "…" + window + (cut ? "…" : "")
    }
}
