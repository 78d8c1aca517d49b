/// Normalized Levenshtein similarity over Unicode scalars (code points).
///
/// - Range: 0…1; 1 for equal texts (also for two empty ones), 0 when one is empty or every position
///   differs.
/// - Definition: 1 − d / max(n, m), where d is the least number of single-scalar insertions, deletions and
///   substitutions turning one text into the other and n, m are the texts' lengths in Unicode scalars.
///   This is rapidfuzz's `Levenshtein.normalized_similarity` on Python `str` (also code points), so the
///   two agree on the same pair, to the last bit of the division.
/// - Units: scalars, not grapheme clusters. A CJK character is one scalar; an emoji with a skin tone
///   (👍🏽) is two, a family emoji joined with ZWJ is several, and `e` + U+0301 is two scalars where `é` is
///   one (they differ unless the form is `.normalized` or `.comparable`, whose NFKC composes them).
/// - When to use: short, exact answers (labels, codes, one-line replies, extracted fields) where every
///   character counts and order matters. For long prose prefer ``RougeLMetric`` or ``CharNGramF1``: one
///   moved sentence costs its whole length here.
/// - Cost: O(⌈n/64⌉·m) machine-word steps (bit-parallel Myers/Hyyrö), memory for the shorter text only.
///
/// ```swift
/// LevenshteinSimilarity().score("kitten", "sitting")   // d = 3, max 7 → 4/7 ≈ 0.571
/// ```
public struct LevenshteinSimilarity: Metric {
    /// The form both texts are compared in; `.asWritten` (the default) matches rapidfuzz.
    public var form: TextForm

    public init(form: TextForm = .asWritten) {
        self.form = form
    }

    public var name: String { "levenshtein" }

    public func score(_ reference: String, _ candidate: String) -> Double {
        let a = form.apply(reference).unicodeScalars.map(\.value)
        let b = form.apply(candidate).unicodeScalars.map(\.value)
        let longest = max(a.count, b.count)
        guard longest > 0 else { return 1 }
        return 1 - Double(BitParallel.levenshteinDistance(a, b)) / Double(longest)
    }

    /// The Levenshtein distance between the two texts in Unicode scalars (as written).
    ///
    /// ```swift
    /// LevenshteinSimilarity.distance("订单已发货", "订单已经发货")   // 1
    /// ```
    public static func distance(_ a: String, _ b: String) -> Int {
        BitParallel.levenshteinDistance(a.unicodeScalars.map(\.value), b.unicodeScalars.map(\.value))
    }
}
