import Foundation
import PromptCompat

/// `promptcompat report --merge DIR…`: the `results.jsonl` of several runs of one target (the shards of a
/// CI matrix) put together into one report: report.md, report.json, junit.xml.
enum ReportCommand {
    static func main(_ arguments: [String]) throws -> ExitCode {
        let (mergeDirectories, rest) = try splitMerge(arguments)
        let args = try Arguments(rest, options: Paths.options + ["out"], switches: [])
        let paths = Paths(args)
        guard !mergeDirectories.isEmpty else {
            throw UsageError("report needs --merge DIR…: the report folders (or results.jsonl files) of the runs to merge")
        }
        let files = try mergeDirectories.flatMap { path throws(UsageError) in
            let found = ResultsMerge.resultFiles(in: url(path))
            guard !found.isEmpty else { throw UsageError("--merge \(path): no results.jsonl in it or below it") }
            return found
        }
        let merge = try ResultsMerge.read(files)
        if !merge.missingShards.isEmpty {
            let given = files.map { PromptLibrary.displayPath($0) }.joined(separator: ", ")
            throw ResultsMergeError("shard \(merge.missingShards.map(\.description).joined(separator: ", ")) missing (given: \(given)): merge the results of every shard")
        }
        let library = try PromptLibrary.load(from: paths.prompts)
        Console.protectKeys(of: library)
        try library.requirePrompts()
        for warning in library.warnings { Console.error(warning.description) }
        var report = ReadinessReport(library: library, target: merge.target, results: merge.results(orderedBy: library))
        HistoryRecording.record(&report, library: library)
        let out = args.value("out").map(url) ?? paths.reports.appendingPathComponent(merge.target).appendingPathComponent("merged")
        let written = try report.write(to: out)
        Console.error("Merged \(merge.results.count) cases of \(merge.target) from \(files.count) file\(files.count == 1 ? "" : "s")")
        print(RunCommand.summary(report, files: written))
        return report.allReady ? .ready : .notReady
    }

    /// `--merge a b c` (values up to the next option), `--merge a --merge b` and `--merge=a`; the rest of
    /// the arguments are parsed as usual.
    static func splitMerge(_ arguments: [String]) throws(UsageError) -> (merge: [String], rest: [String]) {
        var merge: [String] = []
        var rest: [String] = []
        var index = 0
        while index < arguments.count {
            let argument = arguments[index]
            index += 1
            if argument.hasPrefix("--merge=") {
                merge.append(String(argument.dropFirst("--merge=".count)))
            } else if argument == "--merge" {
                let start = merge.count
                while index < arguments.count, !arguments[index].hasPrefix("--") {
                    merge.append(arguments[index])
                    index += 1
                }
                guard merge.count > start else { throw UsageError("--merge needs at least one folder") }
            } else {
                rest.append(argument)
            }
        }
        return (merge, rest)
    }

    private static func url(_ path: String) -> URL {
        path.hasPrefix("/") ? URL(fileURLWithPath: path) : URL(fileURLWithPath: FileManager.default.currentDirectoryPath).appendingPathComponent(path)
    }
}
