import Foundation
import Testing
@testable import PromptCompat

@Suite("ResultsMerge: the results.jsonl of sharded runs put together")
struct ResultsMergeTests {
    let root = FileManager.default.temporaryDirectory.appendingPathComponent("promptcompat-merge-\(UUID().uuidString)")

    func line(_ prompt: String, _ caseName: String, target: String = "other", verdict: CaseVerdict = .pass) -> String {
        CaseResult(promptID: prompt, caseName: caseName, target: target, verdict: verdict, reasons: []).json.serialized()
    }

    /// Writes `lines` as `<root>/<path>/results.jsonl` and returns the file.
    @discardableResult
    func write(_ path: String, _ lines: [String]) throws -> URL {
        let file = root.appendingPathComponent(path).appendingPathComponent("results.jsonl")
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(lines.map { $0 + "\n" }.joined().utf8).write(to: file)
        return file
    }

    @Test("two shards' files give every case once, in library order, with the library's override note")
    func merges() throws {
        defer { try? FileManager.default.removeItem(at: root) }
        let fixture = try RunFixture()
        let a = try write("other/shard-1-of-2", [line("support/order-status", "lost", verdict: .drift)])
        let b = try write("other/shard-2-of-2", [line("support/order-status", "late")])
        let merge = try ResultsMerge.read([a, b])
        #expect(merge.target == "other")
        #expect(merge.missingShards.isEmpty)
        let ordered = merge.results(orderedBy: try fixture.library())
        // The prompt file lists late before lost.
        #expect(ordered.map(\.caseName) == ["late", "lost"])
        #expect(ordered.map(\.overrideNote) == ["shorter prompt for other", "shorter prompt for other"])
        #expect(ordered.map(\.verdict) == [.pass, .drift])
    }

    @Test("results of two targets are refused, naming the target of each file")
    func mixedTargets() throws {
        defer { try? FileManager.default.removeItem(at: root) }
        let a = try write("a", [line("p", "1", target: "qwen")])
        let b = try write("b", [line("p", "2", target: "glm")])
        let error = #expect(throws: ResultsMergeError.self) { try ResultsMerge.read([a, b]) }
        let text = error?.description ?? ""
        #expect(text.contains("qwen in \(PromptLibrary.displayPath(a))") && text.contains("glm in \(PromptLibrary.displayPath(b))"))
        #expect(text.contains("merge one target at a time"))
    }

    @Test("a case given twice is refused, naming both files and lines")
    func duplicates() throws {
        defer { try? FileManager.default.removeItem(at: root) }
        let a = try write("a", [line("p", "1"), line("p", "2")])
        let b = try write("b", [line("p", "3"), line("p", "2")])
        let error = #expect(throws: ResultsMergeError.self) { try ResultsMerge.read([a, b]) }
        #expect(error?.description == "1 case is in more than one file: p · 2 is in \(PromptLibrary.displayPath(a)):2 and in \(PromptLibrary.displayPath(b)):2 — give each shard's results once")
    }

    @Test("a line that is not a case stops the merge at file:line")
    func badLine() throws {
        defer { try? FileManager.default.removeItem(at: root) }
        let a = try write("a", [line("p", "1"), "{\"prompt\": \"p\""])
        let error = #expect(throws: ResultsMergeError.self) { try ResultsMerge.read([a]) }
        #expect(error?.description.hasPrefix("\(PromptLibrary.displayPath(a)):2: not a case line of results.jsonl:") == true)
    }

    @Test("an empty shard is fine next to others; nothing at all is an error")
    func emptyFiles() throws {
        defer { try? FileManager.default.removeItem(at: root) }
        let empty = try write("other/shard-1-of-2", [])
        let full = try write("other/shard-2-of-2", [line("p", "1")])
        #expect(try ResultsMerge.read([empty, full]).results.count == 1)
        #expect(throws: ResultsMergeError.self) { try ResultsMerge.read([empty]) }
    }

    @Test("a shard missing from shard-i-of-n folders is named")
    func missingShard() throws {
        defer { try? FileManager.default.removeItem(at: root) }
        let one = try write("other/shard-1-of-3", [line("p", "1")])
        let three = try write("other/shard-3-of-3", [line("p", "3")])
        #expect(try ResultsMerge.read([one, three]).missingShards == [try Shard(index: 2, count: 3)])
    }

    @Test("a folder's own results.jsonl wins; without one, every results.jsonl below it, sorted")
    func findsFiles() throws {
        defer { try? FileManager.default.removeItem(at: root) }
        let second = try write("artifacts/shard-2/other/shard-2-of-2", [])
        let first = try write("artifacts/shard-1/other/shard-1-of-2", [])
        let found = ResultsMerge.resultFiles(in: root.appendingPathComponent("artifacts"))
        #expect(found.map(\.lastPathComponent) == ["results.jsonl", "results.jsonl"])
        #expect(found.map { $0.deletingLastPathComponent().lastPathComponent } == ["shard-1-of-2", "shard-2-of-2"])
        #expect(ResultsMerge.resultFiles(in: first.deletingLastPathComponent()) == [first])
        #expect(ResultsMerge.resultFiles(in: second) == [second])
        #expect(ResultsMerge.resultFiles(in: root.appendingPathComponent("nowhere")).isEmpty)
    }
}
