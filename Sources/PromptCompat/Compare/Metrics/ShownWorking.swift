/// The working an answer shows: the operands of a calculation written out with `=` (`500 × $0.09 = $45.00`,
/// `150万元×2%=3万元`). An answer that gives the same result without the working has left out no fact.
///
/// ```swift
/// ShownWorking.operands(in: "名片：500 × ¥0.09 = ¥45.00", keptBy: FactsPreserved.presentKeys(in: "名片共¥45.00"))
/// // {"500", "¥0.09"}
/// ShownWorking.operands(in: "名片：500 × ¥0.09 = ¥45.00", keptBy: FactsPreserved.presentKeys(in: "名片共¥40.00"))
/// // {}: the result changed, so its working is owed
/// ```
enum ShownWorking {
    /// The texts of the facts left of an `=` whose result (the first fact right of it) `kept` has: each
    /// calculation from the start of its clause (a line, a sentence, a `;` / `；` / `：` part) to its `=`.
    /// An operand the answer also states elsewhere (`费率为35%…6000元×35%=2100元`) is a fact of its own.
    static func operands(in text: String, keptBy kept: Set<String>) -> Set<String> {
        guard UTF8Search.contains("=", in: text) || UTF8Search.contains("＝", in: text) else { return [] }
        var operands: Set<String> = []
        for clause in text.split(whereSeparator: { "\n。；;：".contains($0) }) {
            var rest = clause[...]
            while let equals = rest.firstIndex(where: { $0 == "=" || $0 == "＝" }) {
                let left = rest[..<equals], right = rest[rest.index(after: equals)...]
                defer { rest = right }
                guard let result = FactsPreserved.facts(in: String(right)).first, kept.contains(result.key) else { continue }
                // The operands: the left side's own facts (from the last comma, where a sentence leads in).
                let expression = left.split(whereSeparator: { $0 == "," || $0 == "，" }).last ?? left
                operands.formUnion(FactsPreserved.facts(in: String(expression)).map(\.text))
            }
        }
        return operands.filter { operand in text.components(separatedBy: operand).count == 2 }
    }

    /// Amounts the accepted answer gives as the working of another figure — inside brackets (`(£120 for
    /// both)`, `（合计240元）`) or as the base of a share (`25% of $111.00`) — that `texts` (the candidate, the
    /// prompt) work out by themselves (``DerivedAmounts``: `£60 per lot` and `two paintings`, `$45.00` and
    /// `$66.00`). A headline total stands outside brackets and stays owed.
    static func intermediates(in accepted: String, derivedFrom texts: [String]) -> Set<String> {
        var pieces: [String] = []
        for opening in ["(", "（"] where UTF8Search.contains(opening, in: accepted) {
            for part in accepted.components(separatedBy: opening).dropFirst() {
                if let close = part.firstIndex(where: { $0 == ")" || $0 == "）" }) { pieces.append(String(part[..<close])) }
            }
        }
        if UTF8Search.contains("% of ", in: accepted) {
            pieces += accepted.components(separatedBy: "% of ").dropFirst().map { String($0.prefix(16)) }
        }
        let amounts = pieces.flatMap(FactsPreserved.facts(in:)).filter { $0.kind == .amount }
        guard !amounts.isEmpty else { return [] }
        let derived = DerivedAmounts(from: texts)
        return Set(amounts.filter(derived.derives).map(\.text))
    }

    /// Subtotals the accepted answer passes through on its way to a result: an amount it drops that is the sum
    /// or the difference of two amounts both answers state, and that plus or less a third gives a fourth both
    /// state — `$150.00 deposit plus $4.50 interest comes to $154.50; the $63.27 bill is deducted, leaving
    /// $91.23`, where the candidate lists the deposit, the interest, the bill and the $91.23. Only where the
    /// candidate states no amount the accepted answer lacks: a changed figure is never a subtotal left out.
    static func subtotals(in accepted: String, candidate: String) -> Set<String> {
        let facts = FactsPreserved.facts(in: accepted).filter { $0.kind == .amount }
        let kept = FactsPreserved.presentKeys(in: candidate)
        let dropped = facts.filter { !kept.contains($0.key) }
        guard !dropped.isEmpty, facts.count - dropped.count >= 3 else { return [] }
        let acceptedKeys = Set(facts.map(\.key))
        guard FactsPreserved.facts(in: candidate).allSatisfy({ $0.kind != .amount || acceptedKeys.contains($0.key) }) else { return [] }
        let both = facts.filter { kept.contains($0.key) }.compactMap { DerivedAmounts.parse($0.value) }
        func same(_ x: Double, _ y: Double) -> Bool { abs(x - y) < 0.005 }
        return Set(dropped.filter { fact in
            guard let (currency, value) = DerivedAmounts.parse(fact.value) else { return false }
            let values = both.filter { $0.0 == currency }.map(\.1)
            let pairs = values.indices.flatMap { i in values.indices.filter { $0 > i }.map { (values[i], values[$0]) } }
            let workedOut = pairs.contains { same($0.0 + $0.1, value) || same(abs($0.0 - $0.1), value) }
            let leads = pairs.contains { same(value + $0.0, $0.1) || same(value + $0.1, $0.0) || same(value - $0.0, $0.1) || same(value - $0.1, $0.0) }
            return workedOut && leads
        }.map(\.text))
    }
}
