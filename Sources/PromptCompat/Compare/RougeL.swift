import Foundation

/// ROUGE-L F1 over ``Tokenizer`` tokens: the longest common subsequence of the two token lists, as
/// precision and recall harmonic mean. Range 0…1; 1 means the same tokens in the same order.
///
/// Good for: "does the new answer say the same things in roughly the same order?" on prose, CJK or Latin.
/// Two empty texts score 1; one empty text scores 0.
///
/// ```swift
/// RougeL.f1("您好，订单已发货", "您好，您的订单已经发货")   // ≈ 0.82
/// ```
public enum RougeL {
    public static func f1(_ reference: String, _ candidate: String) -> Double {
        f1(tokens: Tokenizer.tokens(reference), Tokenizer.tokens(candidate))
    }

    public static func f1(tokens reference: [String], _ candidate: [String]) -> Double {
        if reference.isEmpty && candidate.isEmpty { return 1 }
        if reference.isEmpty || candidate.isEmpty { return 0 }
        let lcs = Double(lcsLength(reference, candidate))
        if lcs == 0 { return 0 }
        let precision = lcs / Double(candidate.count)
        let recall = lcs / Double(reference.count)
        return 2 * precision * recall / (precision + recall)
    }

    /// Length of the longest common subsequence, in O(n·m) time and O(m) memory.
    static func lcsLength<T: Equatable>(_ a: [T], _ b: [T]) -> Int {
        guard !a.isEmpty, !b.isEmpty else { return 0 }
        var previous = [Int](repeating: 0, count: b.count + 1)
        var current = previous
        for x in a {
            for (j, y) in b.enumerated() {
                current[j + 1] = x == y ? previous[j] + 1 : max(previous[j + 1], current[j])
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }
}
