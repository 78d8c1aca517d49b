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
}
