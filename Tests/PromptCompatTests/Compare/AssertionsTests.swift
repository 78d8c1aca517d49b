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

    @Test("json: the output must be bare JSON; a fence, prose or no JSON each fail with their own reason", arguments: [
        (#"{"id": 7}"#, [String]()),
        ("  [1, 2]\n", []),
        ("```json\n{\"id\": 7}\n```", ["wraps its JSON in a ``` code fence"]),
        (#"The result is {"id": 7}."#, ["wraps its JSON in prose"]),
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

    @Test("a case's expect is merged over the prompt's, key by key")
    func expectationsMerge() {
        let prompt = Expectations(similarity: 0.5, contains: ["a"], maxLength: 300)
        let merged = prompt.merging(Expectations(contains: ["b"], minLength: 1))
        #expect(merged == Expectations(similarity: 0.5, contains: ["b"], maxLength: 300, minLength: 1))
    }
}
