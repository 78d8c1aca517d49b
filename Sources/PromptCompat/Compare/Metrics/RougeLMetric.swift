/// ROUGE-L F1 as a ``Metric``: ``RougeL/f1(_:_:)`` over CJK-aware tokens (one token per CJK character,
/// Latin words and numbers whole, punctuation dropped, NFKC, lowercased).
///
/// - Range: 0…1; 1 when both texts have the same tokens in the same order; two texts without tokens
///   (empty, or only punctuation) score 1, one of them 0.
/// - Definition: LCS = the longest common token subsequence; precision = LCS / candidate tokens, recall =
///   LCS / reference tokens, F1 = 2·P·R / (P + R).
/// - When to use: free prose, Chinese or English, where the same content in the same order matters and
///   wording may vary a little. Insensitive to punctuation and spacing; blind to meaning (a negation costs
///   one token), so pair it with ``FactsPreserved`` for answers that carry numbers and names.
///
/// ```swift
/// RougeLMetric().score("订单已发货", "您的订单已经发货")   // LCS 5, P 5/8, R 1 → 10/13 ≈ 0.77
/// ```
public struct RougeLMetric: Metric {
    public init() {}

    public var name: String { "rouge-l" }

    public func score(_ reference: String, _ candidate: String) -> Double {
        RougeL.f1(reference, candidate)
    }
}
