import Foundation
import Testing
import PromptCompat
import PromptCompatTestSupport
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// How the loopback provider answers right now: at once, after a pause, or not at all.
final class Pace: Sendable {
    enum Mode: Sendable { case fast, slow(milliseconds: Int), hang }
    private let lock = NSLock()
    nonisolated(unsafe) private var mode = Mode.fast

    func set(_ mode: Mode) { lock.withLock { self.mode = mode } }

    func respond(to message: String) -> ScriptedResponse {
        switch lock.withLock({ mode }) {
        case .fast: RunFixture.echo(message)
        case .slow(let milliseconds): .delayed(.milliseconds(milliseconds), RunFixture.echo(message))
        case .hang: .hang(holdFor: .seconds(30))
        }
    }
}

@Suite("Ctrl-C and SIGTERM during promptcompat run: what finished is kept, reported, and --resume runs only the rest")
struct InterruptResumeTests {
    /// 22 cases: the fixture's 2 plus 20 bulk ones, all with accepted snapshots recorded up front.
    static func fixture() async throws -> (RunFixture, Pace) {
        let pace = Pace()
        let fixture = try RunFixture { pace.respond(to: $0) }
        try fixture.write("prompts/bulk/many.json", KilledRecordingTests.manyCasesPrompt(20))
        let record = try await CLIProcess.run(["run", "--record", "missing", "--no-cache", "--quiet"], in: fixture.root)
        #expect(record.status == 1 && record.stdout.contains("recorded 22 snapshots"), "\(record.stdout)\(record.stderr)")
        try FileManager.default.removeItem(at: fixture.root.appendingPathComponent("reports/stub/results.jsonl"))  // progress is counted from here
        return (fixture, pace)
    }

    static let totalCases = 22

    /// The complete lines of results.jsonl, read back.
    static func finishedLines(_ fixture: RunFixture) -> [CaseResult] {
        let file = fixture.root.appendingPathComponent("reports/stub/results.jsonl")
        guard let text = try? String(contentsOf: file, encoding: .utf8) else { return [] }
        return text.split(separator: "\n").compactMap { try? CaseResult(json: JSONValue(parsing: String($0))) }
    }

    /// The user messages the server received from request `from` on: which cases were called.
    static func calledMessages(_ fixture: RunFixture, from start: Int) -> [String] {
        fixture.server.requests.dropFirst(start).compactMap { request in
            ((request.jsonBody?["messages"] as? [[String: Any]])?.last?["content"] as? String)
        }
    }

