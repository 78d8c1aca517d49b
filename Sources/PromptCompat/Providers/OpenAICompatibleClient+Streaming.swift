import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

extension OpenAICompatibleClient {
    /// Sends a streaming request and assembles the SSE chunks into one completion.
    ///
    /// The client's ``HTTPTransport`` passes the bytes on as they arrive (`URLSession.bytes(for:)` does not
    /// exist on Linux). More than ``maxResponseBytes`` in all fails as `malformed-response`; a line that is
    /// not UTF-8 too.
    func streamCompletion(_ urlRequest: HTTPRequest) async throws(ProviderFailure) -> Completion {
        let transfer = transport.start(urlRequest, maxBytes: maxResponseBytes)
        defer { transfer.cancel() }  // a failure raised by the stream's own events ends the transfer too

        var received = 0
        var status = 0
        var headers: [String: String] = [:]
        var body = Data()  // kept for error responses and non-SSE replies
        var parser = SSEParser()
        var assembly = StreamAssembly()
        do {
            for try await part in transfer.parts {
                if case .data(let data) = part {
                    received += data.count
                    if received > maxResponseBytes { throw responseTooLarge(status: status, announced: nil, start: body).withPartialStream(assembly) }
                }
                switch part {
                case .response(let code, let fields):
                    status = code
                    headers = fields
                case .data(let data) where isEventStream(status: status, headers: headers):
                    let events = parser.feed(data)
                    if let line = parser.firstInvalidUTF8Line {
                        throw Self.streamNotText(line: line, status: status).withPartialStream(assembly)
                    }
                    for event in events { try assembly.add(event, keyVariable: config.apiKeyEnv, errorShape: config.resolvedProfile.errorShape) }
                case .data(let data):
                    body.append(data)
                }
            }
        } catch let failure as ProviderFailure {
            throw failure  // an error event or a safety finish inside the stream keeps its own evidence
        } catch {
            throw Self.transportFailure(error, url: urlRequest.url).withPartialStream(assembly)
        }
        try Self.checkNotCancelled()
        guard (200..<300).contains(status) else {
            throw FailureClassifier.classify(status: status, headers: headers, body: body, keyVariable: config.apiKeyEnv, errorShape: config.resolvedProfile.errorShape)
        }
        if !isEventStream(status: status, headers: headers) {
            // A gateway that ignored "stream": true and answered with one JSON body.
            guard let json = try? JSONValue(parsing: body) else {
                throw ProviderFailure(.malformedResponse, "the streaming response is neither SSE nor JSON", status: status, evidence: ProviderFailure.evidence(from: body))
            }
            if FailureClassifier.isErrorBody(json) {
                throw FailureClassifier.classify(status: status, headers: headers, body: body, keyVariable: config.apiKeyEnv, errorShape: config.resolvedProfile.errorShape)
            }
            return try Self.completion(from: json, evidence: body, status: status)
        }
        let last = parser.finish()
        if let line = parser.firstInvalidUTF8Line {
            throw Self.streamNotText(line: line, status: status).withPartialStream(assembly)
        }
        if let last { try assembly.add(last, keyVariable: config.apiKeyEnv, errorShape: config.resolvedProfile.errorShape) }
        return try assembly.completion()
    }

    private func isEventStream(status: Int, headers: [String: String]) -> Bool {
        (200..<300).contains(status) && (headers["content-type"] ?? "text/event-stream").contains("event-stream")
    }
}

/// Assembles Chat Completions stream chunks: content deltas, tool-call deltas, finish reason, usage.
struct StreamAssembly {
    var text = ""
    var reasoning = ""
    var finishReason: String?
    var model: String?
    var usage: Usage?
    var sawDone = false
    var chunks = 0
    private var toolCalls: [Int: (name: String, arguments: String)] = [:]

    mutating func add(_ event: String, keyVariable: String?, errorShape: String? = nil) throws(ProviderFailure) {
        if event == "[DONE]" { return sawDone = true }
        guard let json = try? JSONValue(parsing: event) else {
            throw ProviderFailure(.malformedResponse, "a stream chunk is not JSON", status: 200, evidence: event)
        }
        if FailureClassifier.isErrorBody(json) {
            throw FailureClassifier.classify(status: 200, headers: [:], body: Data(event.utf8), keyVariable: keyVariable, errorShape: errorShape)
        }
        chunks += 1
        model = json["model"]?.stringValue ?? model
        usage = OpenAICompatibleClient.usage(from: json["usage"]) ?? usage
        for choice in json["choices"]?.arrayValue ?? [] {
            if let content = choice["delta"]?["content"]?.stringValue { text += content }
            if let thought = choice["delta"]?["reasoning_content"]?.stringValue { reasoning += thought }
            for call in choice["delta"]?["tool_calls"]?.arrayValue ?? [] {
                let index = call["index"]?.intValue ?? 0
                var entry = toolCalls[index] ?? ("", "")
                // The name comes whole in one chunk; some servers (llama-cpp-python) repeat it in every chunk.
                if entry.name.isEmpty { entry.name = call["function"]?["name"]?.stringValue ?? "" }
                entry.arguments += call["function"]?["arguments"]?.stringValue ?? ""
                toolCalls[index] = entry
            }
            if let reason = choice["finish_reason"]?.stringValue {
                finishReason = reason
                try OpenAICompatibleClient.checkSafetyFinish(reason, status: 200, evidence: Data(event.utf8))
            }
        }
    }

    func completion() throws(ProviderFailure) -> Completion {
        guard sawDone || finishReason != nil else {
            throw ProviderFailure(.network, "the stream was cut short before [DONE] after \(chunks) chunks (\(text.count) characters)", status: 200, evidence: text)
        }
        var text = text
        if text.isEmpty, !toolCalls.isEmpty {
            let calls: [JSONValue] = toolCalls.keys.sorted().map { index in
                let call = toolCalls[index]!
                return ["function": ["name": .string(call.name), "arguments": .string(call.arguments)]]
            }
            text = OpenAICompatibleClient.toolCallsText(calls)
        }
        var completion = Completion(text: text, finishReason: finishReason, model: model, usage: usage)
        completion.reasoning = reasoning.isEmpty ? nil : reasoning
        return completion
    }
}

extension ProviderFailure {
    /// Adds what a stream had delivered before it failed to the evidence.
    func withPartialStream(_ assembly: StreamAssembly) -> ProviderFailure {
        guard assembly.chunks > 0 else { return self }
        var failure = self
        failure.message += " — the stream was cut short after \(assembly.chunks) chunks (\(assembly.text.count) characters)"
        failure.evidence = assembly.text
        return failure
    }
}
