import Testing
@testable import PromptCompat

/// Every reason the new checks give is one line that quotes its evidence, and has a hint of its own that
/// says what to change in the prompt — not the generic "read the diff".
@Suite("Verdict reasons: the new checks' reasons and hints")
struct VerdictReasonsTests {
    /// One real finding of each new check, made by the check from an example input.
    static let findings: [(check: String, input: SubstituteCheck.Input)] = [
        ("tool-call", .init(samples: [#"[{"name":"get_weather","arguments":{"city":"北京"}}]"#], candidate: "北京今天晴，气温25度。")),
        ("loop", .init(samples: ["您好，退款已受理，请耐心等待。"], candidate: "您好，退款已受理。" + String(repeating: "请耐心等待。", count: 5))),
        ("echo", .init(samples: ["各位同事：自下周一起，公司上班时间调整为9:30，请大家准时到岗。如有疑问，请联系行政部王同事。"],
                       candidate: "大家注意啦，下周一开始上班时间改成九点半，别迟到哈，有事找行政小王。",
                       instructions: "请把下面这段话改写得更正式：\n大家注意啦，下周一开始上班时间改成九点半，别迟到哈，有事找行政小王。")),
        ("label", .init(samples: ["消极"], candidate: "积极", instructions: "判断评论的情感倾向，只输出标签。")),
        ("label", .init(samples: ["物流"], candidate: "快递", instructions: "工单类别：物流、退款、发票、其他。只输出类别名。")),
        ("constraint", .init(samples: ["订单已发货，预计7月12日送达。"], candidate: "您好！您的订单已经从杭州仓库发出，目前正在运输途中，预计将在7月12日送达，请您耐心等待，如有问题请随时联系我们。", instructions: "不超过30字。")),
        ("constraint", .init(samples: ["下单日期：2024-03-05"], candidate: "下单日期：March 5, 2024", instructions: "日期格式为YYYY-MM-DD。")),
        ("coverage", .init(samples: ["您好，本店商品签收后7天内支持无理由退货，定制商品和已拆封的内衣除外。退货运费由买家承担，质量问题除外。退款将在收到退货后3个工作日内原路退回。"],
                           candidate: "您好，本店商品签收后7天内支持无理由退货。退货运费由买家承担，质量问题除外。退款将在收到退货后3个工作日内原路退回。")),
        ("coverage", .init(samples: ["您好，本店商品签收后7天内支持无理由退货。退货运费由买家承担，质量问题除外。退款将在收到退货后3个工作日内原路退回。"],
                           candidate: "您好，本店商品签收后7天内支持无理由退货。退货运费由买家承担，质量问题除外。退款将在收到退货后3个工作日内原路退回。另外赠送您一张无门槛优惠券。")),
        ("list", .init(samples: ["本品含有牛奶、鸡蛋和花生，过敏者慎用。"], candidate: "本品含有牛奶和鸡蛋，过敏者慎用。")),
        ("label", .init(samples: ["涉及安全隐患：北斗终端无信号仍计划出海。"], candidate: "不涉及安全隐患，船长确认不影响出海。",
                        instructions: "判断上报内容是否涉及安全隐患，用一句话给出结论和依据。")),
        ("truncation", .init(samples: ["- Light: bright, indirect light.\n- Feeding: monthly with a liquid fertilizer at half strength."],
                             candidate: "- Light: bright and indirect, some morning sun\n- Feeding: once a month with a liquid fert")),
        ("coverage", .init(samples: ["Your 4 new seats are active now. Your monthly charge from 2024-08-15 is $112.00 for 14 seats."],
                           candidate: "The 4 seats are live now. From 2024-08-15 you'll pay $112.00 a month for 14 seats, minus a $20.00 loyalty credit.")),
    ]

    @Test("each new check's reason is one line with its evidence quoted", arguments: findings.indices)
    func oneLineWithEvidence(index: Int) throws {
        let (name, input) = Self.findings[index]
        let found = SubstituteCheck.findings(input).filter { $0.check == name }
        let reason = try #require(found.first?.reason)
        #expect(!reason.contains("\n"))
        #expect(reason.contains("\"") || reason.contains(where: \.isNumber), "the reason quotes what it found: \(reason)")
    }

    @Test("each new check's reason has its own hint, not the generic one", arguments: findings.indices)
    func ownHint(index: Int) throws {
        let (name, input) = Self.findings[index]
        let reason = try #require(SubstituteCheck.findings(input).first { $0.check == name }?.reason)
        let hint = try #require(VerdictReasons.hint(for: [reason]))
        #expect(!hint.hasPrefix("read the diff"), "\(reason) → \(hint)")
        #expect(!hint.hasPrefix("tell the model explicitly to repeat the required detail (order number, amount, date)"), "\(reason) → \(hint)")
    }
}
