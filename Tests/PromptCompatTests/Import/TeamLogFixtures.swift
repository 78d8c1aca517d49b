import Foundation
@testable import PromptCompat

/// A gateway log of one company's LLM features, written as its teams write prompts: 13 templates in
/// Chinese and English — review sentiment, a reply to a review and aspect extraction to JSON over the
/// same reviews and the same system message; article and meeting summaries with inputs many times
/// longer than the template; title generation, translation both ways (one with the text first),
/// email extraction to JSON, support reply and ticket classification sharing a system message, SEO
/// keywords with two variables, and a policy Q&A whose user message is only the question.
enum TeamLogFixtures {
    /// One template: its messages with `{{name}}` slots, parameters, and the values of its requests.
    struct TeamTemplate {
        var system: String?
        var user: String
        var parameters: JSONValue
        var fills: [[String: String]]
        var answer: String = "好的"

        func request(_ values: [String: String]) -> JSONValue {
            var messages: [JSONValue] = []
            if let system { messages.append(["role": "system", "content": .string(system)]) }
            messages.append(["role": "user", "content": .string(try! PromptCompat.Template.render(user, with: values))])
            var body = JSONObject([("model", "gpt-4o"), ("messages", .array(messages))])
            for member in parameters.objectValue ?? JSONObject() { body[member.key] = member.value }
            return .object(body)
        }
    }

    static let shopSystem = "你是「优选商城」的AI助手，回答要简洁、准确，不要编造信息。"
    static let supportSystem = "You are Ava, the customer support agent of Brightway Electronics. Be friendly and concise, and never promise a refund without a ticket number."
    static let short: JSONValue = ["temperature": 0, "max_tokens": 300]

    static let reviews = [
        "衣服面料很舒服，尺码也标准，已经回购第二件了，推荐给身边的朋友。",
        "快递整整走了九天，外包装都压扁了，里面的杯子裂了一道缝，联系客服两天都没人回。",
        "东西还行吧，和图片差不多，就是价格比别家贵了二十块，活动的时候买更划算。",
        "耳机音质不错，低音很足，但是戴久了耳朵有点疼，降噪效果一般般。",
    ]

    static let articles = [
        "7月9日起，OpenAI正式停止向中国大陆和香港地区提供API服务。消息传出后，国内多家大模型厂商迅速推出迁移计划：智谱宣布为迁移用户赠送1.5亿tokens，并提供专属的迁移工具；百度千帆表示新用户可以免费使用旗舰模型；阿里云通义则把主力模型的调用价格下调了97%。业内人士认为，这轮“抢用户”的竞争会加速国产模型的普及，但对企业来说，真正的成本在于迁移后的效果验证：同样的提示词在不同模型上的表现可能差异很大，需要逐条回归测试。一位电商公司的技术负责人表示，他们的团队花了两周时间才把客服相关的四十多个提示词全部迁移完成。",
        "国家统计局今天发布的数据显示，今年上半年全国网上零售额达到7.1万亿元，同比增长8.8%。其中，实物商品网上零售额占社会消费品零售总额的比重为25.1%。分品类看，吃类、穿类和用类商品分别增长16.5%、6.6%和8.7%。专家指出，直播电商和即时零售是拉动增长的主要动力，县域和农村市场的网购需求也在持续释放。不过，部分平台商家反映，获客成本上升和退货率偏高仍然压缩了利润空间，特别是服装类目的退货率普遍在30%以上。",
        "随着暑期到来，各地博物馆迎来参观高峰。记者走访发现，多家热门博物馆的预约名额在开放后几分钟内就被抢空，部分游客只能通过“黄牛”高价购票。对此，多地文旅部门表示将延长开放时间、增加预约名额，并严厉打击倒票行为。与此同时，不少博物馆推出了夜场参观、研学课程和文创市集，吸引年轻人和亲子家庭。业内人士建议，博物馆在扩容的同时也要注重参观体验，避免人满为患影响文物保护。",
    ]

