import Testing
@testable import PromptCompat

/// The `facts` check: numbers, dates, amounts, identifiers and contacts every accepted sample states and
/// the candidate does not — "dropped …", or "changed … → …" when the replacement is obvious.
@Suite("Substitute check: facts")
struct SubstituteFactsTests {
    let check = SubstituteCheck.facts

    @Test("a date without its year keeps the dated one; another year does not")
    func yearlessDate() {
        #expect(check.reasons(["休渔期为2024年5月1日12时至9月16日12时。"], "今年休渔期从5月1日12时起，到9月16日12时结束。") == [])
        #expect(check.reasons(["休渔期自2024年5月1日起。"], "休渔期自2025年5月1日起。") == ["changed the date 2024年5月1日 → 2025年5月1日"])
    }

    @Test("a later day said alone after a date is in its month; a count of days is not")
    func dayAfterDate() {
        #expect(NumberWords.digits(in: "9月16日全天停航；17日视海况恢复") == "9月16日全天停航；9月17日视海况恢复")
        #expect(NumberWords.digits(in: "9月1日起，7日无理由退货") == "9月1日起，7日无理由退货")
        #expect(check.reasons(["9月16日停航，9月17日视海况恢复。"], "9月16日停航；17日是否复航视海况而定。") == [])
    }

    @Test("a number joined to its unit by a hyphen is that number")
    func hyphenatedMeasure() {
        let prompt = "Class: Slow Flow. Length: 60 min."
        #expect(check.reasons(["A 60-minute class for all levels."], "A 60-min class for all levels.", instructions: prompt) == [])
        #expect(check.reasons(["A 60-min class for all levels."], "A 60-minute class for all levels.", instructions: prompt) == [])
        #expect(check.reasons(["A 60-minute class for all levels."], "A 45-min class for all levels.", instructions: prompt).count == 1)
    }

    @Test("the working of a calculation is not owed when the result is kept; an operand stated on its own is")
    func shownWorking() {
        let prompt = "Business cards: $0.09 per card. Flyers: $0.22 each."
        let accepted = "Business cards: 500 × $0.09 = $45.00\nFlyers: 300 × $0.22 = $66.00\nTotal: $111.00"
        #expect(check.reasons([accepted], "Cards $45.00, flyers $66.00, total $111.00.", instructions: prompt) == [])
        // A result changed: its working is owed again.
        #expect(check.reasons([accepted], "Cards $45.00, flyers $60.00, total $111.00.", instructions: prompt) == ["dropped the amount $0.22", "dropped the amount $66.00"])
        // 35% is stated before the calculation too: a fact of its own.
        #expect(check.reasons(["服务费为月租金的35%：6000元×35%=2100元。"], "服务费按月租金的53%收取，也就是2100元。") == ["changed the percentage 35% → 53%"])
    }

    @Test("a figure worked out in brackets or as a share's base is not owed when the candidate's own figures give it; a headline total is")
    func bracketedWorking() {
        let prompt = "Photography and catalogue fee £60 per lot. Consignor has two paintings."
        let accepted = "Our commission is 15% of the hammer price, plus a catalogue fee of £60 per lot (£120 for both)."
        #expect(check.reasons([accepted], "Fees: 15% of the hammer price and a £60 catalogue fee for each lot.", instructions: prompt) == [])
        let quote = "Cards: $45.00\nFlyers: $66.00\nRush surcharge (25% of $111.00 printing): $27.75\nTotal: $138.75"
        #expect(check.reasons([quote], "| Cards | $45.00 |\n| Flyers | $66.00 |\n| Rush (25%) | $27.75 |\n| Total | $138.75 |") == [])
        // The total stands outside brackets: leaving it out drops it, though the items add up to it.
        #expect(check.reasons([quote], "| Cards | $45.00 |\n| Flyers | $66.00 |\n| Rush (25%) | $27.75 |") == ["dropped the amount $138.75"])
        #expect(ShownWorking.intermediates(in: accepted, derivedFrom: [FactText.of(prompt)]) == ["£120"])
        #expect(ShownWorking.intermediates(in: accepted, derivedFrom: ["a £50 fee for each of the 2 lots"]).isEmpty)
    }

