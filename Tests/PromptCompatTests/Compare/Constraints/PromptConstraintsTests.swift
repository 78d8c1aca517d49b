import Foundation
import Testing
@testable import PromptCompat

/// What a prompt's own words require, read from its messages.
@Suite("Prompt constraints")
struct PromptConstraintsTests {
    @Test("length limits in Chinese and English, with their unit and scope", arguments: [
        ("回复不超过70字。", 70, PromptConstraints.LengthLimit.Unit.characters, PromptConstraints.LengthLimit.Scope.whole),
        ("请把摘要控制在一百字以内", 100, .characters, .whole),
        ("每条不超过20字", 20, .characters, .eachLine),
        ("标题不超过15个字，正文随意", 15, .characters, .firstLine),
        ("Reply in under 50 words.", 50, .words, .whole),
        ("Summarize the clause in plain English. Maximum 50 words.", 50, .words, .whole),
        ("Tagline, max: 12 words", 12, .words, .whole),
        ("Keep the SMS to no more than 140 characters", 140, .characters, .whole),
        ("Write a reminder SMS. Hard limit: 160 characters including spaces.", 160, .characters, .whole),
        ("Bios have a limit of 80 words", 80, .words, .whole),
        ("Summarize it in one sentence.", 1, .sentences, .whole),
        ("用一句话概括", 1, .sentences, .whole),
    ])
    func limits(prompt: String, count: Int, unit: PromptConstraints.LengthLimit.Unit, scope: PromptConstraints.LengthLimit.Scope) {
        let limit = PromptConstraints.read(prompt).limits.first
        #expect(limit?.count == count)
        #expect(limit?.unit == unit)
        #expect(limit?.scope == scope)
    }

    @Test("minimums and lengths of the input are not limits")
    func notLimits() {
        #expect(PromptConstraints.read("回答不少于200字").limits.isEmpty)
        #expect(PromptConstraints.read("下面是一篇500字的文章，请提取关键词").limits.isEmpty)
        #expect(PromptConstraints.read("Write at least 100 words.").limits.isEmpty)
    }

    @Test("label sets: quoted options, a list after a colon, slashes, yes or no", arguments: [
        ("判断评论情感，只能输出“正面”“负面”或“中性”。", ["正面", "负面", "中性"]),
        ("工单类别：物流、退款、发票、其他。只输出类别名。", ["物流", "退款", "发票", "其他"]),
        ("Classify the ticket. Output one of: billing, shipping, account, other", ["billing", "shipping", "account", "other"]),
        ("Label the sentiment as positive/negative/neutral.", ["positive", "negative", "neutral"]),
        ("该用户是否表达了退款意图？请回答是或否。", ["是", "否"]),
        ("Answer yes or no.", ["yes", "no"]),
        ("Check (4) a link is present. Output exactly one label: COMPLIANT or NON-COMPLIANT.", ["COMPLIANT", "NON-COMPLIANT"]),
        ("Based on the plan terms and the claim, output ELIGIBLE or NOT ELIGIBLE only.", ["ELIGIBLE", "NOT ELIGIBLE"]),
    ])
    func labels(prompt: String, labels: [String]) {
        #expect(PromptConstraints.read(prompt).labels == labels)
    }

    @Test("options given as examples, or with the wording left free, are no fixed set; examples the answer is held to are", arguments: [
        ("判断乘客是否提出了退款诉求，用简短的短语回答（如“有退款诉求”或“无退款诉求”，表述可不同）。", [String]()),
        ("Reply with a short phrase, e.g. \"billing\" or \"shipping\".", []),
        ("只能输出以下标签之一，例如“正面”“负面”。", ["正面", "负面"]),
    ])
    func exampleLabels(prompt: String, labels: [String]) {
        #expect(PromptConstraints.read(prompt).labels == labels)
    }

    @Test("order and fixed formats")
    func orderAndFormats() {
        #expect(PromptConstraints.read("按优先级从高到低排序输出").fixesOrder)
        #expect(!PromptConstraints.read("提取文中提到的城市，输出JSON数组").fixesOrder)
        #expect(!PromptConstraints.read("输出JSON：{\"benefits\": [权益]}，benefits作为集合使用，顺序不重要。").fixesOrder)
        #expect(PromptConstraints.read("日期格式为YYYY-MM-DD").fixedFormats.contains(.date))
        #expect(PromptConstraints.read("Amounts with two decimal places").fixedFormats.isEmpty == false)
        #expect(PromptConstraints.read("请简要回复顾客").fixedFormats.isEmpty)
        // 24 hours' notice is a duration; the 24-hour clock is a format.
        #expect(PromptConstraints.read("Deposits are refundable with 24 hours' notice of cancellation.").fixedFormats.isEmpty)
        #expect(PromptConstraints.read("Write times in 24-hour format.").fixedFormats == [.date])
        #expect(PromptConstraints.read("金额使用千分位").fixesDigitGrouping)
        #expect(!PromptConstraints.read("金额保留两位小数").fixesDigitGrouping)
        #expect(PromptConstraints.read("列出3个要点").fixesItemCount)
        #expect(PromptConstraints.read("Give five bullet points.").fixesItemCount)
        #expect(PromptConstraints.read("PPT大纲，5页，每页一行").fixesItemCount)
        #expect(!PromptConstraints.read("按要点列出材料。窗口5个工作日办结。").fixesItemCount)
        #expect(!PromptConstraints.read("《差旅费报销管理办法》第五条 交通；第12条 住宿。分条列出要点。").fixesItemCount, "an article number counts no items")
    }

    @Test("every count of items the pattern reads holds one of the counted things, which gate the pattern")
    func countedThingsGateTheItemCount() {
        let counts = ["3个要点", "三个步骤", "5条", "两项", "3点", "4步", "5页", "六张", "3要点", "两方面", "3建议", "5步骤",
                      "five bullets", "3 items", "two points", "4 steps", "3 tips", "2 reasons", "10 lines", "3 ideas", "5 questions",
                      "2 sentences", "3 paragraphs", "3 key", "5 slides", "2 pages", "3-bullet", "5-item", "4-point", "6-step", "10-slide"]
        let regex = RegexCache.compiled(ConstraintWords.itemCount)
        for text in counts {
            #expect(regex.firstMatch(in: text, range: NSRange(location: 0, length: (text as NSString).length)) != nil, "\(text)")
            #expect(ConstraintWords.countedThings.occurs(in: text), "\(text)")
        }
    }
}
