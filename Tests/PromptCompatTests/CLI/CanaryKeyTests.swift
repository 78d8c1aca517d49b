import Foundation
import Testing
import PromptCompat
@testable import PromptCompatTesting
import PromptCompatTestSupport

/// What the loopback provider does at the moment: answer, reject the key, or fail — and, in the echo
/// modes, put the key it was sent into its error body, as some gateways do.
final class ProviderBehaviour: Sendable {
    enum Mode: Sendable { case answer, unauthorized, serverError, unauthorizedEchoingKey(String), serverErrorEchoingHeaders(String), answerEchoingKey(String) }
    private let lock = NSLock()
    nonisolated(unsafe) private var mode = Mode.answer

    func set(_ mode: Mode) { lock.withLock { self.mode = mode } }

    /// A 401 that, like real providers, does not echo the key back.
    static let unauthorizedBody = #"{"error":{"message":"Incorrect API key provided.","type":"invalid_request_error","code":"invalid_api_key"}}"#

    func respond(to message: String) -> ScriptedResponse {
        switch lock.withLock({ mode }) {
        case .answer: RunFixture.echo(message)
        case .unauthorized: .json(401, Self.unauthorizedBody)
        case .serverError: .text(500, "Internal Server Error")
        case .unauthorizedEchoingKey(let key): .json(401, #"{"error":{"message":"Incorrect API key provided: \#(key)","code":"invalid_api_key"}}"#)
        case .serverErrorEchoingHeaders(let key): .text(500, "upstream rejected the request\nAuthorization: Bearer \(key)\napi-key: \(key)\n")
        case .answerEchoingKey(let key): RunFixture.completion("您的订单已发货。(debug: request signed with \(key))")
        }
    }
}

/// Collects the text of every Swift Testing issue a check records.
final class IssueLog: Sendable {
    private let lock = NSLock()
    nonisolated(unsafe) private var texts: [String] = []
    var all: String { lock.withLock { texts.joined(separator: "\n") } }
    func add(_ issue: Issue) {
        let text = String(describing: issue) + "\n" + issue.comments.map(\.rawValue).joined(separator: "\n")
        lock.withLock { texts.append(text) }
    }
}

/// A unique fake API key: if it shows up anywhere but the `Authorization` header, the key leaked.
struct Canary {
    let id = UUID().uuidString.lowercased()
    var key: String { "sk-canary-\(id)" }

    /// Where the key (or its unique part, as a masked `sk-…<tail>` would show it) appears in `text`.
    func found(in text: String) -> Bool { text.contains(id) || text.contains(key) }

    /// Every file under `root` (and every file name) that holds the key, with the line it is on.
    func leaks(under root: URL) -> [String] {
        guard let files = FileManager.default.enumerator(at: root, includingPropertiesForKeys: [.isRegularFileKey]) else { return ["cannot list \(root.path)"] }
        var hits: [String] = []
        for case let file as URL in files {
            let relative = String(file.path.dropFirst(root.path.count))
            if found(in: relative) { hits.append("file name \(relative)") }
            guard (try? file.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true,
                  let data = try? Data(contentsOf: file) else { continue }
            let text = String(decoding: data, as: UTF8.self)
            if let line = text.split(separator: "\n").first(where: { found(in: String($0)) }) {
                hits.append("\(relative): \(line.prefix(300))")
            }
        }
        return hits
    }

    /// Every leak in the files under `root` and in a command's output, labelled by `step`.
    func leaks(after step: String, under root: URL, output: CLIProcess.Output? = nil) -> [String] {
        var hits = leaks(under: root).map { "\(step): \($0)" }
        if let output {
            if found(in: output.stdout) { hits.append("\(step): stdout: \(output.stdout)") }
            if found(in: output.stderr) { hits.append("\(step): stderr: \(output.stderr)") }
        }
        return hits
    }
}

@Suite("No API key in any report, snapshot, cache file, log or test issue: proved with a canary key")
struct CanaryKeyTests {
    /// A fixture whose provider plays `behaviour`, and an environment that keeps every file a child
    /// process might write (home, caches, temporary files) under the fixture root, where it is scanned.
    func setUp() throws -> (RunFixture, ProviderBehaviour, Canary, [String: String]) {
        let behaviour = ProviderBehaviour()
        let fixture = try RunFixture(answer: { behaviour.respond(to: $0) })
        let canary = Canary()
        var environment = ["STUB_API_KEY": canary.key]
        for (variable, folder) in [("HOME", "home"), ("XDG_CACHE_HOME", "home/.cache"), ("TMPDIR", "tmp")] {
            let directory = fixture.root.appendingPathComponent(folder)
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            environment[variable] = directory.path
        }
        return (fixture, behaviour, canary, environment)
    }

