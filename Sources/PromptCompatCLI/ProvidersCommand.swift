import Foundation
import PromptCompat

/// `promptcompat providers`: the suite's providers, or with `--catalog` every built-in profile, and which
/// key variables are set (a key itself is never printed).
enum ProvidersCommand {
    static func main(_ arguments: [String]) throws -> ExitCode {
        let args = try Arguments(arguments, options: Paths.options, switches: ["catalog"])
        let environment = ProcessInfo.processInfo.environment
        func keyStatus(_ variable: String?) -> String {
            variable.map { (environment[$0] ?? "").isEmpty ? "\($0) not set" : "\($0) set" } ?? "no key needed"
        }
        if args.has("catalog") {
            for profile in ProviderProfile.catalog {
                print("\(profile.id)  \(profile.displayName)  \(profile.baseURL.isEmpty ? "(your server)" : profile.baseURL)  key: \(keyStatus(profile.keyVariable))")
                print("    " + summary(profile))
            }
            return .ready
        }
        let library = try PromptLibrary.load(from: Paths(args).prompts)
        Console.protectKeys(of: library)
        for provider in library.config.providers {
            let role = provider.name == library.config.baseline ? " [baseline]" : ""
            print("\(provider.name)\(role)  \(provider.resolvedProfile.displayName)  \(provider.baseURL.absoluteString)  model=\(provider.model)  key: \(keyStatus(provider.apiKeyEnv))")
            print("    " + summary(provider.resolvedProfile, model: provider.model))
        }
        return .ready
    }

    /// One line of the rules that matter when migrating: ranges, caps, unsupported parameters, price.
    static func summary(_ profile: ProviderProfile, model: String? = nil) -> String {
        var parts: [String] = []
        if let range = profile.temperature { parts.append("temperature \(range)") }
        if let range = profile.topP { parts.append("top_p \(range)") }
        if let cap = model.flatMap(profile.outputCap(for:)) ?? profile.maxOutputTokens { parts.append("max_tokens ≤ \(cap)") }
        if !profile.unsupportedParameters.isEmpty { parts.append("unsupported: \(profile.unsupportedParameters.joined(separator: ", "))") }
        if profile.messages.system != .anywhere { parts.append("system: \(profile.messages.system.rawValue)") }
        if profile.messages.alternate { parts.append("alternating roles") }
        if let max = profile.messages.maxMessages { parts.append("≤ \(max) messages") }
        let priced = model.flatMap(profile.model(named:)) ?? profile.defaultModel.flatMap(profile.model(named:))
        if let priced, let input = priced.inputPrice, let output = priced.outputPrice {
            parts.append("\(priced.name) \(JSONValue.format(input))/\(JSONValue.format(output)) CNY per 1M tokens\(profile.pricesTaken.map { " (\($0))" } ?? "")")
        }
        return parts.isEmpty ? "no rules: requests are sent as written" : parts.joined(separator: " · ")
    }
}
