import Foundation
import PromptCompat

/// Keeps `.promptcompat/history.jsonl` beside the library after a run or a merge, and puts the change
/// since the target's previous run into the report. A history that cannot be read or written is a
/// warning, never a failed run.
enum HistoryRecording {
    static func record(_ report: inout ReadinessReport, library: PromptLibrary) {
        let history = RunHistory(libraryRoot: library.root)
        do {
            try report.recordHistory(in: history, model: library.config.provider(named: report.target)?.model)
        } catch {
            Console.error("warning: run history \(PromptLibrary.displayPath(history.file)) not updated: \(error.localizedDescription)")
        }
    }
}
