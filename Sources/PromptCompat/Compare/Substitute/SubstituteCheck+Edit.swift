import Foundation

extension Character {
    var isCJK: Bool { unicodeScalars.first.map(Tokenizer.isCJK) ?? false }
}

extension SubstituteCheck {
    /// The accepted answer with a few characters changed, where the change is a number, a Chinese numeral
    /// or a negation: "可以退货" → "不可以退货", "万分之五" → "千分之五", "LIMIT 5" → "LIMIT 10". Similarity
    /// metrics score such an answer near 1; its meaning is the opposite.
    public static let meaningEdit = SubstituteCheck(name: "edit") { input in
        // JSON answers are compared value by value by the `json` check (`1.0` and `1` are the same number).
        guard input.expect.json != true, JSONComparison.extract(from: input.samples[0]) == nil else { return [] }
        let candidate = TextNormalizer.comparable(input.candidate)
        let samples = input.samples.map(TextNormalizer.comparable)
        // The same answer as one accepted sample is not an edit of another.
        guard !samples.contains(candidate) else { return [] }
        let edits = samples.map { SmallEdit.changes(from: $0, to: candidate) }
        guard let changes = edits.compactMap({ $0 }).min(by: { $0.count < $1.count }) else { return [] }
        var seen: Set<String> = []
        return SmallEdit.withoutMoves(changes).filter(\.changesMeaning).map { "changed \"\($0.before)\" → \"\($0.after)\"" }.filter { seen.insert($0).inserted }.prefix(3).map { $0 }
    }
}

/// The character-level changes between two texts that differ by a small edit.
struct SmallEdit {
    /// At most this many characters inserted, deleted or replaced (Levenshtein distance).
    static let maxDistance = 8
    /// Chinese negation characters: a change in how many a text has is a change of polarity.
    static let cjkNegations: Set<Character> = Set("不没无未非别勿否")
    /// Latin negations, matched as whole words in the changed text and its context.
    static let negations: Set<String> = ["not", "no", "never", "cannot", "without"]

    var before: String
    var after: String
    /// The changed characters alone.
    var removed: String
    var added: String

    /// The numbers changed (`3` → `三` is the same number, `万` → `千` is not, `00:00` → `0:00` is no change:
    /// the numbers are read in the whole context, where a digit's neighbours are part of its number), or the
    /// polarity did.
    var changesMeaning: Bool {
        (ChineseNumerals.values(in: removed) != ChineseNumerals.values(in: added) && ChineseNumerals.values(in: before) != ChineseNumerals.values(in: after))
            || removed.filter(Self.cjkNegations.contains).count != added.filter(Self.cjkNegations.contains).count
            || Self.negationCount(before) != Self.negationCount(after)
    }

    /// The changes less the pairs that move words: one only takes out what the other only puts in elsewhere
    /// (`每日两瓶免费提供` → `每日免费提供两瓶`): the same words in another order change no number. Two
    /// values swapped (`7月5日…7月8日` → `7月8日…7月5日`) are two replacements, not a move.
    static func withoutMoves(_ changes: [SmallEdit]) -> [SmallEdit] {
        var moved = Set<Int>()
        for i in changes.indices where !moved.contains(i) {
            guard let j = changes.indices.first(where: { j in
                j != i && !moved.contains(j) && !changes[i].removed.isEmpty && changes[i].added.isEmpty
                    && changes[i].removed == changes[j].added && changes[j].removed.isEmpty
            }) else { continue }
            moved.formUnion([i, j])
        }
        return changes.indices.filter { !moved.contains($0) }.map { changes[$0] }
    }

    /// Latin negation words in a text (`not`, `never`, `can't` …).
    static func negationCount(_ text: String) -> Int {
        // Every negation word has an `n` or a `w` (without): a text with neither (Chinese, most snippets) has none.
        guard text.utf8.contains(where: { $0 | 0x20 == 0x6E || $0 | 0x20 == 0x77 }) else { return 0 }
        return text.lowercasedFast().split(whereSeparator: { !$0.isLetter && $0 != "'" })
            .filter { negations.contains(String($0)) || $0.hasSuffix("n't") }.count
    }

    /// The changes, each shown with its context (two characters, or to the edges of a Latin word or a
    /// number), or nil when the texts are equal or differ by more than a small edit. Changes within three
    /// characters of each other are one change. `banded: false` fills every cell of the LCS table (a test's reference).
    static func changes(from text: String, to other: String, banded: Bool = true) -> [SmallEdit]? {
        guard text != other else { return nil }
        // Character counts from the bytes where no scalar can join another (``StringProtocol/characterCount``).
        let count = text.characterCount
        guard abs(count - other.characterCount) <= maxDistance,
              LevenshteinSimilarity.distance(text, other) <= min(maxDistance, max(2, count / 5)) else { return nil }
        // Characters only for the texts that are one small edit apart.
        let a = Array(text), b = Array(other)
        var spans: [(a: Range<Int>, b: Range<Int>)] = []
        var i = 0, j = 0
        // The walk below steps through the common prefix diagonally and asks the table only beyond it.
        let prefix = zip(a, b).prefix { $0 == $1 }.count
        // Levenshtein distance d: at least max(n, m) − d characters in common, so at most 2d insertions and
        // deletions, the most a path of the walk strays from the diagonal.
        let table = SuffixLCSTable(a, b, from: prefix, band: banded ? 2 * maxDistance : nil)
        while i < a.count || j < b.count {
            if i < a.count, j < b.count, a[i] == b[j] { i += 1; j += 1; continue }
            let start = (i, j)
            while i < a.count || j < b.count {
                if i < a.count, j < b.count, a[i] == b[j] { break }
                if i < a.count, j == b.count || table[i + 1, j] >= table[i, j + 1] { i += 1 } else { j += 1 }
            }
            if let last = spans.last, start.0 - last.a.upperBound <= 3 {
                spans[spans.count - 1] = (last.a.lowerBound..<i, last.b.lowerBound..<j)
            } else {
                spans.append((start.0..<i, start.1..<j))
            }
        }
        return spans.map { span in
            func inWord(_ c: Character) -> Bool { (c.isLetter || c.isNumber) && !c.isCJK }
            var from = span.a.lowerBound, to = span.a.upperBound
            while from > 0, from > span.a.lowerBound - 16, inWord(a[from - 1]) { from -= 1 }
            // A changed number keeps the word before it ("limit 5" → "limit 10").
            if from > 1, a[from - 1] == " ", a[from].isNumber, inWord(a[from - 2]) {
                from -= 1
                while from > 0, from > span.a.lowerBound - 24, inWord(a[from - 1]) { from -= 1 }
            }
            while to < a.count, to < span.a.upperBound + 16, inWord(a[to]) { to += 1 }
            let left = String(a[min(from, max(0, span.a.lowerBound - 2))..<span.a.lowerBound])
            let right = String(a[span.a.upperBound..<max(to, min(a.count, span.a.upperBound + 2))])
            let removed = String(a[span.a]), added = String(b[span.b])
            return SmallEdit(before: left + removed + right, after: left + added + right, removed: removed, added: added)
        }
    }

}

