import Foundation

/// Words that mark a clause as courtesy — a greeting, an apology, a thank-you, an offer to help — and words
/// that mark an offer or a promise. Data: a clause with a courtesy word, no digit and no offer word carries
/// no content of its own, so adding, dropping or rewording it changes nothing a product owner checks.
public enum CourtesyPhrases {
    static let courtesy: PhraseSet = [
        "您好", "你好", "亲", "感谢", "谢谢", "多谢", "欢迎", "随时", "祝您", "祝你", "愉快", "抱歉", "不好意思", "不便", "谅解",
        "耐心", "稍等", "久等", "请问", "还有什么", "如有", "如果有", "若有", "有任何", "其他问题", "其它问题", "其他疑问", "帮到您",
        "帮助您", "为您服务", "竭诚", "期待", "再见", "希望对", "希望能", "理解您", "心情", "放心", "请知悉", "敬请", "辛苦",
        "歉意", "致歉", "麻烦", "查收", "留意", "关注", "支持", "信任", "光临", "惠顾", "祝", "加油", "请放心",
        "点击", "下单", "抢购", "立即购买", "感兴趣", "click", "order now", "shop now", "buy now", "tap ", "interested",
        "grazie", "cordiali", "saluti", "merci", "cordialement", "gracias", "saludos", "danke", "grüße", "obrigad",
        "ありがとう", "よろしく", "申し訳", "恐れ入り", "감사",
        "hello", "hi ", "hi,", "dear", "thank", "welcome", "glad", "happy to", "feel free", "let me know", "let us know",
        "any other", "any further", "any questions", "hope", "sorry", "apolog", "inconvenience", "patience",
        "understanding", "assist", "help you", "reach out", "regards", "sincerely", "cheers", "great day", "good day",
        "appreciate", "don't hesitate", "do not hesitate", "here to help", "have a nice", "understand your",
        "anything else i can", "anything else we can", "more questions", "other questions", "just reply", "reply here",
        "call us", "give us a call", "contact us",
        // Framing: a clause that announces what follows (`Below is a summary of your gifts`) says nothing itself.
        "below is", "below are", "here is", "here are", "here's", "the following", "as follows", "以下是", "以下为", "下面是", "如下",
    ]

    /// Offers and promises are content, whatever else the clause says: an invented coupon is not courtesy.
    /// Offer words by what they give: an answer that words the same offer another way (理赔 / 补偿, 打折 /
    /// 折扣) has added no offer.
    static let offerKinds: [PhraseSet] = [
        ["补偿", "退款", "返现", "赔", "理赔", "refund", "compensat", "cashback", "reimburs", "money back"],
        ["优惠", "折扣", "打折", "立减", "券", "红包", "discount", "coupon", "voucher", "% off", "credit"],
        ["免费", "包邮", "免邮", "不收", "免收", "减免", "免单", "无需付费", "free", "waive", "no charge", "no cost", "not be charged", "won't be charged", "no fee"],
        ["赠", "送您", "送你", "还送", "加送", "再送", "送一", "送1", "送个", "complimentary", "gift", "bonus"],
        ["升级", "积分", "upgrade", "points", "priority"],
    ]

    /// The indices in ``offerKinds`` of the kinds whose words `lowered` has: every kind's words in one pass.
    /// `feel free` offers nothing (`If anything is unclear, feel free to reply`): its `free` is not read.
    static func offerKindIndices(in lowered: String) -> Set<Int> {
        offerWords.keys(in: withoutIdioms(lowered))
    }

    /// Whether `lowered` has an offer word outside the idioms that offer nothing.
    static func namesOffer(_ lowered: String) -> Bool {
        offers.occurs(in: withoutIdioms(lowered))
    }

    /// `lowered` with the phrases whose offer word offers nothing (`feel free`, `you're free to`) taken out.
    static func withoutIdioms(_ lowered: String) -> String {
        guard UTF8Search.contains("free", in: lowered) else { return lowered }
        return freeIdioms.reduce(lowered) { text, idiom in
            UTF8Search.contains(idiom, in: text) ? text.replacingOccurrences(of: idiom, with: "") : text
        }
    }

