import Foundation

/// SplitMix64 (Steele, Lea, Flood 2014): a tiny seeded generator that gives the same sequence on every
/// platform, so a benchmark's generated pairs and a fuzz test's inputs can be made again from their seed.
///
/// ```swift
/// var random = SplitMix64(seed: 20240709)
/// random.int(below: 10)         // the same number on every machine
/// [1, 2, 3].shuffled(using: &random)
/// ```
public struct SplitMix64: RandomNumberGenerator, Sendable {
    private var state: UInt64

    public init(seed: UInt64) { state = seed }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// Uniform in [0, 1) with 53 bits.
    public mutating func unit() -> Double { Double(next() >> 11) * 0x1p-53 }

    /// Uniform in 0..<n (n > 0); the modulo bias is below 2⁻⁵⁰ for the small n benchmarks and fuzzers use.
    public mutating func int(below n: Int) -> Int { Int(next() % UInt64(n)) }
}
