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

/// `promptcompat providers`: what the suite config declares, and which key variables are set.
enum ProvidersCommand {
    static func main(_ arguments: [String]) throws -> ExitCode {
        let args = try Arguments(arguments, options: Paths.options, switches: [])
        let library = try PromptLibrary.load(from: Paths(args).prompts)
        let environment = ProcessInfo.processInfo.environment
        for provider in library.config.providers {
            let profile = ProviderProfile.named(provider.profile)?.displayName ?? provider.profile
            let key = provider.apiKeyEnv.map { (environment[$0] ?? "").isEmpty ? "\($0) not set" : "\($0) set" } ?? "no key needed"
            let role = provider.name == library.config.baseline ? " [baseline]" : ""
            print("\(provider.name)\(role)  \(profile)  \(provider.baseURL.absoluteString)  model=\(provider.model)  key: \(key)")
        }
        return .ready
    }
}
