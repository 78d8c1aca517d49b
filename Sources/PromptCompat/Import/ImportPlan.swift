import Foundation

/// What an import of gateway logs will write: new and extended prompt files, baseline snapshots, and
/// every line it leaves out with the reason. ``LogImport/plan(_:library:provider:prefix:snapshots:environment:adjust:)``
/// makes it without touching the disk; ``write()`` carries it out.
///
/// ```swift
/// let plan = try LogImport.plan(log, library: library, provider: "openai", prefix: "imported", snapshots: store)
/// print(plan.summary(dryRun: true))
/// try plan.write()
/// ```
public struct ImportPlan: Sendable {
    /// A prompt file to create or to extend with cases.
    public struct PromptFile: Sendable {
        public var id: String
        public var file: URL
        /// `true`: a new file; `false`: an imported prompt that gets more cases.
        public var isNew: Bool
        /// The whole file as it will be written.
        public var text: String
        public var variables: [String]
        /// The cases this import adds, with the log line each comes from.
        public var addedCases: [(name: String, source: LogLineProblem.Location)]
        /// The prompt's messages with their `{{variables}}`, as the file has them.
        public var messages: [ChatMessage] = []
        /// The variables of each added case, in case order.
        public var values: [[String: String]] = []
    }

    /// A baseline snapshot to write: a new case's logged answer, or an existing case's that had none.
    public struct SnapshotWrite: Sendable {
        public var key: SnapshotKey
        public var snapshot: Snapshot
        public var source: LogLineProblem.Location
    }

    /// A logged request that is already in the library or earlier in the log.
    public struct Duplicate: Sendable {
        public var source: LogLineProblem.Location
        /// `imported/gpt-4-1 · case-002`, or `line 3` of the same log.
        public var existing: String
    }

    public var linesRead: Int
    public var prompts: [PromptFile] = []
    public var snapshots: [SnapshotWrite] = []
    public var duplicates: [Duplicate] = []
    public var skipped: [LogLineProblem] = []
    public var malformed: [LogLineProblem] = []
    public var provider: String
    public var snapshotStore: SnapshotStore
    /// `never` under CI (unless `PROMPTCOMPAT_RECORD_IN_CI=1`): then no snapshot is written.
    public var policy: RecordPolicy

    public var newPrompts: [PromptFile] { prompts.filter(\.isNew) }
    public var extendedPrompts: [PromptFile] { prompts.filter { !$0.isNew } }
    public var casesAdded: Int { prompts.reduce(0) { $0 + $1.addedCases.count } }
    public var writesSnapshots: Bool { policy.mode != .never }

    /// Writes the snapshots (each atomically, through ``SnapshotStore``), then the prompt files (each
    /// atomically), so an import killed half-way leaves no case without its snapshot and is completed by
    /// running it again. Returns the files written.
    @discardableResult
    public func write() throws -> [URL] {
        var written: [URL] = []
        if writesSnapshots {
            for write in snapshots {
                try snapshotStore.write(write.snapshot, for: write.key)
                written.append(try snapshotStore.directory(for: write.key))
            }
        }
        for prompt in prompts {
            try FileManager.default.createDirectory(at: prompt.file.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(prompt.text.utf8).write(to: prompt.file, options: .atomic)
            written.append(prompt.file)
        }
        return written
    }
}

extension LogLineProblem {
    /// A line of a log file: `logs.jsonl:17`.
    public struct Location: Sendable, Equatable, CustomStringConvertible {
        public var file: String
        public var line: Int
        public var description: String { "\(file):\(line)" }
    }
}

extension GatewayLogEntry {
    var location: LogLineProblem.Location { .init(file: file, line: line) }
}
