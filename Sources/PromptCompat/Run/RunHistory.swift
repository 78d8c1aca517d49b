import Foundation

/// One finished run of one target, as `.promptcompat/history.jsonl` keeps it: when, which model, the
/// readiness and every prompt's status.
///
/// ```swift
/// let entry = RunHistoryEntry(report: report, model: "qwen-plus")
/// entry.statuses["support/refund-reply"]   // .retune
/// ```
public struct RunHistoryEntry: Sendable, Equatable {
    /// ISO 8601, UTC: the report's `generatedAt`.
    public var timestamp: String
    public var target: String
    /// The target's model as configured (the provider's `model`).
    public var model: String?
    /// 0…1, as in the report.
    public var readiness: Double
    /// Each prompt of the run and its status.
    public var statuses: [String: PromptStatus]

    public init(timestamp: String, target: String, model: String?, readiness: Double, statuses: [String: PromptStatus]) {
        self.timestamp = timestamp
        self.target = target
        self.model = model
        self.readiness = readiness
        self.statuses = statuses
    }

    public init(report: ReadinessReport, model: String?) {
        self.init(
            timestamp: report.generatedAt, target: report.target, model: model,
            readiness: (report.readiness * 10000).rounded() / 10000,
            statuses: Dictionary(report.prompts.map { ($0.promptID, $0.status) }) { _, last in last }
        )
    }

    /// One line of the history file; prompts sorted by id.
    public var json: JSONValue {
        let prompts = JSONObject(statuses.keys.sorted().map { ($0, JSONValue.string(statuses[$0]!.rawValue)) })
        return .object(JSONObject([
            ("timestamp", .string(timestamp)), ("target", .string(target)), ("model", model.map(JSONValue.string) ?? .null),
            ("readiness", .number(readiness)), ("prompts", .object(prompts)),
        ]))
    }

    /// Reads a line back; `nil` when it is not an entry.
    public init?(json: JSONValue) {
        guard let timestamp = json["timestamp"]?.stringValue, let target = json["target"]?.stringValue,
              let readiness = json["readiness"]?.numberValue, let prompts = json["prompts"]?.objectValue else { return nil }
        var statuses: [String: PromptStatus] = [:]
        for member in prompts {
            guard let status = member.value.stringValue.flatMap(PromptStatus.init(rawValue:)) else { return nil }
            statuses[member.key] = status
        }
        self.init(timestamp: timestamp, target: target, model: json["model"]?.stringValue, readiness: readiness, statuses: statuses)
    }
}

/// `.promptcompat/history.jsonl` beside the prompt library: one ``RunHistoryEntry`` a line, oldest first,
/// the last ``entriesKeptPerTarget`` per target. The report compares a run with the previous one.
///
/// ```swift
/// let history = RunHistory(libraryRoot: library.root)   // <repo>/.promptcompat/history.jsonl
/// let previous = try history.last(for: "qwen")
/// try history.append(RunHistoryEntry(report: report, model: "qwen-plus"))
/// ```
public struct RunHistory: Sendable {
    public let file: URL

    /// How many entries of each target the file keeps; older ones are dropped on append.
    public static let entriesKeptPerTarget = 50

    public init(file: URL) { self.file = file }

    /// The history of the library at `libraryRoot`: `.promptcompat/history.jsonl` in its parent folder.
    public init(libraryRoot: URL) {
        file = libraryRoot.deletingLastPathComponent().appendingPathComponent(".promptcompat/history.jsonl")
    }

    /// Every entry, oldest first; none when the file does not exist. Lines that are not entries are skipped.
    public func entries() throws -> [RunHistoryEntry] {
        guard FileManager.default.fileExists(atPath: file.path) else { return [] }
        let text = try String(contentsOf: file, encoding: .utf8)
        return text.split(separator: "\n").compactMap { line in
            (try? JSONValue(parsing: String(line))).flatMap(RunHistoryEntry.init(json:))
        }
    }

    /// The most recent entry of `target`.
    public func last(for target: String) throws -> RunHistoryEntry? {
        try entries().last { $0.target == target }
    }

    /// Adds `entry` and rewrites the file (atomically) with at most ``entriesKeptPerTarget`` entries per target.
    public func append(_ entry: RunHistoryEntry) throws {
        let kept = Self.bounded(try entries() + [entry], keepingPerTarget: Self.entriesKeptPerTarget)
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        let text = kept.map { $0.json.serialized() + "\n" }.joined()
        try Data(text.utf8).write(to: file, options: .atomic)
    }

    /// The last `limit` entries of each target, in their original order.
    static func bounded(_ entries: [RunHistoryEntry], keepingPerTarget limit: Int) -> [RunHistoryEntry] {
        var remaining = Dictionary(grouping: entries, by: \.target).mapValues(\.count)
        return entries.filter { entry in
            defer { remaining[entry.target, default: 0] -= 1 }
            return remaining[entry.target, default: 0] <= limit
        }
    }
}
