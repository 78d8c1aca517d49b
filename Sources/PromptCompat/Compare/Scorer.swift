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

    /// Markdown-aware: ROUGE-L of the prose with the markup stripped (``MarkdownStructure/prose``),
    /// weighted 0.8, and the shape (``FormatFeatures``: headings, lists, tables, code blocks, lines),
    /// weighted 0.2 — so a reply that keeps its words but loses its table, or keeps the table and rewrites
    /// the cells, both score lower, each for its own reason.
    public static let markdown = Scorer(name: "markdown") { reference, candidate in
        let prose = RougeL.f1(MarkdownStructure.of(reference).prose, MarkdownStructure.of(candidate).prose)
        return 0.8 * prose + 0.2 * FormatFeatures().score(reference, candidate)
    }

    /// The scorers `expect.metric` can name, by name.
    public static let named: [String: Scorer] = [
        "rouge-l": .rougeL, "json-structure": .jsonStructure, "markdown": .markdown,
        "chrf": Scorer(CharNGramF1(form: .comparable)), "levenshtein": Scorer(LevenshteinSimilarity(form: .comparable)),
    ]

    /// The scorer for a case: the one `expect.metric` names, else structural for `expect.json`, else ROUGE-L.
    public static func `for`(_ expect: Expectations) -> Scorer {
        if let name = expect.metric, let scorer = named[name] { return scorer }
        return expect.json == true ? .jsonStructure : .rougeL
    }
}
