import Foundation
import Testing
@testable import PromptCompat

@Suite("MessageAlignment: where the texts of one message position differ")
struct MessageAlignmentTests {
    func align(_ texts: [String]) -> MessageAlignment {
        var table = ImportTokenTable()
        let tokens = texts.map(ImportTokenizer.tokens)
        var alignment = MessageAlignment(tokens[0], ids: table.ids(tokens[0]))
        for next in tokens.dropFirst() { alignment = alignment.adding(next, ids: table.ids(next)) }
        return alignment
    }

    @Test("an order number, a date and an amount are one token each; the tokens join back to the text")
    func tokens() {
        let text = "订单号：YX20240709001，2024年7月9日付款¥1,299.00 ok"
        let tokens = ImportTokenizer.tokens(text)
        #expect(tokens.map(\.text) == ["订", "单", "号", "：", "YX20240709001", "，", "2024年7月9日", "付", "款", "¥1,299.00", " ", "ok"])
        #expect(tokens[4].fact == .identifier && tokens[6].fact == .date && tokens[9].fact == .amount)
        #expect(tokens.map(\.text).joined() == text)
    }

    @Test("texts that differ in an order number and a date align into fixed text and two slots")
    func orderAndDate() {
        let alignment = align([
            ImportFixtures.orderUser("YX20240628017", "2024年6月28日"),
            ImportFixtures.orderUser("YX20240629104", "2024年6月29日"),
            ImportFixtures.orderUser("YX20240701388", "2024年7月1日"),
        ])
        #expect(alignment.segments == [
            .fixed("订单号："),
            .slot(values: ["YX20240628017", "YX20240629104", "YX20240701388"], facts: [.identifier, .identifier, .identifier]),
            .fixed("\n下单日期："),
            .slot(values: ["2024年6月28日", "2024年6月29日", "2024年7月1日"], facts: [.date, .date, .date]),
            .fixed("\n顾客问题：我的包裹现在到哪里了？什么时候能送到？"),
        ])
    }

    @Test("a shared run shorter than 4 characters between two differences is folded into one slot")
    func shortInnerRun() {
        // Shared: "评论：" (start), "，" and "很" inside: too short to trust, so the review is one slot.
        let alignment = align(["评论：质量很好，物流快", "评论：包装很差，客服慢"])
        #expect(alignment.segments == [
            .fixed("评论："),
            .slot(values: ["质量很好，物流快", "包装很差，客服慢"], facts: [nil, nil]),
        ])
    }

    @Test("a shared start shorter than 3 characters is folded into the slot; identical texts are all fixed")
    func shortEdgeRun() {
        #expect(align(["我很喜欢", "我不满意"]).segments == [.slot(values: ["我很喜欢", "我不满意"], facts: [nil, nil])])
        #expect(align(["你好", "你好"]).segments == [.fixed("你好")])
    }

    @Test("the longest common subsequence matches a shared prefix and suffix and the middle")
    func commonSubsequence() {
        let pairs = CommonSubsequence.pairs([1, 2, 3, 4, 5], [1, 9, 3, 8, 5])
        #expect(pairs.map(\.0) == [0, 2, 4])
        #expect(pairs.map(\.1) == [0, 2, 4])
        #expect(CommonSubsequence.pairs([1, 2], [3, 4]).isEmpty)
    }
}
