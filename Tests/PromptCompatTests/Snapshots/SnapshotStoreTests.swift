import Foundation
import Testing
@testable import PromptCompat

/// The snapshot store: `snapshots/<provider>/<prompt id>/<case>/` with one `sample-N.txt` per sample and
/// a `meta.json`, replaced whole on every write, and never reachable outside its root.
@Suite("Snapshot store")
struct SnapshotStoreTests {
    let key = ScratchStore.key

    // MARK: - Write and load

    @Test("a written snapshot loads back equal: samples and every metadata field")
    func writeThenLoad() throws {
        let scratch = try ScratchStore()
        defer { scratch.delete() }
        let snapshot = Snapshot(samples: ["您好，订单 20240709 正在配送中。", "第一行\n第二行", "ends with a newline\n", ""], metadata: .init(
            provider: "local-a", model: "smollm2-135m-instruct",
            parameters: JSONObject([("temperature", 0), ("max_tokens", 64), ("stop", ["\n"])]),
            recordedAt: "2025-01-02T03:04:05Z",
            usage: [Usage(promptTokens: 12, completionTokens: 30), Usage(promptTokens: 12, completionTokens: 7)],
            latencySeconds: [0.25, 1.5], finishReasons: ["stop", nil]))

        try scratch.store.write(snapshot, for: key)

        #expect(try scratch.store.load(key) == snapshot)
    }

    @Test("no snapshot loads as nil")
    func missingSnapshotIsNil() throws {
        let scratch = try ScratchStore()
        defer { scratch.delete() }
        #expect(try scratch.store.load(key) == nil)
    }

    @Test("a case folder with meta.json but no sample is a missing snapshot, not an empty accepted answer")
    func metaWithoutSamplesIsMissing() throws {
        let scratch = try ScratchStore()
        defer { scratch.delete() }
        try scratch.store.write(Snapshot(samples: ["您好"], metadata: .init(provider: "local-a", model: "m", parameters: JSONObject())), for: key)
        let folder = try scratch.store.directory(for: key)
        try FileManager.default.removeItem(at: folder.appendingPathComponent("sample-1.txt"))
        #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("meta.json").path))
        #expect(try scratch.store.load(key) == nil)
        try scratch.store.write(Snapshot(samples: ["再次录制"], metadata: .init(provider: "local-a", model: "m", parameters: JSONObject())), for: key)
        #expect(try scratch.store.load(key)?.samples == ["再次录制"])
    }

    @Test("a sample that is not UTF-8 is an error naming the file and the byte offset, not a Foundation error dump")
    func nonUTF8SampleNamesFileAndOffset() throws {
        let scratch = try ScratchStore()
        defer { scratch.delete() }
        try scratch.store.write(Snapshot(samples: ["您好"], metadata: .init(provider: "local-a", model: "m", parameters: JSONObject())), for: key)
        let sample = try scratch.store.directory(for: key).appendingPathComponent("sample-1.txt")
        try Data([0xE6, 0x82, 0xA8, 0x41, 0xFF, 0x42]).write(to: sample)
        do {
            _ = try scratch.store.load(key)
            Issue.record("a non-UTF-8 sample loaded")
        } catch {
            #expect(error.description.contains("sample-1.txt:1:3: error: the file is not UTF-8: byte 0xFF at offset 4"), "\(error)")
            #expect(!error.description.contains("NSCocoaErrorDomain"))
        }
    }

