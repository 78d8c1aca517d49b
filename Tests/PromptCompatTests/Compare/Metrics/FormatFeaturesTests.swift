import Testing
@testable import PromptCompat

/// The shape of an answer and its similarity: JSON wrapping, line kind, line count, Markdown features.
@Suite("Format features")
struct FormatFeaturesTests {
    let metric = FormatFeatures()

    @Test("shape: JSON wrapping, Markdown, non-blank lines and the line kind")
    func shape() {
        let json = FormatFeatures.shape(of: "```json\n{\"a\": 1}\n```")
        #expect(json.json == .fenced)
        #expect(json.markdown.codeBlocks.count == 1)
        #expect(json.lineCount == 3)
        #expect(json.lines == .multiLine)
        #expect(FormatFeatures.shape(of: "positive").lines == .singleToken)
        #expect(FormatFeatures.shape(of: "是").lines == .singleToken)
        #expect(FormatFeatures.shape(of: "订单已发货").lines == .singleLine)
        #expect(FormatFeatures.shape(of: "a\n\n  \nb").lineCount == 2)
        #expect(FormatFeatures.shape(of: " \n").lines == .empty)
    }

    @Test("same shape scores 1 though the words differ; both empty 1, one empty 0")
    func sameShape() {
        #expect(metric.score("1. 登录\n2. 下单", "1. 注册\n2. 支付") == 1)
        #expect(metric.score("{\"a\": 1}", "{\"b\": [2]}") == 1)
        #expect(metric.score("", "") == 1)
        #expect(metric.score("", "订单") == 0)
        #expect(metric.score("订单", "") == 0)
    }

    @Test("hand-computed: a single token against two lines of prose scores (1 + 0 + 1/2 + 1)/4")
    func tokenToLines() {
        // JSON: neither (1). Line kind: single token vs multi-line (0). Lines: 1 of 2 (1/2). Markdown: none (1).
        #expect(metric.score("positive", "The sentiment is positive.\nReason: praise.") == 2.5 / 4)
    }

    @Test("hand-computed: bare JSON against fenced JSON scores (1/2 + 0 + 1/3 + 0)/4")
    func bareToFenced() {
        // JSON: both, wrapped differently (1/2). Line kind: single-line vs multi-line (0). Lines: 1 of 3 (1/3).
        // Markdown: one feature present, code blocks 0 vs 1 (0).
        #expect(abs(metric.score("{\"a\": 1}", "```json\n{\"a\": 1}\n```") - (0.5 + 0 + 1.0 / 3 + 0) / 4) < 1e-15)
    }

    @Test("hand-computed: a 3-row table against a 5-item bulleted list")
    func tableToList() {
        // Table: 5 non-blank lines, multi-line; list: 5 lines, multi-line. JSON 1, line kind 1, lines 5/5 = 1.
        // Markdown features present: bulleted items (0 vs 5), tables (1 vs 0), table rows (3 vs 0), table
        // columns (2 vs 0): all 0. Score (1 + 1 + 1 + 0)/4.
        let table = "| a | b |\n|---|---|\n| 1 | 2 |\n| 3 | 4 |\n| 5 | 6 |"
        #expect(metric.score(table, "- 1\n- 2\n- 3\n- 4\n- 5") == 0.75)
    }

    @Test("differences in words: form, lines, headings, table columns, code language")
    func differences() {
        let table = "| a | b |\n|---|---|\n| 1 | 2 |\n| 3 | 4 |\n| 5 | 6 |"
        #expect(FormatFeatures.differences(table, "a is 1, 3 and 5; b is 2, 4 and 6.") == ["was a 3-row table, now prose", "was 5 lines, now one line"])
        #expect(FormatFeatures.differences("positive", "The sentiment is positive.\nReason: praise.") == ["was a single token, now 2 lines"])
        #expect(FormatFeatures.differences("Refund", "Full refund") == [])  // a label in two words keeps its shape
        #expect(FormatFeatures.differences("Refund", "Refund, because she cancelled before May 1.") == ["was a single token, now one line"])
        #expect(FormatFeatures.differences("{\"a\": 1}", "Here it is: {\"a\": 1}") == ["was bare JSON, now JSON inside prose"])
        #expect(FormatFeatures.differences("1. a\n2. b\n3. c", "- a\n- b") == ["was a 3-item numbered list, now a 2-item bulleted list"])
        #expect(FormatFeatures.differences("# A\n## B\n## C\ntext", "some text") == ["had 3 headings, now none", "was 4 lines, now one line"])
        #expect(FormatFeatures.differences("| a | b |\n|---|---|\n| 1 | 2 |", "| a | b | c |\n|---|---|---|\n| 1 | 2 | 3 |") == ["table had 2 columns, now 3"])
        #expect(FormatFeatures.differences("```swift\nlet a = 1\n```", "```python\na = 1\n```") == ["was a swift code block, now a python code block"])
        #expect(FormatFeatures.differences("```swift\nlet a = 1\n```\n```sh\nls\n```", "```\nlet a = 1\n```\n```sh\nls\n```") == ["code block was swift, now without a language"])
        #expect(FormatFeatures.differences("订单已发货 👍🏽", "您的订单已经发货") == [])
    }
}