    /// Starts a run, waits until `lines` cases are in results.jsonl, sends `signal`, and waits (bounded) for the exit.
    static func interrupt(
        _ fixture: RunFixture, after lines: Int, with signal: Int32, environment: [String: String] = [:]
    ) async throws -> (output: CLIProcess.Output, seconds: Double) {
        let child = UncheckedBox(try CLIProcess.start(["run", "--record", "never", "--no-cache"], in: fixture.root, environment: environment))
        return await offThePool {
            let (process, out, err) = child.value
            let deadline = Date().addingTimeInterval(30)
            while finishedLines(fixture).count < lines, process.isRunning, Date() < deadline { usleep(5_000) }
            let signalled = Date()
            kill(process.processIdentifier, signal)
            let stdout = out.fileHandleForReading.readDataToEndOfFile()
            let stderr = err.fileHandleForReading.readDataToEndOfFile()
            process.waitUntilExit()
            let output = CLIProcess.Output(status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self), stderr: String(decoding: stderr, as: UTF8.self))
            return (output, Date().timeIntervalSince(signalled))
        }
    }

    @Test("SIGINT: in-flight cases finish, exit 130 with the count; --resume calls only the unfinished cases and reports every case once")
    func sigintThenResume() async throws {
        let (fixture, pace) = try await Self.fixture()
        pace.set(.slow(milliseconds: 250))
        let before = fixture.server.requests.count
        let (interrupted, _) = try await Self.interrupt(fixture, after: 4, with: SIGINT)

        #expect(interrupted.status == 130, "exit \(interrupted.status): \(interrupted.stderr)")
        let finished = Self.finishedLines(fixture)
        #expect(finished.count >= 4 && finished.count < Self.totalCases, "\(finished.count) cases finished")
        #expect(interrupted.stderr.contains("interrupted: \(finished.count) of \(Self.totalCases) cases finished; re-run with --resume to continue"), "\(interrupted.stderr)")
        #expect(finished.allSatisfy { $0.verdict == .pass }, "every finished line is a whole, judged case")
        // The grace period (5 s) outlasts a 250 ms answer: every case that was called finished and was logged.
        #expect(fixture.server.requests.count - before == finished.count)
        let report = try String(contentsOf: fixture.root.appendingPathComponent("reports/stub/report.md"), encoding: .utf8)
        #expect(report.contains("not run: the run was interrupted"), "the report marks the cases that did not run")
        #expect(report.contains("**interrupted: the cases that did not finish count as not run**"))
        #expect(interrupted.stdout.contains("stub: interrupted, "), "the stdout summary says so too: \(interrupted.stdout)")

        pace.set(.fast)
        let resumeStart = fixture.server.requests.count
        let resumed = try await CLIProcess.run(["run", "--record", "never", "--no-cache", "--resume"], in: fixture.root)
        #expect(resumed.status == 0, "exit \(resumed.status): \(resumed.stderr)")
        #expect(resumed.stderr.contains("\(finished.count) finished cases kept from reports/stub/results.jsonl"))
        let called = Self.calledMessages(fixture, from: resumeStart)
        #expect(called.count == Self.totalCases - finished.count, "resume called \(called.count) cases")
        let finishedMessages = Set(finished.compactMap { $0.request?.messages.last?.content })
        #expect(finishedMessages.count == finished.count)
        #expect(finishedMessages.isDisjoint(with: called), "a case finished before the interruption was called again")

        let all = Self.finishedLines(fixture)
        #expect(all.count == Self.totalCases)
        #expect(Set(all.map(\.displayName)).count == Self.totalCases, "every case once in results.jsonl")
        let json = try JSONValue(parsing: Data(contentsOf: fixture.root.appendingPathComponent("reports/stub/report.json")))
        let reported = (json["prompts"]?.arrayValue ?? []).flatMap { $0["cases"]?.arrayValue ?? [] }
        #expect(reported.count == Self.totalCases, "report.json has every case once")
        #expect(resumed.stdout.contains("stub: 100% ready (2/2 prompts)"))
    }

    @Test("SIGTERM with hanging calls: cancelled after the grace period, exit 143, only finished cases logged; --resume completes the run")
    func sigtermCancelsHangingCases() async throws {
        let (fixture, pace) = try await Self.fixture()
        pace.set(.slow(milliseconds: 100))
        let child = UncheckedBox(try CLIProcess.start(["run", "--record", "never", "--no-cache"], in: fixture.root, environment: ["PROMPTCOMPAT_INTERRUPT_GRACE": "0.5"]))
        let (stderr, seconds) = await offThePool {
            let (process, out, err) = child.value
            let deadline = Date().addingTimeInterval(30)
            while Self.finishedLines(fixture).count < 3, process.isRunning, Date() < deadline { usleep(2_000) }
            pace.set(.hang)  // the calls in flight now never answer
            usleep(300_000)
            let signalled = Date()
            kill(process.processIdentifier, SIGTERM)
            let stderr = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            _ = out.fileHandleForReading.readDataToEndOfFile()
            process.waitUntilExit()
            return (stderr, Date().timeIntervalSince(signalled))
        }
        let process = child.value.0

        #expect(process.terminationStatus == 143, "exit \(process.terminationStatus): \(stderr)")
        #expect(seconds < 10, "the run took \(seconds) s to stop with a 0.5 s grace period")
        let finished = Self.finishedLines(fixture)
        #expect(finished.count >= 3 && finished.count < Self.totalCases, "\(finished.count) cases finished")
        #expect(finished.allSatisfy { $0.verdict == .pass }, "no cancelled call was logged as a result")
        #expect(stderr.contains("SIGTERM: no new case starts; cases in flight get 0.5 s to finish"), "\(stderr)")
        #expect(stderr.contains("interrupted: \(finished.count) of \(Self.totalCases) cases finished"), "\(stderr)")

        pace.set(.fast)
        let resumed = try await CLIProcess.run(["run", "--record", "never", "--no-cache", "--resume"], in: fixture.root)
        #expect(resumed.status == 0, "exit \(resumed.status): \(resumed.stderr)")
        #expect(Set(Self.finishedLines(fixture).map(\.displayName)).count == Self.totalCases)
    }

    @Test("--resume skips a line cut by a crash and runs that case again (a filtered run, in its own folder)")
    func resumeSkipsATornLine() async throws {
        let (fixture, _) = try await Self.fixture()
        let first = try await CLIProcess.run(["run", "--record", "never", "--no-cache", "--filter", "support/"], in: fixture.root)
        #expect(first.status == 0)
        let file = fixture.root.appendingPathComponent("reports/stub/filtered/results.jsonl")
        let lines = try String(contentsOf: file, encoding: .utf8).split(separator: "\n")
        #expect(lines.count == 2)
        try Data((lines[0] + "\n" + lines[1].prefix(40)).utf8).write(to: file)  // the second line cut mid-way
        let start = fixture.server.requests.count
        let resumed = try await CLIProcess.run(["run", "--record", "never", "--no-cache", "--filter", "support/", "--resume"], in: fixture.root)
        #expect(resumed.status == 0)
        #expect(resumed.stderr.contains("reports/stub/filtered/results.jsonl:2: not a whole case line"), "\(resumed.stderr)")
        #expect(fixture.server.requests.count - start == 1, "only the case of the torn line runs again")
        #expect(try String(contentsOf: file, encoding: .utf8).split(separator: "\n").count == 2)
    }
}
