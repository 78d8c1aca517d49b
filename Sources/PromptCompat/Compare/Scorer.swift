import Foundation

/// How similar a candidate output is to an accepted one, 0…1. A scorer is a value holding a closure,
/// so a team can plug in its own (an embedding or a judge model) without subclassing anything.
///
/// ```swift
/// let scorer = Scorer.rougeL
/// scorer.score("订单已发货", "您的订单已经发货")   // ≈ 0.77
/// ```
public struct Scorer: Sendable {
    /// Shown in verdicts and reports: which metric decided.
    public var name: String
    public var score: @Sendable (_ reference: String, _ candidate: String) -> Double

    public init(name: String, score: @escaping @Sendable (_ reference: String, _ candidate: String) -> Double) {
        self.name = name
        self.score = score
    }

    /// CJK-aware ROUGE-L F1: characters for CJK, words for Latin script. See ``RougeL``.
    public static let rougeL = Scorer(name: "rouge-l") { RougeL.f1($0, $1) }

    /// Structural JSON similarity (``JSONComparison/similarity(_:_:)``); 0 when either side has no JSON.
    public static let jsonStructure = Scorer(name: "json-structure") { reference, candidate in
        guard let a = JSONComparison.extract(from: reference)?.value,
              let b = JSONComparison.extract(from: candidate)?.value else { return 0 }
        return JSONComparison.similarity(a, b)
    }

    /// The scorer for a case: structural for `expect.json`, ROUGE-L otherwise.
    public static func `for`(_ expect: Expectations) -> Scorer {
        expect.json == true ? .jsonStructure : .rougeL
    }
}
