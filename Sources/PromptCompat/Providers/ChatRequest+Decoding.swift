import Foundation

extension ChatRequest {
    /// Reads a request body back, the inverse of ``body(stream:)``: `model`, `messages` (each `role`,
    /// `content` and its other members), and every other member as a parameter, in order. `nil` when the
    /// body has no string `model`, no `messages` array, or a message without a known role and string content.
    ///
    /// ```swift
    /// let request = ChatRequest(body: ["model": "qwen-plus", "messages": [["role": "user", "content": "你好"]], "temperature": 0])
    /// request?.parameters["temperature"]   // 0
    /// ```
    public init?(body: JSONValue) {
        guard let object = body.objectValue, let model = object["model"]?.stringValue,
              let messageValues = object["messages"]?.arrayValue else { return nil }
        var messages: [ChatMessage] = []
        for value in messageValues {
            guard let message = value.objectValue, let role = message["role"]?.stringValue.flatMap(ChatMessage.Role.init(rawValue:)),
                  let content = message["content"]?.stringValue else { return nil }
            var extra = JSONObject()
            for member in message where member.key != "role" && member.key != "content" { extra[member.key] = member.value }
            messages.append(ChatMessage(role: role, content: content, extra: extra))
        }
        var parameters = JSONObject()
        for member in object where member.key != "model" && member.key != "messages" { parameters[member.key] = member.value }
        self.init(model: model, messages: messages, parameters: parameters)
    }
}
