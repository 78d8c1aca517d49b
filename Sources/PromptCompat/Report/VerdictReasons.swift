import Foundation

/// Short human reasons for a verdict ("answer 42% shorter than the accepted one") and a hint of what to
/// change. The hint table is data: a marker found in a reason, and the advice it calls for.
public enum VerdictReasons {
    /// The reasons a comparison gives, most telling first.
    public static func reasons(for comparison: CaseComparison) -> [String] {
        var reasons = comparison.assertionFailures.map { "output \($0)" } + comparison.findings.map(\.reason)
        if !comparison.similarityPassed {
            reasons.append(similarityLine(comparison))
            if let change = comparison.lengthChange, change.isFinite, abs(change) >= 0.3 {
                reasons.append(change < 0
                    ? "answer \(Int((-change * 100).rounded()))% shorter than the accepted one"
                    : "answer \(String(format: "%.1f", 1 + change))× as long as the accepted one")
            }
        }
        return reasons
    }

    /// "rouge-l similarity 0.20 is below the bar 0.25", with where the bar came from when the accepted
    /// samples' noise floor set it: "(the configured 0.50 lowered to the noise floor 0.45 − margin 0.10)".
    static func similarityLine(_ comparison: CaseComparison) -> String {
        var line = "\(comparison.metric) similarity \(format(comparison.score)) is below the bar \(format(comparison.threshold))"
        if let floor = comparison.noiseFloor {
            line += comparison.threshold < comparison.configuredThreshold
                ? " (the configured \(format(comparison.configuredThreshold)) lowered to the baseline's noise floor \(format(floor)) − margin \(format(CaseComparison.noiseMargin)))"
                : " (baseline noise floor \(format(floor)))"
        }
        return line
    }

    struct Hint: Sendable {
        var marker: String
        var advice: String
    }

