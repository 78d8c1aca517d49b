import Foundation

/// What PromptCompat knows about one provider's API: where it is, how it authenticates, which values
/// and messages it accepts, how long its answers may be, how its errors look, and what it costs.
///
/// The catalog is data (``ProviderProfile/catalogJSON``), one entry a provider; a suite config can
/// override any field of it for one provider (`"profileOverrides"`), e.g. this year's prices:
///
/// ```json
/// "qwen": { "profile": "dashscope", "profileOverrides": { "models": { "qwen-plus": { "price": [0.8, 2] } } }, … }
/// ```
public struct ProviderProfile: Sendable, Equatable {
    public enum AuthScheme: String, Sendable {
        /// `Authorization: Bearer <key>`
        case bearer
        /// Azure OpenAI: `api-key: <key>`
        case apiKeyHeader = "api-key"
    }

    /// Where a provider wants the system message.
    public enum SystemPlacement: String, Sendable {
        /// Anywhere, as OpenAI.
        case anywhere
        /// One system message, first.
        case first
        /// No system role: its text goes in front of the first user message.
        case mergeIntoUser = "merge-into-user"
    }

    /// The message-order rules a provider enforces.
    public struct MessageRules: Sendable, Equatable {
        public var system: SystemPlacement = .anywhere
        /// user and assistant must alternate (consecutive same-role messages are rejected).
        public var alternate = false
        /// The first non-system message must be from the user.
        public var userFirst = false
        /// The last message must be from the user.
        public var userLast = false
        public var maxMessages: Int?
        /// Messages with empty content are rejected.
        public var noEmptyContent = false
        public init() {}
    }

    /// One model: its context window, output cap, and price in CNY per 1M tokens.
    public struct Model: Sendable, Equatable {
        public var name: String
        public var contextTokens: Int?
        public var maxOutputTokens: Int?
        public var inputPrice: Double?
        public var outputPrice: Double?
    }

    /// The id a suite config names in `profile`.
    public var id: String
    public var displayName: String
    /// The OpenAI-compatible base URL; empty for a server you run yourself.
    public var baseURL: String
    public var auth: AuthScheme
    /// The environment variable teams conventionally keep the key in.
    public var keyVariable: String?
    public var defaultModel: String?
    public var models: [Model]
    /// Accepted `temperature` values; `nil`: anything.
    public var temperature: ValueRange?
    public var topP: ValueRange?
    /// Request parameters the provider rejects or ignores.
    public var unsupportedParameters: [String]
    /// The largest `max_tokens` the provider accepts (a model's own cap wins).
    public var maxOutputTokens: Int?
    public var messages: MessageRules
    /// Sends `: keep-alive` comments and blank lines inside SSE streams.
    public var streamKeepAlive: Bool
    /// Which error-body shape the provider uses (`openai`, `dashscope`, `zhipu`, `qianfan`, `minimax`, …).
    public var errorShape: String
    /// When the prices were taken (they change often).
    public var pricesTaken: String?
    /// Where the facts come from, and which are unconfirmed.
    public var notes: [String]

    /// The model entry for `name`, if the profile knows it.
    public func model(named name: String) -> Model? { models.first { $0.name == name } }

    /// The output cap for a model: the model's own, else the provider's.
    public func outputCap(for model: String) -> Int? { self.model(named: model)?.maxOutputTokens ?? maxOutputTokens }

    /// The profile with this id in the built-in catalog.
    public static func named(_ id: String) -> ProviderProfile? { catalog.first { $0.id == id } }
}

/// An interval of accepted values, written as in mathematics: `[0,2]`, `(0,1]`, `[0,1)`.
public struct ValueRange: Sendable, Equatable, CustomStringConvertible {
    public var lower: Double
    public var upper: Double
    public var lowerExclusive: Bool
    public var upperExclusive: Bool

    /// Parses `[0,2]`, `(0,1]`, …; `nil` for anything else.
    public init?(_ text: String) {
        let trimmed = text.replacingOccurrences(of: " ", with: "")
        guard let open = trimmed.first, let close = trimmed.last, "[(".contains(open), "])".contains(close) else { return nil }
        let bounds = trimmed.dropFirst().dropLast().split(separator: ",")
        guard bounds.count == 2, let lower = Double(bounds[0]), let upper = Double(bounds[1]), lower <= upper else { return nil }
        self.lower = lower
        self.upper = upper
        lowerExclusive = open == "("
        upperExclusive = close == ")"
    }

    public func contains(_ value: Double) -> Bool {
        (lowerExclusive ? value > lower : value >= lower) && (upperExclusive ? value < upper : value <= upper)
    }

    /// The nearest accepted value: an exclusive bound moves in by 0.01.
    public func clamp(_ value: Double) -> Double {
        if contains(value) { return value }
        if value <= lower { return lowerExclusive ? lower + 0.01 : lower }
        return upperExclusive ? upper - 0.01 : upper
    }

    public var description: String {
        "\(lowerExclusive ? "(" : "[")\(JSONValue.format(lower)),\(JSONValue.format(upper))\(upperExclusive ? ")" : "]")"
    }
}
