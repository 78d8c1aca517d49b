import Foundation

/// One reason a candidate answer is not an acceptable substitute for the accepted one, found without
/// any model: "answer switched from Chinese to English", "JSON now wrapped in prose", "dropped the code 20240709".
public struct SubstituteFinding: Sendable, Equatable, CustomStringConvertible {
    /// The check that found it: `tool-call`, `loop`, `echo`, `empty`, `refusal`, `language`, `json`, `facts`,
    /// `edit`, `label`, `constraint`, `format`, `truncation`, `coverage`, `list`, `owner`.
    public var check: String
    /// One line for a person.
    public var reason: String

    public init(check: String, reason: String) {
        self.check = check
        self.reason = reason
    }

    public var description: String { reason }

    /// Line breaks and tabs as single spaces.
    static func oneLine(_ reason: String) -> String {
        guard reason.contains(where: { $0.isNewline || $0 == "\t" }) else { return reason }
        return reason.split(whereSeparator: { $0.isNewline || $0 == "\t" }).map { $0.trimming(.whitespaces) }.filter { !$0.isEmpty }.joined(separator: " ")
    }
}

/// A named rule that reads the accepted samples and a candidate and says what broke, if anything.
///
/// A check is a value holding a closure (like ``Scorer``), so a team can drop one or add its own. Every
/// built-in check is **noise-aware**: a property counts only when every accepted sample has it — a fact
/// the baseline states in one sample of three is not required, a language the samples disagree on is not
/// enforced. See `SubstituteCheck+Checks.swift` for each rule.
///
/// ```swift
/// let findings = SubstituteCheck.findings(.init(samples: ["订单 20240709 已发货。"], candidate: "Your order has shipped."))
/// findings.map(\.reason)   // ["answer switched from Chinese to English", "dropped the code 20240709"]
/// ```
public struct SubstituteCheck: Sendable {
    /// What a check sees: the accepted samples (at least one), the candidate, the case's expectations and
    /// the prompt's own words (its messages as sent), which say whether the prompt fixes a format.
    public struct Input: Sendable {
        public var samples: [String]
        public var candidate: String
        public var expect: Expectations
        public var instructions: String
        /// `instructions` are the whole prompt, its input included (as in a run), not a summary of it (a
        /// labeled pair's one-line task): checks may then ask whether a fact came from the prompt.
        public var wholePrompt: Bool

        public init(samples: [String], candidate: String, expect: Expectations = Expectations(), instructions: String = "", wholePrompt: Bool = true) {
            self.samples = samples
            self.candidate = candidate
            self.expect = expect
            self.instructions = instructions
            self.wholePrompt = wholePrompt && !instructions.isEmpty
        }
    }

    public var name: String
    /// When this check finds something, its findings are the comparison's only ones: the other checks would
    /// describe symptoms of the same break under misleading names (a prose answer where a tool call was
    /// accepted is not "no JSON any more").
    public var exclusive: Bool
    public var run: @Sendable (Input) -> [String]

    public init(name: String, exclusive: Bool = false, run: @escaping @Sendable (Input) -> [String]) {
        self.name = name
        self.exclusive = exclusive
        self.run = run
    }

    /// The checks a comparison runs by default, most telling first (the exclusive ones lead).
    public static let defaults: [SubstituteCheck] = [
        .toolCall, .loop, .echo, .empty, .refusal, .language, .json, .facts, .meaningEdit, .label, .constraints, .format,
        .truncation, .coverage, .listItems, .owners,
    ]

    /// Every finding of `checks` on `candidate` against the accepted `samples`; none when there are no samples.
    /// The first exclusive check that finds something speaks alone.
    public static func findings(_ input: Input, checks: [SubstituteCheck] = defaults) -> [SubstituteFinding] {
        guard !input.samples.isEmpty else { return [] }
        // The accepted answer itself (punctuation style and case aside) breaks nothing any check looks for.
        let candidate = TextNormalizer.comparable(input.candidate)
        if !candidate.isEmpty, input.samples.contains(where: { TextNormalizer.comparable($0) == candidate }) { return [] }
        var findings: [SubstituteFinding] = []
        for check in checks {
            // A reason is one line, whatever its evidence holds: a fact written across a line break ("2１\n欧元").
            let found = check.run(input).map { SubstituteFinding(check: check.name, reason: SubstituteFinding.oneLine($0)) }
            if check.exclusive, !found.isEmpty { return found }
            findings += found
        }
        return findings
    }
}