    @Test("leftovers of killed writes are listed, and tidied: a swapped-out snapshot without its case folder comes back, the rest goes")
    func interruptedWritesAreTidied() throws {
        let scratch = try ScratchStore()
        defer { scratch.delete() }
        try scratch.store.write(Snapshot(samples: ["已接受"], metadata: .init(provider: "local-a", model: "m", parameters: JSONObject())), for: key)
        let folder = try scratch.store.directory(for: key)
        let parent = folder.deletingLastPathComponent()
        let fm = FileManager.default
        // A kill between "move the accepted folder away" and "move the new one in": only .replaced- is left.
        let replaced = parent.appendingPathComponent(".\(key.caseName).replaced-1a2b3c4d")
        try fm.moveItem(at: folder, to: replaced)
        let staging = parent.appendingPathComponent(".\(key.caseName).staging-5e6f7a8b")
        try fm.createDirectory(at: staging, withIntermediateDirectories: false)
        try Data("半".utf8).write(to: staging.appendingPathComponent("sample-1.txt"))
        #expect(scratch.store.interruptedWrites().map(\.lastPathComponent) == [replaced.lastPathComponent, staging.lastPathComponent])
        #expect(scratch.store.tidyInterruptedWrites().isEmpty, "just written: maybe another run's write in progress")
        let done = scratch.store.tidyInterruptedWrites(olderThan: 0)
        #expect(done.count == 2)
        #expect(scratch.store.interruptedWrites().isEmpty)
        #expect(try scratch.store.load(key)?.samples == ["已接受"])
        #expect(!fm.fileExists(atPath: staging.path))
    }

    @Test("each sample is its own .txt file holding the text as lines, beside a pretty meta.json")
    func onDiskLayout() throws {
        let scratch = try ScratchStore()
        defer { scratch.delete() }

        try scratch.store.write(ScratchStore.snapshot(["第一行\n第二行", "one line"]), for: key)

        let folder = scratch.root.appendingPathComponent("local-a/support/refund-reply/late")
        #expect(try scratch.store.directory(for: key).path == folder.path)
        #expect(scratch.names(in: folder) == ["meta.json", "sample-1.txt", "sample-2.txt"])
        #expect(try scratch.text(folder.appendingPathComponent("sample-1.txt")) == "第一行\n第二行\n")
        #expect(try scratch.text(folder.appendingPathComponent("sample-2.txt")) == "one line\n")
        let meta = try scratch.text(folder.appendingPathComponent("meta.json"))
        #expect(meta.hasPrefix("{\n  \"provider\": \"local-a\",\n  \"model\": \"model-a\",\n  \"recordedAt\": \"2025-01-02T03:04:05Z\",\n  \"parameters\": {\n    \"temperature\": 0,\n    \"max_tokens\": 64\n  },"))
    }

    @Test("overwriting replaces the whole folder: three samples replaced by one leave no sample-2 or sample-3")
    func overwriteReplacesWholeFolder() throws {
        let scratch = try ScratchStore()
        defer { scratch.delete() }
        try scratch.store.write(ScratchStore.snapshot(["a", "b", "c"]), for: key)

        try scratch.store.write(ScratchStore.snapshot(["only"]), for: key)

        #expect(try scratch.store.load(key) == ScratchStore.snapshot(["only"]))
        #expect(scratch.names(in: try scratch.store.directory(for: key)) == ["meta.json", "sample-1.txt"])
        #expect(scratch.names(in: try scratch.parent()) == ["late"], "no staging or replaced folder is left behind")
    }

    @Test("a snapshot removed is gone")
    func removeDeletes() throws {
        let scratch = try ScratchStore()
        defer { scratch.delete() }
        try scratch.store.write(ScratchStore.snapshot(["a"]), for: key)

        try scratch.store.remove(key)

        #expect(try scratch.store.load(key) == nil)
        #expect(scratch.store.allKeys().isEmpty)
    }

    @Test("an unreadable meta.json is an error naming the snapshot")
    func corruptMetadataThrows() throws {
        let scratch = try ScratchStore()
        defer { scratch.delete() }
        try scratch.store.write(ScratchStore.snapshot(["a"]), for: key)
        try Data("{ broken".utf8).write(to: scratch.store.directory(for: key).appendingPathComponent("meta.json"))

        let error = try #require(throws: SnapshotError.self) { try scratch.store.load(key) }
        #expect(error.key == key)
        #expect(error.description.hasPrefix("snapshot local-a/support/refund-reply/late: cannot read "))
    }

    // MARK: - Leftovers of killed runs

