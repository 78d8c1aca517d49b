import Foundation

/// The comparison of one target output with a case's accepted sample(s): the score, the bar it had to
/// reach, the baseline's own noise floor, the failed assertions and a diff.
///
/// The bar: `expect.similarity` (or the suite default). With two or more accepted samples, the
/// **noise floor** is the lowest similarity between any two of them. A few samples only estimate how far
/// the baseline wanders by itself, so the bar is the floor less ``noiseMargin`` when that is lower than
/// the configured bar: a naturally varying prompt is not flagged, while a deterministic one (floor 1.0)
/// is held to the configured bar. A prompt that varies so much that the bar reaches 0 is gated by its
/// assertions alone: neither the bar nor the built-in checks (``SubstituteCheck``) apply.
public struct CaseComparison: Sendable, Equatable {
    /// The scorer that decided (`rouge-l`, `json-structure`).
    public var metric: String
    /// The best score against any accepted sample.
    public var score: Double
    /// The bar the score had to reach.
    public var threshold: Double
    /// The configured bar before the noise floor lowered it.
    public var configuredThreshold: Double
    /// The lowest sample-to-sample score of the accepted samples, when there are two or more.
    public var noiseFloor: Double?
    /// One line per failed assertion.
    public var assertionFailures: [String]
    /// One line per assertion that could not be checked (``AssertionOutcome/notes``).
    public var assertionNotes: [String] = []
    /// What the built-in checks found broken without any model (``SubstituteCheck``): a language switch,
    /// dropped facts, JSON wrapped in prose, a changed format, a cut-off or refusing answer.
    public var findings: [SubstituteFinding] = []
    /// Structural JSON differences against the closest sample, for `expect.json` cases.
    public var jsonDifferences: [String]
    /// Unified line diff from the closest accepted sample to the output; empty when equal.
    public var diff: String
    /// Which accepted sample scored best (the one the diff and the model-graded checks compare with).
    public var closestSample: Int? = nil
    /// The output's length against the closest sample's, signed: −0.4 is 40% shorter (``LengthRatio/change(_:_:)``).
    public var lengthChange: Double? = nil

    /// The prompt classifies or judges, and the answer and an accepted one are short verdicts saying the same
    /// thing in other words (`Not angry` / `No anger expressed`, ``LabelAnswer/equivalent(_:_:)``): a
    /// similarity of two or three words says nothing, so the bar does not decide; the `label` check
    /// compares verdicts.
    public var sameVerdict = false

    /// The answer is below the default bar but says what the closest accepted sample says in its own words and
    /// order: at least ``sameContentShare`` of the sample's content units (``ContentUnits``) are in it. A
    /// rewording that adds a heading, a table or detail from the prompt's input scores a low ROUGE-L by
    /// construction; what it dropped or added is the coverage and facts checks' to say. An answer to another
    /// question shares little. Not applied to a bar the case sets itself (`expect.similarity`).
    public var sameContent = false

    /// The share of an accepted answer's content units a reworded answer keeps to pass on content (see
    /// ``sameContent``). Half: on the labeled set's dev split, fine rewordings below the bar kept 0.65–0.79
    /// and answers to another task 0.00–0.38.
    public static let sameContentShare = 0.5

    public var similarityPassed: Bool { score >= threshold || sameVerdict || sameContent }
    public var passed: Bool { similarityPassed && assertionFailures.isEmpty && findings.isEmpty }

    /// Compares `output` with the accepted `samples`; assertions see the text only.
    ///
    /// - Parameters:
    ///   - referenceName: names the accepted side in the diff header, e.g. `snapshots/local-smollm`.
    public static func compare(
        output: String, samples: [String], expect: Expectations, defaultSimilarity: Double,
        referenceName: String, targetName: String, instructions: String = "", wholePrompt: Bool = true, scorer: Scorer? = nil
    ) -> CaseComparison {
        compare(observed: ObservedOutput(text: output), samples: samples, expect: expect, defaultSimilarity: defaultSimilarity,
                referenceName: referenceName, targetName: targetName, instructions: instructions, wholePrompt: wholePrompt, scorer: scorer)
    }

