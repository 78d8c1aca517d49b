import Foundation
import Testing
@testable import PromptCompat

/// Headings, lists, code blocks and tables counted; the prose without their markup.
@Suite("Markdown structure")
struct MarkdownStructureTests {
    @Test("headings are counted by level, ATX and setext")
    func headings() {
        let shape = MarkdownStructure.of("# 标题\n## 第一节\n## 第二节 ##\n正文\n\n小结\n---\nSummary\n===\n#hashtag")
        #expect(shape.headings == [1: 2, 2: 3])
        #expect(shape.headingCount == 5)
        #expect(shape.prose == "标题\n第一节\n第二节\n正文\n小结\nSummary\n#hashtag")
    }

    @Test("bulleted and numbered items, including the Chinese 1、 and 1.without a space")
    func lists() {
        let shape = MarkdownStructure.of("- 登录\n* 下单\n+ 支付\n1. 第一步\n2) 第二步\n3、第三步\n4.第四步")
        #expect(shape.bulletedItems == 3)
        #expect(shape.numberedItems == 4)
        #expect(shape.prose == "登录\n下单\n支付\n第一步\n第二步\n第三步\n第四步")
    }

    @Test("a decimal at the start of a line and a thematic break are not list items")
    func notLists() {
        let shape = MarkdownStructure.of("3.14 是圆周率\n* * *\n---")
        #expect(shape.isPlain)
        #expect(shape.prose == "3.14 是圆周率")
    }

    @Test("fenced code blocks with their language and line count; code is not prose; an open fence runs to the end")
    func codeBlocks() {
        let shape = MarkdownStructure.of("示例：\n```Swift\nlet a = 1\nprint(a)\n```\n~~~\nplain\n~~~\n```json\n{\"a\": 1}")
        #expect(shape.codeBlocks == [.init(language: "swift", lines: 2), .init(language: nil, lines: 1), .init(language: "json", lines: 1)])
        #expect(shape.prose == "示例：")
    }

    @Test("a pipe table is rows × columns, its cells stay in the prose")
    func tables() {
        let shape = MarkdownStructure.of("| 商品 | 价格 | 库存 |\n|:---|---:|---|\n| 耳机 | 299 | 5 |\n| 音箱 | 599 | 0 |\n\n说明 a|b")
        #expect(shape.tables == [.init(rows: 2, columns: 3)])
        #expect(shape.prose == "商品 价格 库存\n耳机 299 5\n音箱 599 0\n说明 a|b")
        #expect(MarkdownStructure.of("a | b\n--- | ---\n1 | 2").tables == [.init(rows: 1, columns: 2)])
    }

    @Test("inline markup is stripped, the text kept")
    func inline() {
        let shape = MarkdownStructure.of("> **重要**：请看 [文档](https://example.com) 和 `config.json`，*务必*备份 ~~旧~~ 数据 ![图](a.png)")
        #expect(shape.prose == "重要：请看 文档 和 config.json，务必备份 旧 数据 图")
        #expect(MarkdownStructure.of("2*3*4 = 24").prose == "2*3*4 = 24")
    }

    @Test("plain text, emoji and empty text have no structure")
    func plain() {
        #expect(MarkdownStructure.of("您好 👍🏽，订单已发货。").isPlain)
        #expect(MarkdownStructure.of("") == MarkdownStructure())
    }

    /// Lines of 0–6 pieces: every line mark, ASCII and full-width digits, every kind of space, text.
    static let lines: [String] = {
        let pieces = ["#", "##", "=", "-", "*", "_", "+", ">", "`", "```", "~~~", "1", "１", "٣", ".", ")", "、", " ", "   ", "\t",
                      "\u{3000}", "\u{A0}", "\u{0B}", "\u{85}", "步骤", "a", "**", "[x](y)", "|"]
        var random = SplitMix64(seed: 11)
        return (0..<5_000).map { _ in (0..<Int(random.next() % 7)).map { _ in pieces[Int(random.next() % UInt64(pieces.count))] }.joined() }
    }()

    @Test("a line the quick pre-check passes over matches no line pattern")
    func preCheckIsNecessary() {
        let skipped = Self.lines.filter { !MarkdownLineParser.mayBeMarked($0) }
        #expect(skipped.count > 500)
        let matched = skipped.filter { line in
            MarkdownLineParser.linePatterns.contains { $0.regex.firstMatch(in: line, range: NSRange(line.startIndex..., in: line)) != nil }
        }
        #expect(matched.isEmpty, "first: \(matched.first.map { $0.unicodeScalars.map { String($0.value, radix: 16) } } ?? [])")
    }

    @Test("inline markup left unsearched for want of its mark would not have matched")
    func inlineMarksAreNecessary() {
        for (regex, _, marks) in MarkdownLineParser.inlineMarkup {
            let unmarked = Self.lines.filter { !$0.utf8.contains(where: marks.contains) }
            #expect(unmarked.allSatisfy { regex.firstMatch(in: $0, range: NSRange($0.startIndex..., in: $0)) == nil })
        }
    }
}
