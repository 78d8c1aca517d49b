/// The n-gram counts of one order: in the candidate (hyp), in the reference (ref), and clipped overlap.
struct NGramStatistics: Equatable {
    var hyp: Int
    var ref: Int
    var match: Int
}

/// Counts clipped n-gram overlap without building strings: a character n-gram of up to six scalars is
/// packed into 128 bits (21 bits a scalar) and counted in an open-addressing table that is reused for
/// every order (a generation stamp empties it in O(1)). The reference's n-grams are counted in; each
/// candidate n-gram that finds a count left takes one, so the matches are Σ min(hyp, ref).
struct NGramCounter {
    /// One table slot: a packed n-gram, its remaining count, and the generation it belongs to.
    private struct Slot {
        var high: UInt64 = 0
        var low: UInt64 = 0
        var count: Int32 = 0
        var generation: UInt32 = 0
    }

    private var slots: [Slot]
    private var generation: UInt32 = 0
    private let shift: UInt64

    init(capacityFor count: Int) {
        var capacity = 16
        while capacity < count * 2 { capacity <<= 1 }
        shift = UInt64(64 - capacity.trailingZeroBitCount)
        slots = [Slot](repeating: Slot(), count: capacity)
    }

    /// Statistics for character orders 1…`maxOrder` over scalar values.
    static func characterStatistics(reference: [UInt32], candidate: [UInt32], maxOrder: Int) -> [NGramStatistics] {
        guard maxOrder <= 6 else {
            return (1...maxOrder).map { n in
                statistics(reference: slices(reference, n), candidate: slices(candidate, n))
            }
        }
        var counter = NGramCounter(capacityFor: reference.count)
        return (1...maxOrder).map { n in counter.statistics(reference, candidate, order: n) }
    }

    /// Clipped overlap of two lists of hashable n-grams (words, or long character n-grams).
    static func statistics<Gram: Hashable>(reference: [Gram], candidate: [Gram]) -> NGramStatistics {
        var remaining: [Gram: Int] = [:]
        for gram in reference { remaining[gram, default: 0] += 1 }
        var match = 0
        for gram in candidate where remaining[gram, default: 0] > 0 {
            remaining[gram]! -= 1
            match += 1
        }
        return NGramStatistics(hyp: candidate.count, ref: reference.count, match: match)
    }

    private static func slices(_ scalars: [UInt32], _ n: Int) -> [ArraySlice<UInt32>] {
        scalars.count < n ? [] : (0...(scalars.count - n)).map { scalars[$0..<$0 + n] }
    }

    private mutating func statistics(_ reference: [UInt32], _ candidate: [UInt32], order n: Int) -> NGramStatistics {
        generation += 1
        let refCount = max(0, reference.count - n + 1), hypCount = max(0, candidate.count - n + 1)
        let generation = self.generation, shift = self.shift
        var match = 0
        slots.withUnsafeMutableBufferPointer { slots in
            /// The slot holding the n-gram (h, l) in this generation, or the free slot where it would go.
            func slot(_ h: UInt64, _ l: UInt64) -> Int {
                let mixed = ((h &* 0x9E37_79B9_7F4A_7C15) ^ (l &* 0xC2B2_AE3D_27D4_EB4F)) &* 0x1656_67B1_9E37_79F9
                var index = Int(truncatingIfNeeded: mixed >> shift)
                while slots[index].generation == generation, slots[index].high != h || slots[index].low != l {
                    index = (index + 1) & (slots.count - 1)
                }
                return index
            }
            reference.withUnsafeBufferPointer { reference in
                for i in 0..<refCount {
                    let (h, l) = Self.pack(reference, i, n)
                    let index = slot(h, l)
                    if slots[index].generation != generation { slots[index] = Slot(high: h, low: l, count: 0, generation: generation) }
                    slots[index].count += 1
                }
            }
            candidate.withUnsafeBufferPointer { candidate in
                for i in 0..<hypCount {
                    let (h, l) = Self.pack(candidate, i, n)
                    let index = slot(h, l)
                    if slots[index].generation == generation, slots[index].count > 0 {
                        slots[index].count -= 1
                        match += 1
                    }
                }
            }
        }
        return NGramStatistics(hyp: hypCount, ref: refCount, match: match)
    }

    /// Scalars i..<i+n, three to a word of 63 bits.
    @inline(__always) private static func pack(_ scalars: UnsafeBufferPointer<UInt32>, _ i: Int, _ n: Int) -> (UInt64, UInt64) {
        var h: UInt64 = 0, l: UInt64 = 0
        for k in 0..<min(n, 3) { h = h << 21 | UInt64(scalars[i + k]) }
        if n > 3 { for k in 3..<n { l = l << 21 | UInt64(scalars[i + k]) } }
        return (h, l)
    }
}
