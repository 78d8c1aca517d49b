import Foundation

/// Evaluates the assertions of `expect` (everything but `similarity`) on one observed call. Each
/// failure explains itself in one line, quoting the evidence; it reads after the word "output"
/// (`output does not start with "尊敬的客户" (starts with "Dear customer…")`).
///
/// ```swift
/// let observed = ObservedOutput(text: "Order shipped", finishReason: "length")
/// Assertions.failures(of: observed, against: Expectations(contains: ["20240709"], finishReason: "stop"))
/// // ["does not contain \"20240709\"", "ended with finish_reason \"length\", expected \"stop\""]
/// ```
///
/// A check that cannot be made — `maxCostCNY` when the model has no price, `maxLatencySeconds` when the
/// latency was not measured — is skipped and noted (``AssertionOutcome/notes``), not failed: a missing
/// price table is not a regression of the prompt.
public enum Assertions {
    /// The failures and the notes of every assertion of `expect`, in a fixed order: text, JSON, tool
    /// call, refusal, then the call's finish reason, latency and cost.
    public static func evaluate(_ observed: ObservedOutput, against expect: Expectations) -> AssertionOutcome {
        var outcome = AssertionOutcome()
        // Checks compare the normalized text; evidence quotes the text as written.
        let normalized = TextNormalizer.normalize(observed.text)
        let written = observed.text.trimming(.whitespacesAndNewlines)
        outcome.failures += textFailures(normalized, written: written, expect)
        outcome.failures += jsonFailures(observed.text, expect)
        outcome.failures += toolCallFailures(observed.text, expect)
        callChecks(observed, written: written, expect, into: &outcome)
        return outcome
    }

    /// The failed assertions of `expect` on `observed`, one line each; empty when all hold.
    public static func failures(of observed: ObservedOutput, against expect: Expectations) -> [String] {
        evaluate(observed, against: expect).failures
    }

    /// The failed assertions on a text alone (no finish reason, latency or cost known).
    public static func failures(of output: String, against expect: Expectations) -> [String] {
        failures(of: ObservedOutput(text: output), against: expect)
    }

    /// `"Dear customer…"`: at most `limit` characters of `text`, quoted on one line. A cut inside a Latin
    /// word moves back to the space before it (when that keeps at least half the limit).
    static func excerpt(_ text: String, limit: Int = 24) -> String {
        guard text.count > limit else { return RegexPattern.quoted(text) }
        var cut = text.prefix(limit)
        let next = text[cut.endIndex]
        if let last = cut.last, isWordCharacter(last), isWordCharacter(next),
           let space = cut.lastIndex(of: " "), cut.distance(from: cut.startIndex, to: space) >= limit / 2 {
            cut = cut[..<space]
        }
        return RegexPattern.quoted(cut.trimming(.whitespaces) + "…")
    }

    private static func isWordCharacter(_ character: Character) -> Bool {
        character.isASCII && (character.isLetter || character.isNumber)
    }

    /// `"…have a nice day."`: the last `limit` characters of `text`, quoted on one line.
    static func tailExcerpt(_ text: String, limit: Int) -> String {
        guard text.count > limit else { return RegexPattern.quoted(text) }
        return RegexPattern.quoted("…" + text.suffix(limit).trimming(.whitespaces))
    }
}

/// What the assertions found: the failures, and the checks that could not be made.
public struct AssertionOutcome: Sendable, Equatable {
    /// One line per failed assertion: `finish_reason is …`.
    public var failures: [String] = []
    /// One line per skipped check: `maxCostCNY not checked: cost unknown: no price for model X`.
    public var notes: [String] = []

    public init(failures: [String] = [], notes: [String] = []) {
        self.failures = failures
        self.notes = notes
    }
}
