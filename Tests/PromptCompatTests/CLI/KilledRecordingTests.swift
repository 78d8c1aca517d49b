import Foundation
import Testing
import PromptCompat
import PromptCompatTestSupport
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

@Suite("A recording killed with SIGKILL leaves no partial snapshot")
struct KilledRecordingTests {
    /// A prompt with many cases, so the kill lands while snapshots are being written.
    static func manyCasesPrompt(_ count: Int) -> String {
        let cases = (1...count).map { #"{ "name": "case-\#($0)", "vars": { "n": "\#($0)" } }"# }.joined(separator: ",\n")
        return #"{ "messages": [ { "role": "user", "content": "第 {{n}} 号问题" } ], "cases": [ \#(cases) ] }"#
    }

    @Test("every snapshot on disk after kill -9 is complete: all samples and its metadata", arguments: [1, 5, 20])
    func killMidRecording(afterSnapshots written: Int) async throws {
        // Each answer takes 50 ms (the whole run about 5 s) and differs per call, so a half-written snapshot would show.
        let counter = Counter()
        let fixture = try RunFixture(samples: 3) { message in
            .delayed(.milliseconds(50), RunFixture.completion("回答 \(counter.next()) ：\(message)\n第二行\n第三行"))
        }
        try fixture.write("prompts/bulk/many.json", Self.manyCasesPrompt(60))
        let store = SnapshotStore(root: fixture.snapshots)
        let child = UncheckedBox(try CLIProcess.start(["run", "--record", "all", "--quiet"], in: fixture.root))
        // Kill once the recording is under way: wait for progress on disk, not for a time that a busy
        // test process may overshoot. A blocking wait on a thread of its own, so neither a starved task
        // pool delays it nor it starves the pool.
        let said = await offThePool {
            let (process, _, stderr) = child.value
            let deadline = Date().addingTimeInterval(30)
            while store.allKeys().count < written, process.isRunning, Date() < deadline { usleep(2_000) }
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            return String(decoding: stderr.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        }
        let process = child.value.0
        #expect(process.terminationReason == .uncaughtSignal, "the run ended by itself (status \(process.terminationStatus)) before the kill: \(said)")

        var complete = 0
        for key in store.allKeys() {
            let snapshot = try #require(try store.load(key), "\(key) has a meta.json but does not load")
            #expect(snapshot.samples.count == 3, "\(key) has \(snapshot.samples.count) samples")
            #expect(snapshot.samples.allSatisfy { $0.hasSuffix("第三行") }, "\(key) has a truncated sample")
            #expect(snapshot.metadata.latencySeconds.count == 3)
            complete += 1
        }
        // Case folders without meta.json would be half-written snapshots.
        let caseFolders = try FileManager.default.subpathsOfDirectory(atPath: fixture.snapshots.path)
            .filter { $0.split(separator: "/").count == 4 && !$0.split(separator: "/").last!.hasPrefix(".") }
        #expect(caseFolders.count == complete, "folders: \(caseFolders.count), complete snapshots: \(complete)")
        #expect(complete >= written, "the kill landed after \(written) snapshot(s) were written")
    }
}

/// A thread-safe counter for the loopback handler.
final class Counter: Sendable {
    private let lock = NSLock()
    nonisolated(unsafe) private var value = 0

    func next() -> Int {
        lock.withLock {
            value += 1
            return value
        }
    }
}