    /// The server got the key on every request: the scan is not vacuous.
    func expectKeySent(_ fixture: RunFixture, _ canary: Canary, atLeast count: Int, sourceLocation: SourceLocation = #_sourceLocation) {
        let requests = fixture.server.requests
        #expect(requests.count >= count, sourceLocation: sourceLocation)
        #expect(requests.allSatisfy { $0.header("Authorization") == "Bearer \(canary.key)" }, sourceLocation: sourceLocation)
    }

    @Test("the scan finds a planted key: in a nested file, in a file name, masked to its tail, and in output")
    func scanFindsAPlantedKey() throws {
        let (fixture, _, canary, _) = try setUp()
        #expect(canary.leaks(under: fixture.root).isEmpty)
        try fixture.write("reports/keyed/deep/log.txt", "line one\nAuthorization: Bearer \(canary.key)\n")
        try fixture.write("home/.cache/\(canary.id).db", "")
        let hits = canary.leaks(under: fixture.root)
        #expect(hits.contains("/reports/keyed/deep/log.txt: Authorization: Bearer \(canary.key)"))
        #expect(hits.contains("file name /home/.cache/\(canary.id).db"))
        #expect(canary.found(in: "key sk-…\(canary.id)"))
        let output = CLIProcess.Output(status: 0, stdout: "", stderr: "using \(canary.key)")
        #expect(canary.leaks(after: "step", under: fixture.root, output: output).contains("step: stderr: using \(canary.key)"))
    }

