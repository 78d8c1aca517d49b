import Foundation
import PromptCompat

extension RunnerBench {
    /// `cli`: the whole `promptcompat run` — library loading, the runner, the four reports, the history —
    /// as a child process over the generated library, every answer from a response cache filled first
    /// (`--offline`: no call at all), so the figure is the tool's own time and its peak memory.
    func cliRun(executable: String) async throws {
        try await withLibrary { _, bench, library in
            let cache = bench.root.appendingPathComponent("cache")
            let filled = try await run(library, bench, cache: ResponseCache(directory: cache), profiled: false)
            print("cache filled by one run: \(filled.results.count) answers")
            let process = Process()
            process.executableURL = URL(fileURLWithPath: executable)
            process.arguments = ["run", "--target", BenchLibrary.provider, "--offline", "--cache", cache.path]
            process.currentDirectoryURL = bench.root
            let output = bench.root.appendingPathComponent("cli-output.txt")
            _ = FileManager.default.createFile(atPath: output.path, contents: nil)
            process.standardOutput = try FileHandle(forWritingTo: output)
            process.standardError = process.standardOutput
            // ru_maxrss of RUSAGE_CHILDREN is the largest of every child waited for, for the life of the process
            // (exec keeps it): a compiler run before this child would hide it. Read it before, to tell.
            let childrenBefore = maxResidentMegabytes(children: true)
            let clock = ContinuousClock()
            let start = clock.now
            try process.run()
            process.waitUntilExit()
            let seconds = (clock.now - start).seconds
            let summary = (try? String(contentsOf: output, encoding: .utf8))?.split(separator: "\n").first { $0.hasPrefix("\(BenchLibrary.provider):") }
            print("promptcompat run --offline: exit \(process.terminationStatus), \(summary.map(String.init) ?? "no summary line")")
            let reports = bench.reports.appendingPathComponent(BenchLibrary.provider)
            let sizes = ["report.md", "report.json", "report.html", "junit.xml", "results.jsonl"].map { name in
                let bytes = (try? FileManager.default.attributesOfItem(atPath: reports.appendingPathComponent(name).path)[.size] as? Int) ?? nil
                return "\(name) \(bytes.map { format(Double($0) / 1_048_576, 1) } ?? "?") MB"
            }
            print("  wrote " + sizes.joined(separator: ", "))
            table([
                ("wall time", format(seconds, 2) + " s (\(format(Double(cases) / seconds, 0)) cases/s)"),
                ("max RSS of promptcompat", Self.childPeak(before: childrenBefore, after: maxResidentMegabytes(children: true))),
            ])
        }
    }

    /// The child's peak memory, when the children's peak rose while it ran; else only a bound.
    static func childPeak(before: Int, after: Int) -> String {
        after > before ? "\(after) MB  (goal ≤ 150 MB)"
            : "unknown: at most \(after) MB, the peak of an earlier child of this process  (goal ≤ 150 MB)"
    }
}
