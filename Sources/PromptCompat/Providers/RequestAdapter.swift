import Foundation

/// One change made to a request so a provider accepts it, as a line a person reads in the report:
/// `temperature 0 → 0.01 (Zhipu GLM accepts (0,1])`.
public struct Adaptation: Sendable, Equatable, CustomStringConvertible {
    /// Which rule made the change: `model`, `unsupported`, `temperature`, `top_p`, `max_tokens`, `messages`.
    public var rule: String
    public var change: String

    public init(rule: String, change: String) {
        self.rule = rule
        self.change = change
    }

    public var description: String { change }
}

/// A request adapted to a provider: what is sent, every change made, and what could not be fixed.
public struct AdaptedRequest: Sendable, Equatable {
    public var request: ChatRequest
    public var adaptations: [Adaptation]
    /// Rules the request breaks that adaptation cannot fix (the provider will likely reject it).
    public var problems: [String]
}

/// Adapts a request to a provider's rules (``ProviderProfile``) and records each change, so the report
/// can say "temperature 0 → 0.01 for Zhipu" instead of silently changing the experiment.
///
/// ```swift
/// let adapted = RequestAdapter.adapt(request, promptModel: "gpt-4o", to: ProviderProfile.named("zhipu")!)
/// adapted.adaptations.map(\.change)   // ["temperature 0 → 0.01 (Zhipu GLM accepts (0,1])"]
/// ```
public enum RequestAdapter {
    public static func adapt(_ request: ChatRequest, promptModel: String? = nil, to profile: ProviderProfile) -> AdaptedRequest {
        var adapted = AdaptedRequest(request: request, adaptations: [], problems: [])
        if let promptModel, promptModel != request.model {
            adapted.adaptations.append(Adaptation(rule: "model", change: "model \(promptModel) → \(request.model) (mapped by the suite config)"))
        }
        adaptParameters(&adapted, profile)
        MessageAdapter.adapt(&adapted, profile.messages, provider: profile.displayName)
        return adapted
    }

    static func adaptParameters(_ adapted: inout AdaptedRequest, _ profile: ProviderProfile) {
        let name = profile.displayName
        for parameter in profile.unsupportedParameters where adapted.request.parameters[parameter] != nil {
            adapted.request.parameters[parameter] = nil
            adapted.adaptations.append(Adaptation(rule: "unsupported", change: "dropped \(parameter) (\(name) does not support it)"))
        }
        for (key, range) in [("temperature", profile.temperature), ("top_p", profile.topP)] {
            guard let range, let value = adapted.request.parameters[key]?.numberValue, !range.contains(value) else { continue }
            let clamped = (range.clamp(value) * 100).rounded() / 100
            adapted.request.parameters[key] = .number(clamped)
            adapted.adaptations.append(Adaptation(rule: key, change: "\(key) \(JSONValue.format(value)) → \(JSONValue.format(clamped)) (\(name) accepts \(range))"))
        }
        for key in ["max_tokens", "max_completion_tokens"] {
            guard let cap = profile.outputCap(for: adapted.request.model), let value = adapted.request.parameters[key]?.intValue, value > cap else { continue }
            adapted.request.parameters[key] = .number(Double(cap))
            adapted.adaptations.append(Adaptation(rule: "max_tokens", change: "\(key) \(value) → \(cap) (\(name) caps \(adapted.request.model) output at \(cap) tokens)"))
        }
    }
}

/// The message-order part of ``RequestAdapter``.
enum MessageAdapter {
    static func adapt(_ adapted: inout AdaptedRequest, _ rules: ProviderProfile.MessageRules, provider name: String) {
        var messages = adapted.request.messages
        func note(_ change: String) { adapted.adaptations.append(Adaptation(rule: "messages", change: change)) }

        if rules.noEmptyContent {
            let before = messages.count
            messages.removeAll { $0.content.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty && $0.extra.isEmpty }
            if messages.count < before { note("dropped \(before - messages.count) empty message(s) (\(name) rejects empty content)") }
        }
        let systems = messages.filter { $0.role == .system }
        switch rules.system {
        case .anywhere: break
        case .first where systems.count > 1 || (systems.count == 1 && messages.first?.role != .system):
            messages.removeAll { $0.role == .system }
            messages.insert(ChatMessage(role: .system, content: systems.map(\.content).joined(separator: "\n\n")), at: 0)
            note(systems.count > 1 ? "merged \(systems.count) system messages into one, first (\(name) wants one system message, first)"
                                   : "moved the system message to the front (\(name) wants it first)")
        case .first: break
        case .mergeIntoUser where !systems.isEmpty:
            messages.removeAll { $0.role == .system }
            let text = systems.map(\.content).joined(separator: "\n\n")
            if let first = messages.firstIndex(where: { $0.role == .user }) {
                messages[first].content = text + "\n\n" + messages[first].content
            } else {
                messages.insert(ChatMessage(role: .user, content: text), at: 0)
            }
            note("merged the system message into the first user message (\(name) has no system role)")
        case .mergeIntoUser: break
        }
        if rules.alternate { mergeSameRoleRuns(&messages, note: note, provider: name) }
        if let limit = rules.maxMessages, messages.count > limit {
            let keep = messages.filter { $0.role == .system }
            let rest = messages.filter { $0.role != .system }
            let dropped = messages.count - limit
            messages = keep + rest.dropFirst(dropped)
            note("dropped the \(dropped) oldest message(s) (\(name) takes at most \(limit))")
        }
        let conversation = messages.filter { $0.role != .system }
        if rules.userFirst, let first = conversation.first, first.role != .user {
            adapted.problems.append("the conversation starts with the \(first.role.rawValue); \(name) wants the user first")
        }
        if rules.userLast, let last = conversation.last, last.role != .user {
            adapted.problems.append("the last message is from the \(last.role.rawValue); \(name) wants it from the user")
        }
        adapted.request.messages = messages
    }

    /// Joins consecutive user (or assistant) messages into one.
    static func mergeSameRoleRuns(_ messages: inout [ChatMessage], note: (String) -> Void, provider name: String) {
        var merged: [ChatMessage] = []
        var joins = 0
        for message in messages {
            if let last = merged.last, last.role == message.role, message.role != .system, message.role != .tool, last.extra.isEmpty, message.extra.isEmpty {
                merged[merged.count - 1].content += "\n\n" + message.content
                joins += 1
            } else {
                merged.append(message)
            }
        }
        if joins > 0 { note("merged \(joins) consecutive same-role message(s) (\(name) wants user and assistant to alternate)") }
        messages = merged
    }
}
