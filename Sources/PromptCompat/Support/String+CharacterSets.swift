import Foundation

/// Which characters ``Swift/StringProtocol/trimming(_:)`` removes from the ends: the members of
/// Foundation's `CharacterSet.whitespaces`, `.newlines` or `.whitespacesAndNewlines`.
enum TrimmedCharacters {
    /// Spaces (Unicode category Zs) and the tab: `CharacterSet.whitespaces`.
    case whitespaces
    /// U+000A–U+000D, U+0085, U+2028, U+2029: `CharacterSet.newlines`.
    case newlines
    case whitespacesAndNewlines

    var characterSet: CharacterSet {
        switch self {
        case .whitespaces: .whitespaces
        case .newlines: .newlines
        case .whitespacesAndNewlines: .whitespacesAndNewlines
        }
    }

    /// Whether `scalar` is trimmed. ASCII is answered without the character set (on Linux a
    /// `CharacterSet.contains` costs far more than the comparison a case makes of it).
    func contains(_ scalar: Unicode.Scalar) -> Bool {
        guard scalar.isASCII else { return characterSet.contains(scalar) }
        switch self {
        case .whitespaces: return scalar == " " || scalar == "\t"
        case .newlines: return (0x0A...0x0D).contains(scalar.value)
        case .whitespacesAndNewlines: return scalar == " " || (0x09...0x0D).contains(scalar.value)
        }
    }
}

extension Substring {
    /// `trimmingCharacters(in:)` with one of the three standard sets, asking only about the scalars at
    /// the ends, and returning the text itself when nothing is trimmed.
    ///
    /// ```swift
    /// "  退货 \n".trimming(.whitespacesAndNewlines)   // "退货"
    /// "\u{3000}标题".trimming(.whitespaces)            // "标题" (U+3000 is a space, category Zs)
    /// ```
    func trimming(_ characters: TrimmedCharacters) -> String {
        trimmingScalars(where: characters.contains)
    }

    /// `trimmingCharacters(in:)` with the set given as a test of a scalar, as Foundation trims: scalar by
    /// scalar from each end (a combining mark after a trimmed one stays).
    ///
    /// ```swift
    /// "「正面」。".trimmingScalars { "「」。".unicodeScalars.contains($0) }   // "正面"
    /// ```
    func trimmingScalars(where isTrimmed: (Unicode.Scalar) -> Bool) -> String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !isTrimmed($0) }) else { return "" }
        let last = scalars.lastIndex(where: { !isTrimmed($0) })!
        if first == scalars.startIndex, scalars.index(after: last) == scalars.endIndex { return String(self) }
        return String(scalars[first...last])
    }
}

extension String {
    /// `trimmingCharacters(in:)` with one of the three standard sets, without Foundation: see
    /// ``Swift/Substring/trimming(_:)``.
    func trimming(_ characters: TrimmedCharacters) -> String {
        self[...].trimming(characters)
    }
}

extension String {
    /// `hasSuffix("\n") ? String(dropLast()) : self`, on the last two bytes: a final `\n` is a character
    /// of its own unless a `\r` stands before it (a CR-LF is one character, which `hasSuffix("\n")` does not match).
    ///
    /// ```swift
    /// "好\n".droppingFinalLineFeed     // "好"
    /// "好\r\n".droppingFinalLineFeed   // "好\r\n"
    /// ```
    var droppingFinalLineFeed: String {
        let bytes = utf8
        guard bytes.last == 0x0A, bytes.dropLast().last != 0x0D else { return self }
        return String(self[..<bytes.index(before: endIndex)])
    }
}

extension StringProtocol {
    /// `replacingOccurrences(of: "\r\n", with: "\n")`, without a copy when the text has no `\r`.
    var unifyingLineEnds: String {
        utf8.contains(13) ? replacingOccurrences(of: "\r\n", with: "\n") : String(self)
    }
}

