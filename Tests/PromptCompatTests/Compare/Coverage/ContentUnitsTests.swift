import Testing
@testable import PromptCompat

/// The units two answers are aligned by: a word's inflections fold to one stem, so `refunds` meets `refund`.
@Suite("Content units")
struct ContentUnitsTests {
    @Test("a plural, -ed, -ing and -ies fold to the word they come from", arguments: [
        ("refunds", "refund"), ("charged", "charge"), ("booking", "book"), ("policies", "policy"), ("boxes", "box"),
        ("cafés", "café"), ("Lieferungen", "Lieferungen"), ("refundable", "refunded"), ("cancellable", "cancelled"),
        ("cancelling", "cancel"), ("stopped", "stop"), ("billing", "bill"),
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

    @Test("synonyms a rewording swaps are one unit; a word and its negation stay apart")
    func synonymsMeet() {
        #expect(ContentUnits.of("头18个小时不收钱") == ContentUnits.of("头18小时免费"))
        #expect(ContentUnits.of("本市哪个营业厅都可以") == ContentUnits.of("本市任一营业厅都可以"))
        #expect(ContentUnits.of("seats are live right away") == ContentUnits.of("seats are live immediately"))
        #expect(ContentUnits.of("Changes are FREE OF CHARGE") == ContentUnits.of("changes are free"))
        #expect(ContentUnits.of("purchased online") == ContentUnits.of("buy online"))
        #expect(ContentUnits.of("超时收费") != ContentUnits.of("超时免费"))
        #expect(ContentUnits.of("如出现发烧请复诊") == ContentUnits.of("如出现发热请复诊"))
        #expect(ContentUnits.of("before arrival") != ContentUnits.of("after arrival"))
    }

    @Test("an English phrase is read only on word boundaries, a Chinese variant longest first")
    func synonymEdges() {
        // `prior to` inside other words is not the phrase; `不可以` is read whole, not as 不 + 可以.
        #expect(String(String.UnicodeScalarView(Synonyms.canonical(Array("the prior tone, a prior to-do".unicodeScalars)))) == "the prior tone, a before-do")
        #expect(String(String.UnicodeScalarView(Synonyms.canonical(Array("Prior to arrival".unicodeScalars)))) == "before arrival")
        #expect(String(String.UnicodeScalarView(Synonyms.canonical(Array("不可以退".unicodeScalars)))) == "不能退")
        #expect(Synonyms.englishWords["purchase"] == "buy")
        #expect(Synonyms.englishWords["refund"] == nil)
    }
}
