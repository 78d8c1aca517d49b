import Foundation

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
    /// The scorer that decides similarity, by name (``Scorer/named``): `rouge-l` (the default),
    /// `json-structure` (the default with `json`), `markdown`, `chrf`, `levenshtein`.
    public var metric: String?
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
    /// The suite's judge model (`grading.judge`) must score the answer at least this well.
    public var judge: Judge?
    /// Minimum embedding similarity (0…1) to the closest accepted sample, through `grading.embeddings`.
    public var semantic: Double?

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

    /// A model-graded check: pairwise ("is this an acceptable substitute for the accepted answer?") or,
    /// with a rubric, "does this answer meet the rubric?" — scored 0…1 by the configured judge.
    public struct Judge: Sendable, Equatable {
        /// The lowest acceptable score, 0…1.
        public var minScore: Double
        public var rubric: String?

        /// Used when `expect.judge` is `true` or an object without `minScore`.
        public static let defaultMinScore = 0.6

        public init(minScore: Double = Judge.defaultMinScore, rubric: String? = nil) {
            self.minScore = minScore
            self.rubric = rubric
        }
    }

    public init(
        similarity: Double? = nil, json: Bool? = nil, contains: [String]? = nil, containsAny: [String]? = nil,
        notContains: [String]? = nil, regex: [String]? = nil, notRegex: [String]? = nil,
        startsWith: String? = nil, endsWith: String? = nil, maxLength: Int? = nil, minLength: Int? = nil,
        language: Language? = nil, schema: JSONSchema? = nil, refusal: Bool? = nil, finishReason: String? = nil,
        toolCall: ToolCall? = nil, maxLatencySeconds: Double? = nil, maxCostCNY: Double? = nil,
        judge: Judge? = nil, semantic: Double? = nil, metric: String? = nil
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
        self.judge = judge
        self.semantic = semantic
        self.metric = metric
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
        take(\.maxLatencySeconds); take(\.maxCostCNY); take(\.judge); take(\.semantic); take(\.metric)
        return merged
    }

    /// The keys `expect` accepts, in the order the documentation lists them.
    static let keys = [
        "similarity", "json", "contains", "containsAny", "notContains", "regex", "notRegex", "startsWith", "endsWith",
        "maxLength", "minLength", "language", "schema", "refusal", "finishReason", "toolCall", "maxLatencySeconds", "maxCostCNY",
        "judge", "semantic", "metric",
    ]

    /// Whether the case asks for a model-graded check (`judge`, `semantic`).
    public var needsGrading: Bool { judge != nil || semantic != nil }

    /// Whether the case can be judged without an accepted answer: it has an assertion that looks at the
    /// output alone (not `similarity`, `metric`, `judge` or `semantic`, which compare with one).
    public var hasAssertions: Bool {
        let present: [Any?] = [json, contains, containsAny, notContains, regex, notRegex, startsWith, endsWith, maxLength, minLength,
                               language, schema, refusal, finishReason, toolCall, maxLatencySeconds, maxCostCNY]
        return present.contains { $0 != nil }
    }
}
