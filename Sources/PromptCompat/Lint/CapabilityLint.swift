import Foundation

/// Checks a prompt library against a target's provider profile without calling anything: parameters
/// out of range, parameters the provider does not support (JSON mode, tools, seed, n, …), `max_tokens`
/// above the output cap, message orders the provider changes or rejects, prompts that cannot fit the
/// model's context, models the profile does not know — and estimates what one full run costs.
///
/// Every request is built exactly as a run builds it (``Prompt/request(for:provider:)``, then
/// ``RequestAdapter/adapt(_:promptModel:to:)``), so what the lint says is what the run would do.
/// An adaptation is a warning (an error when the target is `strict`, which fails such a request), a rule
/// the adapter cannot fix is an error. A finding that holds for every case of a prompt is reported once.
///
/// ```swift
/// let report = CapabilityLint.lint(library: library, target: library.config.provider(named: "glm")!)
/// report.findings.first?.description
/// // prompts/classify/intent.json:4:3: warning: temperature 0 → 0.01 (Zhipu GLM accepts (0,1]) — hint: …
/// ```
public enum CapabilityLint {
    /// - Parameter snapshots: the accepted answers, to estimate each case's output from its baseline
    ///   answer and to suggest a `max_tokens` where a prompt sets none.
    public static func lint(library: PromptLibrary, target: ProviderConfig, snapshots: SnapshotStore? = nil) -> LintReport {
        let profile = target.resolvedProfile
        var cost = CostEstimate()
        cost.pricesTaken = profile.pricesTaken
        var configFindings: [LintFinding] = []
        var promptFindings: [LintFinding] = []
        let config = ConfigLocator(library: library, target: target)
        for prompt in library.prompts {
            let checker = PromptChecker(prompt: prompt, target: target, profile: profile)
            var perCase: [[LintFinding]] = []
            var longest: Int?
            var unbounded = false
            for promptCase in prompt.cases {
                var findings: [LintFinding] = []
                do {
                    let adapted = try prompt.adaptedRequest(for: promptCase, provider: target)
                    findings = checker.findings(for: adapted)
                    let accepted = snapshots.flatMap { acceptedOutputTokens(prompt, promptCase, baseline: library.config.baseline, in: $0) }
                    if let accepted { longest = max(longest ?? 0, accepted) }
                    unbounded = unbounded || !adapted.request.parameters.keys.contains { $0 == "max_tokens" || $0 == "max_completion_tokens" }
                    cost.add(adapted.request, profile: profile, accepted: accepted)
                    if checker.overrideModel == nil, profile.model(named: adapted.request.model) == nil {
                        config.noteUnknownModel(adapted.request.model, promptModel: checker.promptModel, into: &configFindings)
                    }
                } catch {
                    findings = [checker.finding(.error, rule: "request", path: error.jsonPath ?? "$.cases", message: error.message, hint: "fix the case so the request can be built")]
                }
                perCase.append(findings)
            }
            promptFindings += merge(perCase, cases: prompt.cases)
            if unbounded { promptFindings.append(checker.noMaxTokens(longestAccepted: longest)) }
        }
        return LintReport(target: target.name, profile: profile, findings: configFindings + promptFindings, cost: cost)
    }

    /// The output tokens of the case's accepted baseline answer: its recorded usage, else estimated from
    /// its longest sample; `nil` when none is recorded.
    static func acceptedOutputTokens(_ prompt: Prompt, _ promptCase: PromptCase, baseline: String, in store: SnapshotStore) -> Int? {
        let key = SnapshotKey(provider: baseline, promptID: prompt.id, caseName: promptCase.name)
        guard let snapshot = try? store.load(key) else { return nil }
        if let usage = snapshot.metadata.usage.map(\.completionTokens).max(), usage > 0 { return usage }
        return snapshot.samples.map { TokenEstimator.estimate(text: $0) }.max()
    }

