import Foundation
import PromptCompat

/// Makes broken variants of a valid input: byte flips, truncations, deleted quotes and brackets, huge
/// numbers, deep nesting, and odd Unicode (NUL, lone surrogates as `\u` escapes, raw bytes that are not
/// UTF-8). Deterministic: the same seed gives the same bytes.
struct Mutator {
    var random: SplitMix64

    init(seed: UInt64) { random = SplitMix64(seed: seed) }

    /// Texts spliced in by the insertions, as data: escapes a JSON parser must handle, numbers no
    /// integer holds, characters from every corner of Unicode, and bytes that are not UTF-8.
    static let oddities: [[UInt8]] = [
        #"\u0000"#, #"\uD800"#, #"\uDFFF"#, #"\uD83D"#, #"\uDE00\uD83D"#, #"\u"#, #"\x"#, "\\",
        "1e999999", "-1e999999", "123456789012345678901234567890", "9007199254740993", "0.0000000000000000000000000001e-400",
        "NaN", "Infinity", "-0", "00012", "1.", ".5", "true", "null", "nul",
        "\u{0}", "\u{FEFF}", "\u{202E}", "𝕏", "👨‍👩‍👧", "\u{10FFFF}", "龘", "\r\n", "\t", "\u{2028}",
        "{{", "}}", "{{var}}", "{{ unused }}", "../", "/etc/passwd", "\"\"", ":", ",", "[]", "{}",
    ].map { Array($0.utf8) } + [[0xFF], [0xC3, 0x28], [0xE2, 0x82], [0xF0, 0x9F, 0x98], [0xED, 0xA0, 0x80], [0xC0, 0x80]]

    static let structural: [UInt8] = Array(#""{}[]:,"#.utf8)

    mutating func int(_ range: Range<Int>) -> Int { Int.random(in: range, using: &random) }

    /// One to four mutations of `seed`.
    mutating func mutate(_ seed: [UInt8]) -> [UInt8] {
        var bytes = seed
        for _ in 0..<int(1..<5) { apply(int(0..<9), to: &bytes) }
        return bytes
    }

    private mutating func apply(_ operation: Int, to bytes: inout [UInt8]) {
        let position = int(0..<(bytes.count + 1))
        switch operation {
        case 0 where !bytes.isEmpty:  // flip one bit of one byte
            bytes[int(0..<bytes.count)] ^= UInt8(1) << UInt8(int(0..<8))
        case 1:  // truncate
            bytes = Array(bytes.prefix(position))
        case 2:  // delete a quote, bracket, colon or comma
            let candidates = bytes.indices.filter { Self.structural.contains(bytes[$0]) }
            if !candidates.isEmpty { bytes.remove(at: candidates[int(0..<candidates.count)]) }
        case 3:  // insert an oddity
            bytes.insert(contentsOf: Self.oddities[int(0..<Self.oddities.count)], at: position)
        case 4:  // deep nesting around everything, or just at one place
            let depth = int(1..<3000)
            let (open, close): ([UInt8], [UInt8]) = int(0..<2) == 0 ? (Array("[".utf8), Array("]".utf8)) : (Array(#"{"a":"#.utf8), Array("}".utf8))
            let prefix = Array([[UInt8]](repeating: open, count: depth).joined())
            let suffix = int(0..<2) == 0 ? Array([[UInt8]](repeating: close, count: depth).joined()) : []
            bytes = prefix + bytes + suffix
        case 5 where !bytes.isEmpty:  // duplicate a slice
            let start = int(0..<bytes.count)
            let slice = bytes[start..<min(bytes.count, start + int(1..<64))]
            bytes.insert(contentsOf: slice, at: position)
        case 6 where !bytes.isEmpty:  // delete a slice
            let start = int(0..<bytes.count)
            bytes.removeSubrange(start..<min(bytes.count, start + int(1..<32)))
        case 7:  // a structural character where it does not belong
            bytes.insert(Self.structural[int(0..<Self.structural.count)], at: position)
        case 8 where !bytes.isEmpty:  // replace a digit run with a huge number
            if let digit = bytes.indices.dropFirst(int(0..<bytes.count)).first(where: { (0x30...0x39).contains(bytes[$0]) }) {
                bytes.replaceSubrange(digit...digit, with: Array("1\(String(repeating: "0", count: int(20..<400)))".utf8))
            }
        default:
            bytes.insert(UInt8(truncatingIfNeeded: int(0..<256)), at: position)
        }
    }
}
