import Foundation
@testable import PromptCompat

/// A snapshot store in a fresh temporary folder, with helpers to look at (and tamper with) what is on disk.
/// The store's root is `<sandbox>/store`, so a name escaping the store would land in the sandbox, where a
/// test can see it.
struct ScratchStore {
    let sandbox: URL
    let store: SnapshotStore
    var root: URL { store.root }

    static let key = SnapshotKey(provider: "local-a", promptID: "support/refund-reply", caseName: "late")

    init() throws {
        sandbox = FileManager.default.temporaryDirectory
            .appendingPathComponent("promptcompat-store-\(UUID().uuidString)", isDirectory: true)
        let root = sandbox.appendingPathComponent("store", isDirectory: true)
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        store = SnapshotStore(root: root)
    }

    func delete() { try? FileManager.default.removeItem(at: sandbox) }

    /// A snapshot whose samples are `texts`, with fixed metadata so two loads compare equal.
    static func snapshot(_ texts: [String], provider: String = "local-a") -> Snapshot {
        Snapshot(samples: texts, metadata: .init(
            provider: provider, model: "model-a", parameters: JSONObject([("temperature", 0), ("max_tokens", 64)]),
            recordedAt: "2025-01-02T03:04:05Z"))
    }

    /// The folder holding `key`'s case folder (`<root>/<provider>/<prompt id>`).
    func parent(of key: SnapshotKey = Self.key) throws -> URL {
        try store.directory(for: key).deletingLastPathComponent()
    }

    /// The names in `folder`, sorted, hidden ones included.
    func names(in folder: URL) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).sorted()
    }

    func text(_ file: URL) throws -> String { try String(contentsOf: file, encoding: .utf8) }

    func exists(_ url: URL) -> Bool { FileManager.default.fileExists(atPath: url.path) }

    /// Copies `source` to `destination`, creating the destination's parent folder.
    func copy(_ source: URL, to destination: URL) throws {
        try FileManager.default.createDirectory(at: destination.deletingLastPathComponent(), withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: source, to: destination)
    }

    func move(_ source: URL, to destination: URL) throws {
        try FileManager.default.moveItem(at: source, to: destination)
    }
}
