import Foundation

/// Names a candidate brings from nowhere: a capitalized word inside an English sentence (`Apple HomeKit`,
/// `Mobile Payments Best Practices guide`) or a Latin word inside a Chinese one (`还支持OTA远程升级`) that
/// neither the prompt nor any accepted answer has, in any case. A brand, a feature, a standard or a source
/// an answer invents is almost always such a name; a rewording finds its words in the prompt or says them
/// in lower case.
///
/// ```swift
/// AddedNames.find(in: Clause.split("Ask Alexa or Apple HomeKit to warm up."), known: "Works with Alexa.")
/// // [(clause "Ask Alexa or Apple HomeKit to warm up", names ["Apple", "HomeKit"])]
/// ```
enum AddedNames {
    /// The languages whose answers are read for names: where a capital (or a Latin word in Chinese) marks one.
    static let languages: Set<WrittenLanguage> = [.english, .chinese]

    /// Capitalized words that are not names of anything an answer could invent.
    static let ordinary: Set<String> = [
        "i", "ok", "okay", "hi", "hello", "dear", "thanks", "thank", "please", "yes", "no", "am", "pm", "mr", "mrs", "ms", "dr",
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "mon", "tue", "wed", "thu", "fri", "sat", "sun",
        "january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december",
        "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "faq", "q", "a", "note", "tip",
        // in Chinese text: TA (他/她), and everyday words that name no product
        "ta", "app", "wifi", "wi", "fi", "id", "pdf", "vip", "ps", "diy",
    ]

    /// Whether `word` or its plural's word (`Sundays`, `Apps`) is ``ordinary``.
    static func isOrdinary<Word: StringProtocol>(_ word: Word) -> Bool {
        let lower = word.lowercased()
        return ordinary.contains(lower) || ordinary.contains(ContentUnits.stem(lower))
    }

    /// Whoever a greeting addresses (`Dear Owners`, `Hi Team`) is the reader, not a claim.
    static let greetings: Set<String> = ["dear", "hi", "hello", "hey", "to", "attn:"]

    /// The clauses of `clauses` that hold a name `known` (the prompt and the accepted answers) never has, with
    /// those names; headings written in title case are left out.
    static func find(in clauses: [Clause], known: String) -> [(clause: Clause, names: [String])] {
        var knownWords: Set<String>?
        return clauses.compactMap { clause in
            let prose = withoutCodeSpans(clause.text)
            guard !looksLikeCode(prose) else { return nil }
            let candidates = nameLike(prose)
            guard !candidates.isEmpty else { return nil }
            if knownWords == nil { knownWords = words(known) }
            let names = candidates.filter { name in
                let lower = name.lowercasedFast()
                return !(knownWords ?? []).contains(lower) && !(knownWords ?? []).contains(ContentUnits.stem(lower))
                    && !isShortForm(name, in: known)
            }
            return names.isEmpty ? nil : (clause, names)
        }
    }

    /// Words that look like names: in a Chinese clause every Latin word of two letters or more that does not
    /// follow a digit (`350ml` is a unit); in an English one a word with a capital right after a lower-case
    /// word or a comma — inside a sentence, not at its start, a heading's or a table cell's. Words with a digit
    /// or an underscore are codes, the facts check's; `X`s are a masked number; a possessive is its word.
    static func nameLike(_ text: String) -> [String] {
        // A name has an ASCII capital or a letter outside ASCII: most words have neither.
        func mayName<Word: StringProtocol>(_ word: Word) -> Bool { word.utf8.contains { (0x41...0x5A).contains($0) || $0 >= 0x80 } }
        if text.contains(where: \.isCJK) {
            guard text.utf8.contains(where: { (0x41...0x5A).contains($0) || (0x61...0x7A).contains($0) }) else { return [] }
            return latinRuns(text).filter { $0.count >= 2 && !$0.allSatisfy { $0 == "X" } && !isOrdinary($0) }
        }
        let tokens = text.split(whereSeparator: { $0 == " " || $0 == "\t" })
        // A heading or a title in title case capitalizes every word of four letters or more.
        let long = tokens.filter { $0.count >= 4 && $0.first?.isLetter == true }
        guard tokens.count >= 2, !long.allSatisfy({ $0.first?.isUppercase == true }) else { return [] }
        var names: [String] = []
        for i in tokens.indices.dropFirst() where mayName(tokens[i]) {
            guard let mark = tokens[i - 1].last, mark.isLowercase || mark == ",",
                  !tokens[i].contains(where: { $0.isNumber || $0 == "_" || $0 == "`" }),
                  !greetings.contains(tokens[i - 1].lowercasedFast()) else { continue }
            let word = tokens[i].split(separator: "'").first.map(String.init) ?? ""
            for part in word.split(whereSeparator: { "-/.".contains($0) }) {
                let part = part.trimmingCharacters(in: .punctuationAndSymbols)
                guard let first = part.first, part.count >= 2, part.allSatisfy(\.isLetter),
                      first.isUppercase || part.dropFirst().contains(where: \.isUppercase),
                      !isOrdinary(part) else { continue }
                names.append(part)
            }
        }
        return names
    }

