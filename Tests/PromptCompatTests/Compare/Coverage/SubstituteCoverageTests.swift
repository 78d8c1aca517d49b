import Testing
@testable import PromptCompat

/// The `coverage` check: a clause of the accepted answer the candidate lost, or one it added, in an answer
/// that otherwise lines up clause by clause — never a free rewording, never courtesy.
@Suite("Substitute check: coverage")
struct SubstituteCoverageTests {
    let check = SubstituteCheck.coverage
    let policy = "您好，本店商品签收后7天内支持无理由退货，定制商品和已拆封的内衣除外。退货运费由买家承担，质量问题除外。退款将在收到退货后3个工作日内原路退回。"

    @Test("an exception dropped from an otherwise identical answer is quoted")
    func droppedException() {
        let candidate = "您好，本店商品签收后7天内支持无理由退货。退货运费由买家承担，质量问题除外。退款将在收到退货后3个工作日内原路退回。"
        #expect(check.reasons([policy], candidate) == ["dropped: \"定制商品和已拆封的内衣除外\""])
    }

    @Test("an English contraindication dropped is quoted")
    func droppedWarning() {
        let accepted = "Take one tablet every 8 hours with food. Do not take it if you are pregnant or breastfeeding. Stop and see a doctor if a rash appears. Keep out of reach of children."
        let candidate = "Take one tablet every 8 hours with food. Stop and see a doctor if a rash appears. Keep out of reach of children."
        #expect(check.reasons([accepted], candidate) == ["dropped: \"Do not take it if you are pregnant or b…\""])
    }

    @Test("an invented offer appended to an identical answer is quoted; one taken from the prompt is not")
    func added() {
        let candidate = policy + "另外赠送您一张20元无门槛优惠券，下次购物可直接使用。"
        #expect(check.reasons([policy], candidate) == ["added: \"另外赠送您一张20元无门槛优惠券\""])
        #expect(check.reasons([policy], candidate, instructions: "活动：退货顾客另外赠送一张20元无门槛优惠券，下次购物可直接使用。") == [])
    }

    @Test("a paraphrase that keeps every clause passes, and so does added courtesy")
    func paraphrase() {
        let reworded = "亲，签收7天内可以无理由退货哦，不过定制商品、拆封过的内衣不行。寄回运费需要您自己出（质量问题我们承担），收到退货后3个工作日内原路退款。"
        #expect(check.reasons([policy], reworded) == [])
        #expect(check.reasons([policy], policy + "如有其他问题，欢迎随时联系我们，祝您生活愉快！") == [])
    }

    @Test("a clause one accepted sample lacks is the baseline's own variation, not required")
    func noiseAware() {
        let other = "您好，本店商品签收后7天内支持无理由退货。退货运费由买家承担，质量问题除外。退款将在收到退货后3个工作日内原路退回。"
        #expect(check.reasons([policy, other], other) == [])
    }
}
