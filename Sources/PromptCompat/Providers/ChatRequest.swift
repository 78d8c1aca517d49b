import Foundation

/// One chat message, as in the OpenAI Chat Completions API.
public struct ChatMessage: Sendable, Equatable {
    /// The roles a prompt file may use.
    public enum Role: String, Sendable, CaseIterable {
        case system, user, assistant, tool
    }

    public var role: Role
    public var content: String
    /// Other members of the message (`name`, `tool_call_id`, `tool_calls`), sent as they are.
    public var extra: JSONObject

    public init(role: Role, content: String, extra: JSONObject = JSONObject()) {
        self.role = role
        self.content = content
        self.extra = extra
    }

    var json: JSONValue {
        var object = JSONObject([("role", .string(role.rawValue)), ("content", .string(content))])
        for member in extra { object[member.key] = member.value }
        return .object(object)
    }
}

/// A Chat Completions request ready to send: model, messages and every other parameter.
///
/// ```swift
/// let request = ChatRequest(model: "qwen-plus", messages: [.init(role: .user, content: "你好")],
///                           parameters: ["temperature": 0, "max_tokens": 64])
/// ```
public struct ChatRequest: Sendable, Equatable {
    public var model: String
    public var messages: [ChatMessage]
    /// `temperature`, `max_tokens`, `response_format`, `tools`, … in the order they were written.
    public var parameters: JSONObject

    public init(model: String, messages: [ChatMessage], parameters: JSONObject = JSONObject()) {
        self.model = model
        self.messages = messages
        self.parameters = parameters
    }

    /// The request body; `stream` adds `"stream": true` and asks for usage in the last chunk.
    public func body(stream: Bool = false) -> JSONValue {
        var object = JSONObject([("model", .string(model)), ("messages", .array(messages.map(\.json)))])
        for member in parameters where member.key != "stream" && member.key != "stream_options" {
            object[member.key] = member.value
        }
        if stream {
            object["stream"] = true
            object["stream_options"] = ["include_usage": true]
        }
        return .object(object)
    }
}
