import Testing
@testable import PromptCompat

@Suite("Clauses")
struct ClauseTests {
    @Test("Chinese splits at sentence ends and commas, English at sentence ends and before \", but\", \", unless\", \", and not\"")
    func splitting() {
        #expect(Clause.split("7天内可无理由退货，定制商品除外。运费由买家承担。").map(\.text) == ["7天内可无理由退货", "定制商品除外", "运费由买家承担"])
        #expect(Clause.split("Returns are free within 30 days, except for custom items. Shipping is on us.").map(\.text)
            == ["Returns are free within 30 days, except for custom items", "Shipping is on us"])
        #expect(Clause.split("Forms above the limit become read-only, but no data is deleted.").map(\.text)
            == ["Forms above the limit become read-only", "but no data is deleted"])
        #expect(Clause.split("Small, butter-soft and light.").count == 1)
        #expect(Clause.split("Campfires go in the fire ring at your site, and not if a county fire ban is in effect.").map(\.text)
            == ["Campfires go in the fire ring at your site", "and not if a county fire ban is in effect"])
        #expect(Clause.split("Fees are refunded in full, unless the event has started.").count == 2)
    }

    @Test("list markers and bold are dropped, decimals and e.g. do not end a sentence")
    func markers() {
        #expect(Clause.split("- **负责人**：张伟\n2. 截止日期 7月15日").map(\.text) == ["负责人:张伟", "截止日期 7月15日"])
        #expect(Clause.split("It weighs 1.5 kg, e.g. a laptop.").count == 1)
    }

    @Test("a heading and a short frame naming the source introduce, they state nothing; a frame with a rule in it states it")
    func leadIns() {
        #expect(Clause.split("需要准备这几样：").map(\.isLeadIn) == [true])
        #expect(Clause.split("根据预估结果，您应补税360元。").map(\.isLeadIn) == [true, false])
        #expect(Clause.split("According to the policy, refunds take 5 days.").first?.isLeadIn == false)  // one clause, with a figure
        #expect(Clause.isAttribution("According to the policy"))
        #expect(!Clause.isAttribution("根据规定不予退款"))
        #expect(Clause.isAttribution("根据《员工休假管理制度》"))
        #expect(!Clause.isAttribution("根据第12条"))
        #expect(!Clause.isAttribution("按月折算退还"))
    }

    @Test("content units fold plurals and number words and drop function words")
    func units() {
        #expect(ContentUnits.of("The refunds") == ContentUnits.of("refund"))
        #expect(ContentUnits.of("七天") == ContentUnits.of("7天"))
        #expect(ContentUnits.coverage(of: ContentUnits.of("定制商品除外"), by: ContentUnits.of("所有商品都可退")) == 0.2)
    }
}