    @Test("the promptcompat binary records, compares, meets a 401 and a 500, and never writes or prints the key")
    func cliNeverLeaksTheKey() async throws {
        let (fixture, behaviour, canary, environment) = try setUp()
        var leaks: [String] = []
        func run(_ step: String, _ arguments: [String]) async throws -> CLIProcess.Output {
            let output = try await CLIProcess.run(arguments, in: fixture.root, environment: environment)
            leaks += canary.leaks(after: step, under: fixture.root, output: output)
            return output
        }

        let record = try await run("record", ["run", "--target", "keyed", "--record", "all"])
        #expect(record.status == 1, "recording is not a pass")
        #expect(record.stdout.contains("recorded 2 snapshots"))
        #expect(fixture.sample("keyed", "late") != nil)
        expectKeySent(fixture, canary, atLeast: 2)

        let compare = try await run("compare", ["run", "--target", "keyed", "--refresh"])  // --refresh: call, and keep the answers in the cache
        #expect(compare.status == 0)
        #expect(compare.stdout.contains("keyed: 100% ready"))
        expectKeySent(fixture, canary, atLeast: 4)

        behaviour.set(.unauthorized)
        let before401 = fixture.server.requests.count
        let unauthorized = try await run("401", ["run", "--target", "keyed", "--record", "never", "--refresh"])
        #expect(unauthorized.status == 1)
        let report401 = try String(contentsOf: fixture.root.appendingPathComponent("reports/keyed/report.md"), encoding: .utf8)
        #expect(report401.contains("STUB_API_KEY"), "the report names the variable, not its value")
        #expect(fixture.server.requests.count == before401 + 2, "a rejected key is not retried")

        behaviour.set(.serverError)
        let serverError = try await run("500", ["run", "--target", "keyed", "--record", "all", "--refresh"])
        #expect(serverError.status == 1)
        expectKeySent(fixture, canary, atLeast: before401 + 2 + 2)

        // Error bodies that echo the key and the request's headers: kept as evidence, redacted.
        behaviour.set(.unauthorizedEchoingKey(canary.key))
        let echoed401 = try await run("401 echoing the key", ["run", "--target", "keyed", "--record", "never", "--refresh"])
        #expect(echoed401.status == 1)
        behaviour.set(.serverErrorEchoingHeaders(canary.key))
        let echoed500 = try await run("500 echoing headers", ["run", "--target", "keyed", "--record", "never", "--refresh"])
        #expect(echoed500.status == 1)
        let results = try String(contentsOf: fixture.root.appendingPathComponent("reports/keyed/results.jsonl"), encoding: .utf8)
        #expect(results.contains("[redacted]"), "the evidence is kept, with the key taken out: \(results)")
        expectKeySent(fixture, canary, atLeast: before401 + 2 + 2 + 4)

        // A 200 whose answer echoes the key (a gateway's debug line): recorded, cached and reported without it.
        behaviour.set(.answerEchoingKey(canary.key))
        let echoedAnswer = try await run("200 echoing the key", ["run", "--target", "keyed", "--record", "all", "--refresh"])
        #expect(echoedAnswer.stdout.contains("recorded 2 snapshots"))
        #expect(fixture.sample("keyed", "late")?.contains("request signed with [redacted]") == true)
        behaviour.set(.answer)

        let providers = try await run("providers", ["providers"])
        #expect(providers.stdout.contains("STUB_API_KEY set"))

        // The scan covers every file a run writes: the reports (incl. report.html, junit.xml), the cache and
        // the history in .promptcompat, and the snapshots.
        let written = FileManager.default.subpaths(atPath: fixture.root.path) ?? []
        for file in ["reports/keyed/results.jsonl", "reports/keyed/report.json", "reports/keyed/report.md", "reports/keyed/report.html", "reports/keyed/junit.xml", ".promptcompat/history.jsonl"] {
            #expect(written.contains(file), "\(file) was not written, so it was not scanned")
        }
        #expect(written.contains { $0.hasPrefix(".promptcompat/cache/") && $0.hasSuffix(".json") }, "no cache entry was scanned")
        #expect(written.contains { $0.hasPrefix("snapshots/keyed/") && $0.hasSuffix("meta.json") }, "no snapshot was scanned")
        #expect(leaks.isEmpty, "the canary key leaked:\n\(leaks.joined(separator: "\n"))")
    }

