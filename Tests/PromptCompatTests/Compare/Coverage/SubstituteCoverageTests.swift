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
        // A sentence that announces what follows says nothing itself: neither added nor dropped.
        #expect(check.reasons([policy], "以下是退货规则的说明。" + policy) == [])
        #expect(check.reasons(["Here is a summary of the return rules for your order. " + "Returns are accepted within 30 days of delivery, except for custom items."],
                              "Returns are accepted within 30 days of delivery, except for custom items.") == [])
    }

    @Test("a clause recast in its own place is kept; a clause whose neighbours close up behind it is dropped")
    func recastInPlace() {
        let news = "新闻：国家铁路局数据显示，7月全国铁路发送旅客4.12亿人次，同比增长11.6%，创单月历史新高。"
        let accepted = "今年7月全国铁路发送旅客4.12亿人次，同比增长11.6%，创单月历史新高。"
        #expect(check.reasons([accepted], "国家铁路局数据显示，7月全国铁路旅客发送量达4.12亿人次，同比增11.6%，刷新单月纪录。", instructions: news) == [])
        #expect(check.reasons([accepted], "国家铁路局数据显示，7月全国铁路旅客发送量达4.12亿人次，同比增11.6%。", instructions: news)
            == ["dropped: \"创单月历史新高\""])
    }

    @Test("a clause of the candidate that shares one word with a dropped clause and more with the next one rewords the next one, not the dropped one")
    func counterpartOfTheNextClause() {
        let rules = "Campground rules: Campfires only in the metal fire rings. No fires during county fire bans; the ban status is posted at the entrance booth. Fires must be attended at all times and put out with water before bed."
        let accepted = "Yes, you can have a campfire, but only in the metal fire ring at your site, and not during a county fire ban — check the ban status posted at the entrance booth. Keep the fire attended at all times and put it out with water before going to bed."
        let ring = "Sure! Just keep it inside the metal fire ring at your site."
        let tended = "Someone has to stay with the fire the whole time, and douse it with water before you turn in."
        #expect(check.reasons([accepted], ring + " " + tended, instructions: rules) == ["dropped: \"and not during a county fire ban — chec…\""])
        #expect(check.reasons([accepted], ring + " Skip it while a county fire ban is on (the entrance booth posts the ban status). " + tended, instructions: rules) == [])
    }

    @Test("a clause passed on from the prompt and missing from a free rewording is dropped; one clause of the candidate that has most of it rewords it")
    func groundedClauseReworded() {
        let terms = "7. The Customer may cancel or postpone the Move by written notice. Where notice is received more than 10 working days before the Move Date, no charge applies. Where notice is received between 10 and 3 working days before the Move Date, 30% of the quoted price is payable. Where notice is received fewer than 3 working days before the Move Date, 60% of the quoted price is payable."
        let accepted = "You need to tell us in writing. If you cancel more than 10 working days before your move, there's no charge. Between 10 and 3 working days before the move, you pay 30% of the quoted price. With fewer than 3 working days' notice, it's 60%."
        // Reordered: no neighbour of the clause lines up beside its rewording, which shares 10, working, days, before, move.
        let bands = "- Notice must always be in writing.\n- 10 to 3 working days before the move: 30% of the quote.\n- Under 3 working days before: 60% of the quote."
        #expect(check.reasons([accepted], bands + "\n- 10+ working days before the move: free.", instructions: terms) == [])
        #expect(check.reasons([accepted], bands, instructions: terms) == ["dropped: \"If you cancel more than 10 working days…\""])
    }

    @Test("a closing that names the reader's own account number is courtesy; one with a new number is not")
    func courtesyWithTheirNumber() {
        let accepted = "Your May bill of £184.20 is based on an estimated reading. Submit a reading by 10 June and we will recalculate it within 2 working days."
        let candidate = accepted + " Is there anything else I can help with on account 4471-2290?"
        #expect(check.reasons([accepted], candidate, instructions: "Account 4471-2290, May bill £184.20.") == [])
        #expect(check.reasons([accepted], candidate, instructions: "May bill £184.20.").count == 1)
        // An invitation to ask more or to call the number the prompt gives is courtesy too.
        let call = accepted + " If you have more questions, just reply here or call us at (541) 555-0178."
        #expect(check.reasons([accepted], call, instructions: "Account 4471-2290. Contact: (541) 555-0178.") == [])
    }

    @Test("German capitalizes every noun: a German answer's nouns are no invented names")
    func germanNouns() {
        let prompt = "Sie sind der Kundenservice von Paketblitz. Info: Eine Umleitung ist bis 18 Uhr am Vortag möglich."
        let accepted = "Guten Tag, eine Umleitung Ihres Pakets ist bis 18 Uhr am Vortag möglich. Bitte geben Sie die neue Adresse in der App ein."
        let candidate = "Guten Tag, danke für Ihre Anfrage. Eine Änderung der Lieferadresse ist bis 18 Uhr am Vortag möglich. Bitte geben Sie die neue Adresse in der App ein."
        #expect(SubstituteCheck.coverage.reasons([accepted], candidate, instructions: prompt).allSatisfy { !$0.contains("in neither the prompt") })
    }

    @Test("'feel free to reply' is courtesy: its 'free' offers nothing; a free month added is an offer")
    func feelFree() {
        let accepted = "Your report ER-60214 was returned: the Osteria Roma receipt is not itemized. Please attach the itemized receipt and resubmit via Concur."
        #expect(check.reasons([accepted], accepted + " If anything here is unclear, feel free to reply to this email — happy to help.") == [])
        #expect(CourtesyPhrases.isCourtesy("If anything is unclear, feel free to reply."))
        #expect(!CourtesyPhrases.isCourtesy("Feel free to enjoy a free month of premium on us."))
        // "You're free to" is at liberty, not at no cost; "free to use" still costs nothing.
        #expect(!CourtesyPhrases.namesOffer("if we do, you're free to accept or turn them down."))
        #expect(CourtesyPhrases.namesOffer("the app is free to use for members."))
    }

    @Test("a discount written with digits (8折) that neither the prompt nor the accepted answer has is invented; one they have is not")
    func inventedDiscount() {
        let prompt = "权益：注册即成为银卡会员，每消费1元积1分；满800分升级金卡，生日当月赠饮品券1张。"
        let accepted = "生日券是金卡权益：满800分升级金卡后，生日当月赠饮品券1张。您现在是银卡，每消费1元积1分。"
        let candidate = "生日券要金卡才有，满800分即可升级。作为新会员，您还能领一张新人8折券。每消费1元积1分。"
        #expect(SubstituteCheck.coverage.reasons([accepted], candidate, instructions: prompt).contains("added the percentage 8折 (20% off)"))
        #expect(!SubstituteCheck.coverage.reasons([accepted], candidate, instructions: prompt + "新会员首单享8折。").contains { $0.contains("8折") })
    }

    @Test("a clause in the place of an accepted clause the candidate rewords is no addition; the same clause added to the whole accepted answer is")
    func rewordedClosingInPlace() {
        let schedule = "6月龄：乙肝疫苗（第3剂）\n8月龄：麻腮风疫苗（第1剂）\n9月龄：A群流脑多糖疫苗（第2剂）\n18月龄：百白破疫苗（第4剂）"
        let accepted = schedule + "\n请按月龄提前在门诊预约。"
        #expect(check.reasons([accepted], schedule + "\n到了相应月龄记得按时预约哦～") == [])
        #expect(check.reasons([schedule], schedule + "\n接种后可领取疫苗接种保险一份。").count == 1)
    }

    @Test("a total worked out from the instalments the prompt states is no invented amount; a made-up price cut still is")
    func derivedTotal() {
        let prompt = "合同总价168,000元。付款：签约30%（已付50,400元），水电验收后50,400元，木作完成后58,800元，竣工后8,400元。"
        let accepted = "签约款已付，后续还有三次付款：水电验收后50,400元；木作完成后58,800元；竣工后8,400元。"
        let total = "签约款已付。接下来水电验收后付50,400元，木作完成后付58,800元，竣工后付8,400元，三笔合计117,600元。"
        #expect(!SubstituteCheck.coverage.reasons([accepted], total, instructions: prompt).contains { $0.contains("117,600") })
        let cut = "签约款已付。接下来水电验收后付50,400元，木作完成后付58,800元，竣工后付8,400元。现在签约还可立减5,000元。"
        #expect(SubstituteCheck.coverage.reasons([accepted], cut, instructions: prompt).contains { $0.contains("5,000元") })
    }

    @Test("a fee waived (减免) or an instant discount (立减) the guide never offers is an added offer")
    func waivedFee() {
        let guide = "工本费10元。可到窗口办理，或通过APP线上申请，新证邮寄到家（邮寄费用由申请人承担）。"
        let accepted = "可以在本地换证，工本费10元。可到窗口办理，也可线上申请，新证邮寄到家，邮寄费用由您承担。"
        let candidate = "可以在本地换证，工本费10元。可到窗口办理，也可线上申请，新证邮寄到家。现在线上申请还能享受首次邮寄费减免。"
        #expect(check.reasons([accepted], candidate, instructions: guide).contains { $0.hasPrefix("added: \"现在线上申请还能享受首次邮寄费减免") })
    }

    @Test("a made-up code and a gift said with 送 are added; a closing that offers what the answer is about is courtesy")
    func inventedCodeAndGift() {
        let faq = "Prices: 4 players £80. Students get 10% off Monday–Thursday with a valid student ID."
        let accepted = "For 4 players the room is £80; students get 10% off, so £72 for the group."
        #expect(AddedContent.inventedCodes("Book online with code UNI5 for an extra 5% off!", known: [accepted, faq]) == ["UNI5"])
        #expect(VerdictReasons.hint(for: ["added the code UNI5"])?.contains("do not add discounts or codes") == true)
        #expect(AddedContent.inventedCodes("Show your ID at the door; 30th birthday groups welcome, 2-bedroom suites nearby.", known: [accepted, faq]).isEmpty)
        let card = "五常大米 5kg/袋；直播间价：69.9元/袋；顺丰包邮。"
        let pitch = "家人们，五常大米5公斤一袋，直播间69.9元一袋，顺丰包邮，赶紧下单！"
        #expect(!SubstituteCheck.coverage.reasons([pitch], "家人们，五常大米5公斤一袋，直播间69.9元一袋，前100单还送一个密封米桶！顺丰包邮，赶紧下单！", instructions: card).isEmpty)
        let refund = "Because we cancelled your flight, you can choose a full refund. It covers the base fare and taxes. Refunds take up to 7 business days."
        #expect(check.reasons([refund], refund + " Let me know if you'd like me to start the refund.") == [])
    }

    @Test("an amount the candidate works out in front of the reader is derived, not invented")
    func computedAmount() {
        let accepted = "门诊每次免赔额为100元，超出部分按80%赔付。您这次花费600元，可赔付400元。"
        let candidate = "扣除免赔额：600－100＝500元；按80%赔付：500×80%＝400元。您这次花费600元，可赔付400元。"
        #expect(check.reasons([accepted], candidate) == [])
        #expect(SubstituteCheck.facts.reasons([accepted], candidate) == [])
    }

    @Test("the half of a sentence before \", but\" is a clause of its own: dropped while the rest is kept")
    func droppedBeforeBut() {
        let policy = "Policy: when you downgrade, forms above the new plan's limit are switched to read-only; no data is deleted. Annual fees are non-refundable."
        let accepted = "Annual fees are non-refundable, so you keep Pro until renewal. When the downgrade takes effect, any forms above Basic's limit will become read-only, but no data will be deleted."
        let candidate = "Annual fees aren't refundable, so you keep full Pro access until renewal. Your data is safe: nothing is deleted when you downgrade."
        #expect(check.reasons([accepted], candidate, instructions: policy).contains { $0.hasPrefix("dropped: \"When the downgrade takes effect") })
    }

    @Test("a clause one accepted sample lacks is the baseline's own variation, not required")
    func noiseAware() {
        let other = "您好，本店商品签收后7天内支持无理由退货。退货运费由买家承担，质量问题除外。退款将在收到退货后3个工作日内原路退回。"
        #expect(check.reasons([policy, other], other) == [])
    }
}

