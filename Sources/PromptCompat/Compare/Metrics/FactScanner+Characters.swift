/// The character classes of the fact patterns, as ICU's regular expressions define them, over Unicode
/// scalar values (`FactScanner.Text.end`, past either end of the text, is in none of them).
extension FactScanner {
    enum Characters {
        /// `[0-9０-９]`: an ASCII or full-width digit.
        static func isDigit(_ c: UInt32) -> Bool {
            (0x30...0x39).contains(c) || (0xFF10...0xFF19).contains(c)
        }

        static func isASCIIDigit(_ c: UInt32) -> Bool { (0x30...0x39).contains(c) }

        /// `[A-Za-zＡ-Ｚａ-ｚ]`: a Latin letter, half- or full-width.
        static func isLatinLetter(_ c: UInt32) -> Bool {
            (0x41...0x5A).contains(c) || (0x61...0x7A).contains(c) || (0xFF21...0xFF3A).contains(c) || (0xFF41...0xFF5A).contains(c)
        }

        /// `[A-Za-z0-9Ａ-Ｚａ-ｚ０-９]`: what an identifier or a unit is made of, and must not touch.
        static func isLatinAlphanumeric(_ c: UInt32) -> Bool { isLatinLetter(c) || isDigit(c) }

        static func isASCIILetter(_ c: UInt32) -> Bool { (0x41...0x5A).contains(c) || (0x61...0x7A).contains(c) }

        /// ICU's `\s`: the Unicode White_Space property (25 code points, among them U+0085, U+00A0, U+2028
        /// and U+3000), not only `[\t\n\f\r\p{Z}]`.
        static func isSpace(_ c: UInt32) -> Bool {
            c == 0x20 || (0x09...0x0D).contains(c) || (c >= 0x85 && c <= 0x3000 && whiteSpaceAbove127.contains(c))
        }

        static let whiteSpaceAbove127 = ScalarSet([
            0x85, 0xA0, 0x1680, 0x2000, 0x2001, 0x2002, 0x2003, 0x2004, 0x2005, 0x2006, 0x2007, 0x2008, 0x2009,
            0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000,
        ])

        /// What ICU's multi-line `^` follows: LF, VT, FF, CR, NEL, LINE and PARAGRAPH SEPARATOR.
        static func isLineTerminator(_ c: UInt32) -> Bool {
            (0x0A...0x0D).contains(c) || c == 0x85 || c == 0x2028 || c == 0x2029
        }

        /// What `trimmingCharacters(in: .whitespaces)` removes: general category Zs, the tab, and (as
        /// Foundation has it) U+200B ZERO WIDTH SPACE.
        static func isTrimmedSpace(_ c: UInt32) -> Bool {
            c == 0x20 || c == 0x09 || (c >= 0xA0 && c <= 0x3000 && trimmedAbove127.contains(c))
        }

        static let trimmedAbove127 = ScalarSet([
            0xA0, 0x1680, 0x2000, 0x2001, 0x2002, 0x2003, 0x2004, 0x2005, 0x2006, 0x2007, 0x2008, 0x2009, 0x200A,
            0x200B, 0x202F, 0x205F, 0x3000,
        ])

        /// ICU's word characters for `\b`: `[\p{Alphabetic}\p{M}\p{Nd}\p{Pc}\u200C\u200D]`.
        static func isWord(_ c: UInt32) -> Bool {
            if c < 0x80 { return isASCIILetter(c) || isASCIIDigit(c) || c == 0x5F }
            if c == 0x200C || c == 0x200D { return true }
            guard knownToICU(c), let scalar = Unicode.Scalar(c) else { return false }
            switch scalar.properties.generalCategory {
            case .nonspacingMark, .spacingMark, .enclosingMark, .decimalNumber, .connectorPunctuation: return true
            default: return scalar.properties.isAlphabetic
            }
        }

        /// What ICU's `\b` looks through, as if it were not there: Grapheme_Extend and format (Cf) characters.
        static func isTransparentToWordBoundary(_ c: UInt32) -> Bool {
            guard c >= 0x80, knownToICU(c), let scalar = Unicode.Scalar(c) else { return false }
            return scalar.properties.isGraphemeExtend || scalar.properties.generalCategory == .format
        }

        /// The Unicode version of the ICU data Foundation's regular expressions use (swift-foundation-icu at
        /// Swift 6.3): a character assigned later is unassigned there — no letter, no mark — though the
        /// standard library's newer tables know it. `FactScannerEdgeTests` compares every scalar with ICU.
        static let icuUnicodeVersion = (major: 16, minor: 0)

        static func knownToICU(_ c: UInt32) -> Bool {
            guard let age = Unicode.Scalar(c)?.properties.age else { return false }
            return (age.major, age.minor) <= icuUnicodeVersion
        }
    }

    /// A small set of scalars for the loops that look at every character: a bitmap for ASCII; for the
    /// rest a bitmap of their low eight bits, so that most characters (a Chinese text's) are turned away
    /// before the short list of members is searched.
    struct ScalarSet: Sendable {
        private var ascii: (UInt64, UInt64) = (0, 0)
        private var lowBytes: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)
        private var others: [UInt32] = []

        init(_ scalars: some Sequence<UInt32>) {
            for c in scalars {
                if c < 64 {
                    ascii.0 |= 1 << c
                } else if c < 128 {
                    ascii.1 |= 1 << (c - 64)
                } else if !others.contains(c) {
                    others.append(c)
                    let bit: UInt64 = 1 << (c & 63)
                    switch (c >> 6) & 3 {
                    case 0: lowBytes.0 |= bit
                    case 1: lowBytes.1 |= bit
                    case 2: lowBytes.2 |= bit
                    default: lowBytes.3 |= bit
                    }
                }
            }
        }

        init(_ characters: String) { self.init(characters.unicodeScalars.map(\.value)) }

        @inline(__always) func contains(_ c: UInt32) -> Bool {
            if c < 64 { return ascii.0 & (1 << c) != 0 }
            if c < 128 { return ascii.1 & (1 << (c - 64)) != 0 }
            let word: UInt64
            switch (c >> 6) & 3 {
            case 0: word = lowBytes.0
            case 1: word = lowBytes.1
            case 2: word = lowBytes.2
            default: word = lowBytes.3
            }
            return word & (1 << (c & 63)) != 0 && others.contains(c)
        }
    }
}