    /// One finding per prompt for what every case shares; the case named for the rest.
    static func merge(_ perCase: [[LintFinding]], cases: [PromptCase]) -> [LintFinding] {
        var order: [LintFinding] = []
        var seenIn: [String: [String]] = [:]
        for (findings, promptCase) in zip(perCase, cases) {
            for finding in findings where !(seenIn[finding.description]?.contains(promptCase.name) ?? false) {
                if seenIn[finding.description] == nil { order.append(finding) }
                seenIn[finding.description, default: []].append(promptCase.name)
            }
        }
        return order.flatMap { finding -> [LintFinding] in
            let names = seenIn[finding.description] ?? []
            guard names.count < cases.count else { return [finding] }
            return names.map { name in
                var scoped = finding
                scoped.caseName = name
                return scoped
            }
        }
    }
}

/// Turns one adapted request of one prompt into findings, pointing at the prompt (or its override).
struct PromptChecker {
    let prompt: Prompt
    let target: ProviderConfig
    let profile: ProviderProfile
    let file: String

    init(prompt: Prompt, target: ProviderConfig, profile: ProviderProfile) {
        self.prompt = prompt
        self.target = target
        self.profile = profile
        file = PromptLibrary.displayPath(prompt.file)
    }

    var override: PromptOverride? { prompt.overrides[target.name] }
    /// A model named in the target's override: the provider's own, sent as is.
    var overrideModel: String? { override?.parameters["model"]?.stringValue }
    /// The prompt's model, when it goes through the suite config's model map (as ``SuiteRunner`` does).
    var promptModel: String? { prompt.mappedModel(for: target) }
    var overridePath: String { JSONParser.child("$.overrides", target.name) }

    /// Where a request parameter is written: the override when it sets it, else the prompt.
    func path(ofParameter key: String) -> String {
        override?.parameters[key] != nil ? JSONParser.child(overridePath, key) : JSONParser.child("$", key)
    }

    var messagesPath: String { override?.messages != nil ? "\(overridePath).messages" : "$.messages" }

    func finding(_ severity: LintFinding.Severity, rule: String, path: String, message: String, hint: String) -> LintFinding {
        LintFinding(severity, rule: rule, target: target.name, promptID: prompt.id, file: file, jsonPath: path,
                    position: prompt.position(of: path), message: message, hint: hint)
    }

    func fill(_ template: String, _ values: [String: String] = [:]) -> String {
        LintHints.fill(template, ["target": target.name, "provider": profile.displayName].merging(values) { $1 })
    }

    func findings(for adapted: AdaptedRequest) -> [LintFinding] {
        let changed: LintFinding.Severity = target.strict ? .error : .warning
        let strictNote = target.strict ? " (strict: the run fails this request)" : ""
        var findings: [LintFinding] = []
        for adaptation in adapted.adaptations where adaptation.rule != "model" {
            let words = adaptation.change.split(separator: " ").map(String.init)
            switch adaptation.rule {
            case "unsupported":
                let parameter = words.dropFirst().first ?? adaptation.change
                let entry = LintHints.dropped[parameter]
                let message = entry?.message.map { fill($0) } ?? adaptation.change
                findings.append(finding(entry?.severity ?? changed, rule: "unsupported", path: path(ofParameter: parameter),
                                        message: message + strictNote, hint: fill(entry?.hint ?? LintHints.droppedDefault, ["parameter": parameter])))
            case "messages":
                findings.append(finding(changed, rule: "messages", path: messagesPath, message: adaptation.change + strictNote,
                                        hint: fill(LintHints.messageHint(for: adaptation.change))))
            default:
                // temperature, top_p: "temperature 0 → 0.01 (…)"; max_tokens: "max_completion_tokens 4000 → 2000 (…)"
                let parameter = words.first ?? adaptation.rule
                let value = adapted.request.parameters[parameter].map { $0.serialized() } ?? "?"
                let template = LintHints.rules[adaptation.rule] ?? LintHints.droppedDefault
                findings.append(finding(changed, rule: adaptation.rule, path: path(ofParameter: parameter), message: adaptation.change + strictNote,
                                        hint: fill(template, ["parameter": parameter, "value": value, "model": adapted.request.model])))
            }
        }
        for problem in adapted.problems {
            findings.append(finding(.error, rule: "problem", path: messagesPath, message: "\(problem); \(profile.displayName) will likely reject the request",
                                    hint: fill(LintHints.messageHint(for: problem))))
        }
        if let context = contextFinding(adapted.request) { findings.append(context) }
        if let model = overrideModel, profile.model(named: model) == nil {
            findings.append(finding(.info, rule: "model", path: path(ofParameter: "model"),
                                    message: "model \(model) is not in the \(profile.displayName) profile: its context, output cap and price are unknown",
                                    hint: fill(LintHints.unknownModel, ["model": model])))
        }
        return findings
    }

