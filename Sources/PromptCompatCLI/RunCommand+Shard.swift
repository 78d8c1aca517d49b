import Foundation
import PromptCompat

extension RunCommand {
    /// `--shard i/n`, or the whole selection without it.
    static func shard(_ args: Arguments) throws(UsageError) -> Shard {
        guard let value = args.value("shard") else { return .whole }
        do {
            return try Shard(parsing: value)
        } catch {
            throw UsageError("--shard \(error.description)")
        }
    }

    /// `reports/<target>/`, or `reports/<target>/shard-i-of-n/` for a shard, so the shards of a CI matrix
    /// do not overwrite each other when their reports are collected.
    /// `reports/<target>`, a shard's `reports/<target>/<shard>`, a filtered run's `…/filtered` under either.
    static func reportDirectory(_ reports: URL, target: String, shard: Shard, filtered: Bool = false) -> URL {
        var directory = reports.appendingPathComponent(target)
        if shard != .whole { directory.appendPathComponent(shard.directoryName) }
        return filtered ? directory.appendingPathComponent("filtered") : directory
    }

    /// A shard that no selected case falls in: says so and leaves an empty `results.jsonl` to merge.
    static func emptyShard(_ runner: SuiteRunner, library: PromptLibrary, shard: Shard, of total: Int) -> ReadinessReport {
        print("\(runner.target.name): shard \(shard) has none of the \(total) selected cases; nothing to run")
        return ReadinessReport(library: library, target: runner.target.name, results: [], recordPolicy: runner.policy.explanation)
    }
}
