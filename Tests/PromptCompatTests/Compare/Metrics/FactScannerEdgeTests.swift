import Foundation
import Testing
@testable import PromptCompat

/// Behaviours of the fact patterns that the differential tests found tricky, each worked out by hand
/// from the regular expression (see ``FactScanner``'s table), and the scanner's character classes
/// checked against ICU's on every Unicode scalar.
@Suite("Fact scanner: the regular expressions' tricky corners, by hand")
struct FactScannerEdgeTests {
    @Test("an amount may start inside a run of digits: 1,2345元 is the number 1 and the amount 2345元")
    func amountInsideDigits() {
        // NUMBER at 0 is 1,234 (then 5, not a currency word) or 1 (then a comma): no amount there. At the
        // 2 it is 2345, followed by 元. The number pattern then finds 1 (its look-ahead sees the comma).
        #expect(FactExtractor.search("1,2345元") == [
            Fact(kind: .number, text: "1", value: "1"), Fact(kind: .amount, text: "2345元", value: "CNY 2345"),
        ])
    }

    @Test("a grouped number that a digit follows gives back a group: 1,234,5678 is 1,234 and 5678")
    func groupedNumberBacksOff() {
        #expect(FactExtractor.search("1,234,5678") == [
            Fact(kind: .number, text: "1,234", value: "1234"), Fact(kind: .number, text: "5678", value: "5678"),
        ])
    }

    @Test("a unit followed by a letter gives way to the next unit: 5ms is 5 ms, 5mins an identifier")
    func unitsInOrder() {
        // `m` comes before `ms` and `min` in the list, but a letter follows it.
        #expect(FactExtractor.search("耗时5ms") == [Fact(kind: .number, text: "5ms", value: "5")])
        #expect(FactExtractor.search("耗时5min") == [Fact(kind: .number, text: "5min", value: "5")])
        // After `min` comes `s`: no unit fits, and 5mins has a letter and a digit.
        #expect(FactExtractor.search("耗时5mins") == [Fact(kind: .identifier, text: "5mins", value: "5MINS")])
    }

    @Test("the Kelvin sign is not the unit K: 5K is a measure, 5K (U+212A) the number 5")
    func kelvinSign() {
        #expect(FactExtractor.search("5K") == [Fact(kind: .number, text: "5K", value: "5")])
        #expect(FactExtractor.search("5\u{212A}") == [Fact(kind: .number, text: "5", value: "5")])
    }

    @Test("ICU's \\b: a CJK character or a letter with a mark right before a month name is no word boundary")
    func wordBoundary() {
        let numbers = [Fact(kind: .number, text: "5", value: "5"), Fact(kind: .number, text: "2024", value: "2024")]
        #expect(FactExtractor.search("中Jan 5 2024") == numbers)
        #expect(FactExtractor.search("e\u{301}Jan 5 2024") == numbers)  // \b looks back past the mark to e
        let date = [Fact(kind: .date, text: "Jan 5 2024", value: "2024-01-05")]
        #expect(FactExtractor.search("（Jan 5 2024") == date)
        #expect(FactExtractor.search("\u{200B}Jan 5 2024").map(\.value) == ["2024-01-05"])  // a format character is looked past
    }

    @Test("(?i) folds like ICU: the ligature ﬆ is st, in August and in an ordinal")
    func caseFolding() {
        #expect(FactExtractor.search("Auguﬆ 1ﬆ, 2024") == [Fact(kind: .date, text: "Auguﬆ 1ﬆ, 2024", value: "2024-08-01")])
        #expect(FactExtractor.search("AUG 1ST 2024").map(\.value) == ["2024-08-01"])
    }

    @Test("日 after a date is left out when a digit follows it")
    func dayMarkBeforeDigit() {
        #expect(FactExtractor.search("2024年7月9日5") == [
            Fact(kind: .date, text: "2024年7月9", value: "2024-07-09"), Fact(kind: .number, text: "5", value: "5"),
        ])
    }

    @Test("a clock time may start inside a word (SPAM 3:00 is AM 3:00) and takes the line break after it")
    func clockTimeEdges() {
        #expect(FactExtractor.search("SPAM 3:00") == [Fact(kind: .date, text: "AM 3:00", value: "T03:00")])
        // The list numbering after CR LF starts after the LF (ICU's search skips the place between them),
        // so it does not touch the time, whose trailing \s* took the CR LF (.whitespaces does not trim it).
        #expect(FactExtractor.search("12:30\r\n1. 发货") == [Fact(kind: .date, text: "12:30\r\n", value: "T12:30")])
    }

    @Test("an identifier's letter and digit may lie beyond the match: in abc-_1 the identifier is abc")
    func identifierLookahead() {
        #expect(FactExtractor.search("abc-_1") == [
            Fact(kind: .identifier, text: "abc", value: "ABC"), Fact(kind: .number, text: "1", value: "1"),
        ])
    }

    @Test("the import leaves out a fact that ends inside a character (a digit and a joiner), as before")
    func spansOnCharacterBoundaries() {
        #expect(ImportTokenizer.factSpans(in: "659\u{200D}件 12件").map(\.range) == [6..<8])
        #expect(FactExtractor.search("659\u{200D}件 12件").map(\.text) == ["659", "12"])
    }

    @Test("canonicalNumber edits ASCII as bytes exactly as Foundation's string editing does")
    func canonicalNumberBytes() {
        // Short strings over an alphabet dense in what the function edits, CR LF (one Character) included.
        let alphabet = ["0", "0", "1", "9", ",", ".", "a", " ", "\r", "\n", "\r\n"]
        var random = SplitMix64(seed: 20_241_123)
        for _ in 0..<20_000 {
            let text = (0..<random.int(below: 9)).map { _ in alphabet[random.int(below: alphabet.count)] }.joined()
            #expect(FactExtractor.canonicalNumber(text) == FactExtractor.canonicalNumberOfAnyText(text), "\(text.debugDescription)")
        }
        #expect(FactExtractor.canonicalNumber("1,299.00") == "1299")
        #expect(FactExtractor.canonicalNumber("007.50") == "7.5")
        #expect(FactExtractor.canonicalNumber("0.0") == "0")
    }

    /// Every Unicode scalar, in order, as one string.
    static let allScalars: String = {
        var view = String.UnicodeScalarView()
        view.append(contentsOf: (UInt32(0)...0x10FFFF).compactMap(Unicode.Scalar.init))
        return String(view)
    }()

    /// The scalars `pattern` matches, one character at a time.
    static func icuClass(_ pattern: String) throws -> Set<UInt32> {
        let regex = try NSRegularExpression(pattern: pattern)
        let string = allScalars as NSString
        var members = Set<UInt32>()
        for match in regex.matches(in: allScalars, range: NSRange(location: 0, length: string.length)) {
            members.formUnion(string.substring(with: match.range).unicodeScalars.map(\.value))
        }
        return members
    }

    static func scannerClass(_ test: (UInt32) -> Bool) -> Set<UInt32> {
        Set((UInt32(0)...0x10FFFF).filter { Unicode.Scalar($0) != nil && test($0) })
    }

    // The tests below run a regular expression over every Unicode scalar: seconds of work, done on the CPU
    // lane (`onTheCPULane`: a thread of its own, one heavy job at a time), not on the cooperative pool.

    @Test("\\s, \\w and what \\b looks past are ICU's, on every scalar")
    func characterClasses() async throws {
        let classes = await onTheCPULane { () -> [(scanner: Set<UInt32>, icu: Set<UInt32>?)] in
            [
                (Self.scannerClass(FactScanner.Characters.isSpace), try? Self.icuClass(#"\s"#)),
                (Self.scannerClass(FactScanner.Characters.isWord), try? Self.icuClass(#"\w"#)),
                (Self.scannerClass(FactScanner.Characters.isTransparentToWordBoundary), try? Self.icuClass(#"[\p{Grapheme_Extend}\p{Cf}]"#)),
            ]
        }
        for (name, pair) in zip(["\\s", "\\w", "transparent to \\b"], classes) {
            #expect(pair.icu != nil && pair.scanner == pair.icu, "\(name): \(pair.scanner.symmetricDifference(pair.icu ?? []).sorted().prefix(5))")
        }
    }

    @Test("the spaces trimmed from a fact's text are CharacterSet.whitespaces, on every scalar")
    func trimmedSpaces() async {
        let (scanner, foundation) = await onTheCPULane {
            (Self.scannerClass(FactScanner.Characters.isTrimmedSpace), Self.scannerClass { CharacterSet.whitespaces.contains(Unicode.Scalar($0)!) })
        }
        #expect(scanner == foundation)
    }

    @Test("the non-ASCII characters (?i) folds to ASCII letters are ICU's, each to the same letters")
    func asciiFoldings() async throws {
        let found = await onTheCPULane { () -> [UInt32: [UInt32]]? in
            // Every non-ASCII scalar alone on a line, against each folding a character could have.
            let lines = (UInt32(0x80)...0x10FFFF).compactMap(Unicode.Scalar.init).filter { !FactScanner.Characters.isLineTerminator($0.value) }
            let text = lines.map { String($0) }.joined(separator: "\n")
            let foldings = ["ffi", "ffl", "ss", "st", "ff", "fi", "fl"] + (UInt8(ascii: "a")...UInt8(ascii: "z")).map { String(UnicodeScalar($0)) }
            guard let regex = try? NSRegularExpression(pattern: "(?im)^(?:" + foldings.map { "(\($0))" }.joined(separator: "|") + ")$") else { return nil }
            var found: [UInt32: [UInt32]] = [:]
            for match in regex.matches(in: text, range: NSRange(location: 0, length: (text as NSString).length)) {
                let character = (text as NSString).substring(with: match.range).unicodeScalars.first!.value
                let group = (1..<match.numberOfRanges).first { match.range(at: $0).location != NSNotFound }!
                found[character] = foldings[group - 1].unicodeScalars.map(\.value)
            }
            return found
        }
        #expect(found == FactScanner.asciiFoldings)
    }

    @Test("(?m)^ follows exactly the line terminators ICU knows")
    func lineStarts() async throws {
        let mismatches = await onTheCPULane { () -> [UInt32] in
            guard let regex = try? NSRegularExpression(pattern: #"(?m)^1\."#) else { return [UInt32.max] }
            return (UInt32(0)...0xFFFF).filter { value in
                guard let scalar = Unicode.Scalar(value) else { return false }
                let text = "x\(scalar)1."
                let matches = regex.numberOfMatches(in: text, range: NSRange(location: 0, length: (text as NSString).length)) == 1
                return matches != FactScanner.Characters.isLineTerminator(value)
            }
        }
        #expect(mismatches.isEmpty, "\(mismatches.prefix(5).map { "U+" + String($0, radix: 16) })")
    }
}
