import Foundation

/// One text's embedding, as a single vector.
///
/// ```swift
/// let (a, b) = (Embedding(vector: [1, 0]), Embedding(vector: [1, 1]))
/// a.similarity(to: b)   // cos 45° ≈ 0.707
/// ```
public struct Embedding: Sendable, Equatable {
    public var vector: [Double]
    /// How many per-token vectors were mean-pooled into ``vector`` when the server answered one vector per
    /// token (llama-cpp-python serving a causal model); `nil` when it answered one pooled vector.
    public var pooledTokens: Int?

    public init(vector: [Double], pooledTokens: Int? = nil) {
        self.vector = vector
        self.pooledTokens = pooledTokens
    }

    /// The embedding in an `/embeddings` answer's `data[i].embedding`: a flat vector of numbers, or one
    /// vector per token (`[[…],[…],…]`, all of one dimension), mean-pooled. `nil` for anything else.
    public init?(json value: JSONValue) {
        guard let items = value.arrayValue, !items.isEmpty else { return nil }
        if let flat = Self.numbers(items) {
            self.init(vector: flat)
            return
        }
        var tokens: [[Double]] = []
        tokens.reserveCapacity(items.count)
        for item in items {
            guard let numbers = item.arrayValue.flatMap(Self.numbers), !numbers.isEmpty,
                  numbers.count == tokens.first?.count ?? numbers.count else { return nil }
            tokens.append(numbers)
        }
        self.init(vector: Self.meanPool(tokens), pooledTokens: tokens.count)
    }

    /// The element-wise mean of equally long vectors.
    public static func meanPool(_ tokens: [[Double]]) -> [Double] {
        guard let first = tokens.first else { return [] }
        var sum = [Double](repeating: 0, count: first.count)
        for token in tokens {
            for i in sum.indices { sum[i] += token[i] }
        }
        let count = Double(tokens.count)
        return sum.map { $0 / count }
    }

    /// The cosine of the angle between the two vectors, -1…1; `nil` when the dimensions differ or a
    /// vector is all zeros.
    public static func cosine(_ a: [Double], _ b: [Double]) -> Double? {
        guard a.count == b.count, !a.isEmpty else { return nil }
        var (dot, normA, normB) = (0.0, 0.0, 0.0)
        for i in a.indices {
            dot += a[i] * b[i]
            normA += a[i] * a[i]
            normB += b[i] * b[i]
        }
        guard normA > 0, normB > 0 else { return nil }
        return min(1, max(-1, dot / (normA.squareRoot() * normB.squareRoot())))
    }

    /// Semantic similarity 0…1: `max(0, cosine)`. Opposite or unrelated directions (cosine ≤ 0) are 0;
    /// the same direction is 1. `nil` when ``cosine(_:_:)`` is.
    public func similarity(to other: Embedding) -> Double? {
        Self.cosine(vector, other.vector).map { max(0, $0) }
    }

    private static func numbers(_ items: [JSONValue]) -> [Double]? {
        var numbers: [Double] = []
        numbers.reserveCapacity(items.count)
        for item in items {
            guard let number = item.numberValue else { return nil }
            numbers.append(number)
        }
        return numbers
    }
}
