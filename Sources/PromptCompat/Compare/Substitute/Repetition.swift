import Foundation

/// A model stuck in a loop: the same piece of text over and over, typically until the token cap. A larger
/// `max_tokens` only makes such an answer longer, so it is told apart from an answer that was merely cut.
///
/// Found two ways: the same sentence or line three times or more in a row, or a text that ends in one
/// piece repeated at least three times covering a quarter of the text or more (a loop inside a sentence:
/// `好的好的好的…`, `and more and more and more`). A piece must hold two different letters or CJK
/// characters, so table rules (`|---|---|`), dot leaders and `哈哈哈` are not loops.
///
/// ```swift
/// Repetition.loop(in: "推荐理由：性价比高。性价比高。性价比高。性价比高。")?.unit   // "性价比高。"
/// ```
public struct Repetition: Sendable, Equatable {
    /// The repeated piece, as written.
    public var unit: String
    /// How many times it repeats in a row.
    public var count: Int

    public static func loop(in text: String) -> Repetition? {
        let normalized = TextNormalizer.normalize(text)
        // The sentences of the text as written where normalizing twice changes nothing: the same clauses
        // the coverage check reads, split once.
        let stable = ByteKey(TextNormalizer.normalize(normalized)) == ByteKey(normalized)
        return repeatedSentence(stable ? text : normalized) ?? periodicEnd(normalized)
    }

    /// One line for a reason: `repeats "性价比高。" 4 times`.
    public var description: String {
        let piece = Sentence.oneLine(Substring(unit)).trimming(.whitespaces)
        return "repeats \"\(piece.count <= 40 ? piece : String(piece.prefix(39)) + "…")\" \(count) times"
    }

    static func repeatedSentence(_ text: String) -> Repetition? {
        let sentences = Clause.split(text).map(\.text).filter { meaningful($0) }
        var best: Repetition?
        var run = 1
        for i in sentences.indices.dropFirst() {
            run = sentences[i] == sentences[i - 1] ? run + 1 : 1
            if run >= 3, run > (best?.count ?? 0) { best = Repetition(unit: sentences[i], count: run) }
        }
        return best
    }

    /// Over Unicode scalars, not characters: a loop repeats the same scalars, and scalars are cheap to list.
    static func periodicEnd(_ text: String) -> Repetition? {
        let characters = Array(text.unicodeScalars)
        let n = characters.count
        guard n >= 24 else { return nil }
        for period in 2...min(200, n / 3) {
            var run = 0
            while run < n - period, characters[n - 1 - run] == characters[n - 1 - run - period] { run += 1 }
            let repeats = (run + period) / period
            guard repeats >= 3, run + period >= max(24, n / 4) else { continue }
            var unit = ""
            unit.unicodeScalars.append(contentsOf: characters[(n - period)...])
            guard meaningful(unit) else { continue }
            return Repetition(unit: unit, count: repeats)
        }
        return nil
    }

    /// At least two different letters or CJK characters.
    static func meaningful(_ piece: String) -> Bool {
        var first: Character?
        for character in piece where character.isLetter || character.isCJK {
            guard let seen = first else { first = character; continue }
            if character != seen { return true }
        }
        return false
    }
}

extension SubstituteCheck {
    /// The candidate loops (``Repetition``) where no accepted sample does: "loops: repeats \"…\" 12 times".
    /// Exclusive: a looping answer's other symptoms (too long, a label became a sentence) are not its cause.
    public static let loop = SubstituteCheck(name: "loop", exclusive: true) { input in
        guard let loop = Repetition.loop(in: input.candidate), !input.samples.contains(where: { Repetition.loop(in: $0) != nil }) else { return [] }
        return ["loops: \(loop.description)"]
    }
}