@Suite("Substitute check: offers")
struct SubstituteOfferTests {
    @Test("an offer of a kind the accepted answer has, worded another way, is no new offer; a gift is")
    func kinds() {
        let accepted = "您好，本店商品均赠送运费险，退货时自动理赔运费，理赔款会在退货签收后72小时内到账支付宝。"
        let reworded = "不用您自己出哦。订单带有运费险，退货后会自动理赔，签收退货后72小时内，运费补偿就会到您的支付宝账户。"
        #expect(SubstituteCheck.coverage.reasons([accepted], reworded, instructions: "你是客服，回答买家问题，不超过60字。") == [])
        let gift = "您的车在免费首保范围内，包括更换机油和机滤。到店请带行驶证。"
        #expect(SubstituteCheck.coverage.reasons([gift], gift + "本次到店还可获赠一次空调滤芯更换。", instructions: "首保免费，含机油、机滤更换。").count == 1)
    }

    @Test("an offer the prompt's own policy makes, restated, is not invented")
    func offerFromThePolicy() {
        let policy = "Policy: Extra drivers cost $13 per day, capped at $65 per rental. Spouses and domestic partners are added for free."
        let accepted = "Your brother can drive for $13 per day, capped at $65 per rental. He must be present at pickup."
        let candidate = "It costs $13 per day, capped at $65 per rental, and your brother must be present at pickup. Spouses and partners are added for free, siblings are not."
        #expect(AddedContent.offers(Clause.split(candidate), samples: [accepted], prompt: policy).isEmpty)
        #expect(AddedContent.offers(Clause.split(candidate), samples: [accepted], prompt: "Extra drivers cost $13 per day.").count == 1)
    }

    @Test("an invented credit that restates the answer's own amount is still new; 免费 for 不收费 is the same offer")
    func restatedAmounts() {
        let notes = "Duties & taxes owed by recipient: CAD 37.15 (DAP shipment). Do not promise refunds or credits that the notes do not mention."
        let accepted = "Because this was shipped DAP, duties and taxes of CAD 37.15 are payable by the recipient."
        let candidate = "The shipment was sent DAP, so duties and taxes (CAD 37.15) fall to the recipient. Don't worry, though: we'll credit the CAD 37.15 back to your account as a goodwill gesture once the parcel is delivered."
        #expect(AddedContent.offers(Clause.split(candidate), samples: [accepted], prompt: notes).count == 1)
        #expect(AddedContent.offers(Clause.split("如果是线路的问题，上门免费；路由器坏了需自行更换。"), samples: ["如果是线路的问题，上门不收费；路由器坏了需自行更换。"], prompt: "整理转写").isEmpty)
    }
}
