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
    /// How much traffic the prompt carries (any unit: calls per day, a share); the report lists the prompts
    /// to re-tune first by it. `nil` when the file does not say.
    public var weight: Double? = nil

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

extension JSONDocument {
    init(root: JSONValue, positions: [String: SourcePosition]) {
        self.root = root
        self.positions = positions
    }
}
