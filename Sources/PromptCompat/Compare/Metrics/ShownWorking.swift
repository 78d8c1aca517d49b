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
}
