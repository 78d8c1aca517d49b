import Testing
@testable import PromptCompat

/// The units two answers are aligned by: a word's inflections fold to one stem, so `refunds` meets `refund`.
@Suite("Content units")
struct ContentUnitsTests {
    @Test("a plural, -ed, -ing and -ies fold to the word they come from", arguments: [
        ("refunds", "refund"), ("charged", "charge"), ("booking", "book"), ("policies", "policy"), ("boxes", "box"),
        ("cafés", "café"), ("Lieferungen", "Lieferungen"),
    ])
    func inflectionsMeet(inflected: String, word: String) {
        #expect(ContentUnits.stem(inflected) == ContentUnits.stem(word))
    }

    @Test("short words, -ss and -us keep their ending")
    func endingsKept() {
        #expect(ContentUnits.stem("class") == "class")
        #expect(ContentUnits.stem("status") == "status")
        #expect(ContentUnits.stem("bus") == "bus")
        #expect(ContentUnits.stem("policies") == "policy")
    }

    @Test("a number word and its digits are one unit")
    func numberWordsAreDigits() {
        #expect(ContentUnits.of("七天内退款") == ContentUnits.of("7天内退款"))
        #expect(ContentUnits.of("within fifteen days") == ContentUnits.of("within 15 days"))
    }
}
