import Foundation
import Testing
@testable import PromptCompat

@Suite("Import naming: prompt ids and variables that say what they are")
struct ImportNamingTests {
    typealias F = ImportFixtures

    /// A request with `system` (when given) and `user`, at temperature 0.
    static func request(_ user: String, system: String? = nil) -> JSONValue {
        var messages: [JSONValue] = []
        if let system { messages.append(["role": "system", "content": .string(system)]) }
        messages.append(["role": "user", "content": .string(user)])
        return ["model": "gpt-4o", "messages": .array(messages), "temperature": 0]
    }

    func proposed(_ lines: [String]) throws -> ImportPlan {
        let scratch = try ImportScratch()
        defer { scratch.delete() }
        return try scratch.plan(lines)
    }

    @Test("a prompt is named after the gateway's prompt name, else its route, else a tag every request has")
    func idsFromMetadata() throws {
        let reviews = ["质量很好，推荐购买", "物流太慢了，等了一周"]
        let named = reviews.map { F.line(F.classifyRequest($0), F.response("好评"), extra: [("metadata", ["prompt_name": "Review Classifier v2"])]) }
        let routed = reviews.map { F.line(F.translateRequest($0), F.response("ok"), extra: [("metadata", ["route": "/api/listing/title-en"])]) }
        let tagged = reviews.map { F.line(Self.request("Rewrite politely: \($0)"), F.response("ok"), extra: [("tags", ["prod", "tone-fix"])]) }
        let plan = try proposed(named + routed + tagged)
        #expect(plan.newPrompts.map(\.id) == ["imported/review-classifier-v2", "imported/listing-title-en", "imported/tone-fix"])
    }

    @Test("two prompt names are two prompts even when their texts align, and one name keeps its requests together")
    func metadataGroups() throws {
        let lines = [
            F.line(F.classifyRequest("质量很好，推荐购买"), F.response("好评"), extra: [("metadata", ["prompt_name": "classify-a"])]),
            F.line(F.classifyRequest("物流太慢了，等了一周"), F.response("差评"), extra: [("metadata", ["prompt_name": "classify-b"])]),
            F.line(F.classifyRequest("一般般吧"), F.response("中评"), extra: [("metadata", ["prompt_name": "classify-a"])]),
        ]
        let plan = try proposed(lines)
        #expect(plan.newPrompts.map(\.id) == ["imported/classify-a", "imported/classify-b"])
        #expect(plan.newPrompts.map { $0.addedCases.map(\.source.line) } == [[1, 3], [2]])
    }

    @Test("without metadata the id is a slug of the task, read from a Chinese or an English instruction, unique within the import")
    func idsFromInstruction() throws {
        let lines = [
            F.line(Self.request("请用一句话总结下面这篇文章。\n文章：今天上午，市政府召开新闻发布会。"), F.response("ok")),
            F.line(Self.request("请用一句话总结下面这篇文章。\n文章：国家统计局发布上半年数据。"), F.response("ok")),
            F.line(Self.request("Summarize the article below in one sentence.\nArticle: The city council met on Monday."), F.response("ok")),
            F.line(Self.request("Summarize the article below in one sentence.\nArticle: Retail sales grew 8.8% in the first half."), F.response("ok")),
            F.line(Self.request("Write a haiku about the sea"), F.response("ok")),
        ]
        let plan = try proposed(lines)
        #expect(plan.newPrompts.map(\.id) == ["imported/article-summary", "imported/article-summary-2", "imported/writing"])
        #expect(plan.newPrompts.map(\.variables) == [["article"], ["article"], []])
    }

    @Test("variables are named from their label in Chinese or English, from the words after them, or as the question a message asks")
    func variablesFromContext() throws {
        let pairs: [(String, [String], [String])] = [
            ("请判断下面这条商品评论的情感倾向。\n商品评论：{{x}}", ["质量很好，推荐购买", "物流太慢了，等了一周"], ["review"]),
            ("Classify the text below.\nText: \"\"\"{{x}}\"\"\"", ["The battery died after a day.", "Great value for the price."], ["text"]),
            ("用户问题：{{x}}\n请根据知识库回答。", ["怎么修改收货地址", "可以开发票吗"], ["question"]),
            ("{{x}}\n\n请把上面这段话改写得更礼貌。", ["你们到底什么时候发货", "再不退款我就投诉了"], ["text"]),
            ("原文：{{x}}\n目标语言：{{y}}\n请翻译。", ["你好，欢迎光临", "谢谢惠顾，欢迎再来"], ["source_text", "language"]),
        ]
        for (template, values, names) in pairs {
            let lines = values.enumerated().map { n, value in
                F.line(Self.request(template.replacingOccurrences(of: "{{x}}", with: value).replacingOccurrences(of: "{{y}}", with: ["英文", "日文"][n])), F.response("ok"))
            }
            let prompt = try #require(try proposed(lines).newPrompts.first)
            #expect(prompt.variables == names, "\(template)")
        }
    }

    @Test("a message that is only the input is named after it: a question, else what the system message works on")
    func wholeMessageNames() throws {
        let system = "你是电商评论分析助手，请判断每条评论的情感，只输出正面或负面。"
        let questions = ["收到5天了还能退吗？", "运费谁出？"].map { F.line(Self.request($0, system: "你是售后助手，只根据退货政策回答。"), F.response("ok")) }
        let reviews = ["质量很好，推荐购买", "物流太慢了，等了一周"].map { F.line(Self.request($0, system: system), F.response("ok")) }
        #expect(try proposed(questions + reviews).newPrompts.map(\.variables) == [["question"], ["review"]])
    }

    @Test("a variable with no word around it to name it is numbered")
    func numberedFallback() throws {
        let lines = ["friendly", "formal"].map { F.line(Self.request("Write a \($0) reply to the customer who asked about shipping times."), F.response("ok")) }
        let prompt = try #require(try proposed(lines).newPrompts.first)
        #expect(prompt.messages.last?.content == "Write a {{var1}} reply to the customer who asked about shipping times.")
    }
}
