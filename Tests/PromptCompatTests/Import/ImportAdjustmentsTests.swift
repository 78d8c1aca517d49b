import Foundation
import Testing
@testable import PromptCompat

@Suite("ImportAdjustments: --split and --merge fix a grouping")
struct ImportAdjustmentsTests {
    typealias F = ImportFixtures
    typealias N = ImportNamingTests

    func proposed(_ adjust: ImportAdjustments, lines: [String] = F.shopLog) throws -> ImportPlan {
        let scratch = try ImportScratch()
        defer { scratch.delete() }
        let log = GatewayLog.read(lines.joined(separator: "\n"), file: "logs.jsonl")
        return try LogImport.plan(log, library: scratch.library(), provider: "openai", snapshots: scratch.store, environment: [:], adjust: adjust)
    }

    /// Two wordings of one summary prompt (概括 / 总结): the import keeps them apart.
    static let versions = [("概括", "今天上午，市政府召开新闻发布会，介绍了暑期文旅活动安排。"), ("总结", "国家统计局发布上半年数据，网上零售额同比增长8.8%。"),
                           ("概括", "多家博物馆推出夜场参观和研学课程，吸引年轻游客。")].map { verb, article in
        F.line(N.request("你是新闻编辑。请用一句话\(verb)下面这篇文章。\n文章：\(article)"), F.response("ok"))
    }

    @Test("--split makes each request of a proposed prompt a prompt of its own, with the prompt's id and a number")
    func split() throws {
        let plan = try proposed(ImportAdjustments(splits: ["imported/order-answer"]))
        #expect(plan.newPrompts.map(\.id) == ["imported/order-answer-1", "imported/order-answer-2", "imported/order-answer-3", "imported/order-answer-4",
                                              "imported/review-classification", "imported/product-translation"])
        #expect(plan.newPrompts.prefix(4).map { $0.addedCases.map(\.source.line) } == [[1], [3], [6], [9]])
        #expect(plan.newPrompts.prefix(4).map(\.variables).joined().isEmpty)
        #expect(plan.snapshots.count == 9)
    }

    @Test("--merge makes two proposed prompts one, with a variable where they differ; ids work without the prefix")
    func merge() throws {
        let before = try proposed(ImportAdjustments(), lines: Self.versions)
        #expect(before.newPrompts.map(\.id) == ["imported/article-summary", "imported/article-summary-2"])
        let merged = try proposed(ImportAdjustments(merges: [("article-summary", "imported/article-summary-2")]), lines: Self.versions)
        let prompt = try #require(merged.newPrompts.first)
        #expect(merged.newPrompts.count == 1)
        #expect(prompt.id == "imported/article-summary")
        #expect(prompt.addedCases.map(\.source.line) == [1, 2, 3])
        #expect(prompt.messages.map(\.content) == ["你是新闻编辑。请用一句话{{var1}}下面这篇文章。\n文章：{{article}}"])
        #expect(prompt.values.map { $0["var1"] } == ["概括", "总结", "概括"])
    }

    @Test("an unknown id is refused naming the nearest proposed one; a merge of prompts with other parameters is refused")
    func unknownIDs() throws {
        let error = try #require(throws: LogImport.SetupError.self) { try proposed(ImportAdjustments(splits: ["order-anwser"])) }
        #expect(error.description == "no proposed prompt \"order-anwser\" in this import; did you mean \"imported/order-answer\"?")
        let far = try #require(throws: LogImport.SetupError.self) { try proposed(ImportAdjustments(merges: [("weather", "order-answer")])) }
        #expect(far.description.hasPrefix("no proposed prompt \"weather\" in this import; proposed: imported/order-answer, imported/review-classification"))
        let mixed = try #require(throws: LogImport.SetupError.self) { try proposed(ImportAdjustments(merges: [("order-answer", "review-classification")])) }
        #expect(mixed.description.contains("differ in parameters or message roles"))
    }
}