    @Test("a subtotal the working passes through to a result both answers state is not owed; a changed figure is never a subtotal")
    func subtotals() {
        let accepted = "You'll receive $91.23: your $150.00 deposit plus $4.50 in interest comes to $154.50; the final bill of $63.27 is deducted, leaving $91.23."
        let breakdown = "- Deposit: $150.00\n- Interest: + $4.50\n- Final bill: − $63.27\n- Refund: $91.23"
        #expect(check.reasons([accepted], breakdown) == [])
        // A wrong refund in the candidate: the subtotal leads to no result it keeps, and the refund is owed.
        #expect(check.reasons([accepted], "- Deposit: $150.00\n- Interest: + $4.50\n- Final bill: − $63.27\n- Refund: $93.23") != [])
        // A figure the candidate states that the accepted answer lacks: the subtotal may have been changed, so it stays owed.
        #expect(ShownWorking.subtotals(in: accepted, candidate: breakdown + "\n- Fee: $2.00").isEmpty)
        #expect(ShownWorking.subtotals(in: accepted, candidate: breakdown) == ["$154.50"])
    }

    @Test("a value the user's own question states is not owed; one the answer adds is")
    func askedValues() {
        let prompt = "Rider Rules: full-size bikes are not allowed on weekdays 7:00–9:00 and 16:30–18:30.\ncan i bring my bike on the train at 8am on saturday?"
        let accepted = "Yes! Bikes are only restricted on weekdays 7:00–9:00 and 16:30–18:30, so 8am on a Saturday is fine."
        #expect(check.reasons([accepted], "Yes, you can: the restriction covers weekdays 7:00–9:00 and 16:30–18:30 only.", instructions: prompt) == [])
        // The rule's own times are owed (four dropped); the rider's 8am is not among them.
        #expect(check.reasons([accepted], "Yes, you can: the restriction covers weekdays only.", instructions: prompt).count == 4)
        #expect(SubstituteCheck.askedSentences(of: "Policy: 7 days. Can I return it after 10 days? Thanks.") == "Can I return it after 10 days?\n")
    }

    @Test("a dropped order number is flagged")
    func droppedOrderNumber() {
        #expect(check.reasons(["您的订单20240709001已发货，预计3天内送达。"], "您的订单已发货，预计3天内送达。") == ["dropped the code 20240709001"])
    }

    @Test("a changed price is flagged as a change, with both amounts as written")
    func changedAmount() {
        #expect(check.reasons(["这款耳机的活动价是¥299，今天下单包邮。"], "这款耳机的活动价是¥199，今天下单包邮。") == ["changed the amount ¥299 → ¥199"])
    }

    @Test("the same date in another spelling is the same fact")
    func dateSpellings() {
        #expect(check.reasons(["您的包裹预计2024年7月9日送达。"], "预计送达日期：2024-07-09。") == [])
        #expect(check.reasons(["Your parcel should arrive on July 9, 2024."], "预计2024/7/9送达。") == [])
    }

    @Test("下午2:00 and 14:00 are the same time; another time is a change")
    func clockTimes() {
        let sample = "客服热线今天下午2:00恢复服务。"
        #expect(check.reasons([sample], "客服热线将于今天14:00恢复服务。") == [])
        #expect(check.reasons([sample], "Our hotline is back at 2:00 PM today.") == [])
        #expect(check.reasons([sample], "客服热线今天下午3:00恢复服务。") == ["changed the time 下午2:00 → 下午3:00"])
    }

    @Test("180克 and 180g state the same weight: the number is the fact, the unit is not read")
    func unitSpellings() {
        // 180g and 10000mAh are numbers with a unit (180, 10000); 180克 is the number 180 before a Chinese word.
        #expect(check.reasons(["这款充电宝重180g，容量10000mAh。"], "这款充电宝重180克，容量10000mAh。") == [])
        #expect(check.reasons(["这款充电宝重180克，容量10000mAh。"], "这款充电宝重180g，容量10000mAh。") == [])
    }

    @Test("an amount with separators and another currency spelling is the same amount")
    func amountSpellings() {
        #expect(check.reasons(["订单金额¥1,299.00，已全额退款。"], "已为您全额退款1299元。") == [])
    }

    @Test("single digits are not required (7天 → 一周, 3个 → 三个); two digits are")
    func singleDigits() {
        #expect(check.reasons(["请在7天内申请退货，退款将在3个工作日内原路返回。"], "请在一周内申请退货，退款会在三个工作日内原路退回。") == [])
        #expect(check.reasons(["签收后15天内可申请退货。"], "签收后半个月内可申请退货。") == ["dropped the number 15"])
    }