    /// `free` that means "at liberty", not "at no cost" (`you're free to accept or decline`; `it's free to use`
    /// still costs nothing).
    static let freeIdioms = ["feel free", "you're free to", "you are free to", "you’re free to"]

    /// Every word of ``offerKinds`` under the index of its kind.
    static let offerWords = PhraseGroups(offerKinds.enumerated().map { index, kind in (index, kind.phrases) })

    static let offers: PhraseSet = [
        "优惠", "赠", "免费", "补偿", "升级", "折扣", "返现", "红包", "积分", "券", "包邮", "退款", "赔", "还送", "加送", "再送", "送一", "送1", "送个",
        "减免", "免单", "免邮", "立减",
        "discount", "free", "upgrade", "refund", "coupon", "compensat", "voucher", "bonus", "credit", "cashback", "gift", "waive",
    ]

    /// Words of a condition, an exception, a restriction, a warning or an owner: a clause with one of them is
    /// the kind a dropped clause breaks a product with (an exception to a return policy, a contraindication).
    static let conditions: PhraseSet = [
        "除外", "不", "无", "未", "非", "仅", "只", "须", "需", "必须", "禁止", "不得", "勿", "避免", "慎", "忌", "以内", "之内",
        "超过", "如果", "若", "否则", "除", "但", "例外", "限", "负责", "由", "过敏", "孕", "儿童", "副作用", "前", "后", "截止",
        "except", "unless", "not ", "n't", "no ", "never", "only", "must", "require", "before", "after", "within", "if ",
        "otherwise", "but ", "exclud", "prohibit", "avoid", "cannot", "owner", "responsible", "assigned", "allerg",
        "pregnan", "children", "side effect", "warning", "deadline", "due ", "non-",
    ]

    public static func isCondition(_ clause: String) -> Bool {
        conditionAnswers.value(for: clause) { conditions.occurs(in: $0.lowercasedFast() + " ") }
    }

    /// The answers for the last clauses: an accepted answer's clauses come back with every case of its prompt.
    static let conditionAnswers = RecentResults<Bool>(capacity: 1024)
    static let claimAnswers = RecentResults<Bool>(capacity: 1024)
    static let courtesyAnswers = RecentResults<Bool>(capacity: 1024)

    /// A clause that claims something checkable: a number, a citation, an offer or a promise.
    public static func isClaim(_ clause: String) -> Bool {
        claimAnswers.value(for: clause) { clause in
            let lowered = clause.lowercasedFast()
            return lowered.utf8.contains { $0 >= 0x30 && $0 <= 0x39 } || namesOffer(lowered) || claims.occurs(in: lowered)
        }
    }

    static let claims: PhraseSet = [
        "保证", "承诺", "确保", "额外", "另外赠", "另赠", "专属", "来源", "引用", "研究", "报告", "数据显示", "据悉", "据统计",
        "guarantee", "promise", "ensure", "additionally", "exclusive", "source", "study", "studies", "report", "research", "cited",
    ]

    /// Whether `clause` is courtesy that offers only what the accepted answers already offer (`Let me know if
    /// you'd like me to start the refund` where the answer is about that refund): courtesy, no new offer.
    static func isCourtesy(_ clause: String, offering known: Set<Int>) -> Bool {
        let lowered = clause.lowercasedFast() + " "
        guard !lowered.utf8.contains(where: { $0 >= 0x30 && $0 <= 0x39 }), courtesy.occurs(in: lowered), !claims.occurs(in: lowered) else { return false }
        return offerKindIndices(in: lowered).isSubset(of: known)
    }

    /// Whether `clause` is courtesy only.
    public static func isCourtesy(_ clause: String) -> Bool {
        courtesyAnswers.value(for: clause) { clause in
            let lowered = clause.lowercasedFast() + " "
            guard !lowered.utf8.contains(where: { $0 >= 0x30 && $0 <= 0x39 }) else { return false }
            return courtesy.occurs(in: lowered) && !namesOffer(lowered)
        }
    }
}