extension Unicode.Scalar {
    /// `CharacterSet.alphanumerics.contains(self)`, with ASCII answered without the character set (a JSON
    /// member's path and a template variable's name ask it of every scalar).
    var isAlphanumeric: Bool {
        guard isASCII else { return CharacterSet.alphanumerics.contains(self) }
        return ("a"..."z").contains(self) || ("A"..."Z").contains(self) || ("0"..."9").contains(self)
    }
}

extension StringProtocol {
    /// `split(whereSeparator:)` with separators that are single scalars, read on scalars instead of
    /// `Character`s: a separator splits where it is a whole character, as there — not the `\n` of a `\r\n`, not a
    /// mark followed by a combining one. Empty pieces are omitted unless `keepingEmpty`. `\r` is not a separator here.
    ///
    /// ```swift
    /// "是。否！\r\n好".splitting(on: ["。", "！", "\n"])   // ["是", "否", "\r\n好"]
    /// ```
    func splitting(on separators: Set<Unicode.Scalar>, keepingEmpty: Bool = false) -> [SubSequence] {
        let scalars = unicodeScalars
        var pieces: [SubSequence] = []
        var start = scalars.startIndex, i = scalars.startIndex
        var previous: Unicode.Scalar = " "
        // The ASCII separators as bits: most scalars are asked without hashing them.
        var ascii: (low: UInt64, high: UInt64) = (0, 0)
        for separator in separators where separator.isASCII {
            if separator.value < 64 { ascii.low |= 1 << UInt64(separator.value) } else { ascii.high |= 1 << UInt64(separator.value - 64) }
        }
        let hasOthers = separators.contains { !$0.isASCII }
        func isSeparator(_ scalar: Unicode.Scalar) -> Bool {
            switch scalar.value {
            case ..<64: return ascii.low & (1 << UInt64(scalar.value)) != 0
            case ..<128: return ascii.high & (1 << UInt64(scalar.value - 64)) != 0
            default: return hasOthers && separators.contains(scalar)
            }
        }
        while i < scalars.endIndex {
            let scalar = scalars[i], after = scalars.index(after: i)
            // A control character (a line end) is a character of its own whatever follows it (rule GB4).
            if isSeparator(scalar), !(scalar == "\n" && previous == "\r"),
               after == scalars.endIndex || scalar.properties.generalCategory == .control || !scalars[after].extendsCharacter {
                if start < i || keepingEmpty { pieces.append(self[start..<i]) }
                start = after
            }
            previous = scalar
            i = after
        }
        if start < scalars.endIndex || keepingEmpty { pieces.append(self[start...]) }
        return pieces
    }

    /// `filter { !$0.isWhitespace }` (a character is whitespace when its first scalar is), read on scalars:
    /// a whitespace scalar starts a character and takes the marks that extend it along, unless it is a
    /// control (a line end), after which a character always ends (rule GB4).
    ///
    /// ```swift
    /// "SELECT *\n  FROM t".removingWhitespace   // "SELECT*FROMt"
    /// ```
    var removingWhitespace: String {
        // The kept scalars' UTF-8 bytes, made a `String` once (appending to a scalar view costs more a scalar).
        var kept: [UInt8] = [], dropping = false
        kept.reserveCapacity(utf8.count)
        for scalar in unicodeScalars {
            if scalar == " " {
                dropping = true
            } else if scalar.isASCII ? (0x09...0x0D).contains(scalar.value) : scalar.value <= 0x3000 && scalar.properties.isWhitespace {
                // (No scalar above U+3000, the ideographic space, is white space: CJK text asks no table.)
                switch scalar.properties.generalCategory {
                case .control, .lineSeparator, .paragraphSeparator: dropping = false
                default: dropping = true
                }
            } else if !(dropping && scalar.extendsCharacter) {
                dropping = false
                UTF8.encode(scalar) { kept.append($0) }
            }
        }
        return String(decoding: kept, as: UTF8.self)
    }

    /// Whether the text has at most `limit` characters (``characterCount`` `<= limit`), reading no more than
    /// `limit + 1` characters of a long one: whether an answer is short enough to be a label.
    ///
    /// ```swift
    /// "已发货".hasAtMostCharacters(16)   // true
    /// ```
    func hasAtMostCharacters(_ limit: Int) -> Bool {
        if utf8.count <= limit { return true }
        var count = 0
        for _ in self {
            count += 1
            if count > limit { return false }
        }
        return true
    }

