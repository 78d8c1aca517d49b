import Foundation

extension ReadinessReport {
    /// Compares this run with the target's last entry in `history` (kept as ``sinceLastRun`` for the
    /// report), then appends this run to it.
    public mutating func recordHistory(in history: RunHistory, model: String?) throws {
        let entry = RunHistoryEntry(report: self, model: model)
        sinceLastRun = HistoryChange.between(previous: try history.last(for: target), current: entry)
        try history.append(entry)
    }
}
