import Foundation

/// What one call returned, as the assertions of `expect` see it: the text, how it ended, how long it
/// took and what it cost.
///
/// ```swift
/// let observed = ObservedOutput(completion, cost: CallCost(usage: completion.usage, model: "qwen-plus", profile: profile))
/// Assertions.failures(of: observed, against: Expectations(finishReason: "stop", maxCostCNY: 0.01))
/// ```
public struct ObservedOutput: Sendable, Equatable {
    /// The answer; for a reply that is only tool calls, their JSON (see ``Completion/text``).
    public var text: String
    /// `stop`, `length`, `tool_calls`, … as the provider said it; `nil` when it said nothing.
    public var finishReason: String?
    /// Seconds from sending the request to the last byte of the answer; `nil` when not measured.
    public var latency: Double?
    /// What the call cost, or why that is unknown.
    public var cost: CallCost

    public init(text: String, finishReason: String? = nil, latency: Double? = nil, cost: CallCost = .unknown(reason: "not measured")) {
        self.text = text
        self.finishReason = finishReason
        self.latency = latency
        self.cost = cost
    }

    /// The observation of a completion; `cost` comes from ``CallCost/init(usage:model:profile:)``.
    public init(_ completion: Completion, cost: CallCost) {
        self.init(text: completion.text, finishReason: completion.finishReason, latency: completion.latency, cost: cost)
    }
}

/// The price of one call in CNY, or why it is unknown.
public enum CallCost: Sendable, Equatable {
    case cny(Double)
    /// The reason, e.g. `no price for model qwen-long in the Alibaba DashScope / Bailian (Qwen) profile`.
    case unknown(reason: String)

    /// Token usage × the profile's price for `model` (CNY per 1M tokens, input and output).
    ///
    /// ```swift
    /// CallCost(usage: Usage(promptTokens: 1000, completionTokens: 500), model: "glm-4-air", profile: .named("zhipu"))
    /// // .cny(0.0015): (1000 × 1 + 500 × 1) / 1,000,000
    /// ```
    public init(usage: Usage?, model: String, profile: ProviderProfile?) {
        guard let usage else {
            self = .unknown(reason: "the provider reported no token usage")
            return
        }
        guard let price = profile?.model(named: model), let input = price.inputPrice, let output = price.outputPrice else {
            let inProfile = profile.map { " in the \($0.displayName) profile" } ?? ""
            self = .unknown(reason: "no price for model \(model)\(inProfile)")
            return
        }
        self = .cny((Double(usage.promptTokens) * input + Double(usage.completionTokens) * output) / 1_000_000)
    }

    public var cny: Double? {
        if case .cny(let amount) = self { amount } else { nil }
    }
}
