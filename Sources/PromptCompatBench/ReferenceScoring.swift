import Foundation
import PromptCompat

/// `scoring-reference`: the `scoring` pairs timed here, then written to a file and scored by the Python
/// reference tools (`scripts/bench-reference.py`: rouge-score, rapidfuzz, sacrebleu) in the same run;
/// prints both speeds and the largest score difference side by side.
struct ReferenceScoring {
    var bench: ScoringBench
    /// The venv's interpreter, with rouge-score, rapidfuzz and sacrebleu installed.
    var python: String
    /// `scripts/bench-reference.py`
    var script: String
    /// rouge-score's pure-Python LCS takes milliseconds a pair: it scores only the first this many.
    var rougePairs: Int

    /// What the Python script prints for one tool.
    struct ToolResult {
        var tool: String
        var metric: String
        var pairs: Int
        var pairsPerSecond: Double
        var maxDifference: Double
    }

    /// The goal for each metric's comparison, as the issue states it.
    static let goals: [String: (speed: String, agreement: String)] = [
        "rouge-l": ("≥ 10×", "≤ 1e-6"),
        "levenshtein": ("within 2× (≥ 0.5×)", "≤ 1e-6"),
        "chrF": ("—", "≤ 1e-6"),
    ]

    func run() throws {
        let ours = bench.run()
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("promptcompat-bench-pairs-\(UUID().uuidString.prefix(8)).jsonl")
        defer { try? FileManager.default.removeItem(at: file) }
        try bench.writePairs(to: file.path)
        let tools = try score(file)
        print("")
        print("| metric | ours (pairs/s) | reference tool | its pairs/s (pairs) | ours ÷ tool | goal | max abs difference | goal |")
        print("|---|---:|---|---:|---:|---|---:|---|")
        for tool in tools {
            guard let mine = ours.first(where: { $0.name == tool.metric }) else { continue }
            let goal = Self.goals[tool.metric] ?? ("—", "—")
            print(
                "| \(tool.metric) | \(format(mine.pairsPerSecond, 0)) | \(tool.tool) | \(format(tool.pairsPerSecond, 0)) (\(tool.pairs)) "
                    + "| \(format(mine.pairsPerSecond / tool.pairsPerSecond, 2))× | \(goal.speed) | \(String(format: "%.2e", tool.maxDifference)) | \(goal.agreement) |"
            )
        }
    }

    /// Runs the Python script on the pairs file and reads its JSON lines.
    func score(_ pairs: URL) throws -> [ToolResult] {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: python)
        process.arguments = [script, pairs.path, "--rouge-pairs", String(rougePairs)]
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw StubError("\(script) exited with \(process.terminationStatus)") }
        return try String(decoding: data, as: UTF8.self).split(separator: "\n").map { line in
            let json = try JSONValue(parsing: String(line))
            guard let tool = json["tool"]?.stringValue, let metric = json["metric"]?.stringValue, let pairs = json["pairs"]?.intValue,
                let speed = json["pairs_per_second"]?.numberValue, let difference = json["max_abs_diff"]?.numberValue
            else { throw StubError("unexpected line from \(script): \(line)") }
            print("\(tool): \(pairs) pairs, \(format(speed, 0)) pairs/s, max |ours − \(tool)| \(String(format: "%.2e", difference)) (pair \(json["worst_id"]?.intValue ?? -1))")
            return ToolResult(tool: tool, metric: metric, pairs: pairs, pairsPerSecond: speed, maxDifference: difference)
        }
    }
}
