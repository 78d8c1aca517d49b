import Testing
@testable import PromptCompat

/// The `truncation` check: an answer that is the start of an accepted one and stops short, or one that
/// stops mid-sentence where every accepted answer ended a sentence. The reasons quote the last 20
/// characters of the normalized answer (full-width commas are ASCII there).
@Suite("Substitute check: truncation")
struct SubstituteTruncationTests {
    let check = SubstituteCheck.truncation
    /// 55 characters, ending in a full stop.
    let accepted = "您好，您的退款申请已经审核通过，款项将在3到5个工作日内原路退回到您的支付账户，到账后有短信通知，请注意查收。"
    /// 47 characters, ending in a full stop.
    let acceptedToo = "您好，退款申请已通过审核，退款会在3到5个工作日内按原路径退回您的支付账户，请您留意短信通知。"
    /// 43 characters, one line, not the start of either accepted answer, stopping at 系统会.
    let cut = "您好，退款已经审核通过了，钱会在3到5个工作日内退回到您原来的支付账户，到账以后系统会"

    @Test("the start of the accepted answer, cut at 60% of it, is flagged with its share")
    func prefixWithShare() {
        // The first 33 of 55 characters: 100 × 33 / 55 = 60.
        let prefix = String(accepted.prefix(33))
        #expect(check.reasons([accepted], prefix) == [#"answer stops at 60% of the accepted one: "…通过,款项将在3到5个工作日内原路退回到""#])
    }

    @Test("an answer that stops mid-sentence is flagged")
    func midSentence() {
        #expect(check.reasons([accepted], cut) == [#"answer stops mid-sentence: "…内退回到您原来的支付账户,到账以后系统会""#])
    }

    @Test("a letter signed off with the sender the prompt names is finished; a short last line the prompt does not name is not a signature")
    func signature() {
        let prompt = "You are the front desk of the Hanriver View Hotel. Reply to guests politely."
        let accepted = "Check-in starts at 15:00. Early check-in before 12:00 costs 30,000 won. Luggage storage before check-in is free, so feel free to leave your bags with us."
        let signed = "Check-in starts at 15:00, and early check-in before 12:00 costs 30,000 won.\n\nYou can leave your bags with us for free.\n\nHanriver View Hotel Front Desk"
        #expect(check.reasons([accepted], signed, instructions: prompt) == [])
        #expect(Sentence.endsWithSignature(signed, prompt: prompt))
        #expect(!Sentence.endsWithSignature("Check-in starts at 15:00.\n\nEarly check-in costs", prompt: prompt))
    }

    @Test("a complete shorter answer is not flagged, nor a short one-line answer without a full stop")
    func completeShorterAnswer() {
        #expect(check.reasons([accepted], "退款已审核通过，3到5个工作日内原路退回您的支付账户。") == [])
        #expect(check.reasons([accepted], "退款已通过，3到5个工作日到账") == [], "one line of at most 40 characters is complete as it is")
    }

    @Test("an answer ending in an emoji is complete")
    func emojiEnding() {
        // 42 characters: past the 40 a one-line answer may have without punctuation.
        #expect(check.reasons([accepted], "您好，退款已经审核通过啦，3到5个工作日内就会原路退回到您的支付账户，请留意查收哦😊") == [])
    }

    @Test("an answer ending in an emoji written with a variation selector (❤️) is complete")
    func emojiWithVariationSelector() {
        #expect(check.reasons([accepted], "您好，退款已经审核通过啦，3到5个工作日内就会原路退回到您的支付账户，请留意查收哦❤️") == [])
    }

    @Test("the accepted answer without its final full stop is not cut off")
    func missingFinalFullStop() {
        // 54 of 55 characters is 98%, above the 95% of the prefix rule; the mid-sentence rule then flags it.
        #expect(check.reasons([accepted], String(accepted.dropLast())) == [])
    }

    @Test("an answer longer than the accepted one is not truncated, however it ends")
    func notShorter() {
        #expect(check.reasons([acceptedToo], accepted.replacingOccurrences(of: "。", with: "，另外")) == [])
    }

    @Test("an accepted answer that was itself cut off makes a mid-sentence ending acceptable; complete ones do not")
    func noiseAware() {
        let acceptedButCut = "您好，您的退款申请已经审核通过，款项会在3到5个工作日内原路退还至您的支付账户，到账后您会收到"  // 47
        #expect(check.reasons([accepted, acceptedButCut], cut) == [])
        #expect(check.reasons([accepted, acceptedToo], cut) == [#"answer stops mid-sentence: "…内退回到您原来的支付账户,到账以后系统会""#])
    }

    @Test("the whole first sentence of an accepted answer that was itself cut is not truncation")
    func firstSentenceOfACutSample() {
        let firstSentence = "您好，您的退款申请已经审核通过。"  // 16
        let cutSample = "您好，您的退款申请已经审核通过。款项会在3到5个工作日内原路退还至您的支付账户，到账后您会收到"
        #expect(check.reasons([cutSample], firstSentence) == [])
        // Against a complete accepted answer (46 characters) it is a prefix: 100 × 16 / 46 ≈ 34.8.
        let completeSample = "您好，您的退款申请已经审核通过。款项会在3到5个工作日内原路退还至您的支付账户，请注意查收。"
        #expect(check.reasons([completeSample], firstSentence) == [#"answer stops at 35% of the accepted one: "…您好,您的退款申请已经审核通过。""#])
    }
}

