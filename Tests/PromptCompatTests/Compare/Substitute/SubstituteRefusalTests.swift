import Testing
@testable import PromptCompat

/// The `refusal` check: a refusal where no accepted answer refused.
@Suite("Substitute check: refusal")
struct SubstituteRefusalTests {
    let check = SubstituteCheck.refusal

    @Test("a refusal where the baseline answered is flagged with the refusing sentence")
    func refusalFlagged() {
        #expect(check.reasons(["您的订单已发货，运单号SF1234567890。"], "抱歉，我无法查询您的订单信息。请联系人工客服。")
            == [#"refuses: "抱歉，我无法查询您的订单信息。""#])
        #expect(check.reasons(["You can track your parcel on the Orders page."], "I'm sorry, but I can't help with that request.")
            == [#"refuses: "I'm sorry, but I can't help with that request.""#])
    }

    @Test("both refusing is fine")
    func bothRefuse() {
        #expect(check.reasons(["抱歉，我无法提供其他用户的手机号码。"], "很抱歉，我不能透露其他顾客的联系方式。") == [])
    }

    @Test("an apology that answers is not a refusal")
    func apologyThatAnswers() {
        #expect(check.reasons(["您的订单已发货，运单号SF1234567890。"], "抱歉让您久等了，订单已发货，运单号SF1234567890。") == [])
        #expect(check.reasons(["Your order has shipped."], "Sorry for the wait! Your order shipped this morning.") == [])
    }

    @Test("a refusal is fine when an accepted sample refused too; not when every sample answered")
    func noiseAware() {
        let refusal = "抱歉，我无法预测这只股票的走势。"
        #expect(check.reasons([refusal, "这只股票近期波动较大，建议您参考专业机构的研报。"], refusal) == [])
        #expect(check.reasons(["这只股票近期波动较大，建议您参考专业机构的研报。", "股价受多种因素影响，建议关注公司财报。"], refusal)
            == [#"refuses: "抱歉，我无法预测这只股票的走势。""#])
    }
}
