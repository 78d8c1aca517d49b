import Foundation
import PromptCompat

/// `promptcompat lint`: the library against each target's provider profile, without calling anything.
enum LintCommand {
    static func main(_ arguments: [String]) throws -> ExitCode {
        let args = try Arguments(arguments, options: Paths.options + ["target", "profile"], switches: [])
        let paths = Paths(args)
        let library = try PromptLibrary.load(from: paths.prompts)
        Console.protectKeys(of: library)
        try library.requirePrompts()
        for warning in library.warnings { Console.error(warning.description) }
        let targets = try targets(args, config: library.config)
        var exit = ExitCode.ready
        for (index, target) in targets.enumerated() {
            let report = CapabilityLint.lint(library: library, target: target, snapshots: SnapshotStore(root: paths.snapshots))
            if index > 0 { print("") }
            print(header(report, target: target, library: library))
            for finding in report.findings { print(finding.description) }
            print(report.summary)
            if report.hasErrors { exit = .notReady }
        }
        return exit
    }

    /// `--target` names (every non-baseline provider when none is given), then `--profile` ids.
    static func targets(_ args: Arguments, config: SuiteConfig) throws(UsageError) -> [ProviderConfig] {
        var targets: [ProviderConfig] = []
        for name in args.all("target") {
            guard let provider = config.provider(named: name) else {
                throw UsageError("no provider \"\(name)\" in the suite config; providers: \(config.providers.map(\.name).joined(separator: ", "))" + Suggestion.didYouMean(name, among: config.providers.map(\.name)))
            }
            targets.append(provider)
        }
        for id in args.all("profile") {
            guard let profile = ProviderProfile.named(id) else {
                throw UsageError("no profile \"\(id)\"; profiles: \(ProviderProfile.catalog.map(\.id).joined(separator: ", "))" + Suggestion.didYouMean(id, among: ProviderProfile.catalog.map(\.id)))
            }
            targets.append(candidate(profile))
        }
        if targets.isEmpty { targets = config.providers.filter { $0.name != config.baseline } }
        guard !targets.isEmpty else { throw UsageError("the suite config has no provider besides the baseline; name one with --target or --profile") }
        return targets
    }

    /// A provider you have not configured yet: the profile's rules and default model, no model map.
    static func candidate(_ profile: ProviderProfile) -> ProviderConfig {
        let model = profile.defaultModel ?? profile.models.first?.name ?? "default"
        let url = URL(string: profile.baseURL).flatMap { $0.host == nil ? nil : $0 } ?? URL(string: "http://127.0.0.1")!
        return ProviderConfig(name: profile.id, profile: profile.id, baseURL: url, model: model)
    }

    static func header(_ report: LintReport, target: ProviderConfig, library: PromptLibrary) -> String {
        let cases = library.prompts.reduce(0) { $0 + $1.cases.count }
        let mode = target.strict ? ", strict" : ""
        return "\(report.target) — \(report.profile.displayName) (profile \(report.profile.id), default model \(target.model)\(mode)): \(library.prompts.count) prompts, \(cases) cases"
    }
}