    @Test("a leftover staging folder from a killed write is ignored by load and allKeys, and cleared by the next write")
    func leftoverStagingIgnored() throws {
        let scratch = try ScratchStore()
        defer { scratch.delete() }
        try scratch.store.write(ScratchStore.snapshot(["accepted"]), for: key)
        let staging = try scratch.parent().appendingPathComponent(".late.staging-DEADBEEF")
        try scratch.copy(try scratch.store.directory(for: key), to: staging)
        try Data("half-written\n".utf8).write(to: staging.appendingPathComponent("sample-1.txt"))

        #expect(try scratch.store.load(key) == ScratchStore.snapshot(["accepted"]))
        #expect(scratch.store.allKeys() == [key])

        try scratch.store.write(ScratchStore.snapshot(["next"]), for: key)
        #expect(scratch.names(in: try scratch.parent()) == ["late"])
    }

    @Test("a staging folder left by a killed first write means no snapshot yet")
    func stagingWithoutCaseFolderIsNoSnapshot() throws {
        let scratch = try ScratchStore()
        defer { scratch.delete() }
        let template = try ScratchStore()
        defer { template.delete() }
        try template.store.write(ScratchStore.snapshot(["never accepted"]), for: key)
        try scratch.copy(try template.store.directory(for: key), to: try scratch.parent().appendingPathComponent(".late.staging-0BADF00D"))

        #expect(try scratch.store.load(key) == nil)
        #expect(scratch.store.allKeys().isEmpty)
    }

    @Test("a killed swap (case folder gone, .<case>.replaced-… present) is rolled back by load")
    func killedSwapRolledBack() throws {
        let scratch = try ScratchStore()
        defer { scratch.delete() }
        try scratch.store.write(ScratchStore.snapshot(["old 1", "old 2"]), for: key)
        let replaced = try scratch.parent().appendingPathComponent(".late.replaced-1234ABCD")
        try scratch.move(try scratch.store.directory(for: key), to: replaced)

        #expect(try scratch.store.load(key) == ScratchStore.snapshot(["old 1", "old 2"]))
        #expect(scratch.names(in: try scratch.parent()) == ["late"])
        #expect(scratch.store.allKeys() == [key])
    }

    // MARK: - Names

