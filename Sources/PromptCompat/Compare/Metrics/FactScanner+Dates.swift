/// Dates and clock times.
extension FactScanner.Text {
    /// `(?<!d)(d{4})\s*[-/.年]\s*(d{1,2})\s*[-/.月]\s*(d{1,2})(?:\s*[日号])?(?!d)`. A `d{1,2}` takes a whole run
    /// of one or two digits (a longer run leaves a digit where a separator must be); `日` is kept only when
    /// no digit follows it.
    func yearMonthDay(from start: Int) -> FactScanner.RawMatch? {
        for run in digitRuns(from: start) {
            let s = run.lowerBound
            guard digitCount(from: s) == 4, Self.yearSeparators.contains(self[endOfSpaces(from: s + 4)]) else { continue }
            let month = shortNumber(at: endOfSpaces(from: endOfSpaces(from: s + 4) + 1))
            guard let month, Self.monthSeparators.contains(self[endOfSpaces(from: month.upperBound)]) else { continue }
            guard let day = shortNumber(at: endOfSpaces(from: endOfSpaces(from: month.upperBound) + 1)) else { continue }
            let mark = endOfSpaces(from: day.upperBound)
            let groups = [s..<(s + 4), month, day]
            if Self.dayMarks.contains(self[mark]), !Characters.isDigit(self[mark + 1]) {
                return FactScanner.RawMatch(range: s..<(mark + 1), groups: groups)
            }
            if !Characters.isDigit(self[day.upperBound]) { return FactScanner.RawMatch(range: s..<day.upperBound, groups: groups) }
        }
        return nil
    }

    /// `d{1,2}` followed by something else than a digit: the digits, or nil.
    func shortNumber(at p: Int) -> Range<Int>? {
        let digits = digitCount(from: p)
        return (1...2).contains(digits) ? p..<(p + digits) : nil
    }

    static let yearSeparators = FactScanner.ScalarSet("-/.年")
    static let monthSeparators = FactScanner.ScalarSet("-/.月")
    static let dayMarks = FactScanner.ScalarSet("日号")
    static let monthCharacter = "月".unicodeScalars.first!.value

    /// `(?i)\b(MONTH)\.?\s+(d{1,2})(?:st|nd|rd|th)?,?\s+(d{4})(?!d)`: `July 9, 2024`, `Sept. 1st 2024`.
    func monthNameDayYear(from start: Int) -> FactScanner.RawMatch? {
        for s in start..<count where Self.mayStartMonthName(self[s]) {
            for monthEnd in monthNameEnds(at: s) where isWordBoundary(at: s) {
                var p = self[monthEnd] == 0x2E ? monthEnd + 1 : monthEnd
                guard endOfSpaces(from: p) > p, let day = shortNumber(at: endOfSpaces(from: p)) else { continue }
                p = ordinalEnd(at: day.upperBound) ?? day.upperBound
                if self[p] == 0x2C { p += 1 }
                guard endOfSpaces(from: p) > p, let year = year(at: endOfSpaces(from: p)) else { continue }
                return FactScanner.RawMatch(range: s..<year.upperBound, groups: [s..<monthEnd, day, year])
            }
        }
        return nil
    }

    /// `(?i)(?<!d)(d{1,2})(?:st|nd|rd|th)?\s+(MONTH)\.?,?\s+(d{4})(?!d)`: `9 July 2024`, `1st Sep, 2024`.
    func dayMonthNameYear(from start: Int) -> FactScanner.RawMatch? {
        for run in digitRuns(from: start) {
            let s = run.lowerBound
            guard let day = shortNumber(at: s) else { continue }
            let afterDay = ordinalEnd(at: day.upperBound) ?? day.upperBound
            let monthStart = endOfSpaces(from: afterDay)
            guard monthStart > afterDay else { continue }
            for monthEnd in monthNameEnds(at: monthStart) {
                var p = self[monthEnd] == 0x2E ? monthEnd + 1 : monthEnd
                if self[p] == 0x2C { p += 1 }
                guard endOfSpaces(from: p) > p, let year = year(at: endOfSpaces(from: p)) else { continue }
                return FactScanner.RawMatch(range: s..<year.upperBound, groups: [day, monthStart..<monthEnd, year])
            }
        }
        return nil
    }

    /// `(d{4})(?!d)`.
    func year(at p: Int) -> Range<Int>? { digitCount(from: p) == 4 ? p..<(p + 4) : nil }

    /// `(?:st|nd|rd|th)`, case-insensitive.
    func ordinalEnd(at p: Int) -> Int? { firstMatch(of: Self.ordinalSuffixes, at: p) }

    static let ordinalSuffixes = FactScanner.Alternation(["st", "nd", "rd", "th"], caseless: true)

    /// The month names as the regex alternation has them: a stem, then optional parts each inside the
    /// one before — `Sep(?:t(?:ember)?)?` is `sep`, then `t`, then `ember`.
    static let monthNames: [[[UInt32]]] = [
        ["jan", "uary"], ["feb", "ruary"], ["mar", "ch"], ["apr", "il"], ["may"], ["jun", "e"], ["jul", "y"],
        ["aug", "ust"], ["sep", "t", "ember"], ["oct", "ober"], ["nov", "ember"], ["dec", "ember"],
    ].map { $0.map(FactScanner.ascii) }

    static func mayStartMonthName(_ c: UInt32) -> Bool { Characters.isASCIILetter(c) || c == 0x17F }

