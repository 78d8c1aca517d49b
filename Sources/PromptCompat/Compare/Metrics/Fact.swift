/// One checkable fact found in a text by ``FactsPreserved``: a number, date, amount, percentage, phone
/// number, identifier, email or URL, as written and in a normalized form that different spellings share.
///
/// ```swift
/// FactsPreserved.facts(in: "2024年7月9日付款¥1,299.00")
/// // [Fact(kind: .date, text: "2024年7月9日", value: "2024-07-09"), Fact(kind: .amount, text: "¥1,299.00", value: "CNY 1299")]
/// ```
public struct Fact: Sendable, Hashable, CustomStringConvertible {
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        case url, email, date, phone, amount, percentage, identifier, number
    }

    public var kind: Kind
    /// As written in the text.
    public var text: String
    /// Normalized: `2024-07-09` (or `--07-09` without a year), `CNY 1299`, `15%`, `13800138000`, `SKU-123`,
    /// `1299.5`, lower-cased emails and URLs.
    public var value: String

    public init(kind: Kind, text: String, value: String) {
        self.kind = kind
        self.text = text
        self.value = value
    }

    public var description: String { "\(kind.rawValue) \(text)" }

    /// The key two facts are matched by.
    var key: String { "\(kind.rawValue):\(value)" }
}

/// A reference fact that the candidate replaced by another of the same kind (see
/// ``FactsPreserved/changed(_:_:)``).
public struct FactChange: Sendable, Hashable, CustomStringConvertible {
    public var kind: Fact.Kind
    /// As written in the reference.
    public var reference: String
    /// As written in the candidate.
    public var candidate: String

    public init(kind: Fact.Kind, reference: String, candidate: String) {
        self.kind = kind
        self.reference = reference
        self.candidate = candidate
    }

    public var description: String { "\(kind.rawValue) \(reference) → \(candidate)" }
}
