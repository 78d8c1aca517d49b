import Foundation
import Testing
@testable import PromptCompat

@Suite("HistoryChange and RunHistory: what changed since the target's last run")
struct HistoryChangeTests {
    func entry(_ statuses: [String: PromptStatus], at timestamp: String = "2026-11-23T11:10:06Z", target: String = "qwen") -> RunHistoryEntry {
        RunHistoryEntry(timestamp: timestamp, target: target, model: "qwen-plus", readiness: 0, statuses: statuses)
    }

    @Test("ready → not ready regresses, not ready → ready improves, anything else is a change; prompts in one run only are not compared")
    func classifies() {
        let previous = entry(["a": .ready, "b": .ready, "c": .retune, "d": .blocked, "e": .ready, "gone": .ready])
        let current = entry(["a": .retune, "b": .blocked, "c": .ready, "d": .retune, "e": .ready, "new": .blocked], at: "2026-11-24T09:00:00Z")
        let change = HistoryChange.between(previous: previous, current: current)
        #expect(change.previousRun == "2026-11-23T11:10:06Z")
        #expect(change.regressed == [.init(promptID: "a", from: .ready, to: .retune), .init(promptID: "b", from: .ready, to: .blocked)])
        #expect(change.improved == [.init(promptID: "c", from: .retune, to: .ready)])
        #expect(change.changed == [.init(promptID: "d", from: .blocked, to: .retune)])
    }

    @Test("the sentence names the previous run, counts and groups the moves")
    func sentence() {
        let previous = entry(["a": .ready, "b": .ready, "c": .retune, "x": .ready])
        let current = entry(["a": .retune, "b": .retune, "c": .ready, "x": .blocked])
        #expect(HistoryChange.between(previous: previous, current: current).sentence
            == "Since the last run (2026-11-23T11:10:06Z): 3 prompts regressed (ready → re-tune: a, b; ready → blocked: x), 1 improved (re-tune → ready: c).")
        let one = HistoryChange.between(previous: entry(["a": .ready]), current: entry(["a": .incomplete]))
        #expect(one.sentence == "Since the last run (2026-11-23T11:10:06Z): 1 prompt regressed (ready → incomplete: a), 0 improved.")
    }

    @Test("no previous run says first run; equal statuses say nothing changed")
    func firstAndUnchanged() {
        #expect(HistoryChange.between(previous: nil, current: entry(["a": .ready])).sentence == "First run for this target: nothing to compare with yet.")
        #expect(HistoryChange.between(previous: entry(["a": .ready]), current: entry(["a": .ready])).sentence
            == "Since the last run (2026-11-23T11:10:06Z): no prompt changed status.")
    }

    @Test("report.json's history lists the moves; null when the history was not looked up")
    func json() throws {
        let change = HistoryChange.between(previous: entry(["a": .ready]), current: entry(["a": .retune]))
        #expect(change.json["previousRun"] == "2026-11-23T11:10:06Z")
        #expect(change.json["regressed"] == [["prompt": "a", "from": "ready", "to": "re-tune"]])
        #expect(change.json["improved"] == [])
        let config = try SuiteConfig.decode(#"{ "baseline": "b", "providers": { "b": { "baseURL": "http://127.0.0.1:1/v1", "model": "m" } } }"#, file: "c.json")
        var report = ReadinessReport(library: PromptLibrary(root: URL(fileURLWithPath: "/tmp"), config: config, prompts: [], warnings: []), target: "b", results: [])
        #expect(report.json()["history"] == .null)
        report.sinceLastRun = change
        #expect(report.json()["history"] == change.json)
        #expect(report.markdown().contains("\n\n" + change.sentence + "\n"))
    }

    @Test("the history keeps the last 50 entries of each target, in order, and reads back what it wrote")
    func bounded() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("promptcompat-history-\(UUID().uuidString)/.promptcompat/history.jsonl")
        defer { try? FileManager.default.removeItem(at: file.deletingLastPathComponent().deletingLastPathComponent()) }
        let history = RunHistory(file: file)
        #expect(try history.last(for: "qwen") == nil)
        for run in 1...55 {
            try history.append(entry(["a": run.isMultiple(of: 2) ? .ready : .retune], at: "run-\(run)"))
            if run <= 3 { try history.append(entry(["a": .ready], at: "glm-\(run)", target: "glm")) }
        }
        let entries = try history.entries()
        // 55 qwen runs → the last 50 (run-6 … run-55); the 3 glm runs are all kept.
        #expect(entries.filter { $0.target == "qwen" }.map(\.timestamp) == (6...55).map { "run-\($0)" })
        #expect(entries.filter { $0.target == "glm" }.count == 3)
        #expect(try history.last(for: "qwen") == entry(["a": .retune], at: "run-55"))
    }

    @Test("the history file of a library is .promptcompat/history.jsonl in the library's parent folder")
    func location() {
        let history = RunHistory(libraryRoot: URL(fileURLWithPath: "/repo/prompts"))
        #expect(history.file.path == "/repo/.promptcompat/history.jsonl")
    }
}
