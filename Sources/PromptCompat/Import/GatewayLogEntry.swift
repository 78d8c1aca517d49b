import Foundation

/// One logged request and the answer it got, read from a gateway log line.
///
/// Accepted line shapes (see `docs/import.md`):
/// ```
/// {"request": {…Chat Completions body…}, "response": {…chat.completion…}}
/// {"request_body": "{…}", "response_body": "{…}"}            // objects or JSON strings
/// {"request": {"body": {…}}, "response": {"status_code": 200, "body": {…}}}
/// ```
/// with optional `"id"`, `"case"`, `"timestamp"` (ISO 8601, or Unix seconds or milliseconds),
/// `"latency_ms"`, and what gateways record about the call (``GatewayLogEntry/LogMetadata``).
public struct GatewayLogEntry: Sendable {
    /// The log file, as it is named in messages.
    public var file: String
    public var line: Int
    /// The request as logged, without ``GatewayLog/ignoredRequestKeys``.
    public var request: ChatRequest
    /// The logged answer: text (tool calls as their JSON), finish reason, model, usage.
    public var completion: Completion
    public var latencySeconds: Double?
    /// When the request was made, ISO 8601.
    public var timestamp: String?
    /// The line's `"case"`, else its `"id"`: the case name to use.
    public var name: String?
    /// What the gateway recorded about the call: prompt name, route, tags, end user.
    public var metadata: LogMetadata

    public init(file: String, line: Int, request: ChatRequest, completion: Completion, latencySeconds: Double? = nil, timestamp: String? = nil, name: String? = nil, metadata: LogMetadata = LogMetadata()) {
        self.file = file
        self.line = line
        self.request = request
        self.completion = completion
        self.latencySeconds = latencySeconds
        self.timestamp = timestamp
        self.name = name
        self.metadata = metadata
    }

    /// Reads one log line.
    init(line text: String, file: String, number: Int) throws(LogLineIssue) {
        let json: JSONValue
        do {
            json = try JSONValue(parsing: text)
        } catch {
            throw .malformed("not JSON (column \(error.position.column): \(error.message))")
        }
        guard let object = json.objectValue else { throw .malformed("expected a JSON object, found \(json.typeDescription)") }
        if object["custom_id"] != nil, object["request"] == nil, object["request_body"] == nil {
            throw .malformed("an OpenAI Batch API output line (\"custom_id\"): its request is in the batch input file, which import does not read (see docs/import.md)")
        }
        let keys = object["request"] == nil && object["request_body"] != nil ? ("request_body", "response_body") : ("request", "response")
        guard let requestValue = object[keys.0] else {
            throw .malformed("\"request\" is missing; expected {\"request\": …, \"response\": …} or {\"request_body\": …, \"response_body\": …}")
        }
        let (requestBody, requestPath) = try Self.body(requestValue, at: keys.0)
        let messages = try Self.messages(requestBody["messages"], at: "\(requestPath).messages")
        guard let responseValue = object[keys.1] else { throw .malformed("\"\(keys.1)\" is missing") }
        try Self.checkStatus(object, response: responseValue)
        let response = try Self.response(responseValue, at: keys.1)
        guard let model = requestBody["model"]?.stringValue ?? response["model"]?.stringValue else {
            throw .malformed("\"\(requestPath).model\" is missing")
        }
        metadata = LogMetadata(line: object, request: requestBody)
        var parameters = requestBody
        for key in ["model", "messages"] + GatewayLog.ignoredRequestKeys { parameters[key] = nil }

        self.file = file
        self.line = number
        request = ChatRequest(model: model, messages: messages, parameters: parameters)
        latencySeconds = try Self.number(object["latency_ms"], named: "latency_ms").map { $0 / 1000 }
        completion = try Self.completion(response)
        completion.latency = latencySeconds ?? 0
        timestamp = try Self.timestamp(object["timestamp"])
        if let value = object["case"] ?? object["id"], !value.isNull {
            name = try Self.text(value, named: object["case"] != nil ? "case" : "id")
        } else {
            name = nil
        }
    }

    /// A request or response: an object, a JSON string holding one, or a wrapper `{"body": …}`.
    static func body(_ value: JSONValue, at path: String) throws(LogLineIssue) -> (JSONObject, String) {
        switch value {
        case .object(let object):
            if object["messages"] == nil, object["choices"] == nil, let inner = object["body"] {
                return try body(inner, at: "\(path).body")
            }
            return (object, path)
        case .string(let text):
            guard let parsed = try? JSONValue(parsing: text), parsed.objectValue != nil else {
                throw .malformed("\"\(path)\" is a string that does not hold a JSON object")
            }
            return try body(parsed, at: path)
        default:
            throw .malformed("\"\(path)\" is \(value.typeDescription); expected an object or a JSON string holding one")
        }
    }

