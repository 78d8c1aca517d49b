import Foundation

extension SubstituteCheck {
    /// What the prompt's own words require (``PromptConstraints``) and the candidate breaks where the accepted
    /// answers kept it: a length limit ("longer than the prompt allows: 96 字 where it says 不超过70字"), a
    /// sentence limit, and a fixed written format of a value ("wrote the date 2024-03-05 as March 5, 2024;
    /// the prompt fixes the date format"). Noise-aware: a limit the accepted answers broke too holds the
    /// candidate only to a quarter more than the longest of them.
    public static let constraints = SubstituteCheck(name: "constraint") { input in
        guard !input.instructions.isEmpty else { return [] }
        let constraints = PromptConstraints.read(input.instructions)
        var findings: [String] = []
        for limit in constraints.limits {
            if let broken = ConstraintCheck.broken(limit, input.candidate, samples: input.samples) { findings.append(broken) }
        }
        if input.expect.json != true {
            findings += ConstraintCheck.formatChanges(constraints.fixedFormats, input.samples, input.candidate, grouping: constraints.fixesDigitGrouping)
        }
        return Array(findings.prefix(3))
    }
}

enum ConstraintCheck {
    typealias Limit = PromptConstraints.LengthLimit

    static func broken(_ limit: Limit, _ candidate: String, samples: [String]) -> String? {
        let allowed = Double(limit.count) * (limit.approximate ? 1.3 : 1.1) + (limit.unit == .sentences ? 0 : 2)
        let counted = { (text: String) -> [(String, Int)] in parts(of: text, limit.scope).map { ($0, measure($0, limit)) } }
        guard let worst = counted(candidate).max(by: { $0.1 < $1.1 }), Double(worst.1) > allowed else { return nil }
        let longestSample = samples.flatMap(counted).map(\.1).max() ?? 0
        // The baseline broke it too: the product accepted that; hold the candidate to the baseline's length.
        if Double(longestSample) > allowed, Double(worst.1) <= 1.25 * Double(longestSample) { return nil }
        let unit = limit.unit == .sentences ? "sentences" : limit.phrase.contains(where: \.isCJK) ? "字" : limit.unit.rawValue
        let which = limit.scope == .whole ? "answer" : limit.scope == .firstLine ? "first line" : "line \"\(ClauseAlignment.quote(worst.0))\""
        return "longer than the prompt allows: the \(which) has \(worst.1) \(unit) where it says \"\(limit.phrase)\""
    }

    static func parts(of text: String, _ scope: Limit.Scope) -> [String] {
        let normalized = TextNormalizer.normalize(text)
        switch scope {
        case .whole: return [normalized]
        case .firstLine, .eachLine:
            let lines = normalized.lines.map { Clause.strippingMarkers(String($0)) }.filter { !$0.isEmpty }
            return scope == .firstLine ? Array(lines.prefix(1)) : lines
        }
    }

    /// Characters the way the prompt counts them: `字` as a Chinese word processor does (a CJK character or
    /// punctuation mark is one, a Latin word or a number is one), English characters one by one with spaces;
    /// words by spaces (a CJK character is a word); sentences by their final marks.
    static func measure(_ text: String, _ limit: Limit) -> Int {
        switch limit.unit {
        case .sentences:
            return sentenceCount(text)
        case .words:
            return text.split(whereSeparator: \.isWhitespace).reduce(0) { count, word in
                let cjk = word.filter(\.isCJK).count
                return count + (cjk > 0 ? cjk : (word.contains { $0.isLetter || $0.isNumber } ? 1 : 0))
            }
        case .characters where limit.phrase.contains(where: \.isCJK):
            var count = 0, inWord = false
            for character in text {
                if character.isCJK || (!character.isASCII && character.isPunctuation) {
                    count += 1
                    inWord = false
                } else if character.isLetter || character.isNumber {
                    if !inWord { count += 1 }
                    inWord = true
                } else {
                    inWord = false
                }
            }
            return count
        case .characters:
            return text.characterCount
        }
    }

    /// Sentences by their final marks — `。！？!?`, and a `.` after a letter before a space or the end — plus
    /// a last one without a mark. A semicolon joins clauses inside one sentence; a line break ends one.
    static func sentenceCount(_ text: String) -> Int {
        let characters = Array(TextNormalizer.normalize(text))
        var count = 0, open = false
        for (i, c) in characters.enumerated() {
            let next = i + 1 < characters.count ? characters[i + 1] : " "
            let ends = "。！？!?".contains(c) || c.isNewline
                || (c == "." && (next == " " || next.isNewline || i + 1 == characters.count) && i > 0 && (characters[i - 1].isLetter || characters[i - 1] == ")"))
            if ends {
                if open { count += 1 }
                open = false
            } else if c.isLetter || c.isNumber {
                open = true
            }
        }
        return count + (open ? 1 : 0)
    }

    /// Values the candidate states with the same meaning but in another written form, for the kinds whose
    /// format the prompt fixes; only forms every accepted sample agrees on. The commas between digits count
    /// only where the prompt fixes the `grouping`.
    static func formatChanges(_ kinds: Set<Fact.Kind>, _ samples: [String], _ candidate: String, grouping: Bool = true) -> [String] {
        guard !kinds.isEmpty else { return [] }
        let written = FactsPreserved.facts(in: candidate)
        // A value said in words (早上8点47分, twenty-three dollars) is a value only once they are read as digits.
        lazy var spoken = FactsPreserved.facts(in: NumberWords.digits(in: candidate))
        var findings: [String] = []
        for fact in FactsPreserved.distinct(FactsPreserved.facts(in: samples[0])) where kinds.contains(fact.kind) {
            let shapes = Set(samples.flatMap { FactsPreserved.facts(in: $0).filter { $0.key == fact.key }.map { shape($0.text, grouping: grouping) } })
            guard shapes.count == 1 else { continue }
            // A date written without its year (`9月20日` for `2024-09-20`) is that date in another form.
            let yearless = FactsPreserved.yearlessKey(of: fact)
            if let other = written.first(where: { $0.key == fact.key || yearless != nil && FactsPreserved.ownYearlessKey(of: $0) == yearless }) {
                guard !shapes.contains(shape(other.text, grouping: grouping)) else { continue }
                findings.append("wrote the \(FactWords.name(of: fact)) \(fact.text) as \(other.text); the prompt fixes its format")
            } else if !(fact.kind == .number && fact.value.count == 1), let said = spoken.first(where: { $0.key == fact.key }) {
                // A bare single digit said in words (`同一个人`, `两个问题` for a list's `1.` and `2.`) is how Chinese
                // writes small counts, not a number in another format.
                findings.append("wrote the \(FactWords.name(of: fact)) \(fact.text) in words (\(said.text) once read); the prompt fixes its format")
            }
        }
        return findings
    }

    /// A value's written shape: digits as `9`, letters as `a` or `A`, everything else as written; a comma
    /// between digits only with `grouping`.
    static func shape(_ text: String, grouping: Bool = true) -> String {
        let shaped = String(text.map { $0.isNumber && $0.isASCII ? "9" : $0.isLetter && !$0.isCJK ? ($0.isUppercase ? "A" : "a") : $0 })
        return grouping ? shaped : shaped.replacingOccurrences(of: "9,9", with: "99")  // 39,530.00 → 99999.99
    }
}
