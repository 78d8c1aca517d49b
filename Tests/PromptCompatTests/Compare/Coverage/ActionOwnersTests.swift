import Testing
@testable import PromptCompat

/// Owners of action items: a person the notes name, kept by the accepted minutes, lost by the candidate.
@Suite("Substitute check: action owners")
struct ActionOwnersTests {
    let notes = "Notes: Priya to send the revised SOW; Tom checks SCIM with eng; legal review of the DPA: Marco Rossi"
    let accepted = "Action items\n- Priya: send the revised SOW.\n- Tom: check SCIM with Engineering.\n- Marco Rossi: review the new DPA."

    @Test("an owner replaced by a team is dropped; the same owners in other words, or by first name, are kept")
    func owners() {
        let check = SubstituteCheck.owners
        #expect(check.reasons([accepted], "Action items\n- Priya: send the SOW.\n- Tom: ask Engineering about SCIM.\n- Legal: review the DPA.", instructions: notes)
            == ["dropped the owner \"Marco Rossi\""])
        #expect(check.reasons([accepted], "Action items\n- Send the revised SOW (Priya)\n- Check SCIM with Engineering (Tom)\n- Review the new DPA (Marco)", instructions: notes) == [])
    }

    @Test("field labels of an answer that assigns no actions are not owners")
    func fieldsAreNotOwners() {
        #expect(ActionOwners.names(in: "Refund: 5 business days\nShipping: free over £40", prompt: "Refund Shipping") == [])
        #expect(ActionOwners.names(in: "待办：\n- 李工：7月8日前完成迁移\n- 时间：周五", prompt: "李工负责迁移，时间周五") == ["李工"])
    }

    @Test("an owner written after the item (——负责人：孙老师) is an owner too")
    func ownerAfterTheItem() {
        let notes = "期末试卷由孙老师出题，6月20日前交系主任；大纲由刘老师修订。"
        let accepted = "行动项：\n1. 出期末试卷，6月20日前交系主任审核——负责人：孙老师\n2. 修订大纲——负责人：刘老师"
        #expect(ActionOwners.names(in: accepted, prompt: notes) == ["孙老师", "刘老师"])
        #expect(SubstituteCheck.owners.reasons([accepted], "行动项：\n- 期末试卷出题，6月20日前交系主任审核\n- 刘老师：修订大纲", instructions: notes)
            == ["dropped the owner \"孙老师\""])
    }

    @Test("an owner still named on one item but gone from the next item they own is dropped from that item; a heading over the items keeps them")
    func ownerOfEachItem() {
        let notes = "王凯负责短信系统对接，9月6日前完成；下周二停机维护，也由王凯通知客服。李航负责试点上线。"
        let accepted = "待办事项：\n1. 短信系统对接——负责人：王凯，9月6日前\n2. 停机维护前通知客服——负责人：王凯，下周二前\n3. 试点上线——负责人：李航"
        let lost = "待办事项：\n1. 短信系统对接——王凯，9月6日前\n2. 停机维护前通知客服——下周二前\n3. 试点上线——李航"
        #expect(SubstituteCheck.owners.reasons([accepted], lost, instructions: notes).count == 1)
        #expect(SubstituteCheck.owners.reasons([accepted], lost, instructions: notes).first?.hasPrefix("dropped the owner \"王凯\" of \"停机维护前通知客服") == true)
        let grouped = "待办事项\n王凯：\n- 短信系统对接，9月6日前\n- 停机维护前通知客服，下周二前\n李航：\n- 试点上线"
        #expect(SubstituteCheck.owners.reasons([accepted], grouped, instructions: notes) == [])
    }
}
