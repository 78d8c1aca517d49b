import Testing
@testable import PromptCompat

/// Facts of the reference — numbers, dates, amounts, percentages, phones, identifiers, emails, URLs — found
/// again in the candidate whatever the spelling.
@Suite("Facts preserved")
struct FactsPreservedTests {
    let metric = FactsPreserved()

    @Test("each kind is found and normalized", arguments: [
        ("共 1,299.00 件", Fact(kind: .number, text: "1,299.00", value: "1299")),
        ("约 12.50", Fact(kind: .number, text: "12.50", value: "12.5")),
        ("发货日 2024-07-09", Fact(kind: .date, text: "2024-07-09", value: "2024-07-09")),
        ("发货日 2024/7/9", Fact(kind: .date, text: "2024/7/9", value: "2024-07-09")),
        ("于2024年7月9日发货", Fact(kind: .date, text: "2024年7月9日", value: "2024-07-09")),
        ("shipped July 9, 2024.", Fact(kind: .date, text: "July 9, 2024", value: "2024-07-09")),
        ("shipped 9 Jul 2024.", Fact(kind: .date, text: "9 Jul 2024", value: "2024-07-09")),
        ("7月9日发货", Fact(kind: .date, text: "7月9日", value: "--07-09")),
        ("refill from 10/07/2024.", Fact(kind: .date, text: "10/07/2024", value: "2024-10-07")),
        ("sale on 14/11/2024.", Fact(kind: .date, text: "14/11/2024", value: "2024-11-14")),
        ("价格¥299", Fact(kind: .amount, text: "¥299", value: "CNY 299")),
        ("价格299元", Fact(kind: .amount, text: "299元", value: "CNY 299")),
        ("price RMB 299", Fact(kind: .amount, text: "RMB 299", value: "CNY 299")),
        ("price $12.50", Fact(kind: .amount, text: "$12.50", value: "USD 12.5")),
        ("增长15%", Fact(kind: .percentage, text: "15%", value: "15%")),
        ("订单号20240709001", Fact(kind: .identifier, text: "20240709001", value: "20240709001")),
        ("商品 SKU-123 缺货", Fact(kind: .identifier, text: "SKU-123", value: "SKU-123")),
        ("code abc123", Fact(kind: .identifier, text: "abc123", value: "ABC123")),
        ("mail Support@Example.com now", Fact(kind: .email, text: "Support@Example.com", value: "support@example.com")),
        ("见 https://example.com/a?b=1。", Fact(kind: .url, text: "https://example.com/a?b=1", value: "https://example.com/a?b=1")),
        ("电话 +86 138-0013-8000", Fact(kind: .phone, text: "+86 138-0013-8000", value: "13800138000")),
        ("电话 010-12345678", Fact(kind: .phone, text: "010-12345678", value: "01012345678")),
    ])
    func extraction(text: String, fact: Fact) {
        #expect(FactsPreserved.facts(in: text) == [fact])
    }

    @Test("list numbering is not a fact, and the digits of a date are not also numbers")
    func notFacts() {
        #expect(FactsPreserved.facts(in: "1. 登录\n2、下单").isEmpty)
        #expect(FactsPreserved.facts(in: "2024年7月9日").map(\.kind) == [.date])
        #expect(FactsPreserved.facts(in: "2024年13月9日").map(\.kind) == [.number, .number, .number])
    }

    @Test("different spellings of the same fact count as preserved")
    func spellingsAgree() {
        #expect(metric.score("金额1,299.00元", "金额 ¥1299") == 1)
        #expect(metric.score("2024-07-09发货", "shipped on July 9, 2024") == 1)
        #expect(metric.score("电话13800138000", "call +86 138 0013 8000") == 1)
        #expect(metric.score("价格２９９元，增长１５％", "价格299元，增长15%") == 1)
        // A number inside an amount, a percentage or a date is still that number.
        #expect(metric.score("共299件，15天内", "¥299，15%") == 1)
        // A month-and-day date is in a full date with that month and day.
        #expect(metric.score("7月9日发货", "2024年7月9日发货") == 1)
    }

