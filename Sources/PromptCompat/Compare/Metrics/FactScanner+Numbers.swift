/// Amounts, percentages, numbers with units and plain numbers: the patterns built on `NUMBER`,
/// `d{1,3}(?:[,，]d{3})+(?:[.．]d+)?|d+(?:[.．]d+)?`.
extension FactScanner.Text {
    /// Offers each place where `NUMBER` written at `start` may end to `accept`, in the order ICU's
    /// backtracking tries them, and returns the first answer that is not nil. First the grouped form —
    /// one to three digits (most first), then as many `,ddd` groups as there are down to one, each with
    /// its decimals (all digits, fewer, none) — then a plain run of digits, longest first, with decimals.
    /// What follows `NUMBER` in a pattern decides which end is taken: nothing (the first), a currency
    /// word, `%`, a unit or the absence of a digit.
    func number<Answer>(at start: Int, _ accept: (Int) -> Answer?) -> Answer? {
        let digits = digitCount(from: start)
        guard digits > 0 else { return nil }
        for lead in stride(from: min(3, digits), through: 1, by: -1) {
            var groups = 0
            while isGroupedThousand(at: start + lead + 4 * groups) { groups += 1 }
            for count in stride(from: groups, through: 1, by: -1) {
                if let answer = withDecimals(after: start + lead + 4 * count, accept) { return answer }
            }
        }
        for length in stride(from: digits, through: 1, by: -1) {
            if let answer = withDecimals(after: start + length, accept) { return answer }
        }
        return nil
    }

    /// `[,，]d{3}` at `p`.
    func isGroupedThousand(at p: Int) -> Bool {
        (self[p] == 0x2C || self[p] == 0xFF0C) && digitCount(from: p + 1) >= 3
    }

    /// `(?:[.．]d+)?` after `p`: all the decimals, then fewer, then none.
    func withDecimals<Answer>(after p: Int, _ accept: (Int) -> Answer?) -> Answer? {
        if self[p] == 0x2E || self[p] == 0xFF0E {
            for count in stride(from: digitCount(from: p + 1), through: 1, by: -1) {
                if let answer = accept(p + 1 + count) { return answer }
            }
        }
        return accept(p)
    }

    /// `\s?` then whatever `rest` finds: with the space first, then without.
    func afterOptionalSpace<Answer>(_ p: Int, _ rest: (Int) -> Answer?) -> Answer? {
        if Characters.isSpace(self[p]), let answer = rest(p + 1) { return answer }
        return rest(p)
    }

    /// `(?i)(¥|￥|\$|＄|€|£|RMB|CNY|USD|EUR|GBP|人民币)\s?(NUMBER)`.
    func currencyFirst(from start: Int) -> FactScanner.RawMatch? {
        let symbols = Self.currencySymbols
        for s in start..<count where symbols.starts.contains(self[s]) {
            guard let symbolEnd = firstMatch(of: symbols, at: s),
                let amount = afterOptionalSpace(symbolEnd, { p in number(at: p) { p..<$0 } })
            else { continue }
            return FactScanner.RawMatch(range: s..<amount.upperBound, groups: [s..<symbolEnd, amount])
        }
        return nil
    }

    static let currencySymbols = FactScanner.Alternation(["¥", "￥", "$", "＄", "€", "£", "RMB", "CNY", "USD", "EUR", "GBP", "人民币"], caseless: true)

    /// `(NUMBER)\s?(元|块钱|块|美元|欧元|英镑|RMB|CNY|USD|EUR|GBP)`, case-sensitive; no look-behind, so it may
    /// start inside a run of digits (`1,2345元` is `2345元`).
    func amountFirst(from start: Int) -> FactScanner.RawMatch? {
        for run in digitRuns(endingAfter: start) {
            for s in max(run.lowerBound, start)..<run.upperBound {
                let found = number(at: s) { end in
                    afterOptionalSpace(end) { p in firstMatch(of: Self.currencyWords, at: p).map { (end, p..<$0) } }
                }
                if case let (end, word)? = found { return FactScanner.RawMatch(range: s..<word.upperBound, groups: [s..<end, word]) }
            }
        }
        return nil
    }

    static let currencyWords = FactScanner.Alternation(["元", "块钱", "块", "美元", "欧元", "英镑", "RMB", "CNY", "USD", "EUR", "GBP"])

    /// `(NUMBER)\s?[%％]`; like amounts, it may start inside a run of digits.
    func percentage(from start: Int) -> FactScanner.RawMatch? {
        for run in digitRuns(endingAfter: start) {
            for s in max(run.lowerBound, start)..<run.upperBound {
                let found = number(at: s) { end in
                    afterOptionalSpace(end) { p in self[p] == 0x25 || self[p] == 0xFF05 ? (end, p + 1) : nil }
                }
                if case let (end, matchEnd)? = found { return FactScanner.RawMatch(range: s..<matchEnd, groups: [s..<end]) }
            }
        }
        return nil
    }

    /// `(?<![A-Za-z0-9Ａ-Ｚａ-ｚ０-９.．])(d{1,6}(?:[.．]d+)?)(?:UNITS)(?![A-Za-z0-9Ａ-Ｚａ-ｚ０-９])`: the units are
    /// tried in their order, and one followed by a letter or digit gives way to the next (`5ms` is not `m`).
    func measure(from start: Int) -> FactScanner.RawMatch? {
        for run in digitRuns(from: start) {
            let s = run.lowerBound
            let before = self[s - 1]
            guard !Characters.isLatinAlphanumeric(before), before != 0x2E, before != 0xFF0E else { continue }
            for lead in stride(from: min(6, digitCount(from: s)), through: 1, by: -1) {
                let found = withDecimals(after: s + lead) { end in
                    firstMatch(of: Self.units, at: end, where: { !Characters.isLatinAlphanumeric(self[$0]) }).map { (end, $0) }
                }
                if case let (end, unitEnd)? = found { return FactScanner.RawMatch(range: s..<unitEnd, groups: [s..<end]) }
            }
        }
        return nil
    }

    /// Units written right after a number (`180g`, `10000mAh`), in the regex's order.
    static let unitNames = [
        "mAh", "kWh", "Wh", "kW", "W", "V", "mA", "A", "GHz", "MHz", "Hz", "TB", "GB", "MB", "KB", "kb", "Gb", "Mb", "kg", "mg", "g",
        "ml", "mL", "L", "l", "km", "cm", "mm", "m", "ms", "s", "min", "h", "in", "ft", "lb", "oz", "px", "pt", "K", "k", "x",
    ]
    static let units = FactScanner.Alternation(unitNames)

    /// `(?<![0-9０-９.．])(?:NUMBER)(?![0-9０-９])`.
    func plainNumber(from start: Int) -> FactScanner.RawMatch? {
        for run in digitRuns(from: start) {
            let s = run.lowerBound
            let before = self[s - 1]
            guard !Characters.isDigit(before), before != 0x2E, before != 0xFF0E,
                let end = number(at: s, { Characters.isDigit(self[$0]) ? nil : $0 })
            else { continue }
            return FactScanner.RawMatch(range: s..<end, groups: [])
        }
        return nil
    }
}
