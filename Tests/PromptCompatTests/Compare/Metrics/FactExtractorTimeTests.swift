import Testing
@testable import PromptCompat

/// Clock times are date-kind facts with the value `T14:00`, however written; a number with a unit
/// attached (180g, 1.5s) is that number; identifiers stay identifiers.
@Suite("Fact extractor: clock times and numbers with units")
struct FactExtractorTimeTests {
    @Test("a clock time reads as T hh:mm, an afternoon marker adding 12 hours", arguments: [
        ("客服下午2:00上线", Fact(kind: .date, text: "下午2:00", value: "T14:00")),
        ("今天14:00发货", Fact(kind: .date, text: "14:00", value: "T14:00")),
        ("每天9:30开始发货", Fact(kind: .date, text: "9:30", value: "T09:30")),
        ("晚上8:15前下单当天发", Fact(kind: .date, text: "晚上8:15", value: "T20:15")),
        ("上午10:00开抢", Fact(kind: .date, text: "上午10:00", value: "T10:00")),
        ("今天14：00发货", Fact(kind: .date, text: "14：00", value: "T14:00")),  // full-width colon
    ])
    func clockTime(text: String, fact: Fact) {
        #expect(FactExtractor.facts(in: text) == [fact])
    }

    @Test("2:00 PM is T14:00, the same fact as 下午2:00 and 14:00")
    func englishAfternoon() {
        let facts = FactExtractor.facts(in: "The store reopens at 2:00 PM.")
        #expect(facts.map(\.kind) == [.date])
        #expect(facts.map(\.value) == ["T14:00"])
        #expect(FactExtractor.facts(in: "Pickup from 9:30 a.m.").map(\.value) == ["T09:30"])
    }

    @Test("a clock time's text is the time alone, without the spaces around it")
    func timeTextHasNoSpaces() {
        #expect(FactExtractor.facts(in: "The store reopens at 2:00 PM.").map(\.text) == ["2:00 PM"])
        #expect(FactExtractor.facts(in: "今天 14:00 发货").map(\.text) == ["14:00"])
    }

    @Test("12:30 AM is half past midnight")
    func midnightHour() {
        #expect(FactExtractor.facts(in: "Pickup opens at 12:30 AM.").map(\.value) == ["T00:30"])
        #expect(FactExtractor.facts(in: "中午12:00开始配送").map(\.value) == ["T12:00"], "12 PM stays 12")
    }

    @Test("25:00 is not a time: its digits are left to the number pattern")
    func invalidHour() {
        // The hour must be 0…23; the invalid match leaves 25 and 00 (canonical 0) to later patterns.
        #expect(FactExtractor.facts(in: "营业时间25:00") == [
            Fact(kind: .number, text: "25", value: "25"),
            Fact(kind: .number, text: "00", value: "0"),
        ])
    }

    @Test("a number with a unit attached is that number", arguments: [
        ("这款充电宝重180g", Fact(kind: .number, text: "180g", value: "180")),
        ("接口平均响应1.5s", Fact(kind: .number, text: "1.5s", value: "1.5")),
        ("容量10000mAh，支持20W快充", Fact(kind: .number, text: "10000mAh", value: "10000")),
    ])
    func measure(text: String, fact: Fact) {
        #expect(FactExtractor.facts(in: text).first == fact)
    }

    @Test("180克 and 180g are both the number 180")
    func chineseUnit() {
        #expect(FactExtractor.facts(in: "重180克").map(\.value) == ["180"])
        #expect(FactExtractor.facts(in: "重180g").map(\.value) == ["180"])
    }

    @Test("a long run of digits stays an identifier, not a measure: order 20240709 is late")
    func orderNumber() {
        #expect(FactExtractor.facts(in: "order 20240709 is late") == [Fact(kind: .identifier, text: "20240709", value: "20240709")])
    }

    @Test("SKU-123 stays an identifier")
    func skuIdentifier() {
        #expect(FactExtractor.facts(in: "SKU-123 is out of stock") == [Fact(kind: .identifier, text: "SKU-123", value: "SKU-123")])
    }

    @Test("a tracking number with a letter prefix is one identifier")
    func trackingNumber() {
        #expect(FactExtractor.facts(in: "运单号SF1234567890") == [Fact(kind: .identifier, text: "SF1234567890", value: "SF1234567890")])
    }

    @Test("a code of digits then letters (888VIP) is an identifier, not a measure")
    func couponCode() {
        #expect(FactExtractor.facts(in: "领取优惠码888VIP") == [Fact(kind: .identifier, text: "888VIP", value: "888VIP")])
    }
}
