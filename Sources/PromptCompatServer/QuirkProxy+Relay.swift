import Foundation
import PromptCompat

/// Sends a checked request to the real model and relays its answer, applying the profile's output filter
/// and, in streams, its keep-alives.
struct Relay: Sendable {
    let options: QuirkProxy.Options
    let shape: ErrorShape
    /// The model the client asked for (error bodies name it).
    let model: String
    /// What the proxy changed in the request (`capped max_tokens 8192 → 4096`), for the log.
    let notes: String?

    var chatURL: URL { options.upstream.appendingPathComponent("chat/completions") }

    /// What happened to a streaming request: answered at once, or a stream being relayed.
    enum StreamStart {
        case answered(ScriptedResponse, status: Int, outcome: String)
        /// The producer calls the `finished` callback given to ``stream(_:finished:)`` when it ends.
        case producing(ScriptedResponse)
    }

    func outcome(_ text: String) -> String {
        notes.map { "\(text); \($0)" } ?? text
    }

    // MARK: - One JSON answer

    func single(_ body: Data) -> (ScriptedResponse, status: Int, outcome: String) {
        let reply = Upstream.send(method: "POST", url: chatURL, body: body, timeout: options.upstreamTimeout)
        guard reply.status == 200, case .object(var json)? = try? JSONValue(parsing: reply.body) else {
            return (reply.response, reply.status, outcome("relayed upstream \(reply.status)"))
        }
        let text = json["choices"]?.arrayValue?.first?["message"]?["content"]?.stringValue ?? ""
        guard let word = Validator.sensitiveWord(in: text, words: options.sensitiveWords) else {
            return (reply.response, 200, outcome("relayed"))
        }
        switch shape.outputBlock {
        case .finishReason(let reason):
            Self.editFirstChoice(&json) { choice in
                var message = choice["message"]?.objectValue ?? JSONObject()
                message["content"] = ""
                choice["message"] = .object(message)
                choice["finish_reason"] = .string(reason)
            }
            let blocked = ScriptedResponse.http(status: 200, headers: ["Content-Type": "application/json"], body: JSONValue.object(json).data())
            return (blocked, 200, outcome("output-blocked: sensitive word \"\(word)\" (finish_reason \(reason))"))
        case .error(let template):
            let blocked = RequestHandler.play(template, facts: ["model": model], stream: false)
            return (blocked, template.status, outcome("output-blocked: sensitive word \"\(word)\""))
        }
    }

    static func editFirstChoice(_ json: inout JSONObject, _ edit: (inout JSONObject) -> Void) {
        guard var choices = json["choices"]?.arrayValue, var first = choices.first?.objectValue else { return }
        edit(&first)
        choices[0] = .object(first)
        json["choices"] = .array(choices)
    }

    // MARK: - A stream

    /// Starts the upstream stream and waits for its head. An upstream error (or a non-SSE answer) is relayed
    /// as it came; otherwise the answer is a stream the connection thread relays event by event.
    func stream(_ body: Data, finished: @escaping @Sendable (_ status: Int, _ outcome: String) -> Void) -> StreamStart {
        var request = Upstream.request(method: "POST", url: chatURL, body: body, timeout: options.upstreamTimeout)
        request.setValue("text/event-stream", forHTTPHeaderField: "Accept")
        let upstream = UpstreamStream(request)
        switch upstream.head(timeout: options.upstreamTimeout) {
        case .failure(let error):
            upstream.cancel()
            let reply = Upstream.failure(error.reason, url: chatURL, timedOut: error.timedOut)
            return .answered(reply.response, status: reply.status, outcome: outcome("upstream failed: \(error.reason)"))
        case .success(let head) where head.status != 200 || !(head.headers["content-type"] ?? "").contains("event-stream"):
            let data = upstream.remainingBody(timeout: options.upstreamTimeout)
            upstream.cancel()
            let reply = Upstream.Reply(status: head.status, contentType: head.headers["content-type"] ?? "application/json", body: data)
            return .answered(reply.response, status: head.status, outcome: outcome("relayed upstream \(head.status)"))
        case .success:
            let relay = self
            return .producing(.produced(headers: ["Content-Type": "text/event-stream", "Cache-Control": "no-cache"]) { writer in
                var pump = StreamPump(relay: relay, upstream: upstream, writer: writer)
                let result = pump.run()
                upstream.cancel()
                finished(200, relay.outcome(result))
            })
        }
    }
}

