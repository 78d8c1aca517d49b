extension FactScanner {
    /// A text as the patterns read it: its Unicode scalars (the code points ICU's matcher steps over), the
    /// UTF-16 offset of each (NSRange's unit), and its ``Clues``. A class, so that the closures the
    /// patterns hand to each other share it instead of copying its arrays.
    final class Text: Sendable {
        typealias Characters = FactScanner.Characters

        /// What ``subscript(_:)`` answers before the first and after the last character: in no class.
        static let end = UInt32.max

        let scalars: [Unicode.Scalar]
        let clues: Clues
        /// Every maximal run of digits (`[0-9０-９]+`), in order: where the patterns that start with a
        /// number look, instead of at every character.
        let digitRuns: [Range<Int>]
        /// The text itself, and where each scalar starts in its UTF-8 (one more at the end).
        private let source: String
        private let utf8Offsets: [Int]
        /// `utf16Offsets[i]` is where scalar `i` starts in UTF-16; empty when every scalar is one unit.
        private let utf16Offsets: [Int]

        init(_ string: String) {
            var scalars: [Unicode.Scalar] = [], utf8Offsets: [Int] = []
            scalars.reserveCapacity(string.utf8.count)
            utf8Offsets.reserveCapacity(string.utf8.count + 1)
            var clues: Clues = [], astral = false, offset = 0
            var digitRuns: [Range<Int>] = [], runStart = -1
            let ofASCII = Clues.ofASCII, others = Clues.others
            for scalar in string.unicodeScalars {
                let c = scalar.value
                if Characters.isDigit(c) {
                    if runStart < 0 { runStart = scalars.count }
                } else if runStart >= 0 {
                    digitRuns.append(runStart..<scalars.count)
                    runStart = -1
                }
                scalars.append(scalar)
                utf8Offsets.append(offset)
                if c < 0x80 {
                    clues.formUnion(ofASCII[Int(c)])
                    offset += 1
                } else {
                    clues.formUnion(Clues.clues(ofNonASCII: c, others: others))
                    offset += c < 0x800 ? 2 : c < 0x10000 ? 3 : 4
                    astral = astral || c > 0xFFFF
                }
            }
            utf8Offsets.append(offset)
            if runStart >= 0 { digitRuns.append(runStart..<scalars.count) }
            self.digitRuns = digitRuns
            self.scalars = scalars
            self.clues = clues
            self.source = string
            self.utf8Offsets = utf8Offsets
            var utf16Offsets: [Int] = []
            if astral {
                utf16Offsets.reserveCapacity(scalars.count + 1)
                var offset = 0
                for scalar in scalars {
                    utf16Offsets.append(offset)
                    offset += scalar.value > 0xFFFF ? 2 : 1
                }
                utf16Offsets.append(offset)
            }
            self.utf16Offsets = utf16Offsets
        }

        var count: Int { scalars.count }

        subscript(_ i: Int) -> UInt32 { i >= 0 && i < scalars.count ? scalars[i].value : Text.end }

        func utf16Offset(_ i: Int) -> Int { utf16Offsets.isEmpty ? i : utf16Offsets[i] }

        func utf16Range(_ range: Range<Int>) -> Range<Int> { utf16Offset(range.lowerBound)..<utf16Offset(range.upperBound) }

        /// The text of `range`, copied from the source's UTF-8 when it is stored contiguously.
        func string(_ range: Range<Int>) -> String {
            let bytes = utf8Offsets[range.lowerBound]..<utf8Offsets[range.upperBound]
            if let copy = source.utf8.withContiguousStorageIfAvailable({ String(decoding: UnsafeBufferPointer(rebasing: $0[bytes]), as: UTF8.self) }) {
                return copy
            }
            var view = String.UnicodeScalarView()
            view.append(contentsOf: scalars[range])
            return String(view)
        }

        /// The text of `range` without the spaces and tabs around it, as `trimmingCharacters(in: .whitespaces)`.
        func trimmedString(_ range: Range<Int>) -> String {
            var lower = range.lowerBound, upper = range.upperBound
            while lower < upper, Characters.isTrimmedSpace(self[lower]) { lower += 1 }
            while upper > lower, Characters.isTrimmedSpace(self[upper - 1]) { upper -= 1 }
            return string(lower..<upper)
        }

        /// Where the run of characters passing `test` that starts at `i` ends (`i` when there is none).
        func endOfRun(from i: Int, where test: (UInt32) -> Bool) -> Int {
            var j = i
            while j < scalars.count, test(scalars[j].value) { j += 1 }
            return j
        }

        /// The runs of digits that start at or after `start`.
        func digitRuns(from start: Int) -> ArraySlice<Range<Int>> { digitRuns[firstDigitRun { $0.lowerBound >= start }...] }

        /// The runs of digits that end after `start` (the first may begin before it).
        func digitRuns(endingAfter start: Int) -> ArraySlice<Range<Int>> { digitRuns[firstDigitRun { $0.upperBound > start }...] }

        /// The first run that passes `test`, which every run after it passes too (a binary search).
        private func firstDigitRun(_ test: (Range<Int>) -> Bool) -> Int {
            var low = 0, high = digitRuns.count
            while low < high {
                let middle = (low + high) / 2
                if test(digitRuns[middle]) { high = middle } else { low = middle + 1 }
            }
            return low
        }

        /// How many digits (`[0-9０-９]`) follow from `i` on.
        func digitCount(from i: Int) -> Int { endOfRun(from: i, where: Characters.isDigit) - i }

        /// Where the whitespace (`\s*`) from `i` on ends.
        func endOfSpaces(from i: Int) -> Int { endOfRun(from: i, where: Characters.isSpace) }
    }
}
