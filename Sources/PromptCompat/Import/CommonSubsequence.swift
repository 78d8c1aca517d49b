/// The longest common subsequence of two token-id sequences, as matched index pairs.
///
/// ```swift
/// CommonSubsequence.pairs([1, 2, 3, 4], [1, 9, 3, 4])   // [(0, 0), (2, 2), (3, 3)]
/// ```
///
/// A common prefix and suffix are matched first (an LCS always can), so two long texts that differ in a
/// few places cost little; what is left is a dynamic-programming table, refused above ``maximumCells``.
enum CommonSubsequence {
    /// Above this many table cells (the middle parts that differ, multiplied) the texts count as having
    /// nothing in common there: 4 million cells is 16 MB and well under a second.
    static let maximumCells = 4_000_000

    static func pairs(_ a: [Int], _ b: [Int]) -> [(Int, Int)] {
        var prefix = 0
        while prefix < a.count, prefix < b.count, a[prefix] == b[prefix] { prefix += 1 }
        var suffix = 0
        while suffix < a.count - prefix, suffix < b.count - prefix, a[a.count - 1 - suffix] == b[b.count - 1 - suffix] { suffix += 1 }
        var result = (0..<prefix).map { ($0, $0) }
        result += middle(Array(a[prefix..<(a.count - suffix)]), Array(b[prefix..<(b.count - suffix)])).map { ($0.0 + prefix, $0.1 + prefix) }
        result += (0..<suffix).map { (a.count - suffix + $0, b.count - suffix + $0) }
        return result
    }

    /// The classic table: `table[i][j]` is the LCS length of `a[i...]` and `b[j...]`; walked from the
    /// start, taking a match whenever it keeps the length, so the earliest matches win ties.
    private static func middle(_ a: [Int], _ b: [Int]) -> [(Int, Int)] {
        guard !a.isEmpty, !b.isEmpty, a.count * b.count <= maximumCells else { return [] }
        let width = b.count + 1
        var table = [Int32](repeating: 0, count: (a.count + 1) * width)
        for i in stride(from: a.count - 1, through: 0, by: -1) {
            for j in stride(from: b.count - 1, through: 0, by: -1) {
                table[i * width + j] = a[i] == b[j]
                    ? table[(i + 1) * width + j + 1] + 1
                    : max(table[(i + 1) * width + j], table[i * width + j + 1])
            }
        }
        var result: [(Int, Int)] = []
        var i = 0
        var j = 0
        while i < a.count, j < b.count {
            if a[i] == b[j] {
                result.append((i, j))
                i += 1
                j += 1
            } else if table[(i + 1) * width + j] >= table[i * width + j + 1] {
                i += 1
            } else {
                j += 1
            }
        }
        return result
    }
}
