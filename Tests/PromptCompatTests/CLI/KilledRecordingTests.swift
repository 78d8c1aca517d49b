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

    @Test("every snapshot on disk after kill -9 is complete: all samples and its metadata", arguments: [150, 400, 900])
    func killMidRecording(afterMilliseconds delay: Int) async throws {
        // Each answer takes 20 ms (the whole run about 2 s) and differs per call, so a half-written snapshot would show.
        let counter = Counter()
        let fixture = try RunFixture(samples: 3) { message in
            .delayed(.milliseconds(20), RunFixture.completion("回答 \(counter.next()) ：\(message)\n第二行\n第三行"))
        }
        try fixture.write("prompts/bulk/many.json", Self.manyCasesPrompt(60))
        let (process, _, _) = try CLIProcess.start(["run", "--record", "all", "--quiet"], in: fixture.root)
        try await Task.sleep(for: .milliseconds(delay))
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        #expect(process.terminationReason == .uncaughtSignal)

        let store = SnapshotStore(root: fixture.snapshots)
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
        if delay >= 900 { #expect(complete > 0, "the kill should land after some snapshots were written") }
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
