import Foundation
import Testing
import PromptCompat
import PromptCompatTestSupport

/// A library with one case per ``Fault`` (`faults/plain` for the JSON target, `faults/stream` for the
/// streaming one), the accepted answer of every case already on disk, and a loopback provider that plays
/// each case's fault, chosen by the case's `fault` variable.
///
/// The suite config keeps the run short: a 1 s timeout (idle and first byte), 2 attempts with waits of
/// at most 0.2 s (a `Retry-After` too), 4 cases at once.
final class FaultFixture: Sendable {
    let root: URL
    let server: LoopbackServer
    let faults: [Fault]
    private let attempts = AttemptCounter()

    init(faults: [Fault] = Fault.library) throws {
        self.faults = faults
        let byName = Dictionary(uniqueKeysWithValues: faults.map { ($0.name, $0) })
        let attempts = attempts
        server = try LoopbackServer { request in
            let messages = (request.jsonBody?["messages"] as? [[String: Any]]) ?? []
            let name = (messages.last?["content"] as? String ?? "").replacingOccurrences(of: "fault: ", with: "")
            guard let fault = byName[name] else { return .text(404, "no fault \(name)") }
            return fault.respond(attempts.next(name))
        }
        root = FileManager.default.temporaryDirectory.appendingPathComponent("promptcompat-faults-\(UUID().uuidString)")
        try write("prompts/promptcompat.json", Self.config(baseURL: server.baseURL))
        for (id, streaming) in [("faults/plain", false), ("faults/stream", true)] where faults.contains(where: { $0.streaming == streaming }) {
            try write("prompts/\(id).json", Self.promptFile(faults.filter { $0.streaming == streaming }))
        }
        let store = SnapshotStore(root: snapshots)
        for fault in faults {
            let key = SnapshotKey(provider: "plain", promptID: fault.streaming ? "faults/stream" : "faults/plain", caseName: fault.name)
            try store.write(Snapshot(samples: [Fault.answer(for: fault.name)], metadata: .init(provider: "plain", model: "m", parameters: JSONObject())), for: key)
        }
    }

    deinit {
        server.stop()
        try? FileManager.default.removeItem(at: root)
    }

    var prompts: URL { root.appendingPathComponent("prompts") }
    var snapshots: URL { root.appendingPathComponent("snapshots") }

    static func config(baseURL: URL) -> String {
        """
        {
          "baseline": "plain",
          "defaults": {
            "similarity": 0.9, "timeoutSeconds": 1, "concurrency": 4,
            "retries": { "maxAttempts": 2, "baseDelaySeconds": 0.05, "maxDelaySeconds": 0.2, "budget": 100 }
          },
          "providers": {
            "plain": { "baseURL": "\(baseURL.absoluteString)", "model": "m" },
            "streamer": { "baseURL": "\(baseURL.absoluteString)", "model": "m", "stream": true }
          }
        }
        """
    }

    static func promptFile(_ faults: [Fault]) -> String {
        let cases = faults.map { #"{ "name": "\#($0.name)", "vars": { "fault": "\#($0.name)" } }"# }.joined(separator: ",\n    ")
        return """
            {
              "messages": [ { "role": "user", "content": "fault: {{fault}}" } ],
              "cases": [
                \(cases)
              ]
            }
            """
    }

    func write(_ path: String, _ text: String) throws {
        let file = root.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: file)
    }

    func runner(_ target: String) throws -> SuiteRunner {
        try SuiteRunner(library: PromptLibrary.load(from: prompts), snapshots: snapshots, target: target, record: .never, environment: [:])
    }

    /// Requests the server got for the case of `fault`.
    func calls(_ fault: String) -> Int { attempts.count(fault) }
}

/// Requests per fault name, so a fault can answer its first call differently from a retry.
final class AttemptCounter: Sendable {
    private let lock = NSLock()
    nonisolated(unsafe) private var counts: [String: Int] = [:]

    /// The 0-based attempt number of this request for `name`.
    func next(_ name: String) -> Int {
        lock.withLock {
            defer { counts[name, default: 0] += 1 }
            return counts[name, default: 0]
        }
    }

    func count(_ name: String) -> Int { lock.withLock { counts[name, default: 0] } }
}

/// Runs `body`, recording an issue and cancelling it when it takes longer than `seconds`; returns its
/// value, or nil after the deadline.
func withDeadline<T: Sendable>(
    _ seconds: Double, sourceLocation: SourceLocation = #_sourceLocation, _ body: @escaping @Sendable () async -> T
) async -> T? {
    await withTaskGroup(of: T?.self) { group in
        group.addTask { await body() }
        group.addTask {
            try? await Task.sleep(nanoseconds: UInt64(seconds * 1e9))
            return nil
        }
        let first = await group.next() ?? nil
        group.cancelAll()
        if first == nil { Issue.record("did not finish within \(seconds) s", sourceLocation: sourceLocation) }
        return first
    }
}
