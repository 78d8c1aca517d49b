import Foundation

/// An amount an answer works out from what the accepted answers or the prompt state, rather than makes up: a total of
/// instalments (`三笔合计117,600元` for 50,400 + 58,800 + 8,400), a balance (a total less a deposit), a price
/// times a count (`14 × $8.00` → `$112.00`), a share of a price (`25% of $111.00` → `$27.75`) or the price
/// after it (`15% off $54` → `$45.90`). The amounts are read in one currency; the counts are the bare
/// numbers and the shares the percentages of the same texts. Only from known texts: two made-up amounts
/// derive each other (`立减5元，仅需20元` of a 25元 card).
///
/// ```swift
/// let facts = FactsPreserved.facts(in: "三笔合计117,600元")
/// DerivedAmounts.isDerived(facts[0], from: ["签约50,400元；水电50,400元；木作58,800元；竣工8,400元"])   // true
/// // Several amounts against the same texts: read them once.
/// let derived = DerivedAmounts(from: ["签约50,400元；水电50,400元；木作58,800元；竣工8,400元"])
/// derived.derives(facts[0])   // true
/// ```
struct DerivedAmounts {
    /// At most this many amounts are added up: instalments, the lines of a bill.
    static let largestSum = 4
    /// At most this many distinct amounts are tried (the sums grow with the fourth power).
    static let mostAmounts = 12

    /// The distinct amounts of the texts by currency, in order; their bare counts (2–1000, whole); their shares.
    private var amounts: [String: [Double]] = [:]
    private var counts: [Double] = [], shares: [Double] = []

    /// What `texts` state, read once for any number of amounts asked about.
    init(from texts: [String]) {
        for other in texts.flatMap(FactsPreserved.facts(in:)) {
            switch other.kind {
            case .amount:
                if let (unit, number) = Self.parse(other.value), amounts[unit]?.contains(number) != true { amounts[unit, default: []].append(number) }
            case .number:
                if let number = Double(other.value), number > 1, number <= 1000, number == number.rounded() { counts.append(number) }
            case .percentage:
                if let number = Double(other.value.dropLast()), number > 0, number < 100 { shares.append(number / 100) }
            default: break
            }
        }
    }

    /// Whether `fact`, an amount, is a sum of up to ``largestSum`` amounts of `texts` in its currency, the
    /// difference of two, one times a count of the texts, or a share of one or what is left after it.
    static func isDerived(_ fact: Fact, from texts: [String]) -> Bool {
        DerivedAmounts(from: texts).derives(fact)
    }

    /// ``isDerived(_:from:)`` against the texts read.
    func derives(_ fact: Fact) -> Bool {
        guard fact.kind == .amount, let (currency, value) = Self.parse(fact.value) else { return false }
        let tried = Array((amounts[currency] ?? []).lazy.filter { $0 != value }.prefix(Self.mostAmounts))
        func same(_ x: Double) -> Bool { abs(x - value) < 0.005 }
        if Self.sums(of: tried, upTo: Self.largestSum).contains(where: same) { return true }
        for a in tried {
            if tried.contains(where: { same(a - $0) }) { return true }
            if counts.contains(where: { same(a * $0) }) { return true }
            if shares.contains(where: { same(a * $0) || same(a * (1 - $0)) }) { return true }
        }
        return false
    }

    /// The sums of two to `size` distinct members of `values`.
    static func sums(of values: [Double], upTo size: Int) -> [Double] {
        var found: [Double] = []
        func extend(from start: Int, total: Double, count: Int) {
            guard count < size else { return }
            for i in start..<values.count {
                let next = total + values[i]
                if count + 1 >= 2 { found.append(next) }
                extend(from: i + 1, total: next, count: count + 1)
            }
        }
        extend(from: 0, total: 0, count: 0)
        return found
    }

    /// `CNY 1299` → (`CNY`, 1299).
    static func parse(_ value: String) -> (String, Double)? {
        let parts = value.split(separator: " ")
        guard parts.count == 2, let number = Double(parts[1]) else { return nil }
        return (String(parts[0]), number)
    }
}
