import Foundation
import Testing
@testable import PromptCompat

@Suite("RequestGrouping and ExtractedTemplate: logged requests into prompts with {{variables}}")
struct RequestGroupingTests {
    typealias F = ImportFixtures

    var shopEntries: [GatewayLogEntry] { GatewayLog.read(F.shopLogText, file: "logs.jsonl").entries }

    @Test("the shop log groups into order status, review classification and the one-off translation, though the last two share every parameter")
    func shopGroups() {
        let entries = shopEntries
        // Lines 5 and 11 are skipped, so the 10 entries are lines 1 2 3 4 6 7 8 9 10 12.
        #expect(entries.map(\.line) == [1, 2, 3, 4, 6, 7, 8, 9, 10, 12])
        let groups = RequestGrouping.groups(of: entries.map(\.request))
        #expect(groups.map { $0.members.map { entries[$0].line } } == [[1, 3, 6, 9, 12], [2, 4, 7, 10], [8]])
    }

    @Test("the order-status template has {{order_id}} and {{date}} where the requests differ, and every request's values")
    func orderTemplate() throws {
        let entries = shopEntries
        let requests = entries.map(\.request)
        let group = try #require(RequestGrouping.groups(of: requests).first)
        let template = ExtractedTemplate(group, requests: requests)
        #expect(template.messages.map(\.content) == [F.orderSystem, F.orderUser("{{order_id}}", "{{date}}")])
        #expect(template.variables == ["order_id", "date"])
        #expect(template.values.map { $0["order_id"] } == ["YX20240628017", "YX20240629104", "YX20240630233", "YX20240701388", "YX20240628017"])
        #expect(template.values.map { $0["date"] } == ["2024年6月28日", "2024年6月29日", "2024年6月30日", "2024年7月1日", "2024年6月28日"])
    }

    @Test("the classifier's review becomes {{review}}, named from its label 评论：; the translation keeps its text whole")
    func reviewAndTranslation() throws {
        let requests = shopEntries.map(\.request)
        let groups = RequestGrouping.groups(of: requests)
        let review = ExtractedTemplate(groups[1], requests: requests)
        #expect(review.messages.map(\.content) == [F.classifySystem, "评论：{{review}}"])
        #expect(review.values.map { $0["review"] } == ["衣服面料很舒服，尺码也标准，已经回购第二件了", "快递整整走了九天，外包装都压扁了", "洗了一次就起球，还掉色，太失望", "东西还行吧，和图片差不多，价格有点贵"])
        let translation = ExtractedTemplate(groups[2], requests: requests)
        #expect(translation.variables.isEmpty)
        #expect(translation.messages.map(\.content) == [F.translateSystem, "请翻译：夏季新款纯棉短袖T恤男士宽松圆领上衣 XL"])
    }

    @Test("the same texts with another temperature are another prompt")
    func parametersSplit() {
        var other = F.classifyRequest("快递太慢").objectValue!
        other["temperature"] = 0.7
        let text = [F.line(F.classifyRequest("快递太慢"), F.response("差评")), F.line(.object(other), F.response("差评"))].joined(separator: "\n")
        let requests = GatewayLog.read(text, file: "logs.jsonl").entries.map(\.request)
        #expect(RequestGrouping.groups(of: requests).map(\.members) == [[0], [1]])
    }

    @Test("fixed text that reads as a {{variable}} becomes a variable, so the prompt renders back exactly")
    func literalBraces() throws {
        let body: JSONValue = ["model": "gpt-4o", "messages": [["role": "user", "content": "把 {{name}} 换成顾客姓名：张三"]]]
        let requests = GatewayLog.read(F.line(body, F.response("张三")), file: "logs.jsonl").entries.map(\.request)
        let template = ExtractedTemplate(try #require(RequestGrouping.groups(of: requests).first), requests: requests)
        #expect(template.messages[0].content == "{{user_message}}")
        #expect(try Template.render(template.messages[0].content, with: template.values[0]) == "把 {{name}} 换成顾客姓名：张三")
    }

    @Test("a slot of one fact kind is named after it, or after the words before an identifier; one whose values ask is a question")
    func slotNames() throws {
        let bodies: [JSONValue] = [("SF1402285861234", "¥128.50", "周末能到吗"), ("SF1402285869999", "¥99", "要签收吗")].map { waybill, amount, question in
            ["model": "gpt-4o", "messages": [["role": "user", "content": .string("运单号：\(waybill)，运费：\(amount)，请回答顾客：\(question)")]]]
        }
        let requests = GatewayLog.read(bodies.map { F.line($0, F.response("好的")) }.joined(separator: "\n"), file: "logs.jsonl").entries.map(\.request)
        let template = ExtractedTemplate(try #require(RequestGrouping.groups(of: requests).first), requests: requests)
        #expect(template.messages[0].content == "运单号：{{tracking_no}}，运费：{{amount}}，请回答顾客：{{question}}")
    }

    @Test("a template reads its variables back out of a request, and refuses one that does not fit")
    func templateMatch() {
        let template = F.orderUser("{{order_id}}", "{{date}}")
        #expect(TemplateMatch.variables(template, matching: F.orderUser("YX20240702051", "2024年7月2日")) == ["order_id": "YX20240702051", "date": "2024年7月2日"])
        #expect(TemplateMatch.variables(template, matching: "订单号：YX1") == nil)
        #expect(TemplateMatch.variables("{{a}}和{{a}}", matching: "甲和甲") == ["a": "甲"])
        #expect(TemplateMatch.variables("{{a}}和{{a}}", matching: "甲和乙") == nil)
    }
}
