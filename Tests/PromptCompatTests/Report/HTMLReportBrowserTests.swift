import Foundation
import Testing
@testable import PromptCompat

/// `report.html` opened in a real browser: headless Chromium from Debian's packages (`scripts/test`
/// installs it with apt-get when it is missing). Skipped only on a developer machine without Chromium;
/// with `CI` set a missing Chromium fails the test.
@Suite("report.html in headless Chromium")
struct HTMLReportBrowserTests {
    static let chromium = HeadlessChromium.find()
    static let runs = chromium != nil || RecordPolicy.isCI(ProcessInfo.processInfo.environment)

    /// Writes the fixture report into a fresh folder and returns Chromium, the folder and the page.
    func prepared() throws -> (HeadlessChromium, URL, URL) {
        let chromium = try #require(Self.chromium, """
            CI is set but no Chromium binary (\(HeadlessChromium.names.joined(separator: ", "))) is on PATH: \
            scripts/test installs it with apt-get (apt-get install -y --no-install-recommends chromium)
            """)
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("promptcompat-html-\(UUID().uuidString)")
        let files = try HTMLReportFixture.report().write(to: folder)
        let page = try #require(files.first { $0.lastPathComponent == "report.html" })
        return (chromium, folder, page)
    }

    @Test("after the scripts ran, the DOM holds the summary and the Chinese diff, and the hostile output stayed text",
          .enabled(if: runs, "no Chromium on PATH and CI not set: skipped (scripts/test installs it)"))
    func dumpedDOM() async throws {
        let (chromium, folder, page) = try prepared()
        defer { try? FileManager.default.removeItem(at: folder) }
        let output = try await chromium.dumpDOM(page, in: folder)
        let dom = output.stdout
        try #require(output.status == 0 && dom.contains("</html>"), "chromium exited \(output.status): \(output.stderr.suffix(2000))")

        // The page's own script ran (it marks <html> with class "js") …
        #expect(dom.contains("<html lang=\"en\" class=\"js\">"))
        // … and the summary is there: 1 of 3 prompts ready.
        #expect(dom.contains("33% ready"))
        // The Chinese drift: 已 → 未 and 明 → 后, marked per character.
        #expect(dom.contains("<del>已</del>") && dom.contains("<ins>未</ins>"))
        #expect(dom.contains("<del>明</del>") && dom.contains("<ins>后</ins>"))
        // The hostile output is text in the DOM: serialized back with &lt; &gt;, and it did nothing.
        #expect(dom.contains("&lt;script&gt;document.title='pwned'&lt;/script&gt;&lt;img src=x onerror=alert(1)&gt;"))
        #expect(dom.contains("<title>Migration readiness: base → qwen</title>"))
        #expect(!dom.contains("<title>pwned</title>"))
        #expect(!dom.contains("<img src=\"x\""))
        #expect(!dom.contains("<img"))
    }

    @Test("a screenshot of the page is a real PNG of some size",
          .enabled(if: runs, "no Chromium on PATH and CI not set: skipped (scripts/test installs it)"))
    func screenshot() async throws {
        let (chromium, folder, page) = try prepared()
        defer { try? FileManager.default.removeItem(at: folder) }
        let png = folder.appendingPathComponent("report.png")
        let output = try await chromium.screenshot(page, to: png, in: folder)
        #expect(output.status == 0, "chromium exited \(output.status): \(output.stderr.suffix(2000))")
        let data = try Data(contentsOf: png)
        #expect(data.starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]), "not a PNG signature")
        // A 1280 × 1600 page of text is tens of kilobytes; a blank or failed render is a few hundred bytes.
        #expect(data.count > 10_000, "PNG is only \(data.count) bytes")
    }
}
