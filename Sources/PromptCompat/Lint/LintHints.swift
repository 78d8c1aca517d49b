import Foundation

/// The fix hints of ``CapabilityLint``, as data. `{target}`, `{provider}`, `{parameter}`, `{value}` and
/// `{model}` are filled in when a finding is made.
enum LintHints {
    /// What to do about a parameter the provider does not support, by parameter. A `severity` makes the
    /// finding that level whatever the target's mode (a prompt that needs tools cannot be adapted).
    struct Dropped {
        var severity: LintFinding.Severity? = nil
        var message: String? = nil
        var hint: String
    }

    static let dropped: [String: Dropped] = [
        "response_format": Dropped(hint: "ask for JSON in the prompt text and give an example"),
        "tools": Dropped(
            severity: .error, message: "dropped tools: this prompt relies on tools, which {provider} does not support",
            hint: "keep this prompt on a provider with function calling, or describe the functions in the prompt and ask for a JSON answer"),
        "functions": Dropped(
            severity: .error, message: "dropped functions: this prompt relies on function calling, which {provider} does not support",
            hint: "keep this prompt on a provider with function calling, or describe the functions in the prompt and ask for a JSON answer"),
        "tool_choice": Dropped(hint: "remove tool_choice in an override for {target} and name the tool to use in the prompt text"),
        "seed": Dropped(hint: "remove seed in an override for {target}; answers will vary between runs, so record several baseline samples (\"samples\") to see the noise"),
        "n": Dropped(hint: "remove n in an override for {target} and let the run ask once per sample (\"samples\")"),
        "presence_penalty": Dropped(hint: "remove presence_penalty in an override for {target}; if repetition matters, say so in the prompt"),
        "frequency_penalty": Dropped(hint: "remove frequency_penalty in an override for {target}; if repetition matters, say so in the prompt"),
        "logit_bias": Dropped(hint: "remove logit_bias in an override for {target} and steer the wording in the prompt text instead"),
    ]

    static let droppedDefault = "remove {parameter} in an override for {target}, or accept the adaptation"

    /// Hints for the value rules of ``RequestAdapter``, by its `Adaptation.rule`.
    static let rules: [String: String] = [
        "temperature": "set temperature to {value} in an override for {target}, or accept the adaptation",
        "top_p": "set top_p to {value} in an override for {target}, or accept the adaptation",
        "max_tokens": "set {parameter} to {value} or less in an override for {target} ({model}'s cap), or accept that longer answers are cut there",
    ]

    /// Hints for message-order changes and problems, by a phrase of the adapter's text; the first match wins.
    static let messages: [(phrase: String, hint: String)] = [
        ("system messages into one", "put every instruction in one system message at the start, in the prompt or an override for {target}"),
        ("moved the system message", "put the system message first, in the prompt or an override for {target}"),
        ("into the first user message", "write the instructions into the first user message yourself, in an override for {target}, so you choose the wording"),
        ("empty message", "remove the empty messages or give them text"),
        ("consecutive same-role", "let user and assistant take turns: join consecutive user (or assistant) messages into one, or give {target} an override"),
        ("oldest message", "shorten the conversation (fewer few-shot turns) in an override for {target}"),
        ("starts with the", "start the conversation with a user message in an override for {target} (e.g. move the assistant's opening line into the system message)"),
        ("last message is from", "end the conversation with the user's turn in an override for {target}"),
    ]

    static let messagesDefault = "give {target} an override whose messages follow {provider}'s rules, or accept the adaptation"

    static let context = "shorten the prompt or the case's variables, lower max_tokens, or map this prompt to a model with a longer context (\"models\" of {target} in the suite config)"

    static let unknownModel = "add it under \"profileOverrides\": {\"models\": {\"{model}\": {\"context\": …, \"maxOutput\": …, \"price\": [input, output]}}} of {target} in the suite config, or map the prompt's model to one the profile knows"

    /// `template` with every `{name}` replaced.
    static func fill(_ template: String, _ values: [String: String]) -> String {
        values.reduce(template) { $0.replacingOccurrences(of: "{\($1.key)}", with: $1.value) }
    }

    /// The hint for a message-order change or problem.
    static func messageHint(for text: String) -> String {
        messages.first { text.contains($0.phrase) }?.hint ?? messagesDefault
    }
}
