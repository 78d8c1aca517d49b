import Foundation
import PromptCompat

extension RunCommand {
    /// With two or more different targets: writes `compare.md` and `compare.json` into `<reports>/compare/`
    /// and prints the winner by readiness, then cost.
    static func writeComparison(_ reports: [ReadinessReport], to directory: URL) throws {
        guard Set(reports.map(\.target)).count > 1 else { return }
        let comparison = CandidateComparison(reports: reports)
        let files = try comparison.write(to: directory.appendingPathComponent("compare"))
        print(comparison.summary + "\n  comparison: " + files.map { PromptLibrary.displayPath($0) }.joined(separator: ", "))
    }
}