    /// Where a month name written at `p` may end, in the order the alternation tries them: the longest form
    /// first. Every stem is three letters of which no two come from one character (no folding of ß or a
    /// ligature is in a stem; ſ gives one `s`), so the stem's three characters, folded, find the one
    /// alternative that can match — the others' stems differ.
    func monthNameEnds(at p: Int) -> [Int] {
        guard let first = Self.foldedLetter(self[p]), let second = Self.foldedLetter(self[p + 1]), let third = Self.foldedLetter(self[p + 2]) else { return [] }
        let alternative = Self.monthByStem[(first * 26 + second) * 26 + third]
        guard alternative >= 0 else { return [] }
        let parts = Self.monthNames[Int(alternative)]
        guard var end = matchFolded(parts[0], at: p) else { return [] }
        var ends = [end]
        for part in parts.dropFirst() {
            guard let next = matchFolded(part, at: end) else { break }
            end = next
            ends.append(end)
        }
        return ends.reversed()
    }

    /// A letter's place in a…z, case folded (ſ is `s`); nil for anything else.
    static func foldedLetter(_ c: UInt32) -> Int? {
        if (0x61...0x7A).contains(c) { return Int(c - 0x61) }
        if (0x41...0x5A).contains(c) { return Int(c - 0x41) }
        return c == 0x17F ? 18 : nil
    }

    /// Which of ``monthNames`` each three-letter stem (`jan` as 9·26² + 0·26 + 13) begins; -1 for none.
    static let monthByStem: [Int8] = {
        var table = [Int8](repeating: -1, count: 26 * 26 * 26)
        for (index, parts) in monthNames.enumerated() {
            let letters = parts[0].map { Int($0) - 0x61 }
            table[(letters[0] * 26 + letters[1]) * 26 + letters[2]] = Int8(index)
        }
        return table
    }()

    /// ICU's `\b`: a word character on one side only, looking back past marks and format characters, and
    /// never before one of them.
    func isWordBoundary(at p: Int) -> Bool {
        let current = self[p]
        if current != Self.end && Characters.isTransparentToWordBoundary(current) { return false }
        var before = p - 1
        while before >= 0, Characters.isTransparentToWordBoundary(self[before]) { before -= 1 }
        let previousIsWord = before >= 0 && Characters.isWord(self[before])
        return (current != Self.end && Characters.isWord(current)) != previousIsWord
    }

    /// `(?<!d)(d{1,2})\s*月\s*(d{1,2})\s*[日号]`: `7月9日`.
    func monthDay(from start: Int) -> FactScanner.RawMatch? {
        for run in digitRuns(from: start) {
            let s = run.lowerBound
            guard let month = shortNumber(at: s) else { continue }
            let mark = endOfSpaces(from: month.upperBound)
            guard self[mark] == Self.monthCharacter, let day = shortNumber(at: endOfSpaces(from: mark + 1)) else { continue }
            let end = endOfSpaces(from: day.upperBound)
            if Self.dayMarks.contains(self[end]) { return FactScanner.RawMatch(range: s..<(end + 1), groups: [month, day]) }
        }
        return nil
    }

    /// `(?<!d)(d{1,2})/(d{1,2})/(d{4})(?!d)`: `10/07/2024`, `14/11/2024`. Each number a whole run of digits.
    func slashDate(from start: Int) -> FactScanner.RawMatch? {
        for run in digitRuns(from: start) where run.count <= 2 && self[run.upperBound] == 0x2F {
            let second = run.upperBound + 1
            guard let middle = shortNumber(at: second), self[middle.upperBound] == 0x2F else { continue }
            let year = middle.upperBound + 1
            guard digitCount(from: year) == 4 else { continue }
            return FactScanner.RawMatch(range: run.lowerBound..<(year + 4), groups: [run, middle, year..<(year + 4)])
        }
        return nil
    }

    /// `(?i)(上午|早上|中午|下午|晚上|AM|PM)?\s*(?<!d)(d{1,2})[:：](d{2})(?!d)\s*(AM|PM|a\.m\.|p\.m\.)?`. The hour is
    /// a whole run of digits; a match reaching it may start at the spaces before it or at a marker right
    /// before those (every marker is two characters), the leftmost such start from `start` on winning. It
    /// takes the spaces after the time even without a marker.
    func clockTime(from start: Int) -> FactScanner.RawMatch? {
        for run in digitRuns(from: start) where run.count <= 2 && Self.timeSeparators.contains(self[run.upperBound]) {
            var spaces = run.lowerBound
            while spaces > 0, Characters.isSpace(self[spaces - 1]) { spaces -= 1 }
            let markerStart = spaces - 2
            if markerStart >= start, firstMatch(of: Self.dayPeriods, at: markerStart) == spaces,
                let match = clockTime(start: markerStart, marker: markerStart..<spaces, hour: run.lowerBound) {
                return match
            }
            if let match = clockTime(start: max(spaces, start), marker: nil, hour: run.lowerBound) { return match }
        }
        return nil
    }

    func clockTime(start: Int, marker: Range<Int>?, hour p: Int) -> FactScanner.RawMatch? {
        guard !Characters.isDigit(self[p - 1]), let hour = shortNumber(at: p), Self.timeSeparators.contains(self[hour.upperBound]),
            digitCount(from: hour.upperBound + 1) == 2
        else { return nil }
        let minute = (hour.upperBound + 1)..<(hour.upperBound + 3)
        let suffixStart = endOfSpaces(from: minute.upperBound)
        let suffixEnd = firstMatch(of: Self.clockSuffixes, at: suffixStart)
        return FactScanner.RawMatch(
            range: start..<(suffixEnd ?? suffixStart),
            groups: [marker, hour, minute, suffixEnd.map { suffixStart..<$0 }])
    }

    static let dayPeriods = FactScanner.Alternation(["上午", "早上", "中午", "下午", "晚上", "AM", "PM"], caseless: true)
    static let clockSuffixes = FactScanner.Alternation(["AM", "PM", "a.m.", "p.m."], caseless: true)
    static let timeSeparators = FactScanner.ScalarSet(":：")
}
