/// How close two answers are in length: the shorter length over the longer.
///
/// - Range: 0…1; 1 for equal lengths (two empty texts too), 0 when one text is empty.
/// - Definition: lengths are ``TextNormalizer/length(_:)``: characters as a person counts them (grapheme
///   clusters) after normalization, so a CJK character is one, 👍🏽 and a ZWJ family emoji are one each, `é`
///   written as `e` + U+0301 is one, and surrounding and repeated spaces do not count.
/// - When to use: as a guard next to a content metric — a new model that answers in three lines where the
///   old one wrote thirty, or pads every answer, moves this long before it moves the others. Says nothing
///   about content: two different answers of equal length score 1.
///
/// ```swift
/// LengthRatio().score("订单已发货", "您的订单已经发货了")   // 5 and 9 characters → 5/9 ≈ 0.556
/// LengthRatio.change("订单已发货", "订单已发")             // 4 vs 5 → −0.2 (20% shorter)
/// ```
public struct LengthRatio: Metric {
    public init() {}

    public var name: String { "length-ratio" }

    public func score(_ reference: String, _ candidate: String) -> Double {
        let a = TextNormalizer.length(reference), b = TextNormalizer.length(candidate)
        if a == b { return 1 }
        return Double(min(a, b)) / Double(max(a, b))
    }

    /// The candidate's length change relative to the reference, signed: −0.4 is 40% shorter, 0.5 is 50%
    /// longer, 0 is the same length. An empty reference gives 0 for an empty candidate and +∞ otherwise.
    public static func change(_ reference: String, _ candidate: String) -> Double {
        let a = TextNormalizer.length(reference), b = TextNormalizer.length(candidate)
        if a == b { return 0 }
        if a == 0 { return .infinity }
        return Double(b - a) / Double(a)
    }
}