    /// A failed call logged with its HTTP status (`"status": 429` on the line or in the response wrapper).
    static func checkStatus(_ line: JSONObject, response: JSONValue) throws(LogLineIssue) {
        let statuses = [line["status"], line["status_code"], response["status_code"], response["status"]].compactMap { $0?.intValue }
        if let status = statuses.first(where: { $0 >= 400 }) {
            let body = response["body"] ?? response
            throw .skipped("error response (HTTP \(status))\(errorSummary(body).map { ": \($0)" } ?? "")")
        }
    }

    static func response(_ value: JSONValue, at path: String) throws(LogLineIssue) -> JSONObject {
        if value.isNull { throw .skipped("no response (the call failed or timed out)") }
        if case .string(let text) = value, (try? JSONValue(parsing: text))?.objectValue == nil {
            throw .skipped("the response is not JSON: \(String(text.prefix(80)))")
        }
        let (response, _) = try body(value, at: path)
        if FailureClassifier.isErrorBody(.object(response)) {
            throw .skipped("error response\(errorSummary(.object(response)).map { ": \($0)" } ?? "")")
        }
        guard let choices = response["choices"]?.arrayValue, !choices.isEmpty else {
            throw .skipped("the response has no choices")
        }
        return response
    }

    static func completion(_ response: JSONObject) throws(LogLineIssue) -> Completion {
        do {
            return try OpenAICompatibleClient.completion(from: .object(response), evidence: Data(), status: 200)
        } catch {
            throw .skipped(error.message)
        }
    }

    /// `error.message` (or the error as JSON), one line, at most 120 characters.
    static func errorSummary(_ body: JSONValue) -> String? {
        let error = body["error"] ?? body["message"] ?? body["error_msg"]
        guard let error, !error.isNull else { return nil }
        let text = error["message"]?.stringValue ?? error.stringValue ?? error.serialized()
        return String(text.split(whereSeparator: \.isNewline).first ?? "").prefix(120).description
    }

    static func messages(_ value: JSONValue?, at path: String) throws(LogLineIssue) -> [ChatMessage] {
        guard let value else { throw .malformed("\"\(path)\" is missing") }
        guard let array = value.arrayValue else { throw .malformed("\"\(path)\" is \(value.typeDescription); expected an array of messages") }
        guard !array.isEmpty else { throw .malformed("\"\(path)\" is empty") }
        var messages: [ChatMessage] = []
        for (i, element) in array.enumerated() {
            let itemPath = "\(path)[\(i)]"
            guard var object = element.objectValue else { throw .malformed("\"\(itemPath)\" is \(element.typeDescription); expected a message object") }
            guard let roleText = object["role"]?.stringValue else { throw .malformed("\"\(itemPath).role\" is missing") }
            guard let role = ChatMessage.Role(rawValue: roleText) else {
                throw .skipped("\(itemPath).role is \"\(roleText)\", which prompt files do not have (\(ChatMessage.Role.allCases.map(\.rawValue).joined(separator: ", ")))")
            }
            switch object["content"] {
            case .string(let content)?:
                object["role"] = nil
                object["content"] = nil
                messages.append(ChatMessage(role: role, content: content, extra: object))
            case .array?: throw .skipped("\(itemPath).content is an array (text + image parts), which prompt files do not support yet")
            case nil, .null?: throw .skipped("\(itemPath) has no text content (a tool-call message?), which prompt files do not support")
            case let other?: throw .malformed("\"\(itemPath).content\" is \(other.typeDescription); expected a string")
            }
        }
        return messages
    }

    static func number(_ value: JSONValue?, named name: String) throws(LogLineIssue) -> Double? {
        guard let value, !value.isNull else { return nil }
        guard let number = value.numberValue, number >= 0 else { throw .malformed("\"\(name)\" is \(value.typeDescription); expected a number of milliseconds") }
        return number
    }

    static func text(_ value: JSONValue, named name: String) throws(LogLineIssue) -> String {
        if let text = value.stringValue { return text }
        if let number = value.intValue { return String(number) }
        throw .malformed("\"\(name)\" is \(value.typeDescription); expected a string")
    }

    /// ISO 8601 as written, or Unix seconds (milliseconds above 10¹¹) as ISO 8601 UTC.
    static func timestamp(_ value: JSONValue?) throws(LogLineIssue) -> String? {
        guard let value, !value.isNull else { return nil }
        if let text = value.stringValue { return text }
        guard let number = value.numberValue else { throw .malformed("\"timestamp\" is \(value.typeDescription); expected an ISO 8601 string or Unix seconds") }
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        return formatter.string(from: Date(timeIntervalSince1970: number > 1e11 ? number / 1000 : number))
    }
}
