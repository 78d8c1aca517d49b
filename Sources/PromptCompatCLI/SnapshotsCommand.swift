import Foundation
import PromptCompat

/// `promptcompat snapshots`: counts per provider, obsolete snapshots, `--remove-obsolete`.
///
/// Removing is refused, after listing what would go, when the library has no cases (every snapshot then
/// looks obsolete: a prompts folder that did not load) or when more than half the snapshots would go,
/// unless `--force`: accepted answers are a team's record, and one wrong `--prompts` must not erase it.
enum SnapshotsCommand {
    static func main(_ arguments: [String]) throws -> ExitCode {
        let args = try Arguments(arguments, options: Paths.options, switches: ["remove-obsolete", "force"])
        let paths = Paths(args)
        let library = try PromptLibrary.load(from: paths.prompts)
        Console.protectKeys(of: library)
        let store = SnapshotStore(root: paths.snapshots)
        // Leftovers of interrupted writes are listed, and finished outside CI (never a write there).
        if RecordPolicy.isCI(ProcessInfo.processInfo.environment) {
            for leftover in store.interruptedWrites() { print("left by an interrupted write: \(PromptLibrary.displayPath(leftover)) (run promptcompat snapshots outside CI to clear it)") }
        } else {
            for line in store.tidyInterruptedWrites() { print(line) }
        }
        let keys = store.allKeys()
        let counts = Dictionary(grouping: keys, by: \.provider).mapValues(\.count)
        for provider in library.config.providers {
            let cases = library.prompts.reduce(0) { $0 + $1.cases.count }
            print("\(provider.name): \(counts[provider.name] ?? 0) of \(cases) cases have an accepted snapshot\(provider.name == library.config.baseline ? " (baseline)" : "")")
        }
        let obsolete = store.obsoleteKeys(in: library)
        guard !obsolete.isEmpty else {
            print("no obsolete snapshots")
            return .ready
        }
        print("\(obsolete.count) obsolete snapshot\(obsolete.count == 1 ? "" : "s") (prompt, case or provider no longer in the library):")
        for key in obsolete { print("  snapshots/\(key)") }
        guard args.has("remove-obsolete") else {
            print("remove them with: promptcompat snapshots --remove-obsolete")
            return .notReady
        }
        if !args.has("force"), let refusal = refusal(obsolete: obsolete.count, of: keys.count, library: library, prompts: paths.prompts) {
            Console.writeError(refusal + "\n")
            return .usage
        }
        for key in obsolete { try store.remove(key) }
        print("removed \(obsolete.count)")
        return .ready
    }

    /// Why removing `obsolete` of `total` snapshots looks like a mistake, or nil.
    static func refusal(obsolete: Int, of total: Int, library: PromptLibrary, prompts: URL) -> String? {
        let cases = library.prompts.reduce(0) { $0 + $1.cases.count }
        if cases == 0 {
            return "promptcompat: not removing anything: the library at \(PromptLibrary.displayPath(prompts)) has no cases, so every snapshot looks obsolete. Check --prompts (a folder that did not load, a link, a folder with only the suite config); to remove them all anyway, add --force"
        }
        if obsolete * 2 > total {
            return "promptcompat: not removing \(obsolete) of \(total) snapshots: more than half would go. Check that --prompts and --snapshots are the folders you mean; to remove them anyway, add --force"
        }
        return nil
    }
}
