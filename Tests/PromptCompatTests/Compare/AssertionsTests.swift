import Testing
@testable import PromptCompat

/// The assertions of `expect` on one output, each failure explained in one line.
@Suite("Assertions")
struct AssertionsTests {
    func failures(_ output: String, _ expect: Expectations) -> [String] {
        Assertions.failures(of: output, against: expect)
    }

    @Test("no expectations, no failures")
    func nothingExpected() {
        #expect(failures("anything at all", Expectations()).isEmpty)
    }

    @Test("contains: every string must occur in the output")
    func contains() {
        let expect = Expectations(contains: ["20240709", "配送"])
        #expect(failures("您好，订单 20240709 正在配送中。", expect).isEmpty)
        #expect(failures("您好，订单正在配送中。", expect) == [#"does not contain "20240709""#])
        #expect(failures("Order shipped", expect) == [#"does not contain "20240709""#, #"does not contain "配送""#])
    }

    @Test("contains compares after Unicode normalization: full-width digits match half-width ones")
    func containsAfterNormalization() {
        #expect(failures("订单 ２０２４０７０９ 已发货", Expectations(contains: ["20240709"])).isEmpty)
        #expect(failures("order 20240709", Expectations(contains: ["２０２４０７０９"])).isEmpty)
    }

    @Test("contains is case-sensitive")
    func containsIsCaseSensitive() {
        #expect(failures("order shipped", Expectations(contains: ["Order"])) == [#"does not contain "Order""#])
    }

    @Test("notContains: none of the strings may occur")
    func notContains() {
        let expect = Expectations(notContains: ["As an AI", "抱歉"])
        #expect(failures("您好，订单已发货。", expect).isEmpty)
        #expect(failures("As an AI language model, I cannot.", expect) == [#"contains "As an AI", which it must not"#])
    }

    @Test("maxLength counts characters: a CJK character is one, not three UTF-8 bytes")
    func maxLengthCountsCJKCharacters() {
        let output = "您好，订单已发货"  // 8 characters, 24 UTF-8 bytes
        #expect(failures(output, Expectations(maxLength: 8)).isEmpty)
        #expect(failures(output, Expectations(maxLength: 7)) == ["is 8 characters long, more than maxLength 7"])
    }

    @Test("a character is what a reader counts: an emoji with a skin tone or an accent is one")
    func lengthCountsGraphemes() {
        #expect(failures("👍🏽e\u{301}", Expectations(maxLength: 2)).isEmpty)
    }

    @Test("length is measured on the normalized output: surrounding whitespace trimmed, space runs folded")
    func lengthOfNormalizedText() {
        #expect(failures("\n  a    b  \n\n", Expectations(maxLength: 3, minLength: 3)).isEmpty)
    }

    @Test("minLength: at least this many characters")
    func minLength() {
        #expect(failures("好", Expectations(minLength: 1)).isEmpty)
        #expect(failures("好", Expectations(minLength: 2)) == ["is 1 characters long, fewer than minLength 2"])
        #expect(failures("", Expectations(minLength: 0)).isEmpty)
    }

    @Test("json: the output must hold JSON — bare, fenced or in prose (the wrapping is compared with the accepted answer, not asserted)", arguments: [
        (#"{"id": 7}"#, [String]()),
        ("  [1, 2]\n", []),
        ("```json\n{\"id\": 7}\n```", []),
        (#"The result is {"id": 7}."#, []),
        ("I cannot help with that.", ["is not valid JSON"]),
    ])
    func json(output: String, expected: [String]) {
        #expect(failures(output, Expectations(json: true)) == expected)
    }

    @Test("json: false checks nothing")
    func jsonFalse() {
        #expect(failures("not JSON", Expectations(json: false)).isEmpty)
    }

    @Test("every failed assertion is listed, in a fixed order")
    func allFailuresListed() {
        let expect = Expectations(json: true, contains: ["id"], notContains: ["抱歉"], maxLength: 3)
        #expect(failures("抱歉，无法回答。", expect) == [
            #"does not contain "id""#,
            #"contains "抱歉", which it must not"#,
            "is 8 characters long, more than maxLength 3",
            "is not valid JSON",
        ])
    }

    @Test("containsAny: at least one of the strings must occur")
    func containsAny() {
        let expect = Expectations(containsAny: ["已发货", "配送中"])
        #expect(failures("您的订单正在配送中。", expect).isEmpty)
        #expect(failures("您的订单已取消。", expect) == [#"contains none of "已发货", "配送中""#])
    }

