/// Phone numbers, list numbering, identifiers and long digit runs.
extension FactScanner.Text {
    /// `(?<![0-9０-９+])(?:\+?86[-\s]?)?1[3-9]d[-\s]?d{4}[-\s]?d{4}(?!d)`, `d` being `[0-9０-９]`. Each optional
    /// `+`, `86` or separator is taken when present: leaving it out puts it where a digit must be.
    /// A match starts at a `+`, `8` or `1` after neither digit nor `+`: at a run of digits or the `+` before it.
    func mobilePhone(from start: Int) -> FactScanner.RawMatch? {
        for run in digitRuns(from: start) {
            for s in (run.lowerBound - 1)...run.lowerBound where s >= start && (self[s] == 0x2B || self[s] == 0x38 || self[s] == 0x31) {
                let before = self[s - 1]
                guard !Characters.isDigit(before), before != 0x2B else { continue }
                if let end = mobilePhoneWithCountryCode(at: s) ?? mobileNumberEnd(at: s) {
                    return FactScanner.RawMatch(range: s..<end, groups: [])
                }
            }
        }
        return nil
    }

    func mobilePhoneWithCountryCode(at s: Int) -> Int? {
        var p = self[s] == 0x2B ? s + 1 : s
        guard self[p] == 0x38, self[p + 1] == 0x36 else { return nil }  // 86
        p += 2
        if isPhoneSeparator(self[p]) { p += 1 }
        return mobileNumberEnd(at: p)
    }

    /// `1[3-9]d[-\s]?d{4}[-\s]?d{4}(?!d)` at `p` (the `1` and `[3-9]` ASCII only).
    func mobileNumberEnd(at p: Int) -> Int? {
        guard self[p] == 0x31, (0x33...0x39).contains(self[p + 1]), Characters.isDigit(self[p + 2]) else { return nil }
        var q = p + 3
        for _ in 0..<2 {
            if isPhoneSeparator(self[q]) { q += 1 }
            guard digitCount(from: q) >= 4 else { return nil }
            q += 4
        }
        return Characters.isDigit(self[q]) ? nil : q
    }

    func isPhoneSeparator(_ c: UInt32) -> Bool { c == 0x2D || Characters.isSpace(c) }

    /// `(?<!d)(?:0d{2,3}-d{7,8}|400-?d{3}-?d{4})(?!d)`: an area code and number, or a 400 service number.
    func landlinePhone(from start: Int) -> FactScanner.RawMatch? {
        for run in digitRuns(from: start) where self[run.lowerBound] == 0x30 || self[run.lowerBound] == 0x34 {
            let s = run.lowerBound
            if let end = areaCodeNumberEnd(at: s) ?? serviceNumberEnd(at: s) {
                return FactScanner.RawMatch(range: s..<end, groups: [])
            }
        }
        return nil
    }

    /// `0d{2,3}-d{7,8}(?!d)`: the digit runs on either side of the `-` must be exactly that long.
    func areaCodeNumberEnd(at s: Int) -> Int? {
        guard self[s] == 0x30 else { return nil }
        let area = digitCount(from: s + 1)
        guard (2...3).contains(area), self[s + 1 + area] == 0x2D else { return nil }
        let number = digitCount(from: s + 2 + area)
        return (7...8).contains(number) ? s + 2 + area + number : nil
    }

    /// `400-?d{3}-?d{4}(?!d)`.
    func serviceNumberEnd(at s: Int) -> Int? {
        guard self[s] == 0x34, self[s + 1] == 0x30, self[s + 2] == 0x30 else { return nil }
        var p = s + 3
        for length in [3, 4] {
            if self[p] == 0x2D { p += 1 }
            guard digitCount(from: p) >= length else { return nil }
            p += length
        }
        return Characters.isDigit(self[p]) ? nil : p
    }

    /// `(?m)^\s*d{1,3}[.)、](?!d)`, not a fact. The number is a whole run of digits; a match reaching it starts
    /// at the first line start among the spaces before it (from `start` on). ICU's `^` follows LF, VT, FF,
    /// CR, NEL, U+2028 and U+2029, and its search steps over the place between a CR and its LF: a line
    /// after CR LF starts after the LF.
    func listNumber(from start: Int) -> FactScanner.RawMatch? {
        for run in digitRuns(from: start) where run.count <= 3 && Self.listMarks.contains(self[run.upperBound]) && !Characters.isDigit(self[run.upperBound + 1]) {
            var spaces = run.lowerBound
            while spaces > start, Characters.isSpace(self[spaces - 1]) { spaces -= 1 }
            if let lineStart = (spaces...run.lowerBound).first(where: isSearchedLineStart) {
                return FactScanner.RawMatch(range: lineStart..<(run.upperBound + 1), groups: [])
            }
        }
        return nil
    }

    func isSearchedLineStart(_ s: Int) -> Bool {
        s == 0 || (Characters.isLineTerminator(self[s - 1]) && !(self[s - 1] == 0x0D && self[s] == 0x0A))
    }

    static let listMarks = FactScanner.ScalarSet(".)、")

    /// `(?<!W)(?=I*L)(?=I*D)W+(?:[-_]W+)*`, W being `[A-Za-z0-9Ａ-Ｚａ-ｚ０-９]`, I also `_` and `-`, L a letter, D a
    /// digit: the letter and the digit may lie beyond the match (`abc-_1` is `abc`).
    func identifier(from start: Int) -> FactScanner.RawMatch? {
        var s = start
        while s < count {
            guard Characters.isLatinAlphanumeric(self[s]), !Characters.isLatinAlphanumeric(self[s - 1]) else {
                s += 1
                continue
            }
            let partsEnd = endOfRun(from: s, where: Self.isIdentifierPart)
            guard (s..<partsEnd).contains(where: { Characters.isLatinLetter(self[$0]) }),
                (s..<partsEnd).contains(where: { Characters.isDigit(self[$0]) })
            else {
                s = partsEnd  // a later start in the same run sees less of it
                continue
            }
            var end = endOfRun(from: s, where: Characters.isLatinAlphanumeric)
            while self[end] == 0x2D || self[end] == 0x5F, Characters.isLatinAlphanumeric(self[end + 1]) {
                end = endOfRun(from: end + 1, where: Characters.isLatinAlphanumeric)
            }
            return FactScanner.RawMatch(range: s..<end, groups: [])
        }
        return nil
    }

    static func isIdentifierPart(_ c: UInt32) -> Bool { Characters.isLatinAlphanumeric(c) || c == 0x2D || c == 0x5F }

    /// `(?<![0-9０-９.,])d{7,}(?!d)`: a whole run of seven or more digits.
    func longDigitRun(from start: Int) -> FactScanner.RawMatch? {
        for run in digitRuns(from: start) where run.count >= 7 && self[run.lowerBound - 1] != 0x2E && self[run.lowerBound - 1] != 0x2C {
            return FactScanner.RawMatch(range: run, groups: [])
        }
        return nil
    }
}