/// Lists often end without a full stop: that is not a cut.
@Suite("Substitute check: truncation of lists")
struct SubstituteListTruncationTests {
    @Test("a complete bullet list without a final period is not truncated; one cut mid-item is")
    func lists() {
        let accepted = "退货须知：\n- 签收后7天内可申请。\n- 商品需保持完好。\n- 运费由买家承担。\n- 退款3个工作日内到账。"
        #expect(SubstituteCheck.truncation.reasons([accepted], "退货须知：\n- 7天内可申请\n- 商品完好\n- 运费买家承担\n- 退款3个工作日到账") == [])
        #expect(SubstituteCheck.truncation.reasons([accepted], "退货须知：\n- 签收后7天内可申请\n- 商品需保持完好\n- 运费由").count == 1)
    }

    @Test("a wordier list with as many items that stops inside the accepted last item is cut; one that rewords it whole is not")
    func cutInsideTheLastItem() {
        let accepted = """
            1. Log in with the temporary password from your welcome email, then set a new password of at least 12 characters.
            2. Enroll in Okta Verify for multi-factor authentication.
            3. Complete the 'HIPAA Privacy Basics' course in the learning portal before you access any patient data.
            4. Request shared-drive access using the ServiceNow 'Access Request' form, naming your manager as the approver.
            """
        let steps = """
            Welcome aboard! Here's your Day 1 IT setup:

            1. Sign in using the temporary password in your welcome email and choose a new password that's 12 characters or longer.
            2. Set up Okta Verify for multi-factor authentication.
            3. Finish the 'HIPAA Privacy Basics' course in the learning portal — this is required before you can access patient data.

            """
        #expect(SubstituteCheck.truncation.reasons([accepted], steps + "4. Request shared-drive access via the ServiceNow")
            == [#"answer stops mid-sentence: "…s via the ServiceNow""#])
        #expect(SubstituteCheck.truncation.reasons([accepted], steps + "4. Ask for shared-drive access with the ServiceNow 'Access Request' form; your manager approves it") == [])
    }

    @Test("a last item that stops inside an open bracket is cut, however long")
    func openAside() {
        let accepted = "1. Download the app and create an account.\n2. Plug it into a socket; the LED blinks blue.\n3. Connect to your 2.4 GHz Wi-Fi (5 GHz is not supported).\n4. Name the plug."
        let cut = "1. Install the app and sign up.\n2. Plug it into a wall socket; its LED blinks blue.\n3. Connect to your 2.4 GHz Wi-Fi network (note: 5 GHz"
        #expect(SubstituteCheck.truncation.reasons([accepted], cut) == [#"answer stops mid-sentence: "…network (note: 5 GHz""#])
    }

    /// A care card as bullets without full stops, like many lists.
    let careCard = """
    Here's how to keep it happy:
    - **Light:** bright, indirect light; a few hours of gentle morning sun is fine.
    - **Water:** water when the top 2 inches of soil are dry, and never let it sit in water.
    - **Feeding:** once a month in spring and summer with a balanced liquid fertilizer at half strength; don't feed in winter.
    """

    @Test("a list that ends on the start of a word the accepted answer has is cut mid-word, whatever its length")
    func midWord() {
        let cut = """
        Care basics:
        - Light: somewhere with bright, indirect light. Gentle morning sun won't hurt.
        - Water: only once the top 2 inches feel dry. Don't leave it standing in water.
        - Feeding: in spring and summer, feed once a month with a balanced liquid fert
        """
        #expect(SubstituteCheck.truncation.reasons([careCard], cut) == [#"answer stops mid-word: "…balanced liquid fert" ("fert" is the start of a word)"#])
    }

    @Test("a list whose last word is a whole word, or a short form of one, is not cut mid-word")
    func wholeLastWords() {
        let whole = """
        Care basics:
        - Light: somewhere with bright, indirect light, with some gentle morning sun
        - Water: only once the top 2 inches feel dry, never standing in water
        - Feeding: monthly in spring and summer, half-strength liquid fertilizer, none in winter
        """
        #expect(SubstituteCheck.truncation.reasons([careCard], whole) == [])
        #expect(Sentence.endingFragment("Ask the front desk for more info", known: ["Ask the front desk for more information."]) == nil)
        #expect(Sentence.endingFragment("- Light: bright, indir", known: [careCard]) == "indir")
    }
}

@Suite("Sentence: list items")
struct SentenceListItemTests {
    @Test("a marked line or a table row is a list item; a line that is only bold is not")
    func items() {
        #expect(Sentence.listItems("**注意事项**\n- 带身份证\n2. 提前到\n| a | b |") == 3)
        #expect(!Sentence.isListItem("**重要**：请提前30分钟到达"))
    }
}
