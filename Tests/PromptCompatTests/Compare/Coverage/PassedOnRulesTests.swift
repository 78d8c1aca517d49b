import Testing
@testable import PromptCompat

/// Rules of the prompt's input that the accepted answer passes on: a free rewording that never mentions one
/// has dropped it; one that keeps its words has not.
@Suite("Substitute check: rules passed on from the prompt")
struct PassedOnRulesTests {
    let policy = """
        你是「云帆宽带」的客服。依据以下规则回答，不超过100字。
        1. 套餐可在App「我的-套餐」里自助变更，次月1日生效。
        2. 光猫押金在拆机后退还，须在拆机后30天内到营业厅办理，逾期视为自动放弃。
        3. 仍在优惠合约期内的用户提前拆机，需补缴已减免的月费差价。
        用户：我想下个月拆机，光猫押金怎么退？
        """
    let accepted = "您好！拆机后光猫押金可以退，请在拆机后30天内带上光猫到营业厅办理，逾期视为自动放弃。另外，如果您还在优惠合约期内，提前拆机需要补缴已减免的月费差价。"

    @Test("a rule of the policy the accepted answer passes on and a free rewording never mentions is dropped, quoted from the accepted answer")
    func droppedRule() {
        let candidate = "您好，押金是可以退的：拆机后30天内拿着光猫去营业厅办就行，超过30天就算您自己放弃了，别错过时间哦。"
        let found = PassedOnRules.dropped(samples: [accepted], candidate: candidate, prompt: policy)
        #expect(found.map(\.clause.text) == ["提前拆机需要补缴已减免的月费差价"])
        #expect(SubstituteCheck.coverage.reasons([accepted], candidate, instructions: policy).contains("dropped: \"提前拆机需要补缴已减免的月费差价\""))
    }

    @Test("a rewording that keeps the rule's own words has dropped nothing")
    func keptRule() {
        let candidate = "押金能退。拆机后30天内带光猫去营业厅办理，过期算自动放弃。还在优惠合约期的话，提前拆机要把减免过的月费差价补上。"
        #expect(PassedOnRules.dropped(samples: [accepted], candidate: candidate, prompt: policy).isEmpty)
    }

    @Test("an English restriction dropped from a reworded answer is quoted from its first word the prompt has")
    func englishRule() {
        let prompt = """
            Answer from the policy only.
            Policy: Seats can be changed online for free. Name changes are not allowed on promotional fares: the ticket must be cancelled and rebooked instead.
            Customer: I booked a promo fare under my maiden name. Can I change the name and my seat?
            """
        let accepted = "You can change your seat online for free. Name changes aren't allowed on promotional fares, though, so the ticket would have to be cancelled and rebooked."
        let candidate = "Good news: seat changes are free online, so you can pick a new seat anytime. Let us know if there's anything else!"
        #expect(PassedOnRules.dropped(samples: [accepted], candidate: candidate, prompt: prompt).map(\.word) == ["allow"])
        #expect(PassedOnRules.dropped(samples: [accepted], candidate: "Seats: free to change online. Names: promotional fares can't be renamed; cancel and rebook the ticket.", prompt: prompt).isEmpty)
    }

    @Test("a sentence about the answer itself (写明负责人) is no rule to pass on")
    func aboutTheAnswer() {
        let prompt = "每条待办必须写明负责人和截止时间。\n记录：刘老师6月底前交大纲。"
        let accepted = "待办：交大纲——负责人：刘老师，截止时间：6月底前。"
        #expect(PassedOnRules.dropped(samples: [accepted], candidate: "刘老师：6月底前交大纲。", prompt: prompt).isEmpty)
    }

    @Test("a 【】 heading names a section: its words are not part of the rule beside it")
    func heading() {
        let prompt = "【学位论文答辩延期】申请须在第10周周五前提交。"
        let accepted = "学位论文答辩延期申请须在第10周周五前提交。"
        #expect(PassedOnRules.dropped(samples: [accepted], candidate: "第10周周五前提交申请即可。", prompt: prompt).isEmpty)
        #expect(PassedOnRules.dropped(samples: [accepted], candidate: "随时都可以提交。", prompt: prompt).count == 1)
    }

    @Test("the prompt is read sentence by sentence: a comma does not end a rule")
    func sentences() {
        #expect(Clause.sentences("1. 处于合约期内的用户不可降档，合约到期后方可办理。降档次月生效；副卡同步取消。")
            == ["处于合约期内的用户不可降档,合约到期后方可办理", "降档次月生效", "副卡同步取消"])
    }
}