    @Test("a fact only one accepted sample states is not required; a fact every sample states is")
    func noiseAware() {
        let candidate = "订单20240709001已发货，请耐心等待。"
        let disagreeing = ["订单20240709001已发货，如有问题请致电400-820-8820。", "订单20240709001已发货。"]
        #expect(check.reasons(disagreeing, candidate) == [])
        let agreeing = ["订单20240709001已发货，如有问题请致电400-820-8820。", "您的订单20240709001已经发货，有问题可致电400-820-8820。"]
        #expect(check.reasons(agreeing, candidate) == ["dropped the phone number 400-820-8820"])
    }

    @Test("a lone bare number left out of a free rewording that keeps every other fact is how it says the same thing")
    func incidentalNumber() {
        let accepted = "From July 15, Thailand lets travelers from 93 countries stay visa-free for 60 days instead of 30."
        #expect(check.reasons([accepted], "Thailand is doubling visa-free stays to 60 days for visitors from 93 countries starting July 15.") == [])
        // The same number left out of a close copy, or beside another lost fact, is dropped.
        #expect(check.reasons([accepted], "From July 15, Thailand lets travelers from 93 countries stay visa-free for 60 days.") == ["dropped the number 30"])
        #expect(check.reasons([accepted], "Thailand is doubling visa-free stays to 60 days for visitors from many countries starting July 15.")
            == ["dropped the number 93", "dropped the number 30"])
        // An identifier, a date or an amount is never incidental.
        #expect(check.reasons(["订单YX20240709001已于7月9日发货，运费¥12。"], "您的包裹7月9日已经寄出，运费12元。") == ["dropped the code YX20240709001"])
    }

    @Test("an English day of a month without its year keeps the dated one; another day does not")
    func englishYearlessDay() {
        let accepted = "Trading on a split-adjusted basis begins June 17, 2024."
        #expect(check.reasons([accepted], "The stock trades at the adjusted price from June 17.") == [])
        #expect(check.reasons([accepted], "The stock trades at the adjusted price from 17th June.") == [])
        #expect(check.reasons([accepted], "The stock trades at the adjusted price from June 18.") == ["dropped the date June 17, 2024"])
        #expect(MonthDayKeys.keys(in: "from Sept. 3rd, and you may 2 times") == ["yearless:--09-03"])
    }

    @Test("Q1 and A1 that only number the lines are labels, not codes; a code used elsewhere too stays owed")
    func lineLabels() {
        let accepted = "Q1：在哪办？\nA1：App或窗口。\nQ2：多久？\nA2：长期有效。"
        #expect(check.reasons([accepted], "Q：在哪办？\nA：App或窗口。\nQ：多久？\nA：长期有效。") == [])
        #expect(LineLabels.codes(in: accepted) == ["Q1", "A1", "Q2", "A2"])
        #expect(LineLabels.codes(in: "A1：请先填写A1表格。") == [])
        #expect(LineLabels.codes(in: (1...10).map { "Q\($0)：问题\($0)" }.joined(separator: "\n")).count == 10)
    }

    @Test("a zero amount said as nothing is kept: $0 deductible = no deductible, 0元 = 免费; another amount is not")
    func zeroAmountAsNothing() {
        let accepted = "Premium CDW ($29.99/day) has a $0 deductible."
        #expect(check.reasons([accepted], "Premium ($29.99/day) has no deductible.") == [])
        #expect(check.reasons(["超时费0元。"], "不收超时费，免费保管。") == [])
        #expect(check.reasons([accepted], "Premium ($29.99/day) has a $100 deductible.") == ["changed the amount $0 → $100"])
    }

    @Test("a share said in words is kept: 50% = half, 一半; 25% = a quarter; another share is not")
    func shareInWords() {
        let accepted = "After the 12-month waiting period the plan pays 50% of the cost."
        #expect(check.reasons([accepted], "After the 12-month waiting period the plan pays half of the cost.") == [])
        #expect(check.reasons(["押金退还50%。"], "押金退还一半。") == [])
        #expect(check.reasons(["起付线降低50%，即7500元。"], "起付线减半，即7500元。") == [])
        #expect(check.reasons(["A 25% restocking fee applies."], "A restocking fee of a quarter of the price applies.") == [])
        #expect(check.reasons([accepted], "After the 12-month waiting period the plan pays a quarter of the cost.") == ["dropped the percentage 50%"])
    }
}
