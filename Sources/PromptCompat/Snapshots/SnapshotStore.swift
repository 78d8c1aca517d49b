import Foundation

/// Where accepted outputs live: `snapshots/<provider>/<prompt id>/<case>/`, holding `sample-1.txt`,
/// `sample-2.txt`, … and `meta.json`.
///
/// A case folder is written whole or not at all: the new folder is staged beside the old one and
/// swapped in with renames, so a run killed mid-write leaves the previous snapshot (or none), never half.
///
/// ```swift
/// let store = SnapshotStore(root: URL(fileURLWithPath: "snapshots"))
/// try store.write(snapshot, for: SnapshotKey(provider: "local-smollm", promptID: "support/refund-reply", caseName: "late-delivery"))
/// let accepted = try store.load(SnapshotKey(provider: "local-smollm", promptID: "support/refund-reply", caseName: "late-delivery"))
/// ```
public struct SnapshotStore: Sendable {
    public var root: URL

    /// The root is resolved: FileManager's enumerator lists nothing under a symlinked root on Linux.
    public init(root: URL) { self.root = root.standardizedFileURL.resolvingSymlinksInPath() }

    /// The folder of one case's snapshot; refuses names that would leave the store.
    public func directory(for key: SnapshotKey) throws(SnapshotError) -> URL {
        URL(fileURLWithPath: try directoryPath(for: key), isDirectory: true)
    }

    /// ``directory(for:)`` as a path, joined as a string: a run loads a snapshot a case, and on Linux
    /// each `appendingPathComponent` costs more than reading the file.
    func directoryPath(for key: SnapshotKey) throws(SnapshotError) -> String {
        if let problem = SafeName.problem(with: key.provider) { throw SnapshotError(key: key, message: "provider name \"\(key.provider)\" \(problem)") }
        if let problem = SafeName.problem(withID: key.promptID) { throw SnapshotError(key: key, message: "prompt id \"\(key.promptID)\" \(problem)") }
        if let problem = SafeName.problem(with: key.caseName) { throw SnapshotError(key: key, message: "case name \"\(key.caseName)\" \(problem)") }
        let rootPath = root.path.hasSuffix("/") ? String(root.path.dropLast()) : root.path
        return "\(rootPath)/\(key.provider)/\(key.promptID)/\(key.caseName)"
    }

    /// The accepted snapshot, or `nil` when there is none. A half-finished swap from a killed run is
    /// rolled back first.
    public func load(_ key: SnapshotKey) throws(SnapshotError) -> Snapshot? {
        let directory = try directoryPath(for: key)
        let fm = FileManager.default
        let metaFile = directory + "/meta.json"
        // Read first, ask later: a missing meta.json is the rare case.
        var contents = fm.contents(atPath: metaFile)
        if contents == nil, !fm.fileExists(atPath: directory) {
            recoverReplaced(URL(fileURLWithPath: directory, isDirectory: true))
            contents = fm.contents(atPath: metaFile)
        }
        guard contents != nil || fm.fileExists(atPath: metaFile) else { return nil }
        do {
            let meta = try JSONValue(parsing: contents ?? Data(contentsOf: URL(fileURLWithPath: metaFile)))
            guard meta.objectValue != nil else {
                throw SnapshotError(key: key, message: "cannot read \(PromptLibrary.displayPath(URL(fileURLWithPath: metaFile))): $: expected an object, found \(meta.typeDescription)")
            }
            let count = (try? fm.contentsOfDirectory(atPath: directory))?.filter { $0.hasPrefix("sample-") && $0.hasSuffix(".txt") }.count ?? 0
            // meta.json without a sample is a broken snapshot, not an accepted empty answer: it loads as missing,
            // so the case is reported missing-snapshot and `--record missing` writes it again.
            guard count > 0 else { return nil }
            var samples: [String] = []
            for i in stride(from: 1, through: count, by: 1) {
                let file = "\(directory)/sample-\(i).txt"
                guard let data = fm.contents(atPath: file) else {
                    throw SnapshotError(key: key, message: "cannot read \(PromptLibrary.displayPath(URL(fileURLWithPath: file))): the samples must be numbered from sample-1.txt without a gap")
                }
                // Not UTF-8: the file and the byte, in words, not a Foundation error dump.
                let text: String
                do {
                    text = try LibraryDiagnostic.utf8Text(data, file: PromptLibrary.displayPath(URL(fileURLWithPath: file)))
                } catch {
                    throw SnapshotError(key: key, message: error.description)
                }
                samples.append(text.droppingFinalLineFeed)
            }
            return Snapshot(samples: samples, metadata: Snapshot.Metadata(json: meta))
        } catch let error as JSONSyntaxError {
            throw SnapshotError(key: key, message: "cannot read \(PromptLibrary.displayPath(URL(fileURLWithPath: metaFile))):\(error.position): \(error.message)")
        } catch let error as SnapshotError {
            throw error
        } catch {
            throw SnapshotError(key: key, message: "cannot read \(directory): \(error)")
        }
    }