    /// A clause without its inline code (`` `idempotency_key_reused` ``): identifiers, not names.
    static func withoutCodeSpans(_ text: String) -> String {
        guard UTF8Search.contains("`", in: text) else { return text }
        return text.split(separator: "`", omittingEmptySubsequences: false).enumerated().filter { $0.offset % 2 == 0 }.map(\.element).joined(separator: " ")
    }

    /// A line of code (`await asyncio.sleep(2 ** attempt)`, `items = {}`): its words are identifiers, not
    /// names an answer invents.
    static func looksLikeCode(_ text: String) -> Bool {
        if ["{", "}", "==", "->", "=>", " = ", "import ", "def ", "func ", "return ", "#include"].contains(where: { UTF8Search.contains($0, in: text) }) {
            return true
        }
        // A call: a letter right before an opening bracket (`sleep(`, `items[`).
        var previous: UInt8 = 0
        for byte in text.utf8 {
            if byte == UInt8(ascii: "(") || byte == UInt8(ascii: "[") {
                if (previous >= 0x61 && previous <= 0x7A) || (previous >= 0x41 && previous <= 0x5A) || previous == UInt8(ascii: "_") { return true }
            }
            previous = byte
        }
        return false
    }

    /// An acronym that starts a longer one the known text has (`US` for `USA` or `USD`, `EU` for `EUR`), or
    /// that is made of the initials of words the known text has in a row (`HHW` for `Household Hazardous Waste`).
    static func isShortForm(_ name: String, in known: String) -> Bool {
        guard name.count >= 2, name.allSatisfy(\.isUppercase) else { return false }
        if name.count <= 8, isInitials(name.lowercasedFast(), in: known) { return true }
        var from = known.startIndex
        while let range = known.range(of: name, range: from..<known.endIndex) {
            let startsWord = range.lowerBound == known.startIndex || !known[known.index(before: range.lowerBound)].isLetter
            if startsWord, range.upperBound < known.endIndex, known[range.upperBound].isUppercase, known[range.upperBound].isASCII { return true }
            from = range.upperBound
        }
        return false
    }

    /// Whether `initials` (lower case) are the first letters of as many words in a row of `known`.
    static func isInitials(_ initials: String, in known: String) -> Bool {
        let firsts = known.split(whereSeparator: { !$0.isLetter }).compactMap { $0.first?.lowercased().first }
        let wanted = Array(initials)
        guard firsts.count >= wanted.count else { return false }
        return (0...(firsts.count - wanted.count)).contains { start in firsts[start..<(start + wanted.count)].elementsEqual(wanted) }
    }

    /// The runs of ASCII letters in `text` with no digit before or inside them.
    static func latinRuns(_ text: String) -> [String] {
        var runs: [String] = [], current = "", afterDigit = false, hasDigit = false
        for c in text {
            if c.isASCII, c.isLetter || (c.isNumber && !current.isEmpty) {
                if current.isEmpty { hasDigit = false }
                hasDigit = hasDigit || c.isNumber
                current.append(c)
                continue
            }
            if !current.isEmpty, !afterDigit, !hasDigit { runs.append(current) }
            if !current.isEmpty || !c.isNumber { afterDigit = false }
            if c.isNumber, current.isEmpty { afterDigit = true }
            current = ""
        }
        if !current.isEmpty, !afterDigit, !hasDigit { runs.append(current) }
        return runs
    }

    /// The lower-cased words of `text`, each also as its stem: the runs of letters and digits (not CJK) that
    /// start with an ASCII character. Read on scalars, a mark that joins the character before it (``Unicode/Scalar/extendsCharacter``)
    /// taking that character's side, so the words are those of a split on `Character`s.
    static func words(_ text: String) -> Set<String> {
        var set: Set<String> = []
        let lowered = text.lowercasedFast(), scalars = lowered.unicodeScalars
        var start: String.Index?, i = scalars.startIndex
        func close(at end: String.Index) {
            guard let first = start else { return }
            start = nil
            let second = scalars.index(after: first)
            guard scalars[first].isASCII, second == end || !scalars[second].extendsCharacter else { return }
            let word = String(lowered[first..<end])
            set.insert(word)
            set.insert(ContentUnits.stem(word))
        }
        while i < scalars.endIndex {
            let scalar = scalars[i]
            if scalar.isASCII || !scalar.extendsCharacter {
                let inWord = scalar.isASCII ? Tokenizer.isAlphabetic(scalar) || Tokenizer.isASCIIDigit(scalar)
                    : (scalar.properties.isAlphabetic || scalar.properties.numericType != nil) && !Tokenizer.isCJK(scalar)
                if inWord, start == nil { start = i } else if !inWord { close(at: i) }
            }
            i = scalars.index(after: i)
        }
        close(at: scalars.endIndex)
        return set
    }
}
