import PromptCompat

/// Deterministic pseudo-random Chinese answer pairs: a reference of about `length` characters (common Han
/// characters with a skewed, Zipf-like frequency, sentences of 6–30 characters split by `，` and closed by
/// `。！？`, now and then a number), and a candidate made from it by editing about `editRate` of its
/// characters (half substitutions, a quarter deletions, a quarter insertions).
struct PairGenerator {
    /// Frequent characters of Chinese customer-service and office text, most frequent first.
    static let han = Array(
        "的一是不了人我在有他这为之大来以个中上们到说国和地也子时道出而要于就下得可你年生自会那后能对着事其里所去行过家十用发天如然作方成者多日都三小军二无同么经法当起与好看学进种将还分此心前面又定见只主没公从已知信息系统订单客户服务产品价格问题间司工需提供处理情况通相关管数据支付退款物流配送商质量申请联确认回复解决感谢您稍等帮助查询更新记录账址电话邮件售保修安装使明功设置模型接口文档版本测试布迁移案报告季度销增长市场析计划目标团队项完任议排总结建风险预算收入利润合条规政策准程审核批"
    )
    static let sentenceEnds: [Character] = ["。", "。", "。", "！", "？"]

    var random: SplitMix64
    let length: Int
    let editRate: Double

    init(seed: UInt64, length: Int = 500, editRate: Double = 0.15) {
        random = SplitMix64(seed: seed)
        self.length = length
        self.editRate = editRate
    }

    mutating func pair() -> (reference: String, candidate: String) {
        let reference = text(characters: length - length / 10 + random.int(below: length / 5 + 1))
        return (String(reference), String(edited(reference)))
    }

    /// A skewed pick: index ⌊n·u²⌋ makes the first characters far more frequent than the last.
    mutating func character() -> Character {
        let u = random.unit()
        return Self.han[min(Self.han.count - 1, Int(Double(Self.han.count) * u * u))]
    }

    mutating func text(characters count: Int) -> [Character] {
        var text: [Character] = []
        while text.count < count {
            let clause = 6 + random.int(below: 25)
            for i in 0..<clause {
                if i > 0, i % 9 == 0 { text.append("，") }
                if random.int(below: 40) == 0 {
                    text += String(random.int(below: 2030)).map { $0 }
                } else {
                    text.append(character())
                }
            }
            text.append(Self.sentenceEnds[random.int(below: Self.sentenceEnds.count)])
        }
        return Array(text.prefix(count))
    }

    mutating func edited(_ reference: [Character]) -> [Character] {
        var result: [Character] = []
        result.reserveCapacity(reference.count + 16)
        for character in reference {
            guard random.unit() < editRate else { result.append(character); continue }
            switch random.int(below: 4) {
            case 0, 1: result.append(self.character())  // substitution
            case 2: break  // deletion
            default: result += [character, self.character()]  // insertion
            }
        }
        return result
    }
}
