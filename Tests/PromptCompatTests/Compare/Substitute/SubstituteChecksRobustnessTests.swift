import Testing
@testable import PromptCompat

/// Every built-in check, on thousands of generated texts that mix CJK, digits, number words, near-facts,
/// list marks, colons, commas, kana, emoji and line breaks: no check crashes, and every reason is one line.
@Suite("Substitute checks: generated texts")
struct SubstituteChecksRobustnessTests {
    static let words = [
        "、", "，", ", ", " and ", "和", "：", ": ", "\n- ", "\n1. ", "百分之", "点", "十五", "一毛五", "九折", "8折", "晚八点",
        "fifteen", "thirty-first of July", "$1.2 million", "7.5K", "ten-day", "不超过70字", "一句话", "under 20 words", "只输出标签",
        "“正面”或“负面”", "positive/negative", "除外", "免费赠送", "[3]", "【1】", "Marco: ", "李工：", "待办", "Action items",
        "ご確認ください。", "Il suo ordine", "請", "惠", "[{\"name\":\"f\",\"arguments\":{}}]", "{\"tags\": [\"a\", \"b\"]}",
        "请耐心等待。请耐心等待。请耐心等待。", "哈哈哈哈", "|---|---|", "…", "**", "(", "（", ")", "7/25", "0点至6点", "15時",
    ]

    static func text(_ generator: inout FactTextGenerator) -> String {
        var text = ""
        for _ in 0..<(1 + generator.random.int(below: 10)) {
            text += generator.chance(50) ? generator.pick(words) : generator.text()
        }
        return text
    }

    @Test("3,000 generated comparisons: no crash, every reason one line")
    func generated() async {
        let problems = await onTheCPULane { () -> [String] in
            var generator = FactTextGenerator(seed: 14)
            var problems: [String] = []
            for _ in 0..<3_000 {
                let sample = Self.text(&generator), candidate = Self.text(&generator), prompt = Self.text(&generator)
                let input = SubstituteCheck.Input(samples: [sample], candidate: candidate, instructions: prompt)
                for finding in SubstituteCheck.findings(input) where finding.reason.contains("\n") || finding.reason.isEmpty {
                    problems.append("\(finding.check): \(finding.reason.debugDescription)")
                }
            }
            return problems
        }
        #expect(problems.isEmpty, "\(problems.prefix(5))")
    }
}
