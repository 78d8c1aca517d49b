import Foundation
import PromptCompat

/// `promptcompat snapshots`: counts per provider, obsolete snapshots, `--remove-obsolete`.
enum SnapshotsCommand {
    static func main(_ arguments: [String]) throws -> ExitCode {
        let args = try Arguments(arguments, options: Paths.options, switches: ["remove-obsolete"])
        let paths = Paths(args)
        let library = try PromptLibrary.load(from: paths.prompts)
        let store = SnapshotStore(root: paths.snapshots)
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
        for key in obsolete { try store.remove(key) }
        print("removed \(obsolete.count)")
        return .ready
    }
}
