import Testing
@testable import PromptCompat

/// `CharacterTable` answers what the dictionary it is built from answers, for every character of one
/// scalar up to U+2FFFF (compatibility ideographs such as U+F9B2, which equals 零, included) and for
/// characters of several scalars.
@Suite("Character tables asked by scalar")
struct CharacterTableTests {
    @Test("every table number reading uses answers as its dictionary does, on every scalar and on marked characters")
    func sameAsTheDictionary() {
        let tables = [NumberWords.chineseValues, ChineseNumerals.digits, ChineseNumerals.units, ChineseNumerals.groups]
        let characters = (0..<0x3_0000).compactMap(Unicode.Scalar.init).map(Character.init) + ["一\u{301}", "\u{F9B2}", "十\u{FE00}", "e\u{301}"]
        for table in tables {
            let wrong = characters.filter { table[$0] != table.table[$0] }
            #expect(wrong.isEmpty, "first: \(wrong.first.map { String($0).unicodeScalars.map { String($0.value, radix: 16) } } ?? [])")
        }
        #expect(NumberWords.chineseValues["\u{F9B2}"] == 0)
    }
}
