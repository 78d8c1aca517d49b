import Foundation
import Testing
@testable import PromptCompat

/// A run killed in the middle of `SnapshotStore.write` must never leave a partial snapshot.
///
/// A test cannot kill itself mid-write, so each test rebuilds, file by file, the on-disk state the write
/// sequence passes through and checks what `load` makes of it: the complete old snapshot or the complete
/// new one, never a mixture, never an error.
@Suite("Snapshot store crash safety")
struct SnapshotCrashSafetyTests {
    /// The steps of `write`, in order; a kill after a step leaves the state that step produced.
    enum Step: Int, CaseIterable, Comparable, Sendable, CustomTestStringConvertible {
        case stagingCreated, firstSampleStaged, allSamplesStaged, metadataStaged
        case oldMovedAside, newMovedIn, cleanupHalfDone, finished

        static func < (a: Step, b: Step) -> Bool { a.rawValue < b.rawValue }
        var testDescription: String { "killed after \(self)" }
    }

    let key = ScratchStore.key
    let old = ScratchStore.snapshot(["old answer 1", "old answer 2"])
    let new = ScratchStore.snapshot(["new answer 1", "new answer 2\nsecond line", "new answer 3"])

    /// Lays out in `scratch` what `write(new)` leaves when killed right after `step`; with `hasOld`, an
    /// accepted `old` snapshot was there before the write began.
    func simulate(killedAfter step: Step, hasOld: Bool, in scratch: ScratchStore) throws {
        let template = try ScratchStore()
        defer { template.delete() }
        try template.store.write(new, for: key)
        let complete = try template.store.directory(for: key)

        if hasOld { try scratch.store.write(old, for: key) }
        let parent = try scratch.parent()
        let directory = try scratch.store.directory(for: key)
        let staging = parent.appendingPathComponent(".late.staging-5EED1234")
        let replaced = parent.appendingPathComponent(".late.replaced-5EED1234")

        try FileManager.default.createDirectory(at: staging, withIntermediateDirectories: true)
        let stagedFiles: [String] = switch step {
        case .stagingCreated: []
        case .firstSampleStaged: ["sample-1.txt"]
        case .allSamplesStaged: ["sample-1.txt", "sample-2.txt", "sample-3.txt"]
        default: ["sample-1.txt", "sample-2.txt", "sample-3.txt", "meta.json"]
        }
        for name in stagedFiles {
            try scratch.copy(complete.appendingPathComponent(name), to: staging.appendingPathComponent(name))
        }
        if step >= .oldMovedAside, hasOld { try scratch.move(directory, to: replaced) }
        if step >= .newMovedIn { try scratch.move(staging, to: directory) }
        if step == .cleanupHalfDone, hasOld {
            try FileManager.default.removeItem(at: replaced.appendingPathComponent("sample-2.txt"))
        }
        if step == .finished, hasOld { try FileManager.default.removeItem(at: replaced) }
    }

    @Test("replacing a snapshot: a kill at any step loads the complete old or the complete new one", arguments: Step.allCases)
    func replacingIsAllOrNothing(step: Step) throws {
        let scratch = try ScratchStore()
        defer { scratch.delete() }
        try simulate(killedAfter: step, hasOld: true, in: scratch)

        let loaded = try scratch.store.load(key)

        #expect(loaded == old || loaded == new, "a mixture: \(String(describing: loaded?.samples))")
        #expect(loaded == (step < .newMovedIn ? old : new))
        #expect(scratch.store.allKeys() == [key])
    }

    @Test("a first write: a kill at any step loads nothing or the complete new snapshot",
          arguments: Step.allCases.filter { $0 != .oldMovedAside && $0 != .cleanupHalfDone })
    func firstWriteIsAllOrNothing(step: Step) throws {
        let scratch = try ScratchStore()
        defer { scratch.delete() }
        try simulate(killedAfter: step, hasOld: false, in: scratch)

        let loaded = try scratch.store.load(key)

        #expect(loaded == (step < .newMovedIn ? nil : new))
        #expect(scratch.store.allKeys() == (step < .newMovedIn ? [] : [key]))
    }

    @Test("after a kill at any step, the next write succeeds and is what loads", arguments: Step.allCases)
    func nextWriteRecovers(step: Step) throws {
        let scratch = try ScratchStore()
        defer { scratch.delete() }
        try simulate(killedAfter: step, hasOld: true, in: scratch)
        let newest = ScratchStore.snapshot(["newest"])

        try scratch.store.write(newest, for: key)

        #expect(try scratch.store.load(key) == newest)
        #expect(!scratch.names(in: try scratch.parent()).contains { $0.contains(".staging-") })
    }

    @Test("a snapshot removed after a killed write stays removed: the stale replaced folder is not resurrected")
    func removedStaysRemoved() throws {
        let scratch = try ScratchStore()
        defer { scratch.delete() }
        try simulate(killedAfter: .newMovedIn, hasOld: true, in: scratch)
        #expect(try scratch.store.load(key) == new)

        try scratch.store.remove(key)

        let loaded = try scratch.store.load(key)
        #expect(loaded == nil)
    }

    @Test("two killed writes in a row: load restores the latest accepted snapshot, not an older one")
    func latestAcceptedIsRestored() throws {
        let scratch = try ScratchStore()
        defer { scratch.delete() }
        // Write 1 (old → new) was killed before its cleanup; write 2 (new → newest) after moving `new` aside.
        try simulate(killedAfter: .newMovedIn, hasOld: true, in: scratch)
        let parent = try scratch.parent()
        try scratch.move(try scratch.store.directory(for: key), to: parent.appendingPathComponent(".late.replaced-0000AAAA"))
        let staging = parent.appendingPathComponent(".late.staging-0000AAAA")
        try FileManager.default.createDirectory(at: staging, withIntermediateDirectories: true)

        let loaded = try scratch.store.load(key)

        #expect(loaded == old || loaded == new, "a mixture: \(String(describing: loaded?.samples))")
        #expect(loaded == new)
    }
}