    @Test("regex: every pattern must match somewhere in the normalized output (full-width digits are digits)")
    func regex() {
        let expect = Expectations(regex: [#"\d{8}"#, "订单"])
        #expect(failures("订单 20240709 已发货", expect).isEmpty)
        #expect(failures("订单 ２０２４０７０９ 已发货", expect).isEmpty)
        #expect(failures("订单已发货", expect) == [#"does not match /\d{8}/"#])
    }

    @Test("notRegex: no pattern may match; the failure quotes the text that matched")
    func notRegex() {
        let expect = Expectations(notRegex: [#"1\d{10}"#])
        #expect(failures("请联系客服。", expect).isEmpty)
        #expect(failures("请拨打 13812345678 联系快递员", expect) == [#"matches /1\d{10}/ at "13812345678", which it must not"#])
    }

    @Test("startsWith: the trimmed output must start with it; the failure quotes the start (expected length + 8 characters)")
    func startsWith() {
        let expect = Expectations(startsWith: "尊敬的客户")
        #expect(failures("\n  尊敬的客户，您好：订单已发货。", expect).isEmpty)
        // "尊敬的客户" is 5 characters, so 13 are quoted: "Dear customer".
        #expect(failures("Dear customer, your order has shipped.", expect) == [#"does not start with "尊敬的客户" (starts with "Dear customer…")"#])
        #expect(failures("", expect) == [#"does not start with "尊敬的客户" (the output is empty)"#])
    }

    @Test("endsWith: the trimmed output must end with it; the failure quotes the end (expected length + 8 characters)")
    func endsWith() {
        let expect = Expectations(endsWith: "祝您生活愉快")
        #expect(failures("订单已发货，祝您生活愉快  \n", expect).isEmpty)
        // "祝您生活愉快" is 6 characters, so the last 14 are quoted: "ve a nice day.".
        #expect(failures("Your order has shipped. Have a nice day.", expect) == [#"does not end with "祝您生活愉快" (ends with "…ve a nice day.")"#])
    }

    @Test("language: the dominant script, counting each CJK character and each Latin word as one")
    func language() {
        #expect(failures("您的 iPhone 15 Pro 订单已发货", Expectations(language: .zh)).isEmpty)  // 7 CJK vs 2 words
        #expect(failures("Your order has shipped today.", Expectations(language: .zh)) == ["is in English (Latin script 100%, CJK 0%), expected zh"])
        // 13 CJK characters (您的订单已发货, 预计明天送达) and 2 words (ETA, tomorrow): 13/15 = 87%, 2/15 = 13%.
        #expect(failures("您的订单已发货，预计明天送达 (ETA tomorrow)", Expectations(language: .en)) == ["is in Chinese (Latin script 13%, CJK 87%), expected en"])
        #expect(failures("好 ok", Expectations(language: .zh)) == ["is mixed (Latin script 50%, CJK 50%), expected zh"])
        #expect(failures("12345 !!!", Expectations(language: .en)) == ["has no letters to tell its language, expected en"])
    }

    @Test("a case's expect is merged over the prompt's, key by key")
    func expectationsMerge() {
        let prompt = Expectations(similarity: 0.5, contains: ["a"], maxLength: 300)
        let merged = prompt.merging(Expectations(contains: ["b"], minLength: 1))
        #expect(merged == Expectations(similarity: 0.5, contains: ["b"], maxLength: 300, minLength: 1))
    }

    @Test("merging replaces the new fields whole and keeps the ones the case leaves unset")
    func newFieldsMerge() throws {
        let schema = try JSONSchema(["type": "object"])
        let prompt = Expectations(
            regex: ["a"], language: .zh, refusal: false, toolCall: .init(name: "get_order"), maxLatencySeconds: 10, maxCostCNY: 0.01
        )
        let own = Expectations(containsAny: ["x"], regex: ["b", "c"], language: .en, schema: schema, finishReason: "stop", maxCostCNY: 0.5)
        #expect(prompt.merging(own) == Expectations(
            containsAny: ["x"], regex: ["b", "c"], language: .en, schema: schema, refusal: false, finishReason: "stop",
            toolCall: .init(name: "get_order"), maxLatencySeconds: 10, maxCostCNY: 0.5
        ))
    }
}
