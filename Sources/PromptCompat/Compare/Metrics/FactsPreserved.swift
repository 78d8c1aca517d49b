/// The share of the reference's facts — numbers, dates, amounts, percentages, phone numbers,
/// identifiers, emails, URLs — that the candidate still states, whatever the spelling.
///
/// - Range: 0…1; 1 when every distinct reference fact is in the candidate, and also when the reference
///   has no facts at all (even if the candidate is empty); 0 when none is.
/// - Definition: ``facts(in:)`` on both texts; a reference fact counts as present when the candidate has a
///   fact of the same kind and normalized value, or — for a number — any fact containing that number
///   (`299` is in `¥299`, `15` in `15%`, `2024` and `9` in `2024-07-09`), and for a month-and-day date a
///   full date with that month and day. Spellings that agree: `1,299.00` = `1299`, `2024-07-09` =
///   `2024/7/9` = `2024年7月9日` = `July 9, 2024` = `9 July 2024`, `¥299` = `299元` = `RMB 299`,
///   `+86 138-0013-8000` = `13800138000`, full-width digits = half-width. Not understood: numbers in words
///   (`三百`, `two`), relative dates, units other than currencies.
/// - When to use: answers that carry data (order numbers, prices, dates, contact details) — a model that
///   rewrites `¥1,299` as `¥1,199` keeps ROUGE-L at 0.95 and loses a fact here. List them with
///   ``missing(_:_:)`` and ``changed(_:_:)``.
///
/// ```swift
/// let reference = "订单20240709001已于2024年7月9日发货，金额¥1,299.00。"
/// FactsPreserved().score(reference, "Order 20240709001 shipped on July 9, 2024, total 1299元.")   // 1
/// FactsPreserved.missing(reference, "订单已于7月10日发货，金额¥1,299。")   // ["20240709001", "2024年7月9日"]
/// ```
public struct FactsPreserved: Metric {
    public init() {}

    public var name: String { "facts" }

    public func score(_ reference: String, _ candidate: String) -> Double {
        let facts = Self.distinct(Self.facts(in: reference))
        guard !facts.isEmpty else { return 1 }
        let present = Self.presentKeys(in: candidate)
        return Double(facts.filter { present.contains($0.key) }.count) / Double(facts.count)
    }

    /// The facts of `text`, in the order they are written.
    public static func facts(in text: String) -> [Fact] {
        FactExtractor.facts(in: text)
    }

    /// The reference facts the candidate does not state, as written in the reference, each once.
    public static func missing(_ reference: String, _ candidate: String) -> [String] {
        missingFacts(reference, candidate).map(\.text)
    }

    /// Missing reference facts paired with the candidate's new facts of the same kind, where that pairing is
    /// obvious: for each kind with as many missing facts as new ones, in written order (a changed price, a
    /// moved date). Kinds where the counts differ are left out.
    ///
    /// ```swift
    /// FactsPreserved.changed("2024年7月9日发货，¥299", "2024年7月10日发货，¥299")
    /// // [FactChange(kind: .date, reference: "2024年7月9日", candidate: "2024年7月10日")]
    /// ```
    public static func changed(_ reference: String, _ candidate: String) -> [FactChange] {
        let missing = missingFacts(reference, candidate)
        let referenceKeys = Set(facts(in: reference).flatMap(containedKeys))
        let new = distinct(facts(in: candidate)).filter { !referenceKeys.contains($0.key) }
        return Fact.Kind.allCases.flatMap { kind -> [FactChange] in
            let before = missing.filter { $0.kind == kind }, after = new.filter { $0.kind == kind }
            guard before.count == after.count else { return [] }
            return zip(before, after).map { FactChange(kind: kind, reference: $0.text, candidate: $1.text) }
        }
    }

    /// An amount is also kept by its bare number (`免赔额：600－100＝500元` keeps `免赔额100元`); a percentage or
    /// another amount with that number is not the amount (¥20 off → 20% off is a change).
    static func missingFacts(_ reference: String, _ candidate: String) -> [Fact] {
        missingFacts(reference, present: presentKeys(in: candidate), bare: bareNumbers(in: candidate))
    }

    /// The keys of the bare numbers of `text`.
    static func bareNumbers(in text: String) -> Set<String> { Set(facts(in: text).filter { $0.kind == .number }.map(\.key)) }

    /// ``missingFacts(_:_:)`` against the candidate's keys (``presentKeys(in:)``) and bare numbers, gathered
    /// from one text or several.
    static func missingFacts(_ reference: String, present: Set<String>, bare: Set<String>) -> [Fact] {
        distinct(facts(in: reference)).filter { fact in
            !present.contains(fact.key) && !(fact.kind == .amount && containedKeys(fact).dropFirst().contains(where: bare.contains))
                && !(afternoonKey(of: fact).map(present.contains) ?? false)
                && !(yearlessKey(of: fact).map(present.contains) ?? false)
                && !(measureKey(of: fact).map(present.contains) ?? false)
                && !(alternateKey(of: fact).map(present.contains) ?? false)
        }
    }