    /// Writes the snapshot atomically, replacing any previous one for the key.
    public func write(_ snapshot: Snapshot, for key: SnapshotKey) throws(SnapshotError) {
        let directory = try directory(for: key)
        let fm = FileManager.default
        let parent = directory.deletingLastPathComponent()
        let token = UUID().uuidString.prefix(8)
        let staging = parent.appendingPathComponent(".\(key.caseName).staging-\(token)")
        let replaced = parent.appendingPathComponent(".\(key.caseName).replaced-\(token)")
        try refuseLinkOutside(directory, key: key)
        do {
            try fm.createDirectory(at: parent, withIntermediateDirectories: true)
            // A folder swapped out by a killed write is the accepted snapshot only while the case folder
            // is missing; once the case folder exists it is stale.
            if !fm.fileExists(atPath: directory.path) { recoverReplaced(directory) }
            removeLeftovers(of: key.caseName, in: parent, kind: "staging")
            removeLeftovers(of: key.caseName, in: parent, kind: "replaced")
            try fm.createDirectory(at: staging, withIntermediateDirectories: false)
            for (i, sample) in snapshot.samples.enumerated() {
                try Data((sample + "\n").utf8).write(to: staging.appendingPathComponent("sample-\(i + 1).txt"))
            }
            try snapshot.metadata.json.data(pretty: true).write(to: staging.appendingPathComponent("meta.json"))
            if fm.fileExists(atPath: directory.path) {
                try fm.moveItem(at: directory, to: replaced)
            }
            try fm.moveItem(at: staging, to: directory)
            try? fm.removeItem(at: replaced)
        } catch {
            try? fm.removeItem(at: staging)
            if !fm.fileExists(atPath: directory.path), fm.fileExists(atPath: replaced.path) {
                try? fm.moveItem(at: replaced, to: directory)
            }
            throw SnapshotError(key: key, message: "cannot write \(directory.path): \(error)")
        }
    }

    /// Deletes a case's snapshot: renamed away first (atomic), then deleted, with any leftovers of
    /// killed writes, so nothing can bring it back.
    public func remove(_ key: SnapshotKey) throws(SnapshotError) {
        let directory = try directory(for: key)
        let parent = directory.deletingLastPathComponent()
        let removed = parent.appendingPathComponent(".\(key.caseName).removed-\(UUID().uuidString.prefix(8))")
        try refuseLinkOutside(directory, key: key)
        do {
            try FileManager.default.moveItem(at: directory, to: removed)
            for kind in ["staging", "replaced", "removed"] { removeLeftovers(of: key.caseName, in: parent, kind: kind) }
        } catch {
            throw SnapshotError(key: key, message: "cannot remove \(directory.path): \(error)")
        }
    }

    /// Every snapshot in the store: each folder holding a `meta.json`.
    public func allKeys() -> [SnapshotKey] {
        let fm = FileManager.default
        guard let enumerator = fm.enumerator(at: root, includingPropertiesForKeys: nil, options: [.skipsHiddenFiles]) else { return [] }
        var keys: [SnapshotKey] = []
        for case let url as URL in enumerator where url.lastPathComponent == "meta.json" {
            let relative = url.deletingLastPathComponent().standardizedFileURL.path.dropFirst(root.path.count + 1)
            let parts = relative.split(separator: "/").map(String.init)
            guard parts.count >= 3 else { continue }
            keys.append(SnapshotKey(provider: parts[0], promptID: parts[1..<(parts.count - 1)].joined(separator: "/"), caseName: parts[parts.count - 1]))
        }
        return keys.sorted { ($0.provider, $0.promptID, $0.caseName) < ($1.provider, $1.promptID, $1.caseName) }
    }

