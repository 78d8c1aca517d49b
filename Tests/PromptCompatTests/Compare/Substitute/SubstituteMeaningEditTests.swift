import Testing
@testable import PromptCompat

/// The `edit` check (`meaningEdit`): the accepted answer with a few characters changed, where the change
/// is a number, a Chinese numeral or a negation. Reasons quote the comparable form (lower-cased, Chinese
/// punctuation folded) with two characters of context, or the whole Latin word or number.
@Suite("Substitute check: meaning edit")
struct SubstituteMeaningEditTests {
    let check = SubstituteCheck.meaningEdit

    @Test("可以 → 不可以 is flagged")
    func negationAdded() {
        // 14 characters allow an edit of max(2, 14 / 5) = 2; this one inserts 不 between 天内 and 可以.
        #expect(check.reasons(["签收后7天内可以无理由退货。"], "签收后7天内不可以无理由退货。") == [#"changed "天内可以" → "天内不可以""#])
    }

    @Test("万分之五 → 千分之五 is flagged")
    func chineseNumeralChanged() {
        #expect(check.reasons(["逾期未还款将按日收取万分之五的违约金。"], "逾期未还款将按日收取千分之五的违约金。")
            == [#"changed "收取万分之" → "收取千分之""#])
    }

    @Test("words moved to another place change nothing; two values swapped are two changes")
    func movedWords() {
        #expect(check.reasons(["瓶装矿泉水每日两瓶免费提供。"], "瓶装矿泉水每日免费提供两瓶。") == [])
        #expect(check.reasons(["首付7月5日前，尾款7月8日前。"], "首付7月8日前，尾款7月5日前。").count == 2)
    }

    @Test("LIMIT 5 → LIMIT 10 is flagged")
    func sqlLimitChanged() {
        let reasons = check.reasons(["SELECT * FROM orders ORDER BY created_at DESC LIMIT 5;"], "SELECT * FROM orders ORDER BY created_at DESC LIMIT 10;")
        // The change is 5 → 10 between a space and ";": a changed number keeps the word before it ("limit"),
        // and two characters on the right (";" and the end).
        #expect(reasons == [#"changed "limit 5;" → "limit 10;""#])
        #expect(reasons.first?.contains("limit 5") == true)
    }

    @Test("can → can't and can → cannot are flagged")
    func englishNegation() {
        let sample = "You can return the item within 30 days."
        // The inserted "'t" / "not" touches "can", so the context takes the whole word on the left.
        #expect(check.reasons([sample], "You can't return the item within 30 days.") == [#"changed "can r" → "can't r""#])
        #expect(check.reasons([sample], "You cannot return the item within 30 days.") == [#"changed "can r" → "cannot r""#])
    }

    @Test("every Latin negation word has an n or a w, so a text with neither has no negation")
    func negationsHaveAnNOrAW() {
        #expect(SmallEdit.negations.allSatisfy { $0.contains("n") || $0.contains("w") })
        #expect(SmallEdit.negationCount("WITHOUT it") == 1)
        #expect(SmallEdit.negationCount("可以退货，不可以换货") == 0)
        #expect(SmallEdit.negationCount("You can't, and NOT now") == 2)
    }

    @Test("a typo fix or 的 → 地 is not flagged")
    func harmlessEdits() {
        #expect(check.reasons(["您的订单已发货，请耐心等带。"], "您的订单已发货，请耐心等待。") == [])
        #expect(check.reasons(["客服会尽快的为您处理退款申请。"], "客服会尽快地为您处理退款申请。") == [])
        #expect(check.reasons(["You will recieve a refund within 5 days."], "You will receive a refund within 5 days.") == [])
        #expect(check.reasons(["Your Order Has Shipped."], "Your order has shipped.") == [], "the same comparable text is no edit")
    }

    @Test("a long rewrite, even one with 不 in it, is not this check's business")
    func longRewrite() {
        // 22 against 38 comparable characters: more than 8 apart, not a small edit.
        #expect(check.reasons(["签收后7天内可以无理由退货，运费由买家承担。"], "您好！如果商品签收不满七天，可以申请无理由退货，但需要自己支付退回的运费哦。") == [])
    }

    @Test("JSON answers are left to the json check")
    func jsonIsNotAnEdit() {
        #expect(check.reasons([#"{"limit": 5}"#], #"{"limit": 10}"#) == [])
        #expect(check.reasons(["可以退货"], "不可以退货", expect: Expectations(json: true)) == [])
    }

    @Test("the edit is measured from the closest accepted sample: a number the samples disagree on is not flagged")
    func noiseAware() {
        // From the first sample the candidate changes 3 → 5 and inserts 您 (two edits); from the second it
        // only inserts 您, which changes no meaning.
        let disagreeing = ["订单预计3天内发货，请耐心等待。", "订单预计5天内发货，请耐心等待。"]
        #expect(check.reasons(disagreeing, "订单预计5天内发货，请您耐心等待。") == [])
        let agreeing = ["订单预计3天内发货，请耐心等待。", "订单预计3天内发货，请您耐心等待。"]
        #expect(check.reasons(agreeing, "订单预计5天内发货，请耐心等待。") == [#"changed "预计3天内" → "预计5天内""#])
    }

    @Test("a candidate identical to an accepted sample is not flagged")
    func identicalToASample() {
        let samples = ["订单预计3天内发货，请耐心等待。", "订单预计5天内发货，请耐心等待。"]
        #expect(check.reasons(samples, samples[1]) == [])
    }

    @Test("the same value in another spelling, or another word for the same negation, is not a change of meaning")
    func sameMeaningOtherCharacters() {
        #expect(check.reasons(["预计3天内送达，请耐心等待。"], "预计三天内送达，请耐心等待。") == [])
        #expect(check.reasons(["您不用担心，订单已经发货了。"], "您别担心，订单已经发货了。") == [])
    }

    @Test("the LCS table from the common prefix holds the whole table's values beyond it")
    func tableFromPrefixEqualsWholeTable() {
        // Pairs with a shared start and a few edits (the case the check meets), and unrelated pairs.
        var random = SplitMix64(seed: 5)
        let alphabet = Array("订单已发货不可以3五ab 。，")
        for _ in 0..<300 {
            let a = (0..<Int(random.next() % 40)).map { _ in alphabet[Int(random.next() % UInt64(alphabet.count))] }
            var b = a
            for _ in 0..<Int(random.next() % 4) where !b.isEmpty {
                b[Int(random.next() % UInt64(b.count))] = alphabet[Int(random.next() % UInt64(alphabet.count))]
            }
            if random.next() % 3 == 0 { b.append(contentsOf: "不可以") }
            let prefix = zip(a, b).prefix { $0 == $1 }.count
            let whole = SuffixLCSTable(a, b), fromPrefix = SuffixLCSTable(a, b, from: prefix)
            for i in prefix...a.count {
                for j in prefix...b.count where whole[i, j] != fromPrefix[i, j] {
                    Issue.record("\(String(a)) / \(String(b)): [\(i), \(j)] \(whole[i, j]) ≠ \(fromPrefix[i, j])")
                }
            }
        }
    }

    @Test("the walk over the band of cells near the diagonal finds the changes the whole table finds")
    func bandedTableWalksAsTheWholeTable() {
        var random = SplitMix64(seed: 11)
        let alphabet = Array("订单已发货不可以没3五ab 。，")
        var compared = 0
        for _ in 0..<400 {
            let a = (0..<Int(10 + random.next() % 60)).map { _ in alphabet[Int(random.next() % UInt64(alphabet.count))] }
            var b = a
            for _ in 0..<Int(random.next() % 9) where !b.isEmpty {
                let at = Int(random.next() % UInt64(b.count)), character = alphabet[Int(random.next() % UInt64(alphabet.count))]
                switch random.next() % 3 {
                case 0: b[at] = character
                case 1: b.insert(character, at: at)
                default: b.remove(at: at)
                }
            }
            let whole = SmallEdit.changes(from: String(a), to: String(b), banded: false)
            let banded = SmallEdit.changes(from: String(a), to: String(b))
            if whole != nil { compared += 1 }
            #expect(whole?.map(\.before) == banded?.map(\.before) && whole?.map(\.after) == banded?.map(\.after), "\(String(a)) → \(String(b))")
        }
        #expect(compared > 200)
    }

    @Test("a 一 inside a word (下一站, 统一, 一起) is no number: rewording it changes none; a count of one still is")
    func oneInsideAWord() {
        #expect(ChineseNumerals.values(in: "下一站为西湖区") == [])
        #expect(ChineseNumerals.values(in: "统一安排，一起出发") == [])
        #expect(ChineseNumerals.values(in: "一百元，一次") == [100, 1])
        let accepted = "已到达杭州市邮政分拣中心，下一站为西湖区文三路投递部"
        #expect(SubstituteCheck.meaningEdit.reasons([accepted], "已到达杭州市邮政分拣中心，即将转往西湖区文三路投递部") == [])
        #expect(SubstituteCheck.meaningEdit.reasons(["每人限购一件"], "每人限购两件").count == 1)
    }
}
