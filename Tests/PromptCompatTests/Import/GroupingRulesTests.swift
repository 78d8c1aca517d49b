import Foundation
import Testing
@testable import PromptCompat

@Suite("GroupingRules: variables only where requests differ in content")
struct GroupingRulesTests {
    typealias F = ImportFixtures
    typealias N = ImportNamingTests

    func proposed(_ lines: [String]) throws -> ImportPlan {
        let scratch = try ImportScratch()
        defer { scratch.delete() }
        return try scratch.plan(lines)
    }

    static let lampReview = "我妈妈的生日快到了，我想买一盏卧室灯送给她。这款灯带储物功能，价格也不贵，下单后第二天就到了。运输途中灯绳断了，公司很快就寄来了新的。组装很简单，客服也很耐心，总体很满意。"
    static let tasks = [
        "请判断以下用三个反引号括起来的商品评论的情感倾向，回答“正面”或“负面”。",
        "从以下用三个反引号括起来的评论中识别出作者表达的情绪，列出不超过五项。",
        "请判断以下用三个反引号括起来的评论的作者是否表达了愤怒，回答“是”或“否”。",
        "从以下用三个反引号括起来的评论中提取购买的商品和制造商，以JSON格式输出。",
        "请用不超过30个字总结以下用三个反引号括起来的评论。",
    ]

    @Test("five tasks on one product review under one system message stay five prompts; none becomes a {{variable}} as a whole")
    func fiveTasksOneReview() throws {
        let lines = Self.tasks.map { F.line(N.request("\($0)\n评论：```\(Self.lampReview)```", system: "You are a helpful assistant."), F.response("ok")) }
        let plan = try proposed(lines)
        #expect(plan.newPrompts.count == 5)
        #expect(plan.newPrompts.map(\.variables).joined().isEmpty)
    }

    @Test("five tasks on two reviews each become five prompts with {{review}}, not two prompts with the instruction as a variable")
    func fiveTasksTwoReviews() throws {
        let reviews = [Self.lampReview, "耳机音质不错，低音很足，但是戴久了耳朵有点疼，降噪效果一般般，价格偏高。"]
        let lines = reviews.flatMap { review in Self.tasks.map { F.line(N.request("\($0)\n评论：```\(review)```", system: "You are a helpful assistant."), F.response("ok")) } }
        let plan = try proposed(lines)
        #expect(plan.newPrompts.count == 5)
        #expect(plan.newPrompts.map(\.variables) == Array(repeating: ["review"], count: 5))
        #expect(plan.newPrompts.map { $0.addedCases.map(\.source.line) } == [[1, 6], [2, 7], [3, 8], [4, 9], [5, 10]])
    }

    @Test("different tasks whose whole user message differs, under a generic system message, are not one {{input}} prompt")
    func noWholeInstructionVariable() throws {
        let lines = [
            "请把下面这句话翻译成英文：今天天气很好。",
            "总结一下这段话的主要意思：公司决定下个月起实行弹性工作制。",
            "Write a product title for a stainless steel water bottle.",
        ].map { F.line(N.request($0, system: "You are a helpful assistant."), F.response("ok")) }
        let plan = try proposed(lines)
        #expect(plan.newPrompts.count == 3)
        #expect(plan.newPrompts.map(\.variables).joined().isEmpty)
    }

    @Test("wording that differs by one character (的/对) or by whitespace makes two prompts, never a {{variable}} of it")
    func noFragmentVariables() throws {
        let lines = [
            "请分析这条评论的情感倾向，只输出正面或负面。\n评论：质量很好，推荐购买",
            "请分析这条评论对情感倾向，只输出正面或负面。\n评论：物流太慢了，等了一周",
            "请分析这条评论的情感倾向，只输出正面或负面。 \n评论：一般般吧，凑合用",
            "请分析这条评论的情感倾向，只输出正面或负面。\n评论：客服态度很差",
        ].map { F.line(N.request($0), F.response("ok")) }
        let plan = try proposed(lines)
        #expect(plan.newPrompts.map { $0.addedCases.map(\.source.line) } == [[1, 4], [2], [3]])
        #expect(plan.newPrompts.map(\.variables) == [["review"], [], []])
    }

    @Test("a slot is trivial when every value is at most one character, or only whitespace and punctuation; numbers are not")
    func trivialSlots() {
        #expect(GroupingRules.isTrivial(["的", "对"]))
        #expect(GroupingRules.isTrivial([" ", ""]))
        #expect(GroupingRules.isTrivial(["，", "。 "]))
        #expect(!GroupingRules.isTrivial(["3", "5"]))
        #expect(!GroupingRules.isTrivial(["好评", "差"]))
    }

    @Test("two requests whose articles are ten times the template stay one prompt, with no chance-shared words as fixed text")
    func longInputsStayTogether() throws {
        let articles = TeamLogFixtures.articles.prefix(2)
        let lines = articles.map { F.line(N.request("请用三句话总结下面这篇文章的要点。\n文章：\($0)", system: "你是新闻编辑。"), F.response("ok")) }
        let prompt = try #require(try proposed(lines).newPrompts.first)
        #expect(try proposed(lines).newPrompts.count == 1)
        #expect(prompt.messages.last?.content == "请用三句话总结下面这篇文章的要点。\n文章：{{article}}")
        #expect(prompt.values.map { $0["article"] } == articles.map { Optional($0) })
    }
}