    static let hints: [Hint] = [
        Hint(marker: "no tool call:", advice: "the target answered instead of calling the tool: send the tools with tool_choice naming the function (check the provider supports tool_choice), and say in the system message when to call it"),
        Hint(marker: " instead of ", advice: "the target calls another tool: describe each tool's purpose in its description and say which one this request needs"),
        Hint(marker: "the answer loops", advice: "the target repeats itself until the cap, so a larger max_tokens only makes it longer: add a stop sequence, set frequency_penalty or presence_penalty (or the provider's repetition_penalty), and state the expected length"),
        Hint(marker: "loops: ", advice: "the target repeats itself: add a stop sequence, set frequency_penalty or presence_penalty (or the provider's repetition_penalty), lower temperature, and state the expected length; a larger max_tokens makes it worse"),
        Hint(marker: "echoes the prompt", advice: "the target copies the input back instead of doing the task: put the instruction after the input, wrap the input in delimiters (<text>…</text>), and show one input → output example"),
        Hint(marker: "label changed:", advice: "the label flipped: list the allowed labels with one short example each (few-shot), ask for the label only, and set temperature 0"),
        Hint(marker: "verdict changed:", advice: "the verdict flipped: state the criteria the verdict rests on, show one example for each verdict (few-shot), and set temperature 0"),
        Hint(marker: "is not one of the prompt's labels", advice: "say \"answer with exactly one of: …\" with the labels written as the product expects them, and show one example"),
        Hint(marker: "longer than the prompt allows", advice: "repeat the limit at the end of the user turn (\"不超过70字\" / \"under 20 words\"), show an answer of the right length, and set max_tokens close to it"),
        Hint(marker: "the prompt fixes its format", advice: "show the exact format with one example value (\"2024-03-05\") and say the value must be written that way"),
        Hint(marker: "dropped the owner", advice: "the target loses who does what: ask for every action item as \"owner: action\" with the owner's name as given in the notes"),
        Hint(marker: "dropped the list item", advice: "the target shortens a list: say \"name every item of … as given\" and keep the items in the prompt's input"),
        Hint(marker: "dropped: \"", advice: "the target leaves out a condition the accepted answer states: list the must-keep points (exceptions, limits, warnings, owners) in the prompt and ask for every one"),
        Hint(marker: "added the ", advice: "the target makes up a figure, a code or a source the input never had: say \"use only the prices, dates, codes and sources given; do not add discounts or codes\""),
        Hint(marker: "added: \"", advice: "the target adds content the accepted answer never had: say \"use only the facts given; do not add offers, sources, features or promises\""),
        Hint(marker: "JSON now wrapped in prose", advice: "ask for JSON only and show one example object; the target wraps JSON in prose"),
        Hint(marker: "JSON now wrapped in a ``` code fence", advice: "say \"answer with raw JSON, no code fence\", or set response_format json_object if the target supports it"),
        Hint(marker: "refuses:", advice: "the target refuses an ordinary request: state the business context in the system message (\"you are the customer-service assistant of …\") and rephrase wording that reads as risky"),
        Hint(marker: "answer switched from", advice: "say the answer language explicitly (\"请用简体中文回答\" / \"Answer in English\") in the system message and in the user turn"),
        Hint(marker: "dropped ", advice: "tell the model explicitly to repeat the required detail (order number, amount, date) in its answer"),
        Hint(marker: "changed ", advice: "a number, a date or a negation changed: put the exact value in the prompt and ask the model to copy it verbatim"),
        Hint(marker: "JSON $", advice: "give the exact JSON shape with key names and types, with one filled-in example"),
        Hint(marker: "no JSON in the answer", advice: "give the exact JSON shape with one filled-in example and end the prompt where the JSON starts"),
        Hint(marker: "was a one-line label", advice: "say \"answer with the label only\" and show two labelled examples; or set max_tokens low and a stop sequence"),
        Hint(marker: "adds text the prompt did not ask for", advice: "repeat \"output only …, no explanation\" at the end of the user turn, and add a stop sequence"),
        Hint(marker: "stops at", advice: "the answer is cut short: raise max_tokens, or ask for a shorter answer"),
        Hint(marker: "stops mid-sentence", advice: "the answer is cut short: raise max_tokens, or ask for a shorter answer"),
        Hint(marker: "stops mid-word", advice: "the answer is cut short: raise max_tokens, or ask for a shorter answer"),
        Hint(marker: "table, now", advice: "ask for a Markdown table explicitly and show the header row"),
        Hint(marker: ", now ", advice: "the prompt fixes a format the target does not keep: show the format with a filled-in example"),
        Hint(marker: "is not valid JSON", advice: "give the exact JSON shape with one filled-in example and end the prompt where the JSON starts"),
        Hint(marker: "the provider caps output", advice: "the provider stops below the max_tokens you asked for: ask for a shorter answer, or split the task"),
        Hint(marker: "truncated:", advice: "raise max_tokens, or ask for a shorter answer: the output was cut"),
        Hint(marker: "more than maxLength", advice: "ask for a shorter answer (say the limit in the prompt) or lower max_tokens"),
        Hint(marker: "fewer than minLength", advice: "ask for more detail, or raise max_tokens"),
        Hint(marker: "does not contain", advice: "tell the model explicitly to repeat the required detail (order number, name) in its answer"),
        Hint(marker: "which it must not", advice: "forbid the phrase in the system message, or add a counter-example"),
        Hint(marker: "similarity", advice: "read the diff; add an override for this target (few-shot example, completion-style prompt, lower temperature)"),
        Hint(marker: "safety-blocked (output side)", advice: "the provider's filter withheld the answer: steer the prompt away from what the answer triggered (ask for a neutral summary, forbid the flagged wording) or ask the provider for a whitelist"),
        Hint(marker: "safety-blocked", advice: "the provider's content filter refused ordinary business text: rephrase the flagged wording or ask the provider for a whitelist"),
        Hint(marker: "unsupported", advice: "drop or replace the parameter this provider does not support"),
        Hint(marker: "context-too-long", advice: "shorten the prompt or pick a model with a longer context"),
    ]

    /// The advice for the first reason that has one.
    public static func hint(for reasons: [String]) -> String? {
        for reason in reasons {
            if let hint = hints.first(where: { reason.contains($0.marker) }) { return hint.advice }
        }
        return nil
    }

    static func format(_ value: Double) -> String { String(format: "%.2f", value) }
}
