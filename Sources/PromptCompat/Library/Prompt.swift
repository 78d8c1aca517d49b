import Foundation

/// One prompt of the library: a Chat Completions request body with `{{variables}}`, its cases,
/// expectations and per-provider overrides. See `docs/prompt-format.md`.
public struct Prompt: Sendable, Identifiable {
    /// The path relative to the library without `.json`, e.g. `support/refund-reply`.
    public var id: String
    /// The prompt file on disk.
    public var file: URL
    public var description: String?
    public var tags: [String]
    public var messages: [ChatMessage]
    /// Every other request key (`model`, `temperature`, `max_tokens`, `response_format`, …).
    public var parameters: JSONObject
    public var cases: [PromptCase]
    /// Baseline samples to record per case, when the prompt sets it.
    public var samples: Int?
    /// Re-tuned variants, keyed by provider name.
    public var overrides: [String: PromptOverride]
    /// Where each JSON path starts in the file, so failures can point at the right line.
    public var positions: [String: SourcePosition]

    /// The line and column of a JSON path in the prompt file (or of its nearest parent).
    public func position(of jsonPath: String) -> SourcePosition {
        JSONDocument(root: .null, positions: positions).position(of: jsonPath) ?? SourcePosition(line: 1, column: 1)
    }
}

/// A named set of variables for a prompt, and the expectations that apply to it.
public struct PromptCase: Sendable, Equatable {
    public var name: String
    public var variables: [String: String]
    /// The prompt's `expect` with the case's own `expect` merged over it.
    public var expect: Expectations
    /// The JSON path of this case in the prompt file (`$.cases[1]`).
    public var jsonPath: String
}

/// The re-tuned variant of a prompt for one provider.
public struct PromptOverride: Sendable, Equatable {
    /// Why and how the prompt was re-tuned; shown in the report.
    public var note: String?
    /// Replaces the prompt's messages wholesale when set.
    public var messages: [ChatMessage]?
    /// Replaces or adds request parameters.
    public var parameters: JSONObject
}

/// What a case's output must satisfy. Every field is optional; unset fields check nothing. A case's own
/// `expect` is merged over the prompt's key by key (``merging(_:)``). See `docs/prompt-format.md`.
///
/// ```swift
/// let expect = Expectations(containsAny: ["已发货", "配送中"], language: .zh, refusal: false, finishReason: "stop")
/// Assertions.failures(of: "Your order has shipped.", against: expect)
/// ```
public struct Expectations: Sendable, Equatable {
    /// Minimum similarity (0…1) to the accepted output.
    public var similarity: Double?
    /// The output must be bare JSON and is compared structurally.
    public var json: Bool?
    /// Every string must occur in the output (after normalization).
    public var contains: [String]?
    /// At least one of the strings must occur.
    public var containsAny: [String]?
    /// None of the strings may occur.
    public var notContains: [String]?
    /// Every regular expression must match somewhere in the normalized output (checked at load time).
    public var regex: [String]?
    /// No regular expression may match.
    public var notRegex: [String]?
    /// The normalized, trimmed output must start with this.
    public var startsWith: String?
    /// The normalized, trimmed output must end with this.
    public var endsWith: String?
    /// In characters; a CJK character counts as one.
    public var maxLength: Int?
    public var minLength: Int?
    /// The script most of the output is written in.
    public var language: Language?
    /// The output's JSON (bare, fenced or in prose) must validate against this schema.
    public var schema: JSONSchema?
    /// `false`: the output must not be a refusal; `true`: it must be one (safety-test prompts).
    public var refusal: Bool?
    /// The completion's `finish_reason`, e.g. `stop`.
    public var finishReason: String?
    /// The completion must call this tool, with arguments valid against its schema.
    public var toolCall: ToolCall?
    /// Seconds from sending the request to the last byte of the answer.
    public var maxLatencySeconds: Double?
    /// Cost of the one call in CNY, from its token usage and the target profile's model price.
    public var maxCostCNY: Double?

    /// The dominant script of an answer: `zh` CJK characters, `en` Latin-script words.
    public enum Language: String, Sendable, CaseIterable {
        case zh, en
    }

    /// A tool the answer must call: its name and, optionally, a schema its arguments must match.
    public struct ToolCall: Sendable, Equatable {
        public var name: String
        public var arguments: JSONSchema?

        public init(name: String, arguments: JSONSchema? = nil) {
            self.name = name
            self.arguments = arguments
        }
    }

    public init(
        similarity: Double? = nil, json: Bool? = nil, contains: [String]? = nil, containsAny: [String]? = nil,
        notContains: [String]? = nil, regex: [String]? = nil, notRegex: [String]? = nil,
        startsWith: String? = nil, endsWith: String? = nil, maxLength: Int? = nil, minLength: Int? = nil,
        language: Language? = nil, schema: JSONSchema? = nil, refusal: Bool? = nil, finishReason: String? = nil,
        toolCall: ToolCall? = nil, maxLatencySeconds: Double? = nil, maxCostCNY: Double? = nil
    ) {
        self.similarity = similarity
        self.json = json
        self.contains = contains
        self.containsAny = containsAny
        self.notContains = notContains
        self.regex = regex
        self.notRegex = notRegex
        self.startsWith = startsWith
        self.endsWith = endsWith
        self.maxLength = maxLength
        self.minLength = minLength
        self.language = language
        self.schema = schema
        self.refusal = refusal
        self.finishReason = finishReason
        self.toolCall = toolCall
        self.maxLatencySeconds = maxLatencySeconds
        self.maxCostCNY = maxCostCNY
    }

    /// `self` with every field that `other` sets replaced by `other`'s value (a whole list or schema is
    /// replaced, not appended to).
    public func merging(_ other: Expectations) -> Expectations {
        var merged = self
        func take<Value>(_ field: WritableKeyPath<Expectations, Value?>) {
            if let value = other[keyPath: field] { merged[keyPath: field] = value }
        }
        take(\.similarity); take(\.json)
        take(\.contains); take(\.containsAny); take(\.notContains); take(\.regex); take(\.notRegex)
        take(\.startsWith); take(\.endsWith); take(\.maxLength); take(\.minLength); take(\.language)
        take(\.schema); take(\.refusal); take(\.finishReason); take(\.toolCall)
        take(\.maxLatencySeconds); take(\.maxCostCNY)
        return merged
    }

    /// The keys `expect` accepts, in the order the documentation lists them.
    static let keys = [
        "similarity", "json", "contains", "containsAny", "notContains", "regex", "notRegex", "startsWith", "endsWith",
        "maxLength", "minLength", "language", "schema", "refusal", "finishReason", "toolCall", "maxLatencySeconds", "maxCostCNY",
    ]
}

extension JSONDocument {
    init(root: JSONValue, positions: [String: SourcePosition]) {
        self.root = root
        self.positions = positions
    }
}
