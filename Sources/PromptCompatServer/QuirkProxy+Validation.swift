import Foundation
import PromptCompat

/// A reason to answer with an error: which ``QuirkRefusal``, and the facts its template names.
struct Refusal: Sendable {
    var kind: QuirkRefusal
    var facts: [String: String]

    init(_ kind: QuirkRefusal, facts: [String: String]) {
        self.kind = kind
        self.facts = facts
    }

    /// For the log: `out-of-range: temperature 0 outside (0,1]`.
    var summary: String {
        let detail: String? = switch kind {
        case .outOfRange: facts["param"].map { "\($0) \(facts["value"] ?? "?") outside \(facts["range"] ?? "?")" }
        case .unsupportedParameter: facts["param"]
        case .messageRules, .badRequest: facts["detail"]
        case .inputBlocked, .outputBlocked: facts["word"].map { "sensitive word \"\($0)\"" }
        case .rateLimited: facts["limit"].map { "more than \($0) in flight" }
        case .missingKey, .wrongKey: nil
        }
        return detail.map { "\(kind.rawValue): \($0)" } ?? kind.rawValue
    }
}

/// Checks a Chat Completions body against a profile, in the order a provider does: unsupported
/// parameters, value ranges, message rules, then the input content filter.
struct Validator {
    let profile: ProviderProfile
    let words: [String]

    func refusal(for body: JSONObject) -> Refusal? {
        if let parameter = profile.unsupportedParameters.first(where: { body[$0] != nil }) {
            return Refusal(.unsupportedParameter, facts: ["param": parameter])
        }
        for (key, range) in [("temperature", profile.temperature), ("top_p", profile.topP)] {
            guard let range, let value = body[key]?.numberValue, !range.contains(value) else { continue }
            return Refusal(.outOfRange, facts: [
                "param": key, "value": JSONValue.format(value), "range": range.description,
                "comparison": Self.comparison(value, range),
            ])
        }
        let messages = (body["messages"]?.arrayValue ?? []).map(Message.init)
        if let detail = messageRuleViolation(messages) {
            return Refusal(.messageRules, facts: ["detail": detail])
        }
        if let word = Self.sensitiveWord(in: messages.map(\.text).joined(separator: "\n"), words: words) {
            return Refusal(.inputBlocked, facts: ["word": word])
        }
        return nil
    }

    /// How a value misses a range, in JSON-Schema validator words: `greater than the maximum of 2`.
    static func comparison(_ value: Double, _ range: ValueRange) -> String {
        let below = value < range.lower || (value == range.lower && range.lowerExclusive)
        if below {
            let bound = JSONValue.format(range.lower)
            return range.lowerExclusive ? "less than or equal to the exclusive minimum of \(bound)" : "less than the minimum of \(bound)"
        }
        let bound = JSONValue.format(range.upper)
        return range.upperExclusive ? "greater than or equal to the exclusive maximum of \(bound)" : "greater than the maximum of \(bound)"
    }

    /// The first rule of the profile's message rules the messages break, said as a provider says it.
    func messageRuleViolation(_ messages: [Message]) -> String? {
        let rules = profile.messages
        let systems = messages.indices.filter { messages[$0].role == "system" }
        switch rules.system {
        case .anywhere: break
        case .first:
            if systems.count > 1 { return "only one system message is allowed, got \(systems.count)" }
            if let index = systems.first, index != 0 { return "the system message must be the first message, found at messages[\(index)]" }
        case .mergeIntoUser:
            if let index = systems.first { return "messages[\(index)]: the role system is not supported" }
        }
        if let limit = rules.maxMessages, messages.count > limit {
            return "at most \(limit) messages are allowed, got \(messages.count)"
        }
        if rules.noEmptyContent, let index = messages.firstIndex(where: { $0.text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty && $0.role != "assistant" }) {
            return "messages[\(index)].content must not be empty"
        }
        let conversation = messages.enumerated().filter { $0.element.role != "system" }
        if rules.userFirst, let first = conversation.first, first.element.role != "user" {
            return "the first message must be from the user, messages[\(first.offset)] is from the \(first.element.role)"
        }
        if rules.alternate {
            for (previous, next) in zip(conversation, conversation.dropFirst()) where previous.element.role == next.element.role {
                return "user and assistant messages must alternate, messages[\(previous.offset)] and messages[\(next.offset)] are both from the \(next.element.role)"
            }
        }
        if rules.userLast, let last = conversation.last, last.element.role != "user" {
            return "the last message must be from the user, messages[\(last.offset)] is from the \(last.element.role)"
        }
        return nil
    }

    /// The first listed word found in the text, compared case-insensitively.
    static func sensitiveWord(in text: String, words: [String]) -> String? {
        words.first { text.range(of: $0, options: .caseInsensitive) != nil }
    }

    /// One message's role and text (a content array's text parts joined).
    struct Message {
        var role: String
        var text: String

        init(_ value: JSONValue) {
            role = value["role"]?.stringValue ?? ""
            if let parts = value["content"]?.arrayValue {
                text = parts.compactMap { $0["text"]?.stringValue }.joined(separator: "\n")
            } else {
                text = value["content"]?.stringValue ?? ""
            }
        }
    }
}
