import Foundation

/// What ``CapabilityLint`` found for one target, and what one full run of the library would cost there.
public struct LintReport: Sendable, Equatable {
    /// The target (provider name in the suite config).
    public var target: String
    /// The profile whose rules were checked.
    public var profile: ProviderProfile
    /// Every finding, suite-config findings first, then by prompt id.
    public var findings: [LintFinding]
    public var cost: CostEstimate

    /// How many findings have this severity.
    public func count(_ severity: LintFinding.Severity) -> Int { findings.filter { $0.severity == severity }.count }

    /// Whether a finding says the provider would reject a request (or a strict target would fail it).
    public var hasErrors: Bool { count(.error) > 0 }

    /// `glm: 0 errors, 25 warnings, 0 info — estimated cost of one full run: …`
    public var summary: String {
        func plural(_ n: Int, _ word: String) -> String { "\(n) \(word)\(n == 1 ? "" : "s")" }
        return "\(target): \(plural(count(.error), "error")), \(plural(count(.warning), "warning")), \(count(.info)) info — \(cost)"
    }
}

/// The estimated price of one full run of a library against one target: every case once (the baseline's
/// extra samples do not apply to a target), ``TokenEstimator`` input tokens at the model's input price,
/// plus the output at the output price: the length of the case's accepted answer where one is recorded
/// (its usage, else estimated from its text), else the `max_tokens` the request is sent with (256 when
/// the prompt sets none) — never more than `max_tokens` nor the model's cap.
public struct CostEstimate: Sendable, Equatable, CustomStringConvertible {
    /// Cases in one run.
    public var cases = 0
    public var inputTokens = 0
    public var outputTokens = 0
    /// CNY, for the cases whose model has a price.
    public var cny: Double = 0
    /// Models with a price, in the order first used.
    public var pricedModels: [String] = []
    /// Models without a price in the profile, in the order first used.
    public var unpricedModels: [String] = []
    /// Cases whose model has no price (not in ``cny``).
    public var unpricedCases = 0
    /// When the profile's prices were taken.
    public var pricesTaken: String?
    /// Cases whose output was estimated from their accepted answer.
    public var fromAcceptedAnswers = 0

    /// Output tokens counted for a request that sets no `max_tokens`.
    public static let defaultOutputTokens = 256

    public init() {}

    /// Adds one case's request, sent to `profile`; `accepted`: the output tokens of its accepted answer, when recorded.
    public mutating func add(_ request: ChatRequest, profile: ProviderProfile, accepted: Int? = nil) {
        let input = TokenEstimator.estimate(request)
        let asked = (request.parameters["max_tokens"] ?? request.parameters["max_completion_tokens"])?.intValue
        let output = min(accepted ?? asked ?? Self.defaultOutputTokens, asked ?? Int.max, profile.outputCap(for: request.model) ?? Int.max)
        if accepted != nil { fromAcceptedAnswers += 1 }
        cases += 1
        inputTokens += input
        outputTokens += output
        let model = profile.model(named: request.model)
        if let inputPrice = model?.inputPrice, let outputPrice = model?.outputPrice {
            cny += (Double(input) * inputPrice + Double(output) * outputPrice) / 1_000_000
            if !pricedModels.contains(request.model) { pricedModels.append(request.model) }
        } else {
            unpricedCases += 1
            if !unpricedModels.contains(request.model) { unpricedModels.append(request.model) }
        }
    }

    /// `estimated cost of one full run: 0.12 CNY (63 cases, ~5,300 input + ~4,000 output tokens at qwen-plus prices taken 2024-07)`
    public var description: String {
        let basis = fromAcceptedAnswers > 0 ? " (output of \(fromAcceptedAnswers == cases ? "every case" : "\(fromAcceptedAnswers) cases") from the accepted answers)" : ""
        let tokens = "~\(Self.grouped(inputTokens)) input + ~\(Self.grouped(outputTokens)) output tokens\(basis)"
        let taken = pricesTaken.map { " taken \($0)" } ?? ""
        let prices = "\(pricedModels.joined(separator: ", ")) prices\(taken)"
        let unknown = unpricedModels.joined(separator: ", ")
        if pricedModels.isEmpty {
            return "estimated cost of one full run: no price known for \(unknown.isEmpty ? "any model" : unknown) (\(cases) cases, \(tokens))"
        }
        if unpricedModels.isEmpty {
            return "estimated cost of one full run: \(Self.format(cny)) CNY (\(cases) cases, \(tokens) at \(prices))"
        }
        return "estimated cost of one full run: \(Self.format(cny)) CNY for \(cases - unpricedCases) of \(cases) cases (\(tokens) in all, at \(prices)); no price known for \(unknown) (\(unpricedCases) cases)"
    }

    /// Two decimals from 0.1 CNY up; below that two significant digits (`0.0093`), so a cheap run is not `0.00`.
    static func format(_ cny: Double) -> String {
        if cny == 0 { return "0" }
        if cny >= 0.1 { return String(format: "%.2f", cny) }
        let decimals = min(8, 1 - Int(log10(cny).rounded(.down)))
        return String(format: "%.\(decimals)f", cny)
    }

    /// `5300` → `5,300`.
    static func grouped(_ n: Int) -> String {
        let digits = String(n)
        var out = ""
        for (i, digit) in digits.enumerated() {
            if i > 0, (digits.count - i) % 3 == 0 { out += "," }
            out.append(digit)
        }
        return out
    }
}
