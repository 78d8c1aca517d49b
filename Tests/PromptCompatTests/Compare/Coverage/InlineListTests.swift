import Testing
@testable import PromptCompat

@Suite("Inline lists")
struct InlineListTests {
    @Test("Chinese and English inline lists are read with their items")
    func reading() {
        #expect(InlineList.lists(in: "本品含有牛奶、鸡蛋和花生。").map(\.items) == [["牛奶", "鸡蛋", "花生"]])
        #expect(InlineList.lists(in: "Contains milk, eggs, and peanuts.").map(\.items) == [["Contains milk", "eggs", "peanuts"]])
        // The words that lead into a Chinese list (与, 将, 出现 …) are not its first item.
        #expect(InlineList.lists(in: "可能与近期饮酒、熬夜或脂肪肝有关。").first?.items.first == "近期饮酒")
        #expect(InlineList.lists(in: "如出现面部肿胀、呕吐、呼吸困难，请立即就医。").first?.items.first == "面部肿胀")
    }

    @Test("a Chinese list goes on past a comma with 还有 or 以及; a bracket closed before the item is an aside, not its start")
    func chineseContinuationsAndAsides() {
        #expect(InlineList.lists(in: "要带这三样哦：出生证明或购买凭证、近期的驱虫记录，还有免疫本（如果有的话）。").map(\.items)
            == [["出生证明或购买凭证", "近期的驱虫记录", "免疫本"]])
        #expect(InlineList.lists(in: "充电宝（属于锂电池）、香水（液体类化妆品）和打火机都属于禁寄物品。").map(\.items) == [["充电宝", "香水", "打火机"]])
        #expect(InlineList.lists(in: "不包含的费用有：单房差（如需单住）、个人消费，以及自费项目。").map(\.items) == [["单房差", "个人消费", "自费项目"]])
        // A count that sums the list up after its last item ends the item.
        #expect(InlineList.lists(in: "这款核桃酥含有麸质、坚果、蛋类和乳制品四类过敏原。").map(\.items).first?.dropFirst() == ["坚果", "蛋类", "乳制品"])
        #expect(InlineList.withoutSummingCount("一类疫苗") == "一类疫苗")
        // 还有 that starts a new sentence's thought is no item: "还有问题" asks for questions.
        #expect(InlineList.lists(in: "请带身份证、户口本，还有问题可以随时问我。").isEmpty)
    }

    @Test("a clause after the last and is no item: a subject and a verb start it")
    func clauseAfterAnd() {
        #expect(InlineList.lists(in: "Vouchers are only for causes within our control, such as crew or maintenance issues, and this one was due to weather.").isEmpty)
        #expect(InlineList.lists(in: "Bring your ID, a pen, and this form.").map(\.items) == [["your ID", "a pen", "this form"]])
        // A first item is two words, three when the two start with a joining word.
        #expect(InlineList.lists(in: "Guests must be 18 or older, present a photo ID, sign a waiver, and stay with the host.").first?.items.first == "18 or older")
        // An opening `If …` clause before the only comma is no item either.
        #expect(InlineList.lists(in: "If an upgrade isn't confirmed, the miles and co-pay for that segment are refunded within 7 days.").isEmpty)
    }

    @Test("commas that join the clauses of a sentence are not a list")
    func sentencesAreNotLists() {
        #expect(InlineList.lists(in: "If you book by October 31, 2024, you get 15% off, bringing it to $2,040.").isEmpty)
        #expect(InlineList.lists(in: "Spare lithium batteries, power banks, e-cigarettes and lighters can't go in checked baggage.").map(\.items)
            == [["lithium batteries", "power banks", "e-cigarettes", "lighters"]])
        // The list ends at its "and" when a clause follows; "or" inside an item does not end it.
        #expect(InlineList.lists(in: "It contains wheat, milk, eggs, pistachio and almond, and it's made in a kitchen that handles sesame.").map(\.items)
            == [["contains wheat", "milk", "eggs", "pistachio", "almond"]])
        #expect(InlineList.lists(in: "Bring a photo ID, your card or passport, a voided check, and your offer letter.").map(\.items)
            == [["photo ID", "your card or passport", "a voided check", "your offer letter"]])
    }

    @Test("a sentence's opening phrase or clause is not the list's first item; a phrase that holds the item is")
    func openingsAreNotItems() {
        #expect(InlineList.lists(in: "On your first day, bring a photo ID, your signed offer letter, and original I-9 documents.").map(\.items)
            == [["photo ID", "your signed offer letter", "original I-9 documents"]])
        #expect(InlineList.lists(in: "Because the bill is over $25, attach the itemized receipt, and submit it in Concur within 30 days.").isEmpty)
        #expect(InlineList.lists(in: "On Monday please bring a photo ID, your card, a voided check, and your offer letter.").map(\.items)
            == [["photo ID", "your card", "a voided check", "your offer letter"]])
        #expect(InlineList.lists(in: "In Beijing, Shanghai and Shenzhen.").map(\.items) == [["In Beijing", "Shanghai", "Shenzhen"]])
    }

    @Test("a clock time's colon and a closed aside do not start the list; an item may hold a courtesy word, a greeting may not")
    func firstItemAndCourtesy() {
        #expect(InlineList.lists(in: "You get late checkout until 14:00, a room upgrade, a welcome drink at the bar, and bonus points.").map(\.items)
            == [["until 14:00", "a room upgrade", "a welcome drink at the bar", "bonus points"]])
        #expect(InlineList.lists(in: "You get an upgrade at check-in (subject to availability), a welcome drink, and bonus points.").map(\.items)
            == [["at check-in", "a welcome drink", "bonus points"]])
        #expect(InlineList.lists(in: "Hi Anna, thanks for waiting, and sorry for the delay.").isEmpty)
    }

    @Test("a list item the candidate no longer names is dropped; a reordered list is not")
    func check() {
        let check = SubstituteCheck.listItems
        #expect(check.reasons(["本品含有牛奶、鸡蛋和花生，过敏者慎用。"], "本品含有牛奶和鸡蛋，过敏者慎用。")
            == ["dropped the list item \"花生\" (of 牛奶, 鸡蛋, 花生)"])
        #expect(check.reasons(["本品含有牛奶、鸡蛋和花生，过敏者慎用。"], "过敏提示：含花生、牛奶、鸡蛋。") == [])
        // A head two items share (证明) names neither: the item needs more of its own.
        let materials = "现场审核请携带：儿童户口簿、房屋产权证明、儿童出生医学证明、预防接种证原件。"
        #expect(check.reasons([materials], "现场审核请带：儿童户口簿、房屋产权证明、预防接种证原件。") == [#"dropped the list item "儿童出生医学证明" (of 儿童户口簿, 房屋产权证明, 儿童出生医学证明, 预防接种证原件)"#])
        #expect(check.reasons([materials], "请带儿童户口簿、出生医学证明、房屋产权证明和预防接种证原件。") == [])
        // A one-character item is looked for as that character.
        #expect(check.reasons(["可回收：衣物、裤子、鞋子、包。"], "鞋子和包，还有衣物、裤子都能回收。") == [])
        #expect(check.reasons(["可回收：衣物、裤子、鞋子、包。"], "鞋子，还有衣物、裤子都能回收。") == [#"dropped the list item "包" (of 衣物, 裤子, 鞋子, 包)"#])
        #expect(check.reasons(["This bar contains milk, eggs, and peanuts."], "Allergens: peanuts, milk and eggs.") == [])
        #expect(check.reasons(["This bar contains milk, eggs, and peanuts."], "This bar contains milk and eggs.").count == 1)
        // A four-character term shortened by the first character of each half is still named.
        #expect(check.reasons(["负责数据清洗、指标体系和月度报告。"], "负责数据清洗、指标体系及月报。") == [])
        #expect(check.reasons(["负责数据清洗、指标体系和月度报告。"], "负责数据清洗和指标体系。").count == 1)
    }

    @Test("the examples after 'such as' are the items, not the noun they illustrate")
    func examplesAfterSuchAs() {
        #expect(InlineList.lists(in: "Upload supporting documents, such as your receipt, emails with the merchant and the cancellation notice.").map(\.items)
            == [["your receipt", "emails with the merchant", "the cancellation notice"]])
        #expect(SubstituteCheck.listItems.reasons(
            ["4. Upload supporting documents, such as your receipt, emails with the merchant and the cancellation notice."],
            "4. Attach your proof: receipt, any emails with the merchant, and the cancellation notice") == [])
    }

    @Test("a Chinese document is not named by its modifier alone: 行程 is not 行程单; other items still are by half their units")
    func documentHeads() {
        let check = SubstituteCheck.listItems
        let accepted = "行程材料：往返机票预订单、全程酒店预订单和行程单。"
        #expect(check.reasons([accepted], "行程方面，请提供往返机票预订单和全程酒店预订单。")
            == ["dropped the list item \"行程单\" (of 往返机票预订单, 全程酒店预订单, 行程单)"])
        #expect(check.reasons([accepted], "行程方面，请提供往返机票预订单、全程酒店预订单和一份行程单。") == [])
        #expect(check.reasons(["本品含有牛奶、鸡蛋和花生酱。"], "本品含有牛奶、鸡蛋和花生。") == [])
    }

    @Test("a two-character item is named by the term it shortens: 网银 by 网上银行, 医保 by 医疗保险")
    func spelledOut() {
        let accepted = "升级期间手机银行、网银、ATM取款及转账暂停。"
        #expect(SubstituteCheck.listItems.reasons([accepted], "期间手机银行、网上银行、ATM取款和转账暂停。") == [])
        #expect(SubstituteCheck.listItems.reasons([accepted], "期间手机银行、ATM取款和转账暂停。").count == 1)
        #expect(InlineList.spelledOut("医保", in: "请带上医疗保险卡"))
        #expect(!InlineList.spelledOut("医保", in: "请带上医生的保单"))
    }

    @Test("a list written again with as many items, one in words the accepted answer never uses, was reworded, not shortened")
    func recastList() {
        let check = SubstituteCheck.listItems
        let accepted = "如感到疼痛、头晕或呼吸急促，请立即停止锻炼。"
        #expect(check.reasons([accepted], "一旦出现疼痛、头晕或气短，应马上停止运动。") == [])
        #expect(check.reasons([accepted], "一旦出现疼痛或头晕，应马上停止运动。") == [#"dropped the list item "呼吸急促" (of 疼痛, 头晕, 呼吸急促)"#])
        // The third item taken from elsewhere in the accepted answer is no rewording of the one it replaced.
        let documents = "报名请带：身份证原件、一寸照片4张、驾驶人体检表；外地户籍还需带居住证。"
        #expect(check.reasons([documents], "外地户籍报名要带：身份证原件、居住证、一寸照片4张。").count == 1)
        #expect(check.reasons(["Three color temperatures for reading, working or relaxing."],
                              "Switch between three color temperatures for reading, work or rest.") == [])
    }
}
