import Testing
@testable import PromptCompat

/// The `label` check: a label answer that became another label, however many characters they share.
@Suite("Substitute check: labels")
struct SubstituteLabelTests {
    let check = SubstituteCheck.label

    @Test("label flips that share characters are flagged", arguments: [("正面", "负面"), ("消极", "积极"), ("是", "否"), ("没有表达愤怒", "表达了愤怒"), ("不满意", "满意")])
    func flips(accepted: String, candidate: String) {
        #expect(check.reasons([accepted], candidate, instructions: "判断这条评论的情感倾向，只输出标签。") == ["label changed: \"\(accepted)\" → \"\(candidate)\""])
    }

    @Test("the same label in other case, with a full stop, or an equivalent wording passes", arguments: [("Positive", "positive"), ("正面", "正面。"), ("没有表达愤怒", "未表达愤怒"), ("是", "是的"), ("满足", "符合")])
    func same(accepted: String, candidate: String) {
        #expect(check.reasons([accepted], candidate, instructions: "Classify the sentiment. 判断情绪。") == [])
    }

    @Test("a label that is another label with a negation in front is not that label (NOT ELIGIBLE / ELIGIBLE)")
    func negatedLabels() {
        let prompt = "You are a claim eligibility checker. Based on the plan terms and the claim, output ELIGIBLE or NOT ELIGIBLE only."
        #expect(check.reasons(["NOT ELIGIBLE"], "ELIGIBLE", instructions: prompt) == ["label changed: \"NOT ELIGIBLE\" → \"ELIGIBLE\""])
        #expect(check.reasons(["ELIGIBLE"], "NOT ELIGIBLE", instructions: prompt) == ["label changed: \"ELIGIBLE\" → \"NOT ELIGIBLE\""])
        #expect(check.reasons(["NOT ELIGIBLE"], "Not eligible", instructions: prompt) == [])
    }

    @Test("where the prompt allows an equivalent wording, a bare verdict and one naming what is asked are the same; the opposite is not")
    func bareVerdictWorded() {
        let prompt = "判断学生留言中的情况是否需要立即挂失，回答“需要”或“不需要”，也可以用意思相同的简短说法，不要解释。"
        #expect(check.reasons(["不需要"], "无需挂失", instructions: prompt) == [])
        #expect(check.reasons(["不需要"], "需要挂失", instructions: prompt) == ["label changed: \"不需要\" → \"需要挂失\""])
        #expect(check.reasons(["不需要"], "无需补办", instructions: prompt) == ["label changed: \"不需要\" → \"无需补办\""])
    }

    @Test("a word outside the prompt's labels is named as such")
    func outsideTheSet() {
        #expect(check.reasons(["物流"], "快递", instructions: "工单类别：物流、退款、发票、其他。只输出类别名。")
            == ["answer \"快递\" is not one of the prompt's labels (物流, 退款, 发票, 其他)"])
    }

    @Test("a label after a field every answer names (URGENT: yes) is compared as the label, quoted whole")
    func fieldThenLabel() {
        let prompt = #"Answer "URGENT: yes" if water is leaking; otherwise "URGENT: no". Output only that line."#
        #expect(check.reasons(["URGENT: yes"], "URGENT: no", instructions: prompt) == ["label changed: \"URGENT: yes\" → \"URGENT: no\""])
        #expect(check.reasons(["URGENT: yes"], "urgent: YES", instructions: prompt) == [])
        #expect(check.reasons(["情感：正面"], "情感：负面", instructions: "判断评论的情感，按“情感：标签”输出。") == ["label changed: \"情感:正面\" → \"情感:负面\""])
    }

    @Test("answers that name different fields are not read as one label set")
    func differentFields() {
        #expect(check.reasons(["答案：是"], "结论：是", instructions: "判断是否可以退货，回答是或否。") == [])
    }

    @Test("short answers of a prompt that does not classify are not labels")
    func notAClassifier() {
        #expect(check.reasons(["清凉一夏"], "尽享清凉", instructions: "为这款风扇写一句8字以内的广告语") == [])
    }
}