    /// Compares an observed call with the accepted `samples`: the text is scored, and the assertions
    /// also see its finish reason, latency and cost.
    ///
    /// - Parameters:
    ///   - instructions: the prompt's messages as sent; the built-in checks read in them what the prompt
    ///     fixes (format, limits, labels, order) and what its input says.
    ///   - wholePrompt: `instructions` are the whole prompt, input included (a run); `false` for a summary of
    ///     it (a labeled pair's one-line task), where no check asks whether a fact came from the prompt.
    public static func compare(
        observed: ObservedOutput, samples: [String], expect: Expectations, defaultSimilarity: Double,
        referenceName: String, targetName: String, instructions: String = "", wholePrompt: Bool = true, scorer: Scorer? = nil
    ) -> CaseComparison {
        let output = observed.text
        let scorer = scorer ?? Scorer.for(expect)
        let scores = samples.map { scorer.score($0, output) }
        let best = scores.indices.max { scores[$0] < scores[$1] }
        let configured = expect.similarity ?? defaultSimilarity
        let floor = noiseFloor(samples, scorer: scorer)
        let reference = best.map { samples[$0] } ?? ""
        let assertions = Assertions.evaluate(observed, against: expect)
        let threshold = floor.map { min(configured, max(0, $0 - noiseMargin)) } ?? configured
        return CaseComparison(
            metric: scorer.name,
            score: best.map { scores[$0] } ?? 0,
            threshold: threshold,
            configuredThreshold: configured,
            noiseFloor: floor,
            assertionFailures: assertions.failures,
            assertionNotes: assertions.notes,
            // A baseline that varies so much that the bar reaches 0 has no stable answer to hold a candidate
            // to: three samples of noise share a shape or a language by chance. Its assertions gate it alone.
            findings: floor.map { $0 - noiseMargin <= 0 } == true
                ? [] : SubstituteCheck.findings(.init(samples: samples, candidate: output, expect: expect, instructions: instructions, wholePrompt: wholePrompt)),
            jsonDifferences: expect.json == true ? jsonDifferences(reference, output) : [],
            diff: diff(reference, output, json: expect.json == true, referenceName: referenceName, targetName: targetName),
            closestSample: best,
            lengthChange: best.map { LengthRatio.change(samples[$0], output) },
            sameVerdict: expect.json != true && PromptConstraints.read(instructions).classifies && samples.contains { LabelAnswer.sameVerdict($0, output) },
            sameContent: expect.similarity == nil && expect.json != true && best.map { scores[$0] < threshold } == true
                && sameContent(reference, output)
        )
    }

    /// `output` has at least ``sameContentShare`` of `reference`'s content units, and `reference` has
    /// ``sameContentMinimum`` of them: a label or a line of a few words has too few to share by chance or not.
    static func sameContent(_ reference: String, _ output: String) -> Bool {
        let units = ContentUnits.of(reference)
        return units.count >= sameContentMinimum && ContentUnits.coverage(of: units, by: ContentUnits.of(output)) >= sameContentShare
    }

    /// The fewest content units an accepted answer has for ``sameContent`` to apply.
    static let sameContentMinimum = 8

    /// How far below the noise floor a new sample may land and still be "the baseline varying by itself".
    /// Measured on the example library: a fourth SmolLM sample of a temperature-0.8 prompt landed up to
    /// 0.074 below the lowest pairwise score of three (scripts/noise-check re-measures it).
    public static let noiseMargin = 0.1

    /// The lowest pairwise score among the samples, or `nil` with fewer than two.
    static func noiseFloor(_ samples: [String], scorer: Scorer) -> Double? {
        guard samples.count >= 2 else { return nil }
        var lowest = 1.0
        for i in samples.indices {
            for j in samples.indices where j > i {
                lowest = min(lowest, scorer.score(samples[i], samples[j]))
            }
        }
        return lowest
    }

    static func jsonDifferences(_ reference: String, _ output: String) -> [String] {
        guard let a = JSONComparison.extract(from: reference)?.value, let b = JSONComparison.extract(from: output)?.value else { return [] }
        return JSONComparison.differences(a, b).map(\.description)
    }

    /// JSON is pretty-printed on both sides first, so the diff shows changed members as lines; text is
    /// diffed as written, not normalized.
    static func diff(_ reference: String, _ output: String, json: Bool, referenceName: String, targetName: String) -> String {
        func prepared(_ text: String) -> String {
            if json, let value = JSONComparison.extract(from: text)?.value { return value.serialized(pretty: true) }
            // The texts as written (only line ends unified): a diff must show what the model said.
            return text.unifyingLineEnds.trimming(.newlines)
        }
        return LineDiff.unified(from: prepared(reference), to: prepared(output), fromName: referenceName, toName: targetName)
    }
}
