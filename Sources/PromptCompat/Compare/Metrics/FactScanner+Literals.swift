/// The patterns' literal words — `RMB`, `块钱`, `mAh`, `a.m.`, a month name — exact or case-insensitive.
extension FactScanner {
    /// How ICU's case-insensitive matching folds a character into lower-case ASCII (full case folding):
    /// only these non-ASCII characters fold to nothing but ASCII letters. ſ (U+017F) is `s`, the Kelvin
    /// sign `k`, ß `ss`, the ligature ﬆ `st`, so `Auguﬆ` is `August` and `1ﬆ` an ordinal.
    static let asciiFoldings: [UInt32: [UInt32]] = [
        0x00DF: ascii("ss"), 0x017F: ascii("s"), 0x1E9E: ascii("ss"), 0x212A: ascii("k"), 0xFB00: ascii("ff"),
        0xFB01: ascii("fi"), 0xFB02: ascii("fl"), 0xFB03: ascii("ffi"), 0xFB04: ascii("ffl"), 0xFB05: ascii("st"), 0xFB06: ascii("st"),
    ]

    static func ascii(_ word: String) -> [UInt32] { word.unicodeScalars.map(\.value) }

    /// The words of a regex alternation (`¥|￥|\$|RMB|…`), tried in order, kept in one array (trying them
    /// copies nothing), with the characters a word may start with for a quick no. The words of a
    /// case-insensitive alternation are lower-cased, as ICU folds a pattern.
    struct Alternation: Sendable {
        let characters: [UInt32]
        /// Where each word ends in ``characters``.
        let wordEnds: [Int]
        let caseless: Bool
        let starts: ScalarSet

        init(_ words: [String], caseless: Bool = false) {
            let words = words.map { caseless ? $0.lowercasedFast() : $0 }.map(FactScanner.ascii)
            characters = words.flatMap { $0 }
            wordEnds = words.indices.map { words[...$0].reduce(0) { $0 + $1.count } }
            self.caseless = caseless
            var starts = words.map { $0[0] }
            if caseless {  // either case, and what folds to the letter (ſ for s)
                starts += starts.filter { (0x61...0x7A).contains($0) }.map { $0 - 0x20 }
                starts += FactScanner.asciiFoldings.filter { folding in words.contains { $0[0] == folding.value[0] } }.keys
            }
            self.starts = ScalarSet(starts)
        }
    }
}

extension FactScanner.Text {
    /// Where the first word of `alternation` written at `i` ends — the first that `accept`s its end, as a
    /// regex backtracks into an alternation when what follows a word fails; nil when none does.
    func firstMatch(of alternation: FactScanner.Alternation, at i: Int, where accept: (Int) -> Bool = { _ in true }) -> Int? {
        guard alternation.starts.contains(self[i]) else { return nil }
        return alternation.characters.withUnsafeBufferPointer { characters in
            var begin = 0
            for end in alternation.wordEnds {
                let word = UnsafeBufferPointer(rebasing: characters[begin..<end])
                if let found = alternation.caseless ? matchFolded(word, at: i) : matchExact(word, at: i), accept(found) { return found }
                begin = end
            }
            return nil
        }
    }

    /// Where `literal` ends when it is written at `i`, character for character; nil when it is not.
    func matchExact<Literal: Collection<UInt32>>(_ literal: Literal, at i: Int) -> Int? {
        var j = i
        for c in literal {
            guard self[j] == c else { return nil }
            j += 1
        }
        return j
    }

    /// Where the case-insensitive `literal` (lower-cased, as ICU folds a pattern) ends when it is written
    /// at `i`. As in ICU, the input is compared by its full case folding (ß is `ss`), and a character's
    /// folding must end within the literal (`ﬆ` matches `st`, not the `s` of `sep`); a character without
    /// case (Chinese) is compared as it is.
    func matchFolded<Literal: Collection<UInt32>>(_ literal: Literal, at i: Int) -> Int? where Literal.Index == Int {
        var j = i, k = literal.startIndex
        while k < literal.endIndex {
            let c = self[j]
            if c < 0x80 || literal[k] >= 0x80 {
                let lower = (0x41...0x5A).contains(c) ? c + 0x20 : c
                guard lower == literal[k] else { return nil }
                k += 1
            } else {
                guard let folded = FactScanner.asciiFoldings[c], literal.endIndex - k >= folded.count,
                    literal[k..<(k + folded.count)].elementsEqual(folded)
                else { return nil }
                k += folded.count
            }
            j += 1
        }
        return j
    }
}
