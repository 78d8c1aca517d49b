/// chrF: the F-score of character n-gram overlap (Popović 2015), as sacrebleu computes it for one
/// sentence, divided by 100.
///
/// - Range: 0…1; 1 when both texts have the same character n-grams (two empty texts score 1; sacrebleu
///   says 0 there); 0 when one is empty or they share no character.
/// - Definition: whitespace is removed (the characters Python's `str.split()` splits on). For each order
///   n = 1…`charOrder` (and word orders 1…`wordOrder`, chrF++), with the counts of n-grams in the candidate
///   (hyp), the reference (ref) and their clipped overlap (match = Σ min(count in hyp, count in ref)):
///   precision = match / hyp, recall = match / ref. Precision and recall are averaged over the orders where
///   both texts have n-grams ("effective order", sacrebleu ≥ 2.0 default), and
///   chrF = (1 + β²)·P·R / (β²·P + R). β = 2 weighs recall twice as much as precision; β = 1 is plain F1.
/// - Word n-grams (chrF++): words split on whitespace, with one ASCII punctuation character split off the
///   end (or else the start) of each word of two or more characters, exactly as sacrebleu does.
/// - Units: Unicode scalars, like Python `str` indexing. `.asWritten` (the default) agrees with
///   `sacrebleu.sentence_chrf(hyp, [ref]).score / 100` to about 1e-15; differences: two empty texts
///   (1 here, 0 there), and `charOrder` above 6 takes a slower path.
/// - When to use: Chinese (or mixed) prose where words are not delimited and partial matches should count —
///   a changed character costs a few n-grams, not a whole word; robust to small rewording, sensitive to
///   content. Less sensitive to order than ``RougeLMetric``.
///
/// ```swift
/// CharNGramF1.chrF.score("订单已发货", "订单已经发货")
/// // 1-grams: 5 of 6 and 5 match (P 5/6, R 1); 2-grams: 3 of 5 and 4 (P 3/5, R 3/4); 3-grams: 1 of 4 and 3;
/// // 4- and 5-grams: none shared (the reference has a 5-gram, so 5 effective orders; no 6-gram):
/// // P̄ = (5/6 + 3/5 + 1/4)/5 ≈ 0.3367, R̄ = (1 + 3/4 + 1/3)/5 ≈ 0.4167, chrF = 5·P̄·R̄/(4·P̄ + R̄) ≈ 0.3978
/// ```
public struct CharNGramF1: Metric {
    /// Highest character n-gram order, 6 in chrF.
    public var charOrder: Int
    /// Highest word n-gram order: 0 for chrF, 2 for chrF++.
    public var wordOrder: Int
    /// Recall weight: 2 in chrF, 1 for the plain F1.
    public var beta: Double
    /// The form both texts are compared in; `.asWritten` (the default) matches sacrebleu.
    public var form: TextForm

    public init(charOrder: Int = 6, wordOrder: Int = 0, beta: Double = 2, form: TextForm = .asWritten) {
        precondition(charOrder >= 1 && wordOrder >= 0 && beta >= 0, "chrF needs charOrder ≥ 1, wordOrder ≥ 0, beta ≥ 0")
        self.charOrder = charOrder
        self.wordOrder = wordOrder
        self.beta = beta
        self.form = form
    }

    /// chrF as sacrebleu's default: character orders 1…6, no word n-grams, β = 2.
    public static let chrF = CharNGramF1()
    /// chrF++: chrF plus word unigrams and bigrams.
    public static let chrFPlusPlus = CharNGramF1(wordOrder: 2)
    /// Character n-gram F1: precision and recall weighed equally (β = 1).
    public static let f1 = CharNGramF1(beta: 1)

    /// `chrF`, `chrF++`, or with the non-default parameters spelled out: `chrF-β1`, `chrF+w3-c4`.
    public var name: String {
        var name = "chrF"
        switch wordOrder {
        case 0: break
        case 1: name += "+"
        case 2: name += "++"
        default: name += "+w\(wordOrder)"
        }
        if beta != 2 { name += "-β" + (beta == beta.rounded() ? String(Int(beta)) : String(beta)) }
        if charOrder != 6 { name += "-c\(charOrder)" }
        return name
    }

    public func score(_ reference: String, _ candidate: String) -> Double {
        let ref = form.apply(reference), hyp = form.apply(candidate)
        let statistics = statistics(reference: ref, candidate: hyp)
        if statistics.allSatisfy({ $0.hyp == 0 && $0.ref == 0 }) { return 1 }
        return fScore(statistics)
    }

    /// Per order, characters 1…`charOrder` then words 1…`wordOrder`: the n-gram counts of both texts and
    /// their clipped overlap.
    func statistics(reference: String, candidate: String) -> [NGramStatistics] {
        var result = NGramCounter.characterStatistics(
            reference: Self.scalarsWithoutWhitespace(reference), candidate: Self.scalarsWithoutWhitespace(candidate), maxOrder: charOrder
        )
        if wordOrder > 0 {
            let refWords = Self.words(reference), hypWords = Self.words(candidate)
            for n in 1...wordOrder {
                result.append(NGramCounter.statistics(reference: Self.ngrams(refWords, n), candidate: Self.ngrams(hypWords, n)))
            }
        }
        return result
    }

    /// sacrebleu's `_compute_f_score` without its eps smoothing, on 0…1.
    func fScore(_ statistics: [NGramStatistics]) -> Double {
        let factor = beta * beta
        var precision = 0.0, recall = 0.0, effectiveOrder = 0
        for order in statistics where order.hyp > 0 && order.ref > 0 {
            precision += Double(order.match) / Double(order.hyp)
            recall += Double(order.match) / Double(order.ref)
            effectiveOrder += 1
        }
        guard effectiveOrder > 0 else { return 0 }
        precision /= Double(effectiveOrder)
        recall /= Double(effectiveOrder)
        guard precision + recall > 0 else { return 0 }
        return (1 + factor) * precision * recall / (factor * precision + recall)
    }

    static func scalarsWithoutWhitespace(_ text: String) -> [UInt32] {
        var result: [UInt32] = []
        result.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars where !isPythonWhitespace(scalar) { result.append(scalar.value) }
        return result
    }

    /// Whitespace as Python's `str.isspace()`: Unicode White_Space plus U+001C…U+001F.
    static func isPythonWhitespace(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09...0x0D, 0x1C...0x20, 0x85, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000: true
        default: false
        }
    }

    /// sacrebleu's `_remove_punctuation`: whitespace-separated words, with one ASCII punctuation character
    /// split off the end (else the start) of a word of two or more characters.
    static func words(_ text: String) -> [String] {
        let asciiPunctuation = Set("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~".unicodeScalars)
        var result: [String] = []
        for word in text.unicodeScalars.split(whereSeparator: isPythonWhitespace) {
            let scalars = Array(word)
            func string(_ slice: ArraySlice<Unicode.Scalar>) -> String { String(String.UnicodeScalarView(slice)) }
            if scalars.count > 1, asciiPunctuation.contains(scalars[scalars.count - 1]) {
                result += [string(scalars.dropLast()), string(scalars.suffix(1))]
            } else if scalars.count > 1, asciiPunctuation.contains(scalars[0]) {
                result += [string(scalars.prefix(1)), string(scalars.dropFirst())]
            } else {
                result.append(string(scalars[...]))
            }
        }
        return result
    }

    static func ngrams(_ words: [String], _ n: Int) -> [String] {
        words.count < n ? [] : (0...(words.count - n)).map { words[$0..<$0 + n].joined(separator: " ") }
    }
}
