import Foundation
import Testing
@testable import PromptCompat

/// `write(to:)` streams report.json and report.html a prompt at a time; what lands on disk must be what the
/// in-memory renderings say, byte for byte.
@Suite("Report files written a prompt at a time")
struct ReadinessReportFilesTests {
    static func reports() throws -> [(String, ReadinessReport)] {
        var empty = ReadinessReport(library: try HTMLReportFixture.library(), target: "qwen", results: [])
        empty.generatedAt = "2026-01-02T03:04:05Z"
        return [("fixture", try HTMLReportFixture.report()), ("empty", empty)]
    }

    @Test("report.json on disk is json() pretty-printed, and report.html is html(), with nothing else left in the folder")
    func filesMatchRenderings() throws {
        for (name, report) in try Self.reports() {
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("promptcompat-files-\(UUID().uuidString)")
            defer { try? FileManager.default.removeItem(at: folder) }
            try report.write(to: folder)
            let json = try Data(contentsOf: folder.appendingPathComponent("report.json"))
            #expect(json == report.json().data(pretty: true), "\(name): report.json")
            #expect(try JSONValue(parsing: json) == report.json(), "\(name): report.json parses back")
            #expect(try String(contentsOf: folder.appendingPathComponent("report.html"), encoding: .utf8) == report.html(), "\(name): report.html")
            #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() == ["junit.xml", "report.html", "report.json", "report.md", "summary.md"])
        }
    }
}
