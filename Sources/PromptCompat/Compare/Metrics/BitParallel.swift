/// Bit-parallel sequence alignment over integer tokens: the longest common subsequence (Hyyrö 2004) and the
/// Levenshtein distance (Myers 1999 in Hyyrö's 2003 block form), each in O(⌈m/64⌉·n) word operations and
/// O(σ·⌈m/64⌉) memory for the shorter sequence's m tokens and σ distinct tokens. No string is compared:
/// the shorter sequence's tokens go into a small open-addressing table once, and each token of the longer
/// one is one table look-up. Both are checked against the textbook O(n·m) tables in the tests.
enum BitParallel {
    /// Length of the longest common subsequence of `a` and `b`.
    static func lcsLength(_ a: [UInt32], _ b: [UInt32]) -> Int {
        let (short, long) = a.count <= b.count ? (a, b) : (b, a)
        let (prefix, suffix) = commonAffixes(short, long)
        let pattern = Array(short[prefix..<(short.count - suffix)])
        guard !pattern.isEmpty else { return prefix + suffix }
        let vectors = PatternMatchVectors(pattern)
        let words = vectors.words
        var s = [UInt64](repeating: ~0, count: words)
        vectors.bits.withUnsafeBufferPointer { bits in
            s.withUnsafeMutableBufferPointer { s in
                for token in long[prefix..<(long.count - suffix)] {
                    guard let row = vectors.row(of: token) else { continue }  // no match: S stays as it is
                    var carry: UInt64 = 0
                    for w in 0..<words {
                        let old = s[w]
                        let u = old & bits[row + w]
                        let (partial, overflow1) = old.addingReportingOverflow(u)
                        let (sum, overflow2) = partial.addingReportingOverflow(carry)
                        carry = overflow1 || overflow2 ? 1 : 0
                        s[w] = sum | (old - u)
                    }
                }
            }
        }
        return prefix + suffix + s.reduce(0) { $0 + (~$1).nonzeroBitCount }
    }

    /// The Levenshtein distance (insertions, deletions and substitutions, each costing 1) of `a` and `b`.
    static func levenshteinDistance(_ a: [UInt32], _ b: [UInt32]) -> Int {
        let (short, long) = a.count <= b.count ? (a, b) : (b, a)
        let (prefix, suffix) = commonAffixes(short, long)
        let pattern = Array(short[prefix..<(short.count - suffix)])
        let text = long[prefix..<(long.count - suffix)]
        guard !pattern.isEmpty else { return text.count }
        let vectors = PatternMatchVectors(pattern)
        let words = vectors.words
        let last: UInt64 = 1 << UInt64((pattern.count - 1) % 64)
        var vp = [UInt64](repeating: ~0, count: words)
        var vn = [UInt64](repeating: 0, count: words)
        var distance = pattern.count
        vectors.bits.withUnsafeBufferPointer { bits in
            vp.withUnsafeMutableBufferPointer { vp in
                vn.withUnsafeMutableBufferPointer { vn in
                    for token in text {
                        let row = vectors.row(of: token) ?? vectors.zeroRow
                        var hpCarry: UInt64 = 1  // the top row D[0][j] = j grows by one per column
                        var hnCarry: UInt64 = 0
                        for w in 0..<words {
                            let x = bits[row + w] | hnCarry
                            let d0 = (((x & vp[w]) &+ vp[w]) ^ vp[w]) | x | vn[w]
                            var hp = vn[w] | ~(d0 | vp[w])
                            var hn = d0 & vp[w]
                            if w == words - 1 {
                                if hp & last != 0 { distance += 1 }
                                if hn & last != 0 { distance -= 1 }
                            }
                            let nextHP = hp >> 63, nextHN = hn >> 63
                            hp = hp << 1 | hpCarry
                            hn = hn << 1 | hnCarry
                            hpCarry = nextHP
                            hnCarry = nextHN
                            vp[w] = hn | ~(d0 | hp)
                            vn[w] = hp & d0
                        }
                    }
                }
            }
        }
        return distance
    }

    /// Lengths of the common prefix and of the common suffix (not overlapping the prefix).
    static func commonAffixes(_ a: [UInt32], _ b: [UInt32]) -> (prefix: Int, suffix: Int) {
        var prefix = 0
        while prefix < a.count, prefix < b.count, a[prefix] == b[prefix] { prefix += 1 }
        var suffix = 0
        while suffix < a.count - prefix, suffix < b.count - prefix, a[a.count - 1 - suffix] == b[b.count - 1 - suffix] {
            suffix += 1
        }
        return (prefix, suffix)
    }
}

/// For each distinct token of a pattern, the bit mask of the positions where it occurs, ⌈m/64⌉ words a
/// token, found through an open-addressing hash table (Fibonacci hashing, linear probing).
struct PatternMatchVectors {
    let words: Int
    private(set) var bits: [UInt64] = []
    /// The offset of an all-zero row in ``bits``: the masks of a token the pattern does not contain.
    private(set) var zeroRow = 0
    private var keys: [UInt32]
    private var rows: [Int32]  // row index into `bits`, -1 for an empty slot
    private let shift: UInt32

    init(_ pattern: [UInt32]) {
        words = (pattern.count + 63) / 64
        var capacity = 16
        while capacity < pattern.count * 2 { capacity <<= 1 }
        shift = UInt32(32 - capacity.trailingZeroBitCount)
        keys = [UInt32](repeating: 0, count: capacity)
        rows = [Int32](repeating: -1, count: capacity)
        bits.reserveCapacity(words * (min(pattern.count, 256) + 1))
        for (position, token) in pattern.enumerated() {
            var slot = self.slot(of: token)
            if rows[slot] < 0 {
                keys[slot] = token
                rows[slot] = Int32(bits.count)
                bits.append(contentsOf: repeatElement(0, count: words))
                slot = self.slot(of: token)
            }
            bits[Int(rows[slot]) + position / 64] |= 1 << UInt64(position % 64)
        }
        zeroRow = bits.count
        bits.append(contentsOf: repeatElement(0, count: words))
    }

    /// The offset of `token`'s masks in ``bits``, or nil when the pattern does not contain it.
    @inline(__always) func row(of token: UInt32) -> Int? {
        let row = rows[slot(of: token)]
        return row < 0 ? nil : Int(row)
    }

    /// The slot holding `token`, or the empty slot where it would go.
    @inline(__always) private func slot(of token: UInt32) -> Int {
        let mask = keys.count - 1
        var slot = Int((token &* 0x9E37_79B1) >> shift)
        while rows[slot] >= 0, keys[slot] != token { slot = (slot + 1) & mask }
        return slot
    }
}
