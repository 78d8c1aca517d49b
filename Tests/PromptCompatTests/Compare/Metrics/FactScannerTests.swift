import Foundation
import Testing
@testable import PromptCompat

/// The scanner finds what the regular expressions it replaced find (``FactRegexOracle``), on every text
/// at hand and on generated ones: each pattern's own matches (ranges and capture groups, in UTF-16 as
/// NSRange has them, dropped ones included), the facts after the patterns' precedence (kind, text,
/// value, order) and the import's fact spans.
@Suite("Fact scanner: the same matches as the regular expressions it replaced")
struct FactScannerTests {
    /// What differs between the scanner and the oracle on `text`; nil when nothing does.
    static func difference(_ text: String) -> String? {
        let scanned = FactScanner.Text(text)
        for (index, pattern) in FactScanner.patterns.enumerated() {
            let expected = FactRegexOracle.rawMatches(of: index, in: text)
            let actual = pattern.matches(in: scanned).map { match in
                [scanned.utf16Range(match.range)] + match.groups.map { $0.map(scanned.utf16Range) }
            }
            if actual != expected { return "pattern \(index): scanner \(actual), regex \(expected)" }
            if !expected.isEmpty, !pattern.needs.allSatisfy({ !scanned.clues.isDisjoint(with: $0) }) {
                return "pattern \(index) matches, but the text lacks the characters it is said to need"
            }
        }
        let facts = FactExtractor.search(text), expectedFacts = FactRegexOracle.search(text)
        if facts != expectedFacts { return "facts: scanner \(facts), regex \(expectedFacts)" }
        let spans = ImportTokenizer.factSpans(in: text).map { "\($0.range) \($0.kind)" }
        let expectedSpans = FactRegexOracle.factSpans(in: text).map { "\($0.range) \($0.kind)" }
        if spans != expectedSpans { return "fact spans: scanner \(spans), regex \(expectedSpans)" }
        return nil
    }

    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../../../..").standardizedFileURL

    @Test("every baseline and target text of eval/labeled-pairs.jsonl")
    func labeledPairs() throws {
        let lines = try String(contentsOf: Self.repository.appendingPathComponent("eval/labeled-pairs.jsonl"), encoding: .utf8)
            .split(separator: "\n")
        var texts: [String] = []
        for line in lines {
            let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            texts += ["baseline", "target"].compactMap { object[$0] as? String }
        }
        #expect(texts.count == 2 * lines.count)
        for text in texts { #expect(Self.difference(text) == nil, "\(text.debugDescription)") }
    }

    @Test("every snapshot sample and prompt file of the example library")
    func exampleLibrary() throws {
        var files: [URL] = []
        for folder in ["snapshots", "prompts"] {
            let enumerator = try #require(FileManager.default.enumerator(at: Self.repository.appendingPathComponent(folder), includingPropertiesForKeys: nil))
            for case let file as URL in enumerator where file.lastPathComponent.hasPrefix("sample-") || file.pathExtension == "json" {
                files.append(file)
            }
        }
        #expect(files.filter { $0.lastPathComponent.hasPrefix("sample-") }.count >= 50)
        for file in files {
            let text = try String(contentsOf: file, encoding: .utf8)
            #expect(Self.difference(text) == nil, "\(file.path)")
        }
    }

    /// The texts of FactExtractorTimeTests and FactsPreservedTests, and the import tokenizer's example.
    static let factTestTexts = [
        "客服下午2:00上线", "今天14:00发货", "每天9:30开始发货", "晚上8:15前下单当天发", "上午10:00开抢", "今天14：00发货",
        "The store reopens at 2:00 PM.", "Pickup from 9:30 a.m.", "今天 14:00 发货", "Pickup opens at 12:30 AM.", "中午12:00开始配送",
        "营业时间25:00", "这款充电宝重180g", "接口平均响应1.5s", "容量10000mAh，支持20W快充", "重180克", "重180g", "order 20240709 is late",
        "SKU-123 is out of stock", "运单号SF1234567890", "领取优惠码888VIP",
        "共 1,299.00 件", "约 12.50", "发货日 2024-07-09", "发货日 2024/7/9", "于2024年7月9日发货", "shipped July 9, 2024.", "shipped 9 Jul 2024.",
        "7月9日发货", "价格¥299", "价格299元", "price RMB 299", "price $12.50", "增长15%", "订单号20240709001", "商品 SKU-123 缺货", "code abc123",
        "mail Support@Example.com now", "见 https://example.com/a?b=1。", "电话 +86 138-0013-8000", "电话 010-12345678",
        "1. 登录\n2、下单", "2024年7月9日", "2024年13月9日", "金额1,299.00元", "金额 ¥1299", "2024-07-09发货", "shipped on July 9, 2024",
        "电话13800138000", "call +86 138 0013 8000", "价格２９９元，增长１５％", "价格299元，增长15%", "共299件，15天内", "¥299，15%",
        "订单20240709001于2024年7月9日发货，共3件（3件已发），金额¥1,299.00。", "订单20240709001于2024年7月10日发货，金额1299元。",
        "2024年7月9日发货，¥299", "2024年7月10日发货，¥299", "价格¥1,299", "价格¥1,199，另收¥10", "同样的内容", "", "好的，明白了",
        "订单20240709001", "👍🏽¥299！👨‍👩‍👧", "café 15%", "cafe\u{301}，15％", "订单号：YX20240709001，2024年7月9日",
    ]

    @Test("the texts of the existing fact tests")
    func factTestLiterals() {
        for text in Self.factTestTexts { #expect(Self.difference(text) == nil, "\(text.debugDescription)") }
    }

    /// `PROMPTCOMPAT_FUZZ_ITERATIONS` raises the count (default 20,000, in four parallel shares).
    static let generatedCount = ProcessInfo.processInfo.environment["PROMPTCOMPAT_FUZZ_ITERATIONS"].flatMap(Int.init).map { max(4, $0) } ?? 20_000

    @Test("20,000 generated texts that stress every pattern's edges; a mismatch names its seed", arguments: 0..<4)
    func generated(share: Int) async {
        // Seconds of regex matching: on the CPU lane (a thread of its own, one heavy job at a time), not on
        // the cooperative pool (two threads on two cores) that the loopback tests running beside it need.
        let (mismatches, textsMatchedBy) = await onTheCPULane { Self.compareGenerated(share: share) }
        for mismatch in mismatches { Issue.record(Comment(rawValue: mismatch)) }
        // The texts reach every pattern: each matches in at least 1 of 200 texts.
        for (index, count) in textsMatchedBy.enumerated() {
            #expect(count * 200 >= Self.generatedCount / 4, "pattern \(index) matched in only \(count) texts")
        }
    }

    /// The first ten mismatches of one share of the generated texts, and how many texts each pattern matched.
    static func compareGenerated(share: Int) -> (mismatches: [String], textsMatchedBy: [Int]) {
        var mismatches: [String] = []
        var textsMatchedBy = Array(repeating: 0, count: FactScanner.patterns.count)
        for i in stride(from: share, to: generatedCount, by: 4) {
            let seed = 0xFAC7_5CA4 &+ UInt64(i)
            var generator = FactTextGenerator(seed: seed)
            let text = generator.text()
            for index in textsMatchedBy.indices where !FactRegexOracle.rawMatches(of: index, in: text).isEmpty { textsMatchedBy[index] += 1 }
            if let difference = difference(text) {
                mismatches.append("seed \(seed) (FactTextGenerator(seed: \(seed)).text()): \(text.debugDescription)\n\(difference)")
                if mismatches.count == 10 { break }
            }
        }
        return (mismatches, textsMatchedBy)
    }
}
