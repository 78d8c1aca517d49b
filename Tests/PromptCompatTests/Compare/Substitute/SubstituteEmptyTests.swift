import Testing
@testable import PromptCompat

/// The `empty` check: an empty answer where every accepted one said something.
@Suite("Substitute check: empty")
struct SubstituteEmptyTests {
    let check = SubstituteCheck.empty

    @Test("an empty or blank answer is flagged")
    func emptyAnswer() {
        #expect(check.reasons(["您的订单已发货。"], "") == ["answer is empty"])
        #expect(check.reasons(["您的订单已发货。"], " \n\u{3000}\t") == ["answer is empty"], "spaces, an ideographic space and line ends are blank")
    }

    @Test("any answer with text is not empty, however short")
    func nonEmpty() {
        #expect(check.reasons(["您的订单已发货。"], "已发货") == [])
        #expect(check.reasons(["发票"], "否") == [])
    }

    @Test("an empty answer is fine when an accepted sample was empty too")
    func noiseAware() {
        #expect(check.reasons(["", "好的"], "") == [])
        #expect(check.reasons(["好的", "收到"], "") == ["answer is empty"])
    }
}