    /// A warning for a prompt that sets no `max_tokens`: the target's own default decides how long (and
    /// how costly) an answer may run; the hint suggests a value from the longest accepted answer.
    func noMaxTokens(longestAccepted: Int?) -> LintFinding {
        let suggestion = longestAccepted.map { tokens in
            let rounded = max(64, Int((Double(tokens) * 1.5 / 32).rounded(.up)) * 32)
            return "set \"max_tokens\": \(rounded) (the longest accepted answer is ~\(tokens) tokens)"
        } ?? "set \"max_tokens\" a little above the longest answer you accept"
        return finding(.warning, rule: "max_tokens", path: "$", message: "no max_tokens: \(profile.displayName)'s own default decides how long an answer may run, and what it costs",
                       hint: suggestion + " in the prompt file, so every provider is held to the same length")
    }

    /// An error when the estimated prompt plus `max_tokens` cannot fit the model's context.
    func contextFinding(_ request: ChatRequest) -> LintFinding? {
        guard let context = profile.model(named: request.model)?.contextTokens else { return nil }
        let input = TokenEstimator.estimate(request)
        let output = (request.parameters["max_tokens"] ?? request.parameters["max_completion_tokens"])?.intValue ?? 0
        guard input + output > context else { return nil }
        let total = output > 0 ? "~\(input) prompt tokens + max_tokens \(output)" : "~\(input) prompt tokens"
        return finding(.error, rule: "context", path: messagesPath,
                       message: "\(total) exceed the \(context)-token context of \(request.model) (estimated: CJK character ≈ 1 token, other text ≈ 4 characters a token)",
                       hint: fill(LintHints.context))
    }
}

/// Points at the suite config for findings that belong to a target, not a prompt (an unknown model).
struct ConfigLocator {
    let target: ProviderConfig
    let file: String
    let document: JSONDocument?

    init(library: PromptLibrary, target: ProviderConfig) {
        self.target = target
        let url = library.root.appendingPathComponent(SuiteConfig.fileName)
        file = PromptLibrary.displayPath(url)
        document = (try? String(contentsOf: url, encoding: .utf8)).flatMap { try? JSONDocument(parsing: $0) }
    }

    /// An info finding for a model the profile does not know, once per model.
    func noteUnknownModel(_ model: String, promptModel: String?, into findings: inout [LintFinding]) {
        guard !findings.contains(where: { $0.rule == "model" && $0.message.hasPrefix("model \(model) ") }) else { return }
        let providerPath = JSONParser.child("$.providers", target.name)
        let mapped = promptModel.flatMap { target.models[$0] != nil ? $0 : nil }
        let path = mapped.map { JSONParser.child("\(providerPath).models", $0) } ?? "\(providerPath).model"
        let profile = target.resolvedProfile
        findings.append(LintFinding(
            .info, rule: "model", target: target.name, promptID: nil, file: file, jsonPath: path,
            position: document?.position(of: path) ?? SourcePosition(line: 1, column: 1),
            message: "model \(model) is not in the \(profile.displayName) profile: its context, output cap and price are unknown",
            hint: LintHints.fill(LintHints.unknownModel, ["model": model, "target": target.name])))
    }
}