    /// The other reading of a date between slashes whose first two numbers could each be the month
    /// (`07/10/2024`: 10 July, or 7 October as written in the UK): its key; nil for anything else.
    static func alternateKey(of fact: Fact) -> String? {
        guard fact.kind == .date, fact.text.utf8.filter({ $0 == 0x2F }).count == 2 else { return nil }
        let parts = TextNormalizer.nfkc(fact.text).split(separator: "/").map { Int($0) }
        guard parts.count == 3, let first = parts[0], let second = parts[1], let year = parts[2], first != second,
              (1...12).contains(first), (1...12).contains(second) else { return nil }
        return FactExtractor.date(year: String(year), month: second, day: first).map { "date:\($0)" }
    }

    /// A number joined to its unit word by a hyphen (`60-min`, `24-hour`, `5-day`) reads as a code; it is
    /// the number: its key, nil for anything else.
    static func measureKey(of fact: Fact) -> String? {
        guard fact.kind == .identifier, let dash = fact.text.firstIndex(of: "-") else { return nil }
        let number = fact.text[..<dash], unit = fact.text[fact.text.index(after: dash)...]
        guard !number.isEmpty, number.allSatisfy({ $0.isASCII && $0.isNumber }), !unit.isEmpty, unit.allSatisfy({ $0.isASCII && $0.isLowercase }) else { return nil }
        return "number:\(FactExtractor.canonicalNumber(String(number)))"
    }

    /// The key a date of the same month and day written without a year answers to (`今年5月1日` for
    /// `2024年5月1日`: the year is the reader's own); nil for anything but a whole date. Another year is
    /// still another date: `2025年5月1日` has its own key, not this one.
    static func yearlessKey(of fact: Fact) -> String? {
        guard fact.kind == .date, fact.value.count == 10, fact.value.first?.isNumber == true else { return nil }
        return "yearless:--\(fact.value.suffix(5))"
    }

    /// The key a date written without a year (`5月1日`, value `--05-01`) answers to as such
    /// (``yearlessKey(of:)`` of a dated one is the same key); nil for any other fact.
    static func ownYearlessKey(of fact: Fact) -> String? {
        fact.kind == .date && fact.value.hasPrefix("--") ? "yearless:\(fact.value)" : nil
    }

    /// The key of the same clock time in the afternoon, for a time written without a part of the day and with
    /// an hour of 1–11 (`大约10点以后` after `晚上8点` is 22:00): nil for any other fact. An accepted
    /// answer's such time is kept by the candidate's afternoon one (said more exactly); the candidate's such
    /// time does not stand for an accepted afternoon one (`15:00` → `3:00` loses the afternoon).
    static func afternoonKey(of fact: Fact) -> String? {
        guard fact.kind == .date, fact.value.hasPrefix("T"), let hour = Int(fact.value.dropFirst().prefix(2)), (1...11).contains(hour),
              fact.text.allSatisfy({ $0.isNumber || $0 == ":" || $0 == "：" || $0.isWhitespace }) else { return nil }
        return "\(fact.kind.rawValue):T\(hour + 12):\(fact.value.suffix(2))"
    }

    /// Every key the candidate's facts answer to: their own, and the numbers (and month-day) inside them.
    /// A span in weeks also answers for its days and the other way round (``SpanEquivalents``). The checks
    /// ask this of the same texts several times a case: the last answers are remembered.
    static func presentKeys(in text: String) -> Set<String> {
        recentKeys.value(for: text) { text in
            let facts = facts(in: text)
            // A date written without its year (`5月1日`, `--05-01`) keeps the same day of a dated one.
            // So does an English day of a month (`June 17`), which is no fact of its own.
            return Set(facts.flatMap(containedKeys) + facts.compactMap(ownYearlessKey)).union(SpanEquivalents.keys(in: text))
                .union(MonthDayKeys.keys(in: text))
        }
    }

    static let recentKeys = RecentResults<Set<String>>(capacity: 256)

    static func containedKeys(_ fact: Fact) -> [String] {
        var keys = [fact.key]
        let numbers: [String]
        switch fact.kind {
        case .amount: numbers = [String(fact.value.split(separator: " ").last ?? "")]
        case .percentage: numbers = [String(fact.value.dropLast())]
        case .date:
            let parts = fact.value.split(separator: "-").map(String.init)
            numbers = parts.map { FactExtractor.canonicalNumber($0) }
            if parts.count == 3 { keys.append("date:--\(parts[1])-\(parts[2])") }
        default: numbers = []
        }
        return keys + numbers.map { "number:\($0)" } + [measureKey(of: fact), alternateKey(of: fact)].compactMap { $0 }
    }

    /// The first of each fact with the same key.
    static func distinct(_ facts: [Fact]) -> [Fact] {
        var seen: Set<String> = []
        return facts.filter { seen.insert($0.key).inserted }
    }
}
