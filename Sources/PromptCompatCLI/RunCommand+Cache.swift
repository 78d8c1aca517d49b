import Foundation
import PromptCompat

extension RunCommand {
    static let cacheOptions = ["cache"]
    static let cacheSwitches = ["no-cache", "offline", "refresh"]

    /// The response cache a run uses: `--cache DIR` (default `.promptcompat/cache` next to the prompts
    /// folder), read and filled (`use`), `--refresh` (ask again, store the new answers), `--offline` (never
    /// call: a miss fails as not-cached), or none with `--no-cache`.
    static func cache(_ args: Arguments, paths: Paths) throws -> (cache: ResponseCache, mode: ResponseCache.Mode)? {
        let chosen = cacheSwitches.filter(args.has)
        guard chosen.count <= 1 else { throw UsageError("--\(chosen.joined(separator: " and --")) contradict each other: pick one") }
        if args.has("no-cache") {
            guard args.value("cache") == nil else { throw UsageError("--cache and --no-cache contradict each other: pick one") }
            return nil
        }
        let named = args.value("cache").map { path in
            ResponseCache(directory: path.hasPrefix("/") ? URL(fileURLWithPath: path) : URL(fileURLWithPath: FileManager.default.currentDirectoryPath).appendingPathComponent(path))
        }
        let mode: ResponseCache.Mode = args.has("offline") ? .offline : args.has("refresh") ? .refresh : .use
        return (named ?? ResponseCache.beside(prompts: paths.prompts), mode)
    }

    /// `cache: 58 answers from .promptcompat/cache, 5 calls (2 of them retries)`, or nil without a cache.
    /// Every call to the provider counts, failed and timed-out ones and retries included.
    static func cacheLine(_ runner: SuiteRunner) async -> String? {
        guard let caching = runner.caching else { return nil }
        let (hits, asked) = await caching.statistics
        let retries = runner.retrying?.retriesMade ?? 0
        let calls = asked + retries
        let counted = "\(calls) call\(calls == 1 ? "" : "s")" + (retries > 0 ? " (\(retries) of them retries)" : "")
        let folder = PromptLibrary.displayPath(caching.cache.directory)
        switch caching.mode {
        case .use: return "  cache: \(hits) answer\(hits == 1 ? "" : "s") from \(folder), \(counted) (--refresh asks again, --no-cache skips it)"
        case .refresh: return "  cache: refreshed, \(counted); answers stored in \(folder)"
        case .offline: return "  cache: offline, \(hits) answer\(hits == 1 ? "" : "s") from \(folder), no calls"
        }
    }
}
