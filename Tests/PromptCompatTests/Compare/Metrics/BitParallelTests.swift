import Testing
@testable import PromptCompat

/// The bit-parallel LCS and Levenshtein agree with the textbook O(n·m) tables on every length around the
/// 64-bit block boundaries, for small and large alphabets.
@Suite("Bit-parallel LCS and Levenshtein")
struct BitParallelTests {
    /// A fixed xorshift sequence, so a failure reproduces.
    struct Sequences {
        var state: UInt64 = 0x2545_F491_4F6C_DD1D
        mutating func next() -> UInt64 {
            state ^= state << 13
            state ^= state >> 7
            state ^= state << 17
            return state
        }
        mutating func tokens(count: Int, alphabet: UInt64) -> [UInt32] {
            (0..<count).map { _ in UInt32(0x4E00 + next() % alphabet) }
        }
    }

    /// The textbook Levenshtein table, one row at a time.
    static func textbookLevenshtein(_ a: [UInt32], _ b: [UInt32]) -> Int {
        var previous = Array(0...b.count)
        for (i, x) in a.enumerated() {
            var current = [i + 1] + [Int](repeating: 0, count: b.count)
            for (j, y) in b.enumerated() {
                current[j + 1] = min(previous[j] + (x == y ? 0 : 1), previous[j + 1] + 1, current[j] + 1)
            }
            previous = current
        }
        return previous[b.count]
    }

    @Test("LCS and Levenshtein equal the textbook tables for lengths 0…200 and alphabets of 2, 5 and 3000")
    func agreesWithTextbook() {
        var random = Sequences()
        let lengths = [0, 1, 2, 31, 63, 64, 65, 100, 127, 128, 129, 200]
        for alphabet: UInt64 in [2, 5, 3000] {
            for n in lengths {
                for m in lengths.shuffled(using: &random).prefix(4) {
                    let a = random.tokens(count: n, alphabet: alphabet), b = random.tokens(count: m, alphabet: alphabet)
                    #expect(BitParallel.lcsLength(a, b) == RougeL.lcsLength(a, b), "LCS n=\(n) m=\(m) σ=\(alphabet)")
                    #expect(BitParallel.levenshteinDistance(a, b) == Self.textbookLevenshtein(a, b), "Levenshtein n=\(n) m=\(m) σ=\(alphabet)")
                }
            }
        }
    }

    @Test("known values: kitten/sitting distance 3, ABCBDAB/BDCABA LCS 4, a shared prefix and suffix")
    func knownValues() {
        func ids(_ s: String) -> [UInt32] { s.unicodeScalars.map(\.value) }
        #expect(BitParallel.levenshteinDistance(ids("kitten"), ids("sitting")) == 3)
        #expect(BitParallel.lcsLength(ids("ABCBDAB"), ids("BDCABA")) == 4)
        // Common prefix "订单" and suffix "发货" are stripped first; the middle 已 vs 已经 is one insertion.
        #expect(BitParallel.levenshteinDistance(ids("订单已发货"), ids("订单已经发货")) == 1)
        #expect(BitParallel.lcsLength(ids("订单已发货"), ids("订单已经发货")) == 5)
        #expect(BitParallel.levenshteinDistance([], ids("abc")) == 3)
        #expect(BitParallel.lcsLength(ids("abc"), ids("abc")) == 3)
    }
}

extension BitParallelTests.Sequences: RandomNumberGenerator {}