@Suite("Substitute check: free-worded verdicts")
struct SubstituteVerdictTests {
    @Test("where the prompt leaves the wording free, a verdict about the same thing with the same polarity is the same")
    func freeWording() {
        let prompt = "判断家长留言是否表示孩子某天不乘坐校车。用不超过10个字回答，表述不限。"
        #expect(SubstituteCheck.label.reasons(["周三下午不乘车"], "周三放学不坐校车", instructions: prompt) == [])
        #expect(SubstituteCheck.label.reasons(["周三下午不乘车"], "周三下午乘车", instructions: prompt).count == 1)
        #expect(SubstituteCheck.label.reasons(["周三下午不乘车"], "周三放学不坐校车", instructions: "判断家长留言是否表示孩子某天不乘坐校车，10字以内。").count == 1)
        let refund = "判断申请是否符合退费条件，只给出结论（符合/不符合，表述不限），不要解释。"
        #expect(SubstituteCheck.label.reasons(["不符合"], "不满足退费条件", instructions: refund) == [])
        #expect(SubstituteCheck.label.reasons(["不符合"], "满足退费条件", instructions: refund).count == 1)
    }

    @Test("where the prompt leaves the wording free, two bare verdicts with as many negations are the same; words saying when do not count")
    func bareVerdictsWorded() {
        let prompt = "Say whether the dog can join group play now. The answer may be worded freely but must be a few words only, no explanation."
        #expect(SubstituteCheck.label.reasons(["Not yet"], "Not at this time", instructions: prompt) == [])
        #expect(SubstituteCheck.label.reasons(["Not yet"], "Yes", instructions: prompt).count == 1)
        #expect(SubstituteCheck.label.reasons(["暂时不能"], "目前不可以", instructions: "判断能否入园，回答表述不限，不超过6个字。") == [])
        #expect(SubstituteCheck.label.reasons(["暂时不能"], "可以", instructions: "判断能否入园，回答表述不限，不超过6个字。").count == 1)
    }

    @Test("a one-sentence verdict with its reason whose verdict is negated is flagged; a verdict said in other words is not")
    func verdictWithReason() {
        let prompt = "判断渔民上报的内容是否涉及安全隐患，用一句话给出结论和依据，表述不限。"
        let accepted = "涉及安全隐患：北斗终端无信号仍计划出海。"
        #expect(SubstituteCheck.label.reasons([accepted], "不涉及安全隐患，船长确认不影响正常出海作业。", instructions: prompt)
            == [#"verdict changed: "涉及安全隐患" → "不涉及安全隐患""#])
        #expect(SubstituteCheck.label.reasons([accepted], "有安全隐患，北斗没信号还要出海。", instructions: prompt) == [])
        #expect(SubstituteCheck.label.reasons(["材料已齐全，可以预约递签。"], "无需补充材料，可直接预约。", instructions: "判断材料是否齐全，一句话说明。") == [])
        #expect(SubstituteCheck.label.reasons([accepted], "不涉及安全隐患，船长确认不影响正常出海作业。", instructions: "请复述渔民上报的内容。") == [],
                "a prompt that does not judge has no verdict")
    }

    @Test("verdicts with the same polarity and concepts are the same; a changed polarity or concept is not", arguments: [
        ("No anger", "Not angry", true), ("无明显愤怒", "没有愤怒", true), ("billing", "billing issue", true),
        ("High priority", "Low priority", false), ("满意", "不满意", false), ("urgent", "not urgent", false),
        // A verb that only says the verdict holds is no concept of it; a negation still is.
        ("有退款诉求", "提出了退款诉求", true), ("无退款诉求", "没有提出退款诉求", true), ("有退款诉求", "没有提出退款诉求", false),
    ])
    func verdicts(a: String, b: String, same: Bool) {
        #expect(LabelAnswer.equivalent(a, b) == same)
    }
}
