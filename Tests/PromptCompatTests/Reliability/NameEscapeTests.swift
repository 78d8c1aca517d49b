import Foundation
import Testing
@testable import PromptCompat
import PromptCompatTestSupport

/// Names that would become paths — prompt ids, case names, provider names, a merged report's target, an
/// import prefix — with `../`, absolute paths, NUL, 300 characters or a reserved device name are refused
/// with a message that says what is wrong, and nothing is written outside its folder.
@Suite("Names that become paths cannot escape their folder")
struct NameEscapeTests {
    struct Hostile: Sendable, CustomTestStringConvertible {
        var name: String
        /// What the refusal says (part of SafeName's problem text).
        var saying: String
        var testDescription: String { name.count > 40 ? "\(name.prefix(20))… (\(name.count) characters)" : name.debugDescription }
    }

    static let hostile: [Hostile] = [
        Hostile(name: "../escape", saying: "starts with \".\""),
        Hostile(name: "a/../../escape", saying: "may only contain A-Z a-z 0-9 - _ ."),
        Hostile(name: "..", saying: "which would leave its folder"),
        Hostile(name: "/etc/passwd", saying: "may only contain A-Z a-z 0-9 - _ ."),
        Hostile(name: "a\u{0}b", saying: "may only contain A-Z a-z 0-9 - _ ."),
        Hostile(name: String(repeating: "a", count: 300), saying: "is longer than 128 characters"),
        Hostile(name: ".hidden", saying: "starts with \".\""),
        Hostile(name: "CON", saying: "is a reserved device name on Windows"),
        Hostile(name: "nul.txt", saying: "is a reserved device name on Windows"),
        Hostile(name: "lpt9", saying: "is a reserved device name on Windows"),
        Hostile(name: "trailing.", saying: "ends with \".\""),
        Hostile(name: "退款", saying: "may only contain A-Z a-z 0-9 - _ ."),
    ]

    @Test("SafeName refuses each hostile name and says why; ordinary names pass", arguments: hostile)
    func safeNameRefuses(_ hostile: Hostile) {
        #expect(SafeName.problem(with: hostile.name)?.contains(hostile.saying) == true, "\(SafeName.problem(with: hostile.name) ?? "accepted")")
        for fine in ["late-delivery", "gpt-4o_2024.v2", "console", "com10", "nul-case", "a.b"] {
            #expect(SafeName.problem(with: fine) == nil, "\(fine) was refused")
        }
    }

    @Test("a case name that would escape stops the library at $.cases[0].name", arguments: hostile)
    func caseNames(_ hostile: Hostile) throws {
        let fixture = try RunFixture()
        let name = JSONValue.string(hostile.name).serialized()  // NUL becomes \u0000, as a person would write it
        try fixture.write("prompts/evil.json", #"{ "messages": [ { "role": "user", "content": "hi" } ], "cases": [ { "name": \#(name) } ] }"#)
        let error = try #require(throws: PromptLibraryError.self) { try fixture.library() }
        let diagnostic = try #require(error.diagnostics.first { $0.file.hasSuffix("evil.json") })
        #expect(diagnostic.jsonPath == "$.cases[0].name")
        #expect(diagnostic.position != nil)
        #expect(diagnostic.message.hasPrefix("case name ") && diagnostic.message.contains(hostile.saying), "\(diagnostic)")
    }

    @Test("a provider name that would escape stops the suite config at $.providers.<name>", arguments: hostile)
    func providerNames(_ hostile: Hostile) throws {
        let name = JSONValue.string(hostile.name).serialized()
        let text = #"{ "baseline": "ok", "providers": { "ok": { "baseURL": "http://h/v1", "model": "m" }, \#(name): { "baseURL": "http://h/v1", "model": "m" } } }"#
        let error = try #require(throws: LibraryDiagnostic.self) { try SuiteConfig.decode(text, file: "promptcompat.json") }
        #expect(error.jsonPath?.hasPrefix("$.providers") == true && error.position != nil, "\(error)")
        #expect(error.message.hasPrefix("provider name ") && error.message.contains(hostile.saying), "\(error)")
    }

    @Test("a prompt id that would escape is refused before any file is read", arguments: ["../../etc/passwd", "/etc/passwd", "support/../../x", "support/CON", String(repeating: "p", count: 300)])
    func promptIDs(_ id: String) throws {
        let library = try RunFixture().library()
        let error = try #require(throws: LibraryDiagnostic.self) { try library.loadPrompt(id: id) }
        #expect(error.message.hasPrefix("prompt id "), "\(error)")
        #expect(SafeName.problem(withID: id) != nil)
    }

    @Test("snapshot keys with a hostile part are refused and nothing is written outside the store", arguments: hostile)
    func snapshotKeys(_ hostile: Hostile) throws {
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("promptcompat-names-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: scratch) }
        let store = SnapshotStore(root: scratch.appendingPathComponent("snapshots"))
        let snapshot = Snapshot(samples: ["x"], metadata: .init(provider: "p", model: nil, parameters: JSONObject()))
        for (key, part) in [
            (SnapshotKey(provider: hostile.name, promptID: "p", caseName: "c"), "provider name"),
            (SnapshotKey(provider: "p", promptID: "support/\(hostile.name)", caseName: "c"), "prompt id"),
            (SnapshotKey(provider: "p", promptID: "p", caseName: hostile.name), "case name"),
        ] {
            let error = try #require(throws: SnapshotError.self) { try store.write(snapshot, for: key) }
            #expect(error.message.hasPrefix(part), "\(error)")
            // "support//etc/passwd" has an empty segment, which is its first problem: the id's own words differ.
            if part != "prompt id" { #expect(error.message.contains(hostile.saying), "\(error)") }
        }
        #expect((try? FileManager.default.contentsOfDirectory(atPath: scratch.path)) ?? [] == [], "something was written")
    }

    @Test("report --merge refuses a results.jsonl whose target would put the merged report outside reports/")
    func mergeTarget() throws {
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("promptcompat-merge-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: scratch) }
        let file = scratch.appendingPathComponent("in/results.jsonl")
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        let result = CaseResult(promptID: "p", caseName: "c", target: "../../escaped", verdict: .pass, reasons: [])
        try Data((result.json.serialized() + "\n").utf8).write(to: file)
        let error = try #require(throws: ResultsMergeError.self) { try ResultsMerge.read([file]) }
        #expect(error.description.contains(#"the target "../../escaped""#) && error.description.contains("starts with \".\""), "\(error)")
    }

    @Test("import refuses a prefix or provider that would write outside the library", arguments: ["../outside", "/tmp/abs", "imported/../../x", "aux"])
    func importPrefix(_ prefix: String) throws {
        let fixture = try RunFixture()
        let library = try fixture.library()
        let plan = { () throws(LogImport.SetupError) -> ImportPlan in
            try LogImport.plan(GatewayLog(), library: library, provider: "stub", prefix: prefix, snapshots: SnapshotStore(root: fixture.snapshots), environment: [:])
        }
        let error = try #require(throws: LogImport.SetupError.self) { try plan() }
        #expect(error.description.hasPrefix("--prefix \"\(prefix)\""), "\(error)")
    }
}