    /// `count` (characters), answered from the UTF-8 bytes when every scalar is one that cannot join
    /// another: ASCII (a CR-LF is one), Latin-1, most punctuation and symbols, CJK, full-width forms. Any other
    /// scalar (a combining mark, a joiner, an emoji, Hangul jamo …) leaves the count to `count`.
    ///
    /// ```swift
    /// "订单 OK，\r\n".characterCount   // 7, as count
    /// ```
    var characterCount: Int {
        var count = 0, previous: UInt8 = 0, simple = true
        var bytes = utf8.makeIterator()
        while simple, let byte = bytes.next() {
            switch byte {
            case 0..<0x80: if !(byte == 0x0A && previous == 0x0D) { count += 1 }
            case 0x80..<0xC0: break  // a continuation byte
            case 0xC2, 0xC3, 0xE3...0xE9: count += 1  // U+0080–U+00FF; U+3000–U+9FFF
            case 0xE2, 0xEF: count += 1; simple = false  // decided by the next byte
            default: simple = false
            }
            if byte == 0xE2 || byte == 0xEF, let second = bytes.next() {
                // U+2000–U+20BF but the joiners U+200C/U+200D, U+2100–U+2CBF, U+2E00–U+2FFF; U+FF00–U+FF7F
                simple = byte == 0xE2 ? (0x80...0x82).contains(second) || (0x84...0xB2).contains(second) || second >= 0xB8 : (0xBC...0xBD).contains(second)
                if simple, byte == 0xE2, second == 0x80, let third = bytes.next() { simple = third != 0x8C && third != 0x8D }
            }
            previous = byte
        }
        return simple ? count : self.count
    }

    /// The lines of the text: `split(whereSeparator: \.isNewline)` read on scalars. A line end (LF, CR,
    /// CR-LF, VT, FF, NEL, U+2028, U+2029) is always a character of its own, CR-LF one character.
    ///
    /// ```swift
    /// "a\r\nb\n\nc".lines   // ["a", "b", "c"]
    /// ```
    var lines: [SubSequence] {
        let scalars = unicodeScalars
        var lines: [SubSequence] = []
        var start = scalars.startIndex, i = scalars.startIndex
        while i < scalars.endIndex {
            let scalar = scalars[i]
            var after = scalars.index(after: i)
            if (0x0A...0x0D).contains(scalar.value) || scalar.value == 0x85 || scalar.value == 0x2028 || scalar.value == 0x2029 {
                if scalar == "\r", after < scalars.endIndex, scalars[after] == "\n" { after = scalars.index(after: after) }
                if start < i { lines.append(self[start..<i]) }
                start = after
            }
            i = after
        }
        if start < scalars.endIndex { lines.append(self[start...]) }
        return lines
    }

    /// `hasPrefix(prefix)` for a prefix of whole characters without decompositions (CJK words, `%`): its
    /// bytes start the text and the character after them is not extended by a combining mark.
    func startsWithCharacters(of prefix: String) -> Bool {
        guard utf8.starts(with: prefix.utf8) else { return false }
        let rest = unicodeScalars[utf8.index(startIndex, offsetBy: prefix.utf8.count)...]
        return rest.first.map { !$0.extendsCharacter } ?? true
    }
}

extension Unicode.Scalar {
    /// A scalar that joins the character before it (grapheme rules GB9, GB9a): an extending mark, the
    /// zero-width joiner, a spacing mark.
    var extendsCharacter: Bool {
        guard !isASCII else { return false }
        return properties.isGraphemeExtend || self == "\u{200D}" || properties.generalCategory == .spacingMark
    }
}

extension CharacterSet {
    /// Unions built once: building one at each call costs more than the trimming it serves.
    static let punctuationAndWhitespaces = CharacterSet.punctuationCharacters.union(.whitespaces)
    static let punctuationAndSymbols = CharacterSet.punctuationCharacters.union(.symbols)
}