    static let templates: [TeamTemplate] = [
        // 1. Review sentiment.
        TeamTemplate(system: shopSystem, user: "请判断下面这条商品评论的情感倾向，只输出“正面”、“负面”或“中性”，不要解释。\n评论：{{review}}",
                 parameters: ["temperature": 0, "max_tokens": 10], fills: reviews.map { ["review": $0] }),
        // 2. A reply to a review: same system message, same reviews.
        TeamTemplate(system: shopSystem, user: "你现在是店铺的客服主管。请针对下面这条顾客评论写一段不超过80字的公开回复，语气真诚，先感谢再回应具体问题，不要承诺无法兑现的补偿。\n\n顾客评论：{{review}}",
                 parameters: short, fills: reviews.prefix(3).map { ["review": $0] }),
        // 3. Aspects to JSON: same system message, same reviews, fenced input.
        TeamTemplate(system: shopSystem, user: "从下面用三个反引号括起来的评论中提取用户提到的商品属性和对应的评价，以JSON数组输出，格式为[{\"aspect\": \"属性\", \"opinion\": \"评价\"}]，不要输出其他内容。\n评论文本：```{{review}}```",
                 parameters: short, fills: [reviews[1], reviews[3], reviews[0]].map { ["review": $0] }),
        // 4. Article summary: inputs ten times the template.
        TeamTemplate(system: "你是一名资深新闻编辑，擅长提炼要点。", user: "请用三句话总结下面这篇文章的要点，每句不超过30字。\n\n文章：\n{{article}}",
                 parameters: ["temperature": 0.3, "max_tokens": 300], fills: articles.map { ["article": $0] }),
        // 5. Title generation: same system message as 1-3.
        TeamTemplate(system: shopSystem, user: "请为下面的商品写一个吸引人的电商标题，不超过30个字，突出核心卖点，不要使用“最”“第一”等极限词。\n商品信息：{{product}}",
                 parameters: short, fills: [
                    ["product": "无线蓝牙耳机，主动降噪，续航30小时，支持快充，适合通勤和运动"],
                    ["product": "儿童保温杯，316不锈钢内胆，500ml，带吸管和防摔杯套，适合3-12岁"],
                    ["product": "纯棉四件套，60支长绒棉，1.8米床，莫兰迪配色，可机洗不起球"],
                 ]),
        // 6. Chinese product descriptions into English, quoted input.
        TeamTemplate(system: "You are a professional translator for a cross-border e-commerce company.", user: "Translate the following product description into English. Keep brand names, model numbers and units unchanged.\n\nText: \"\"\"{{text}}\"\"\"",
                 parameters: ["temperature": 0.2, "max_tokens": 400], fills: [
                    ["text": "小米手环8，1.62英寸AMOLED屏幕，支持150多种运动模式，续航长达16天。"],
                    ["text": "这款空气炸锅容量5.5升，采用360°热风循环技术，少油也能做出酥脆口感，配有可视窗口，随时观察食物状态，内胆不粘涂层易清洗。"],
                    ["text": "云南古树普洱茶饼，357克，2019年春茶压制，口感醇厚回甘。"],
                 ]),
        // 7. Email to JSON, long emails.
        TeamTemplate(system: "You are a data extraction assistant. Answer with valid JSON only.", user: "Extract the customer's name, the order number and the problem from the email below. Return a JSON object with the keys \"name\", \"order_id\" and \"issue\"; use null for anything the email does not say.\n\nEmail:\n{{email}}",
                 parameters: ["temperature": 0, "max_tokens": 200, "response_format": ["type": "json_object"]], fills: [
                    ["email": "Hi there,\n\nI ordered a pair of noise-cancelling headphones last Monday (order BW-20240702-1187) and the left ear cup stopped working after two days. I've tried resetting them as described in the manual, but nothing changed. Could you please tell me how to get a replacement?\n\nBest regards,\nMaria Lopez"],
                    ["email": "Hello, my name is Tom Becker. The charger that came with my tablet is the wrong plug type for Germany. I still have the box. What should I do?\nThanks"],
                    ["email": "To whom it may concern,\n\nOrder number BW-20240628-0042 was supposed to arrive on Friday, but the tracking page has said \"label created\" for a week now. I need the keyboard for work, so this is getting urgent. Please let me know whether it has actually shipped, and if not, cancel the order.\n\nKind regards,\nPriya Nair\nSenior Analyst"],
                 ]),
        // 8. Support reply: shares its system message with 9.
        TeamTemplate(system: supportSystem, user: "Customer message: {{message}}\n\nWrite a reply to the customer in at most three sentences. If you need more information, ask for it.",
                 parameters: ["temperature": 0.7, "max_tokens": 200], fills: [
                    ["message": "My smart speaker keeps disconnecting from Wi-Fi every few hours. I've already restarted the router twice."],
                    ["message": "I was charged twice for the same order last week. Can you fix this?"],
                    ["message": "Do you ship to Norway, and how long does it usually take?"],
                 ]),
        // 9. Ticket classification: same system message, some of the same messages.
        TeamTemplate(system: supportSystem, user: "Classify the following support ticket into exactly one of: billing, shipping, technical, account, other. Answer with the category only.\n\nTicket: {{ticket}}",
                 parameters: ["temperature": 0.7, "max_tokens": 200], fills: [
                    ["ticket": "I was charged twice for the same order last week. Can you fix this?"],
                    ["ticket": "My smart speaker keeps disconnecting from Wi-Fi every few hours. I've already restarted the router twice."],
                    ["ticket": "I can't log in; the password reset email never arrives."],
                 ]),
        // 10. Meeting minutes: transcripts far longer than the template.
        TeamTemplate(system: "You are an assistant that writes clear, factual meeting minutes.", user: "Summarize the meeting transcript below in at most five bullet points, then list the action items with their owners and due dates.\n\nTranscript:\n{{transcript}}",
                 parameters: ["temperature": 0.2, "max_tokens": 500], fills: [
                    ["transcript": "Lena: Let's start with the migration. We have 42 prompts in production and OpenAI access ends on July 9.\nRaj: I ran the library against Qwen yesterday. 30 are ready, 9 need re-tuning, 3 are blocked by the content filter.\nLena: Which ones are blocked?\nRaj: The three that summarise user complaints. The filter trips on quoted insults.\nMia: We could mask the insults before sending. I can prototype that by Thursday.\nLena: Good. Raj, can you re-tune the nine by next Wednesday?\nRaj: Yes, if Mia reviews them.\nLena: Then we decide on the provider next Friday."],
                    ["transcript": "Omar: Quick sync on the Q3 roadmap. The search redesign slipped two weeks because of the design review.\nJulia: The new filters are done, but the ranking experiment still needs a holdout group.\nOmar: Can we launch filters first and ranking later?\nJulia: Yes, filters can ship on August 5.\nKen: Marketing needs the release notes a week before.\nOmar: Julia, please send Ken the notes by July 29. I'll update the roadmap doc today."],
                    ["transcript": "Sara: The on-call rotation was too heavy last month, eleven pages in one week.\nTim: Most were the disk-space alert on the log servers. The threshold is too low.\nSara: Let's raise it to 90% and add log rotation. Tim, can you do that this sprint?\nTim: Sure, by Friday.\nAnna: I'll write a runbook for the remaining alerts by next Tuesday.\nSara: And I'll review the rotation schedule with the team lead."],
                 ]),
        // 11. The text first, the instruction after it.
        TeamTemplate(system: nil, user: "{{text}}\n\n把上面这段话翻译成地道的英文，只输出译文。",
                 parameters: ["temperature": 0.3, "max_tokens": 300], fills: [
                    ["text": "感谢您一直以来对我们的支持，618活动期间全场满300减50，会员再享9折。"],
                    ["text": "由于台风影响，华南地区的订单可能会延迟2到3天送达，给您带来不便，敬请谅解。"],
                    ["text": "本店所有商品支持7天无理由退换货，退货运费由我们承担。"],
                 ]),
        // 12. Two variables.
        TeamTemplate(system: "你是电商平台的SEO专家。", user: "商品标题：{{title}}\n商品描述：{{description}}\n请为这个商品生成5个搜索关键词，用中文逗号分隔，只输出关键词。",
                 parameters: ["temperature": 0.5, "max_tokens": 60], fills: [
                    ["title": "北欧风实木餐桌", "description": "白橡木材质，1.4米长，可坐4到6人，简约百搭，适合小户型"],
                    ["title": "男士轻薄羽绒服", "description": "90%白鸭绒，可收纳进口袋，防泼水面料，秋冬通勤都能穿"],
                    ["title": "猫咪自动喂食器", "description": "定时定量出粮，支持手机远程控制和录音呼唤，6升大容量"],
                 ]),
        // 13. The instruction in the system message, the user message only the question.
        TeamTemplate(system: "你是「优选商城」的售后政策问答助手。只根据以下政策回答顾客：商品签收后7天内可无理由退货；质量问题15天内可换货；退货运费由责任方承担。政策没有提到的，请回答“请联系人工客服”。", user: "{{question}}",
                 parameters: ["temperature": 0, "max_tokens": 150], fills: [
                    ["question": "我买的衣服不合身，收到已经5天了，还能退吗？"],
                    ["question": "杯子收到就是裂的，退货的运费谁出？"],
                    ["question": "你们能开增值税专用发票吗？"],
                 ]),
    ]

    /// The variable names each template's prompt gets, in order.
    static let expectedVariables: [[String]] = [
        ["review"], ["review"], ["review"], ["article"], ["product"], ["text"], ["email"], ["message"], ["ticket"],
        ["transcript"], ["text"], ["title", "description"], ["question"],
    ]

    /// Every request as a log line, the templates interleaved as traffic arrives (template `t`, fill `f`).
    static var log: [(template: Int, fill: Int, line: String)] {
        var lines: [(Int, Int, String)] = []
        let most = templates.map(\.fills.count).max() ?? 0
        for f in 0..<most {
            for (t, template) in templates.enumerated() where f < template.fills.count {
                lines.append((t, f, ImportFixtures.line(template.request(template.fills[f]), ImportFixtures.response(template.answer, model: "gpt-4o-2024-05-13"),
                                                        extra: [("id", .string("req-\(t + 1)-\(f + 1)"))])))
            }
        }
        return lines
    }
}