    @Test("the score is the share of distinct reference facts present: 2 of 4")
    func share() {
        // Reference facts: 20240709001, 2024年7月9日, ¥1,299.00 and 3 (the repeated 3 counts once).
        // The candidate keeps the order number and the amount, changes the date and drops 3.
        let reference = "订单20240709001于2024年7月9日发货，共3件（3件已发），金额¥1,299.00。"
        let candidate = "订单20240709001于2024年7月10日发货，金额1299元。"
        #expect(metric.score(reference, candidate) == 0.5)
        #expect(FactsPreserved.missing(reference, candidate) == ["2024年7月9日", "3"])
    }

    @Test("changed pairs a missing fact with the candidate's new fact of the same kind")
    func changed() {
        #expect(FactsPreserved.changed("2024年7月9日发货，¥299", "2024年7月10日发货，¥299") == [
            FactChange(kind: .date, reference: "2024年7月9日", candidate: "2024年7月10日"),
        ])
        #expect(FactsPreserved.changed("价格¥1,299", "价格¥1,199，另收¥10") == [])  // 1 missing, 2 new: not obvious
        #expect(FactsPreserved.changed("同样的内容", "同样的内容") == [])
    }

    @Test("no facts in the reference scores 1, even against an empty candidate; facts against empty score 0")
    func empty() {
        #expect(metric.score("", "") == 1)
        #expect(metric.score("好的，明白了", "") == 1)
        #expect(metric.score("订单20240709001", "") == 0)
    }

    @Test("facts beside emoji, combining accents and Chinese punctuation are found")
    func unicode() {
        #expect(FactsPreserved.facts(in: "👍🏽¥299！👨‍👩‍👧").map(\.value) == ["CNY 299"])
        #expect(metric.score("café 15%", "cafe\u{301}，15％") == 1)
    }

    @Test("a 5,000-character text with 100 order numbers, 10 of them changed, scores 0.9")
    func longInput() {
        let numbers = (0..<100).map { 20_240_709_000 + $0 }
        let reference = numbers.map { "订单\($0)已发货，" }.joined()
        let candidate = numbers.map { "订单\($0 % 10 == 0 ? $0 + 500 : $0)已发货，" }.joined()
        let long = String(repeating: "好", count: 3_300) + reference  // 3,300 + 100 × 17 characters
        #expect(long.count == 5_000)
        #expect(metric.score(long, candidate) == 0.9)
    }

    @Test("a date between slashes is read; where either number could be the month, either reading keeps it")
    func slashDates() {
        #expect(FactsPreserved.missingFacts("Refill from 10/07/2024.", "Refill from October 7, 2024.").isEmpty)
        #expect(FactsPreserved.missingFacts("Deliver by 07/10/2024.", "Deliver by 7 October 2024.").isEmpty)
        #expect(FactsPreserved.missingFacts("Refill from 10/07/2024.", "Refill from October 8, 2024.").map(\.text) == ["10/07/2024"])
        #expect(FactsPreserved.missingFacts("Refill from 10/07/2024.", "Refill soon.").map(\.text) == ["10/07/2024"])
    }

    @Test("a span in weeks keeps the same span in days and the other way round; another span or a date's day does not")
    func spansInWeeksAndDays() {
        #expect(FactsPreserved.missingFacts("每副戴14天", "每副戴2周").isEmpty)
        #expect(FactsPreserved.missingFacts("每6周复诊一次", "每42天复诊一次").isEmpty)
        #expect(FactsPreserved.missingFacts("within 14 days", "within 2 weeks").isEmpty)
        #expect(FactsPreserved.missingFacts("每副戴14天", "每副戴3周").map(\.text) == ["14"])
        #expect(FactsPreserved.missingFacts("第2批", "7月14日").map(\.text) == ["2"])
        #expect(SpanEquivalents.keys(in: "周末2天") == [] && SpanEquivalents.keys(in: "2 weekends") == [])
    }

    @Test("an accepted time without a part of the day is kept by the same time in the afternoon, not the other way round")
    func unmarkedHours() {
        #expect(FactsPreserved.missingFacts("大约10:00以后可以喂湿粮", "大概晚上10:00以后可以喂湿粮").isEmpty)
        #expect(FactsPreserved.missingFacts("晚上10:00以后可以喂湿粮", "10:00以后可以喂湿粮").map(\.text) == ["晚上10:00"])
        #expect(FactsPreserved.missingFacts("上午10:00开门", "晚上10:00开门").map(\.text) == ["上午10:00"])
        #expect(FactsPreserved.missingFacts("15:00开始", "3:00开始").map(\.text) == ["15:00"])
    }
}
