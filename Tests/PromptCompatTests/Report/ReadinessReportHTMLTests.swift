import Foundation
import Testing
@testable import PromptCompat

@Suite("ReadinessReport.html: the self-contained report page")
struct ReadinessReportHTMLTests {
    @Test("the summary cards hold readiness, counts, cost per 1,000 calls, latency and the record policy")
    func summaryNumbers() throws {
        let html = try HTMLReportFixture.report().html()
        // 1 of 3 prompts ready (sentiment); refund-reply and tone-rewrite drifted → 33%.
        #expect(html.contains("<div class=\"big\">33% ready</div>"))
        #expect(html.contains("1 of 3 prompts ready"))
        #expect(html.contains("ready <b>1</b>") && html.contains("re-tune <b>2</b>") && html.contains("blocked <b>0</b>"))
        #expect(html.contains("pass <b>1</b>") && html.contains("drift <b>2</b>"))
        // Each case: (1000 × 4 + 500 × 12) / 1M = 0.01 CNY → 10 CNY per 1,000 calls.
        #expect(html.contains("10.0000 CNY"))
        // Latencies 1, 2, 3 s: nearest rank p50 = index round(0.5 × 2) = 1 → 2 s; p95 = index round(1.9) = 2 → 3 s.
        #expect(html.contains("<td>qwen</td><td>2.00 s</td><td>3.00 s</td>"))
        #expect(html.contains("CI is set: no snapshot is written"))
    }

    @Test("the prompt table lists every prompt with status and a link to its cases, worst first")
    func promptTable() throws {
        let html = try HTMLReportFixture.report().html()
        let refund = try #require(html.range(of: "<code>support/refund-reply</code></a>"))
        let sentiment = try #require(html.range(of: "<code>classify/sentiment</code></a>"))
        #expect(refund.lowerBound < sentiment.lowerBound)
        #expect(html.contains("<tr data-status=\"re-tune\" data-section=\"prompt-1\"><td class=\"id\"><a href=\"#prompt-1\">"))
        #expect(html.contains("<section class=\"prompt-cases\" id=\"prompt-1\">"))
    }

    @Test("a drifted Chinese case shows both sides with the changed characters in <del> and <ins>")
    func chineseDiff() throws {
        let html = try HTMLReportFixture.report().html()
        // 已发货 → 未发货 and 明天 → 后天, by hand.
        #expect(html.contains("<pre>您好，订单 20240709 <del>已</del>发货，预计<del>明</del>天送达。</pre>"))
        #expect(html.contains("<pre>您好，订单 20240709 <ins>未</ins>发货，预计<ins>后</ins>天送达。</pre>"))
        #expect(html.contains("<details class=\"case\" open>"))
    }

    @Test("model output, reasons and request JSON are escaped: a <script> payload is text")
    func escapesPayloads() throws {
        let html = try HTMLReportFixture.report().html()
        #expect(html.contains("&lt;script&gt;document.title=&#39;pwned&#39;&lt;/script&gt;&lt;img src=x onerror=alert(1)&gt;"))
        #expect(!html.contains("<script>document.title"))
        #expect(!html.contains("<img"))
        #expect(html.contains("&lt;script&gt;alert(&#39;reason&#39;)&lt;/script&gt;"))
        #expect(html.contains("问题：hostile &lt;b&gt;bold&lt;/b&gt;"))
        // The page's own script is the only one.
        #expect(html.components(separatedBy: "<script").count == 2)
    }

    @Test("the page references nothing outside itself")
    func selfContained() throws {
        let html = try HTMLReportFixture.report().html()
        for reference in ["http://", "https://", "<link", "<script src", "@import", "url(", "<iframe", "<object"] {
            #expect(!html.contains(reference), "found \(reference)")
        }
        #expect(html.contains("Content-Security-Policy\" content=\"default-src 'none';"))
    }

    @Test("the Content-Security-Policy hash is the hash of the script the page carries")
    func scriptHash() throws {
        let html = try HTMLReportFixture.report().html()
        let start = try #require(html.range(of: "<script>"))
        let end = try #require(html.range(of: "</script>", range: start.upperBound..<html.endIndex))
        let script = String(html[start.upperBound..<end.lowerBound])
        let hash = "sha256-" + Data(SHA256.digest(Data(script.utf8))).base64EncodedString()
        #expect(html.contains("script-src '\(hash)'"))
    }

    @Test("a passing case is collapsed")
    func passingCollapsed() throws {
        let html = try HTMLReportFixture.report().html()
        #expect(html.contains("<details class=\"case\">\n<summary><span class=\"badge v-pass\">pass</span><b>positive</b>"))
    }

    @Test("a prompt's override note is shown once in its header, not again in every case")
    func overrideNoteOnce() throws {
        let note = "few-shot <示例> in the user turn"
        let results = ["one", "two"].map { name in
            var result = HTMLReportFixture.compared("classify/sentiment", name, .pass, accepted: "正面", output: "正面", score: 1, latency: 1)
            result.overrideNote = note
            return result
        }
        let html = ReadinessReport(library: try HTMLReportFixture.library(), target: "qwen", results: results).html()
        // Once in the table's "why" (a ready prompt has no reason, so the override is shown) and once in
        // the prompt's header: 2, not 4.
        #expect(html.components(separatedBy: "few-shot &lt;示例&gt; in the user turn").count - 1 == 2)
    }

    @Test("an empty report renders with 0% and says there is nothing")
    func emptyReport() throws {
        let html = ReadinessReport(library: try HTMLReportFixture.library(), target: "qwen", results: []).html()
        #expect(html.contains("0% ready"))
        #expect(html.contains("No prompts in this run."))
        #expect(html.contains("no cases in this run"))
        #expect(html.hasSuffix("</html>\n"))
    }

    @Test("a blocked case without output and a case without an accepted sample still render")
    func missingSides() throws {
        var blocked = CaseResult(promptID: "a", caseName: "blocked", target: "qwen", verdict: .blocked, reasons: ["safety-blocked: <refused>"])
        blocked.failure = ProviderFailure(.safetyBlocked(side: .input), "data inspection <failed>", status: 400, evidence: "{\"code\":\"DataInspectionFailed\"}")
        var unreferenced = CaseResult(promptID: "b", caseName: "first", target: "qwen", verdict: .missingSnapshot, reasons: ["no accepted snapshot at x"])
        unreferenced.output = "只有输出"
        let html = ReadinessReport(library: try HTMLReportFixture.library(), target: "qwen", results: [blocked, unreferenced]).html()
        #expect(html.contains("No output from qwen."))
        #expect(html.contains("data inspection &lt;failed&gt;"))
        #expect(html.contains("(HTTP 400)"))
        #expect(html.contains("{&quot;code&quot;:&quot;DataInspectionFailed&quot;}"))
        #expect(html.contains("(no accepted sample compared)</figcaption><pre>只有输出</pre>"))
    }
}
