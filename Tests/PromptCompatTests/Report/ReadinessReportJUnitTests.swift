import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
@testable import PromptCompat

@Suite("ReadinessReport.junitXML: JUnit XML that CI systems read back")
struct ReadinessReportJUnitTests {
    /// Everything an XML parser saw: the suites' attributes and each test case with its one child element.
    final class ParsedJUnit: NSObject, XMLParserDelegate {
        struct TestCase {
            var attributes: [String: String]
            var child: String?
            var childAttributes: [String: String] = [:]
            var childText = ""
        }

        var suites: [[String: String]] = []
        var root: [String: String] = [:]
        var properties: [String: String] = [:]
        var cases: [TestCase] = []
        var inChild = false

        func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]) {
            switch name {
            case "testsuites": root = attributes
            case "testsuite": suites.append(attributes)
            case "property": properties[attributes["name"] ?? ""] = attributes["value"]
            case "testcase": cases.append(TestCase(attributes: attributes))
            case "failure", "error", "skipped":
                cases[cases.count - 1].child = name
                cases[cases.count - 1].childAttributes = attributes
                inChild = true
            default: break
            }
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) {
            if inChild { cases[cases.count - 1].childText += string }
        }

        func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
            if ["failure", "error", "skipped"].contains(name) { inChild = false }
        }

        static func parse(_ xml: String) throws -> ParsedJUnit {
            let parsed = ParsedJUnit()
            let parser = XMLParser(data: Data(xml.utf8))
            parser.delegate = parsed
            let ok = parser.parse()
            try #require(ok, "not well-formed XML: \(parser.parserError.map { "\($0)" } ?? "?")")
            return parsed
        }
    }

    func library() throws -> PromptLibrary {
        let config = try SuiteConfig.decode("""
            { "baseline": "base", "providers": {
                "base": { "baseURL": "http://127.0.0.1:1/v1", "model": "b" },
                "qwen": { "baseURL": "http://127.0.0.1:2/v1", "model": "q" } } }
            """, file: "promptcompat.json")
        return PromptLibrary(root: URL(fileURLWithPath: "/tmp"), config: config, prompts: [], warnings: [])
    }

    func result(_ prompt: String, _ caseName: String, _ verdict: CaseVerdict, _ reasons: [String] = [], latency: Double? = nil) -> CaseResult {
        var result = CaseResult(promptID: prompt, caseName: caseName, target: "qwen", verdict: verdict, reasons: reasons)
        if let latency { result.completion = Completion(text: "x", latency: latency) }
        return result
    }

    /// A reason with every character XML treats specially, Chinese, and an escape character.
    let trickyReason = "output does not contain \"<b>&'订单号'\" \u{1B}[0m"

    func report() throws -> ReadinessReport {
        var drift = result("support/refund-reply", "late & <soon>", .drift, [trickyReason, "rouge-l similarity 0.10 is below the bar 0.30"], latency: 1.25)
        drift.comparison = CaseComparison(metric: "rouge-l", score: 0.1, threshold: 0.3, configuredThreshold: 0.3, noiseFloor: nil,
                                          assertionFailures: [], jsonDifferences: [], diff: "--- a\n+++ b\n-旧的 <x>\n+新的 & y")
        return ReadinessReport(library: try library(), target: "qwen", results: [
            result("classify/intent", "balance", .pass, latency: 0.5),
            result("classify/intent", "lost", .failed, ["output is not valid JSON"], latency: 0.25),
            drift,
            result("classify/sentiment", "neg", .blocked, ["safety-blocked (input side): 内容不安全 (HTTP 400)"]),
            result("classify/sentiment", "pos", .error, ["network: connection refused"]),
            result("classify/sentiment", "mixed", .missingSnapshot, ["no accepted snapshot at snapshots/base/x"]),
            result("classify/sentiment", "new", .recorded, ["recorded 1 sample to snapshots/qwen/x"], latency: 2),
        ])
    }

    @Test("one testsuite per target with the counts: drift, failed and blocked fail, error and missing-snapshot err, recorded is skipped")
    func counts() throws {
        let parsed = try ParsedJUnit.parse(try report().junitXML())
        #expect(parsed.suites.count == 1)
        let suite = try #require(parsed.suites.first)
        #expect(suite["name"] == "qwen")
        #expect(suite["tests"] == "7")
        #expect(suite["failures"] == "3")
        #expect(suite["errors"] == "2")
        #expect(suite["skipped"] == "1")
        // 0.5 + 1.25 + 0.25 + 2 seconds of answers.
        #expect(suite["time"] == "4.000")
        #expect(parsed.root["tests"] == "7" && parsed.root["failures"] == "3")
        #expect(parsed.properties["baseline"] == "base")
        let kinds = parsed.cases.map { "\($0.child ?? "-")/\($0.childAttributes["type"] ?? "")" }
        #expect(kinds == ["-/", "failure/failed", "failure/drift", "failure/blocked", "error/error", "error/missing-snapshot", "skipped/"])
    }

    @Test("classname is the prompt id, name the case, time the answer's latency")
    func names() throws {
        let parsed = try ParsedJUnit.parse(try report().junitXML())
        #expect(parsed.cases.map { $0.attributes["classname"] ?? "" } == ["classify/intent", "classify/intent", "support/refund-reply"] + Array(repeating: "classify/sentiment", count: 4))
        #expect(parsed.cases[2].attributes["name"] == "late & <soon>")
        #expect(parsed.cases.map { $0.attributes["time"] ?? "" } == ["0.500", "0.250", "1.250", "0.000", "0.000", "0.000", "2.000"])
    }

    @Test("<, &, quotes and Chinese survive the round trip; a control character becomes visible \\u001B text")
    func escaping() throws {
        let xml = try report().junitXML()
        let drift = try ParsedJUnit.parse(xml).cases[2]
        let expected = trickyReason.replacingOccurrences(of: "\u{1B}", with: "\\u001B")
        #expect(drift.childAttributes["message"] == expected)
        #expect(drift.childText.contains(expected))
        #expect(drift.childText.contains("rouge-l similarity 0.10 is below the bar 0.30"))
        #expect(drift.childText.contains("hint: "))
        #expect(drift.childText.contains("-旧的 <x>\n+新的 & y"))
        #expect(!xml.unicodeScalars.contains("\u{1B}"))
        #expect(xml.contains("订单号"), "Chinese is written as UTF-8, not as character references")
    }

    @Test("a line break inside an attribute is kept as a reference, not folded into a space")
    func attributeLineBreak() throws {
        let report = ReadinessReport(library: try library(), target: "qwen", results: [result("p", "c", .failed, ["line one\nline two"])])
        let parsed = try ParsedJUnit.parse(report.junitXML())
        #expect(parsed.cases.first?.childAttributes["message"] == "line one\nline two")
    }
}