/// Relays one upstream SSE stream to the client: every event as it came, the output filter on the text
/// so far, and keep-alive comments (plus a blank line after each event) when the profile sends them.
struct StreamPump {
    let relay: Relay
    let upstream: UpstreamStream
    let writer: ResponseWriter
    private var parser = SSEParser()
    private var output = ""
    private var lastChunk: JSONValue?
    private var events = 0
    private var keepAlives = 0
    /// When the upstream last sent something, and when the client was last written to.
    private var lastUpstream = ContinuousClock.now
    private var lastWrite = ContinuousClock.now
    private var ended: String?

    init(relay: Relay, upstream: UpstreamStream, writer: ResponseWriter) {
        self.relay = relay
        self.upstream = upstream
        self.writer = writer
    }

    var keepAlive: Bool { relay.options.profile.streamKeepAlive }

    /// Runs until the stream ends; returns the outcome for the log.
    mutating func run() -> String {
        if keepAlive, !sendKeepAlive() { return "client went away" }
        let idleLimit = Duration.seconds(relay.options.upstreamTimeout)
        while ended == nil {
            if writer.isStopped { return "proxy stopped mid-stream after \(events) events" }
            guard let event = upstream.next(waitingUpTo: 0.1) else {
                if ContinuousClock.now - lastUpstream > idleLimit {
                    return "upstream silent for \(Int(relay.options.upstreamTimeout)) s; stream ended"
                }
                if keepAlive, ContinuousClock.now - lastWrite >= relay.options.keepAliveInterval, !sendKeepAlive() {
                    return "client went away"
                }
                continue
            }
            lastUpstream = .now
            switch event {
            case .head: continue
            case .data(let data):
                for text in parser.feed(data) where ended == nil { handle(text) }
            case .end(let failure):
                if ended == nil, let last = parser.finish() { handle(last) }
                if ended == nil { ended = failure.map { "upstream cut the stream: \($0)" } ?? streamed }
            }
        }
        return ended ?? streamed
    }

    var streamed: String {
        "streamed \(events) events" + (keepAlive ? ", \(keepAlives) keep-alives" : "")
    }

    private mutating func handle(_ text: String) {
        if text != "[DONE]", let chunk = try? JSONValue(parsing: text) {
            lastChunk = chunk
            output += chunk["choices"]?.arrayValue?.first?["delta"]?["content"]?.stringValue ?? ""
            if let word = Validator.sensitiveWord(in: output, words: relay.options.sensitiveWords) {
                return block(word)
            }
        }
        guard send("data: \(text)\n\n" + (keepAlive ? "\n" : "")) else { return ended = "client went away" }
        events += 1
        if text == "[DONE]" { ended = streamed }
    }

    /// Withholds the chunk that completed a sensitive word and ends the stream as the provider does.
    private mutating func block(_ word: String) {
        switch relay.shape.streamOutputBlock {
        case .finishReason(let reason):
            let last: JSONValue = [
                "id": lastChunk?["id"] ?? "chatcmpl-quirkproxy", "object": "chat.completion.chunk",
                "created": lastChunk?["created"] ?? .number(Date().timeIntervalSince1970.rounded()),
                "model": lastChunk?["model"] ?? .string(relay.model),
                "choices": [["index": 0, "delta": [:], "finish_reason": .string(reason)]],
            ]
            _ = send("data: \(last.serialized())\n\n") && send("data: [DONE]\n\n")
            ended = "output-blocked mid-stream: sensitive word \"\(word)\" (finish_reason \(reason)) after \(events) events"
        case .error(let template):
            _ = send("data: \(RequestHandler.fill(template.body, ["model": relay.model]))\n\n")
            ended = "output-blocked mid-stream: sensitive word \"\(word)\" (error event) after \(events) events"
        }
    }

    private mutating func sendKeepAlive() -> Bool {
        keepAlives += 1
        return send(": keep-alive\n\n")
    }

    private mutating func send(_ text: String) -> Bool {
        lastWrite = .now
        return writer.write(Data(text.utf8))
    }
}
