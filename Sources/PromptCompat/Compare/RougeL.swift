import Foundation

/// ROUGE-L F1 over ``Tokenizer`` tokens: the longest common subsequence of the two token lists, as
/// precision and recall harmonic mean. Range 0…1; 1 means the same tokens in the same order.
///
/// Good for: "does the new answer say the same things in roughly the same order?" on prose, CJK or Latin.
/// Two empty texts score 1; one empty text scores 0.
///
/// The string form runs on integer token ids (``Tokenizer/tokenIDs(_:_:cjkBigrams:)``) with a
/// bit-parallel LCS, 64 token positions a machine word, so two 500-character answers take microseconds.
///
/// ```swift
/// RougeL.f1("您好，订单已发货", "您好，您的订单已经发货")   // 14/17 ≈ 0.82
/// ```
public enum RougeL {
    public static func f1(_ reference: String, _ candidate: String) -> Double {
        let (a, b) = Tokenizer.tokenIDs(reference, candidate)
        return f1(lcs: a.isEmpty || b.isEmpty ? 0 : BitParallel.lcsLength(a, b), referenceCount: a.count, candidateCount: b.count)
    }

    public static func f1(tokens reference: [String], _ candidate: [String]) -> Double {
        f1(lcs: lcsLength(reference, candidate), referenceCount: reference.count, candidateCount: candidate.count)
    }

    /// F1 from the LCS length and the two token counts; 1 for two empty lists, 0 for one.
    static func f1(lcs: Int, referenceCount: Int, candidateCount: Int) -> Double {
        if referenceCount == 0 && candidateCount == 0 { return 1 }
        if referenceCount == 0 || candidateCount == 0 || lcs == 0 { return 0 }
        let precision = Double(lcs) / Double(candidateCount)
        let recall = Double(lcs) / Double(referenceCount)
        return 2 * precision * recall / (precision + recall)
    }

    /// Length of the longest common subsequence, in O(n·m) time and O(m) memory: the textbook table, for
    /// any equatable tokens (the string path uses ``BitParallel/lcsLength(_:_:)``).
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
