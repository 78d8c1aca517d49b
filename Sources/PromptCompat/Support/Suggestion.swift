/// The "did you mean" of an error message: of the names that exist, the one a mistyped name was most
/// likely meant to be — or none, when nothing is close enough to be worth saying.
///
/// A name is close when it is the typed one in other letter case, when the typed one is the start of it
/// and of no other name, or when at most `max(1, typed.count / 3)` edits apart (ignoring case), an edit
/// being a character inserted, removed, replaced, or two neighbours swapped. Of several close names the
/// fewest edits wins, then the earliest in `candidates`.
///
/// ```swift
/// Suggestion.closest(to: "targt", among: ["prompts", "target", "record"])   // "target"
/// Suggestion.closest(to: "rnu", among: ["run", "report", "lint"])           // "run" (one swap)
/// Suggestion.closest(to: "deploy", among: ["run", "report", "lint"])        // nil
/// Suggestion.didYouMean("qwne", among: ["stub", "qwen"])                    // "; did you mean \"qwen\"?"
/// ```
public enum Suggestion {
    /// The candidate `typed` was most likely meant to be, or nil when none is close.
    public static func closest(to typed: String, among candidates: [String]) -> String? {
        let typedFolded = Array(typed.lowercased())
        guard !typedFolded.isEmpty else { return nil }
        let folded = candidates.map { Array($0.lowercased()) }
        if let same = folded.firstIndex(of: typedFolded) { return candidates[same] }
        let limit = max(1, typedFolded.count / 3)
        var best: (index: Int, distance: Int)?
        for (index, candidate) in folded.enumerated() {
            let distance = editDistance(typedFolded, candidate, limit: limit)
            if distance <= limit, distance < (best?.distance ?? .max) { best = (index, distance) }
        }
        if let best { return candidates[best.index] }
        let extending = folded.indices.filter { folded[$0].starts(with: typedFolded) }
        return extending.count == 1 ? candidates[extending[0]] : nil
    }

    /// `; did you mean "NAME"?` for the closest of `candidates` to `typed`, or `""` when none is close:
    /// appended to an error message that names what was not found.
    public static func didYouMean(_ typed: String, among candidates: [String]) -> String {
        closest(to: typed, among: candidates).map { "; did you mean \"\($0)\"?" } ?? ""
    }

    /// The optimal-string-alignment distance between `a` and `b` as written (case counts): insertions,
    /// removals, replacements and swaps of two neighbouring characters, each one edit.
    ///
    /// ```swift
    /// Suggestion.distance("qwne", "qwen")   // 1
    /// Suggestion.distance("订单发货", "订单已发货")   // 1
    /// ```
    public static func distance(_ a: String, _ b: String) -> Int {
        editDistance(Array(a), Array(b), limit: .max)
    }

    /// The distance, or some value above `limit` as soon as it is sure to exceed it (names differing
    /// in length by more than `limit` are not compared at all).
    static func editDistance(_ a: [Character], _ b: [Character], limit: Int) -> Int {
        if abs(a.count - b.count) > limit { return limit == .max ? max(a.count, b.count) : limit + 1 }
        if a.isEmpty || b.isEmpty { return max(a.count, b.count) }
        var previous2 = [Int](repeating: 0, count: b.count + 1)
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            var rowMinimum = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                var value = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    value = min(value, previous2[j - 2] + 1)
                }
                current[j] = value
                rowMinimum = min(rowMinimum, value)
            }
            if limit != .max, rowMinimum > limit { return limit + 1 }
            (previous2, previous, current) = (previous, current, previous2)
        }
        return previous[b.count]
    }
}
