import Foundation

/// What changed since the previous run of the same target: prompts that were ready and are not any more
/// (regressed), prompts that became ready (improved), and any other change of status.
///
/// ```swift
/// let change = HistoryChange.between(previous: lastEntry, current: RunHistoryEntry(report: report, model: nil))
/// change.sentence
/// // "Since the last run (2026-11-23T11:10:06Z): 1 prompt regressed (ready → re-tune: support/refund-reply), 0 improved."
/// ```
///
/// Only prompts in both runs are compared (a run with `--filter` compares its own prompts).
public struct HistoryChange: Sendable, Equatable {
    /// One prompt's move from one status to another.
    public struct Move: Sendable, Equatable {
        public var promptID: String
        public var from: PromptStatus
        public var to: PromptStatus

        public init(promptID: String, from: PromptStatus, to: PromptStatus) {
            self.promptID = promptID
            self.from = from
            self.to = to
        }
    }

    /// When the previous run of this target was made; `nil` when this is the first.
    public var previousRun: String?
    /// Was ready, is not now.
    public var regressed: [Move]
    /// Was not ready, is now.
    public var improved: [Move]
    /// Any other change of status (re-tune → blocked, incomplete → re-tune, …).
    public var changed: [Move]

    /// Compares the statuses of the prompts both runs have, in prompt-id order. Pure: reads no file.
    public static func between(previous: RunHistoryEntry?, current: RunHistoryEntry) -> HistoryChange {
        var change = HistoryChange(previousRun: previous?.timestamp, regressed: [], improved: [], changed: [])
        guard let previous else { return change }
        for promptID in current.statuses.keys.sorted() {
            guard let before = previous.statuses[promptID], let now = current.statuses[promptID], before != now else { continue }
            let move = Move(promptID: promptID, from: before, to: now)
            if before == .ready { change.regressed.append(move) }
            else if now == .ready { change.improved.append(move) }
            else { change.changed.append(move) }
        }
        return change
    }

    /// One line for the report: "Since the last run (DATE): 2 prompts regressed (ready → re-tune: a, b),
    /// 1 improved (re-tune → ready: c)." or "First run for this target: nothing to compare with yet."
    public var sentence: String {
        guard let previousRun else { return "First run for this target: nothing to compare with yet." }
        guard !(regressed.isEmpty && improved.isEmpty && changed.isEmpty) else {
            return "Since the last run (\(previousRun)): no prompt changed status."
        }
        var parts = ["\(regressed.count) prompt\(regressed.count == 1 ? "" : "s") regressed\(Self.detail(regressed))", "\(improved.count) improved\(Self.detail(improved))"]
        if !changed.isEmpty { parts.append("\(changed.count) changed\(Self.detail(changed))") }
        return "Since the last run (\(previousRun)): \(parts.joined(separator: ", "))."
    }

    /// ` (ready → re-tune: a, b; ready → blocked: c)`, grouped by move in order of first appearance.
    private static func detail(_ moves: [Move]) -> String {
        guard !moves.isEmpty else { return "" }
        var groups: [(label: String, ids: [String])] = []
        for move in moves {
            let label = "\(move.from.rawValue) → \(move.to.rawValue)"
            if let index = groups.firstIndex(where: { $0.label == label }) { groups[index].ids.append(move.promptID) }
            else { groups.append((label, [move.promptID])) }
        }
        return " (" + groups.map { "\($0.label): \($0.ids.joined(separator: ", "))" }.joined(separator: "; ") + ")"
    }

    /// `history` in `report.json`.
    public var json: JSONValue {
        func moves(_ list: [Move]) -> JSONValue {
            .array(list.map { ["prompt": .string($0.promptID), "from": .string($0.from.rawValue), "to": .string($0.to.rawValue)] })
        }
        return .object(JSONObject([
            ("previousRun", previousRun.map(JSONValue.string) ?? .null),
            ("regressed", moves(regressed)), ("improved", moves(improved)), ("changed", moves(changed)),
        ]))
    }
}