    @Test("a key whose names would leave the store is refused, and nothing is written", arguments: [
        (SnapshotKey(provider: "local-a", promptID: "../x", caseName: "late"), #"prompt id "../x" has a segment ".." that is "..", which would leave its folder"#),
        (SnapshotKey(provider: "..", promptID: "support/refund-reply", caseName: "late"), #"provider name ".." is "..", which would leave its folder"#),
        (SnapshotKey(provider: "local-a", promptID: "support/refund-reply", caseName: "a\u{0}b"), "case name \"a\u{0}b\" may only contain A-Z a-z 0-9 - _ ."),
        (SnapshotKey(provider: "local-a", promptID: "/etc/passwd", caseName: "late"), #"prompt id "/etc/passwd" is an absolute path"#),
        (SnapshotKey(provider: "local-a", promptID: "support", caseName: "../../escape"), #"case name "../../escape" starts with ".""#),
        (SnapshotKey(provider: "local-a", promptID: "support", caseName: ".late.replaced-1"), #"case name ".late.replaced-1" starts with ".""#),
    ])
    func escapingNamesRefused(key: SnapshotKey, message: String) throws {
        let scratch = try ScratchStore()
        defer { scratch.delete() }

        let writeError = try #require(throws: SnapshotError.self) { try scratch.store.write(ScratchStore.snapshot(["x"]), for: key) }
        #expect(writeError.message == message)
        #expect(writeError.key == key)
        #expect(throws: SnapshotError.self) { try scratch.store.load(key) }
        #expect(throws: SnapshotError.self) { try scratch.store.remove(key) }
        #expect(scratch.names(in: scratch.root).isEmpty)
        #expect(scratch.names(in: scratch.sandbox) == ["store"])
    }

    // MARK: - Keys

    @Test("allKeys lists every snapshot, nested prompt ids included, sorted by provider, prompt, case")
    func allKeysSorted() throws {
        let scratch = try ScratchStore()
        defer { scratch.delete() }
        let keys = [
            SnapshotKey(provider: "qwen", promptID: "a", caseName: "x"),
            SnapshotKey(provider: "local-a", promptID: "support/refund-reply", caseName: "very-late"),
            SnapshotKey(provider: "local-a", promptID: "support/refund-reply", caseName: "late"),
            SnapshotKey(provider: "local-a", promptID: "deep/er/prompt", caseName: "c"),
        ]
        for key in keys { try scratch.store.write(ScratchStore.snapshot(["s"]), for: key) }

        #expect(scratch.store.allKeys() == [keys[3], keys[2], keys[1], keys[0]])
        #expect(scratch.store.allKeys().map(\.description) == [
            "local-a/deep/er/prompt/c", "local-a/support/refund-reply/late", "local-a/support/refund-reply/very-late", "qwen/a/x",
        ])
    }

    @Test("a store reached through a symbolic link lists its snapshots")
    func symlinkedStoreListsKeys() throws {
        let scratch = try ScratchStore()
        defer { scratch.delete() }
        try scratch.store.write(ScratchStore.snapshot(["s"]), for: key)
        let link = scratch.sandbox.appendingPathComponent("link")
        try FileManager.default.createSymbolicLink(at: link, withDestinationURL: scratch.root)
        let linked = SnapshotStore(root: link)

        #expect(try linked.load(key) == ScratchStore.snapshot(["s"]))
        #expect(linked.allKeys() == [key])
    }

    @Test("a linked folder inside the store that leads outside it is refused: nothing is written or removed there")
    func linkLeavingTheStoreIsRefused() throws {
        let scratch = try ScratchStore()
        defer { scratch.delete() }
        let elsewhere = scratch.sandbox.appendingPathComponent("elsewhere")
        try FileManager.default.createDirectory(at: elsewhere, withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(at: scratch.root.appendingPathComponent("local-a"), withDestinationURL: elsewhere)

        let error = try #require(throws: SnapshotError.self) { try scratch.store.write(ScratchStore.snapshot(["s"]), for: key) }

        #expect(error.message.contains("outside the snapshot folder") && error.message.contains("replace the link with a folder"))
        #expect(scratch.names(in: elsewhere).isEmpty)
        try FileManager.default.createDirectory(at: elsewhere.appendingPathComponent("support/refund-reply/late"), withIntermediateDirectories: true)
        #expect(throws: SnapshotError.self) { try scratch.store.remove(key) }
        #expect(FileManager.default.fileExists(atPath: elsewhere.appendingPathComponent("support/refund-reply/late").path))
    }

    @Test("a linked folder inside the store that stays inside it is written through")
    func linkInsideTheStoreIsWritten() throws {
        let scratch = try ScratchStore()
        defer { scratch.delete() }
        let real = scratch.root.appendingPathComponent("shared-a")
        try FileManager.default.createDirectory(at: real, withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(at: scratch.root.appendingPathComponent("local-a"), withDestinationURL: real)

        try scratch.store.write(ScratchStore.snapshot(["s"]), for: key)

        #expect(try scratch.store.load(key) == ScratchStore.snapshot(["s"]))
        #expect(FileManager.default.fileExists(atPath: real.appendingPathComponent("support/refund-reply/late/sample-1.txt").path))
    }

    @Test("a snapshot whose case, prompt or provider the library no longer has is obsolete; a live one is not")
    func obsoleteKeys() throws {
        let library = try ScratchLibrary(files: ["support/refund-reply.json": ScratchLibrary.validPrompt])
        defer { library.delete() }
        let scratch = try ScratchStore()
        defer { scratch.delete() }
        let live = SnapshotKey(provider: "local-a", promptID: "support/refund-reply", caseName: "late")
        let liveOnAnother = SnapshotKey(provider: "qwen", promptID: "support/refund-reply", caseName: "late")
        let caseGone = SnapshotKey(provider: "local-a", promptID: "support/refund-reply", caseName: "renamed-case")
        let promptGone = SnapshotKey(provider: "local-a", promptID: "support/deleted", caseName: "late")
        let providerGone = SnapshotKey(provider: "gpt4-2023", promptID: "support/refund-reply", caseName: "late")
        for key in [live, liveOnAnother, caseGone, promptGone, providerGone] {
            try scratch.store.write(ScratchStore.snapshot(["s"]), for: key)
        }

        let obsolete = scratch.store.obsoleteKeys(in: try library.load())

        #expect(Set(obsolete) == [caseGone, promptGone, providerGone])
        #expect(obsolete == [providerGone, promptGone, caseGone])
    }
}