/// The suffix LCS table of two character arrays in one flat buffer: `table[i, j]` is the length of the
/// longest common subsequence of `a[i...]` and `b[j...]`. The characters are compared once each, as integer
/// ids (equal characters, equal ids), so the n·m cells compare integers, not strings.
///
/// A cell depends only on the suffixes, so a table `from` an offset holds the same values for every
/// `i, j ≥ offset` and skips the rest: a small edit of a long answer leaves a long common prefix.
struct SuffixLCSTable {
    private var cells: [Int32]
    private let width: Int
    private let offset: Int
    /// Cells kept on each side of the diagonal.
    private let band: Int
    /// Where the common suffix starts in each text, and its length.
    private let aEnd: Int, bEnd: Int, suffix: Int

    /// With a `band`, only the cells within `band` of the diagonal (`|j − i| ≤ band`), the others read as
    /// 0: enough for a walk along a longest common subsequence of two texts that differ by at most `band`
    /// insertions and deletions, which never leaves that band. A cell on such a path holds its true value
    /// (the paths that stay in the band include the best one), a cell off every such path a value below
    /// its neighbour's on the path, as in the whole table: the walk takes the same steps. Without one, a
    /// band as wide as the longer text: every cell.
    init(_ a: [Character], _ b: [Character], from offset: Int = 0, band: Int? = nil) {
        // A common suffix S needs no cells either: LCS(x + S, y + S) = LCS(x, y) + |S|, and where one side is
        // inside S it is a subsequence of the other side (the subscript below).
        let suffix = zip(a[offset...].reversed(), b[offset...].reversed()).prefix { $0 == $1 }.count
        let (x, y) = Self.ids(a[offset..<(a.count - suffix)], b[offset..<(b.count - suffix)])
        let band = band ?? max(x.count, y.count)
        self.offset = offset
        self.band = band
        (aEnd, bEnd, self.suffix) = (a.count - suffix, b.count - suffix, suffix)
        width = 2 * band + 1
        cells = Self.bandCells(x, y, band: band)
    }

    /// The cells within `band` of the diagonal, row by row: cell `(i, j)` at `i · width + j − i + band`.
    private static func bandCells(_ x: [Int32], _ y: [Int32], band: Int) -> [Int32] {
        let width = 2 * band + 1
        var cells = [Int32](repeating: 0, count: (x.count + 1) * width)
        cells.withUnsafeMutableBufferPointer { cells in
            for i in stride(from: x.count - 1, through: 0, by: -1) {
                let row = i * width - i + band, below = row + width - 1, xi = x[i]
                let first = max(0, i - band), last = min(y.count - 1, i + band)
                guard first <= last else { continue }
                for j in stride(from: last, through: first, by: -1) {
                    if xi == y[j] {
                        cells[row + j] = cells[below + j + 1] + 1
                    } else {
                        // (i + 1, j) is in the band unless j is at its lower edge; (i, j + 1) unless at its upper edge.
                        let down = j >= i + 1 - band ? cells[below + j] : 0
                        let right = j + 1 <= i + band ? cells[row + j + 1] : 0
                        cells[row + j] = max(down, right)
                    }
                }
            }
        }
        return cells
    }

    /// For `i, j ≥ offset` only.
    subscript(i: Int, j: Int) -> Int32 {
        if i >= aEnd || j >= bEnd { return Int32(min(aEnd + suffix - i, bEnd + suffix - j)) }
        let (x, y) = (i - offset, j - offset)
        return abs(y - x) <= band ? cells[x * width + y - x + band] + Int32(suffix) : Int32(suffix)
    }

    /// Equal ids for equal characters: a character of one scalar is its scalar value (no hashing), any
    /// other character an interned id above every scalar value. The texts are in the comparable form (NFKC),
    /// where two equal characters are the same scalars.
    static func ids(_ a: ArraySlice<Character>, _ b: ArraySlice<Character>) -> ([Int32], [Int32]) {
        var interned: [Character: Int32] = [:]
        func id(_ character: Character) -> Int32 {
            let scalars = character.unicodeScalars
            if scalars.count == 1, let scalar = scalars.first { return Int32(scalar.value) }
            if let id = interned[character] { return id }
            let id = 0x110000 + Int32(interned.count)
            interned[character] = id
            return id
        }
        return (a.map(id), b.map(id))
    }
}