    @Test("import of a gateway log holding keys in its error messages prints and writes none of them")
    func importNeverLeaksLoggedKeys() async throws {
        let (fixture, _, canary, environment) = try setUp()
        let logged = Canary()  // another team's key, in no variable here: found by its shape
        let request: JSONValue = ["model": "gpt-4o", "messages": [["role": "user", "content": "订单 20240709 到哪了？"]], "max_tokens": 60]
        let lines = [
            ["request": request, "status": 401, "response": ["error": ["message": .string("Incorrect API key provided: \(logged.key)"), "code": "invalid_api_key"]]],
            ["request": request, "status": 500, "response": ["error": ["message": .string("upstream said: Authorization: Bearer \(canary.key)")]]],
            ["request": request, "response": ["id": "c", "object": "chat.completion", "choices": [["index": 0, "message": ["role": "assistant", "content": .string("已发货。(signed \(canary.key))")], "finish_reason": "stop"]]]],
        ].map { JSONValue.object(JSONObject($0.map { ($0.key, $0.value) }.sorted { $0.0 < $1.0 })).serialized() }
        // The log lives outside the scanned folder: it holds the keys, of course.
        let log = FileManager.default.temporaryDirectory.appendingPathComponent("gateway-\(UUID().uuidString).jsonl")
        try Data((lines.joined(separator: "\n") + "\n").utf8).write(to: log)
        defer { try? FileManager.default.removeItem(at: log) }

        var leaks: [String] = []
        for arguments in [["import", log.path, "--dry-run"], ["import", log.path, "--keep-going"]] {
            let output = try await CLIProcess.run(arguments, in: fixture.root, environment: environment)
            #expect(output.stdout.contains("Incorrect API key provided: [redacted]"), "the skipped line is still shown: \(output.stdout)")
            let step = arguments.joined(separator: " ")
            leaks += canary.leaks(after: step, under: fixture.root, output: output) + logged.leaks(after: step, under: fixture.root, output: output)
        }
        let samples = (FileManager.default.subpaths(atPath: fixture.snapshots.path) ?? []).filter { $0.hasSuffix("sample-1.txt") }
        #expect(samples.count == 1, "the logged answer was imported: \(samples)")
        let sample = try samples.first.map { try String(contentsOf: fixture.snapshots.appendingPathComponent($0), encoding: .utf8) }
        #expect(sample == "已发货。(signed [redacted])\n")
        #expect(leaks.isEmpty, "a key leaked:\n\(leaks.joined(separator: "\n"))")
    }

    @Test("a swift test check records, passes, and reports a 401 and a 500 without the key in any issue or result")
    func testingIntegrationNeverLeaksTheKey() async throws {
        let (fixture, behaviour, canary, environment) = try setUp()
        // refresh: every check asks the provider (and the cache it fills is scanned too)
        let suite = PromptLibrarySuite(fixture.prompts.path, snapshots: fixture.snapshots.path, environment: environment.merging(["PROMPTCOMPAT_ANSWER_CACHE": "refresh"]) { $1 })
        let late = try #require(suite.cases.first { $0.caseName == "late" })
        let issues = IssueLog()

        await withKnownIssue {
            await suite.check(late, target: "keyed", record: .all)
        } matching: { issue in
            issues.add(issue)
            return issue.comments.map(\.rawValue).joined().contains("recorded 1 sample")
        }
        await suite.check(late, target: "keyed", record: .never)  // a pass: no issue at all
        expectKeySent(fixture, canary, atLeast: 2)

        behaviour.set(.unauthorized)
        await withKnownIssue {
            await suite.check(late, target: "keyed", record: .never)
        } matching: { issue in
            issues.add(issue)
            return issue.comments.map(\.rawValue).joined().contains("STUB_API_KEY")
        }
        behaviour.set(.serverError)
        await withKnownIssue {
            await suite.check(late, target: "keyed", record: .never)
        } matching: { issue in
            issues.add(issue)
            return issue.comments.map(\.rawValue).joined().contains("server-error")
        }
        expectKeySent(fixture, canary, atLeast: 4)
        #expect(!issues.all.isEmpty)
        #expect(!canary.found(in: issues.all), "the canary key is in a test issue:\n\(issues.all)")

        // What the check attaches (output, diff, provider response) comes from the case result: the
        // whole result, dumped field by field, must not hold the key either.
        for mode in [ProviderBehaviour.Mode.answer, .unauthorized, .serverError] {
            behaviour.set(mode)
            let runner = try SuiteRunner(library: fixture.library(), snapshots: fixture.snapshots, target: "keyed", record: .never, environment: environment)
            let result = await runner.run(filter: "late")[0]
            let dump = String(reflecting: result) + "\n" + FailureMessage.text(for: result) + "\n" + (result.failure?.evidence ?? "")
            #expect(!canary.found(in: dump), "the canary key is in the \(mode) case result:\n\(dump)")
        }
        let leaks = canary.leaks(under: fixture.root)
        #expect(leaks.isEmpty, "the canary key leaked:\n\(leaks.joined(separator: "\n"))")
    }
}
