extension FactScanner {
    /// Which characters a text contains, read in one pass, so that a pattern needing one the text lacks is
    /// not tried (an e-mail needs `@`, a percentage `%` or `％`, a clock time `:` or `：`, …).
    struct Clues: OptionSet, Sendable {
        let rawValue: UInt16

        static let digit = Clues(rawValue: 1 << 0)
        static let at = Clues(rawValue: 1 << 1)
        static let colon = Clues(rawValue: 1 << 2)
        static let percent = Clues(rawValue: 1 << 3)
        static let listMark = Clues(rawValue: 1 << 4)
        static let month = Clues(rawValue: 1 << 5)
        /// An ASCII letter, or ſ (which case-insensitive matching reads as `s`).
        static let latin = Clues(rawValue: 1 << 6)
        static let fullWidthLetter = Clues(rawValue: 1 << 7)
        static let currencySign = Clues(rawValue: 1 << 8)
        static let currencyWord = Clues(rawValue: 1 << 9)

        /// The characters that give each clue.
        static let characters: [(clues: Clues, ranges: [ClosedRange<UInt32>])] = [
            (.digit, [0x30...0x39, 0xFF10...0xFF19]),
            (.at, [0x40...0x40]),
            (.colon, [0x3A...0x3A, 0xFF1A...0xFF1A]),  // : ：
            (.percent, [0x25...0x25, 0xFF05...0xFF05]),  // % ％
            (.listMark, [0x2E...0x2E, 0x29...0x29, 0x3001...0x3001]),  // . ) 、
            (.month, [0x6708...0x6708]),  // 月
            (.latin, [0x41...0x5A, 0x61...0x7A, 0x17F...0x17F]),
            (.fullWidthLetter, [0xFF21...0xFF3A, 0xFF41...0xFF5A]),
            (.currencySign, [0xA5...0xA5, 0xFFE5...0xFFE5, 0x24...0x24, 0xFF04...0xFF04, 0x20AC...0x20AC, 0xA3...0xA3, 0x4EBA...0x4EBA]),  // ¥ ￥ $ ＄ € £ 人
            (.currencyWord, [0x5143...0x5143, 0x5757...0x5757, 0x7F8E...0x7F8E, 0x6B27...0x6B27, 0x82F1...0x82F1]),  // 元 块 美 欧 英
        ]

        static let ofASCII: [Clues] = (0..<128).map { value in clues(of: UInt32(value)) }
        /// The clues of U+FF00…U+FFE5 (full-width forms), and of the few other characters that give one.
        static let ofFullWidth: [Clues] = (0xFF00...0xFFE5).map { value in clues(of: UInt32(value)) }
        static let ofOthers: [(character: UInt32, clues: Clues)] = characters.flatMap { $0.ranges }.flatMap { $0 }
            .filter { $0 >= 0x80 && $0 < 0xFF00 }.map { ($0, clues(of: $0)) }
        static let others = ScalarSet(ofOthers.map(\.character))

        @inline(__always) static func clues(ofNonASCII c: UInt32, others: ScalarSet) -> Clues {
            if c >= 0xFF00 { return c <= 0xFFE5 ? ofFullWidth[Int(c - 0xFF00)] : [] }
            guard others.contains(c) else { return [] }
            for other in ofOthers where other.character == c { return other.clues }
            return []
        }

        static func clues(of c: UInt32) -> Clues {
            Clues(characters.filter { $0.ranges.contains { $0.contains(c) } }.map(\.clues))
        }
    }
}