    /// The leftovers of writes and removals a kill interrupted: hidden `.<case>.staging-*`, `.<case>.replaced-*`
    /// and `.<case>.removed-*` folders beside the case folders. `git add snapshots/` would commit them.
    public func interruptedWrites() -> [URL] {
        guard let enumerator = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil) else { return [] }
        var found: [URL] = []
        for case let url as URL in enumerator {
            let name = url.lastPathComponent
            guard name.hasPrefix("."), ["staging", "replaced", "removed"].contains(where: { name.contains(".\($0)-") }) else { continue }
            found.append(url)
            enumerator.skipDescendants()
        }
        return found.sorted { $0.path < $1.path }
    }

    /// Finishes what interrupted writes left: a swapped-out snapshot whose case folder is missing is put
    /// back (it is the accepted one); every other leftover — a half-written staging folder, a stale
    /// swapped-out or removed one — is deleted. Returns one line for each, for a person. A leftover touched
    /// in the last `olderThan` seconds may be another run's write in progress (parallel shards recording)
    /// and is left alone.
    @discardableResult
    public func tidyInterruptedWrites(olderThan age: TimeInterval = 60) -> [String] {
        let fm = FileManager.default
        var done: [String] = []
        for leftover in interruptedWrites() {
            let modified = (try? fm.attributesOfItem(atPath: leftover.path))?[.modificationDate] as? Date ?? .distantPast
            guard Date().timeIntervalSince(modified) >= age else { continue }
            let name = leftover.lastPathComponent
            let shown = PromptLibrary.displayPath(leftover)
            if let range = name.range(of: ".replaced-") {
                let caseFolder = leftover.deletingLastPathComponent().appendingPathComponent(String(name[name.index(after: name.startIndex)..<range.lowerBound]))
                if !fm.fileExists(atPath: caseFolder.path), (try? fm.moveItem(at: leftover, to: caseFolder)) != nil {
                    done.append("recovered \(PromptLibrary.displayPath(caseFolder)) from an interrupted write (\(name))")
                    continue
                }
            }
            if (try? fm.removeItem(at: leftover)) != nil { done.append("removed \(shown), left by an interrupted write") }
        }
        return done
    }

    /// Snapshots whose provider, prompt or case the library no longer has.
    public func obsoleteKeys(in library: PromptLibrary) -> [SnapshotKey] {
        allKeys().filter { key in
            guard library.config.provider(named: key.provider) != nil, let prompt = library.prompt(id: key.promptID) else { return true }
            return !prompt.cases.contains { $0.name == key.caseName }
        }
    }

    /// Throws when a case folder, or the deepest part of its path that exists, resolves outside the store:
    /// a linked folder inside `snapshots/` must not make a run write or delete somewhere else.
    func refuseLinkOutside(_ directory: URL, key: SnapshotKey) throws(SnapshotError) {
        var probe = directory
        while probe.path.count > root.path.count, !FileManager.default.fileExists(atPath: probe.path) {
            probe = probe.deletingLastPathComponent()
        }
        guard probe.path.count > root.path.count else { return }  // nothing below the root exists yet
        let real = probe.resolvingSymlinksInPath().path
        guard real != root.path, !real.hasPrefix(root.path + "/") else { return }
        throw SnapshotError(
            key: key,
            message: "\(PromptLibrary.displayPath(probe)) leads to \(real), outside the snapshot folder \(PromptLibrary.displayPath(root)) (a symbolic link); snapshots are written only inside it: replace the link with a folder"
        )
    }

    private func recoverReplaced(_ directory: URL) {
        let parent = directory.deletingLastPathComponent()
        let prefix = ".\(directory.lastPathComponent).replaced-"
        let leftovers = ((try? FileManager.default.contentsOfDirectory(atPath: parent.path)) ?? []).filter { $0.hasPrefix(prefix) }
        // After a write is killed mid-swap there is one; should there be several, the newest was the accepted one.
        func modified(_ name: String) -> Date {
            let attributes = try? FileManager.default.attributesOfItem(atPath: parent.appendingPathComponent(name).path)
            return attributes?[.modificationDate] as? Date ?? .distantPast
        }
        guard let newest = leftovers.max(by: { modified($0) < modified($1) }) else { return }
        try? FileManager.default.moveItem(at: parent.appendingPathComponent(newest), to: directory)
    }

    private func removeLeftovers(of caseName: String, in parent: URL, kind: String) {
        let prefix = ".\(caseName).\(kind)-"
        for name in (try? FileManager.default.contentsOfDirectory(atPath: parent.path)) ?? [] where name.hasPrefix(prefix) {
            try? FileManager.default.removeItem(at: parent.appendingPathComponent(name))
        }
    }
}

/// Identifies one case's snapshot on one provider.
public struct SnapshotKey: Sendable, Hashable, CustomStringConvertible {
    public var provider: String
    public var promptID: String
    public var caseName: String

    public init(provider: String, promptID: String, caseName: String) {
        self.provider = provider
        self.promptID = promptID
        self.caseName = caseName
    }

    /// `local-smollm/support/refund-reply/late-delivery`
    public var description: String { "\(provider)/\(promptID)/\(caseName)" }
}

/// A snapshot that could not be read or written, naming which and why.
public struct SnapshotError: Error, Sendable, CustomStringConvertible {
    public var key: SnapshotKey
    public var message: String
    public var description: String { "snapshot \(key): \(message)" }
}
