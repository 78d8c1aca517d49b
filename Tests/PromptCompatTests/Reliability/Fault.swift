import Foundation
import PromptCompat
import PromptCompatTestSupport

/// One way a provider can misbehave, played by the loopback server for the case named after it, and
/// what the run must make of it.
struct Fault: Sendable, CustomStringConvertible {
    enum Expected: Sendable, Equatable {
        /// The case is judged (the fault was retried away, or there was none): `pass` against the
        /// accepted answer, which is exactly what the server sends when it answers.
        case pass
        /// The case fails with this verdict and cause, and a reason that contains the text.
        case failure(CaseVerdict, cause: String, saying: String)
    }

    var name: String
    /// Played to a streaming target (`"stream": true`) rather than one that asks for one JSON answer.
    var streaming = false
    var expected: Expected
    /// The response to the `attempt`-th request for this case (0 first); retries see later attempts.
    var respond: @Sendable (_ attempt: Int) -> ScriptedResponse

    var description: String { name }

    /// What the server answers when it answers: the accepted snapshot of every case holds this text.
    static func answer(for name: String) -> String { "正常回答：\(name)" }

    static func ok(_ name: String) -> ScriptedResponse { RunFixture.completion(answer(for: name)) }

    static func okStream(_ name: String) -> ScriptedResponse {
        .sse([chunk(answer(for: name)), #"{"choices":[{"index":0,"delta":{},"finish_reason":"stop"}]}"#, "[DONE]"])
    }

    static func chunk(_ content: String) -> String {
        #"{"choices":[{"index":0,"delta":{"content":\#(JSONValue.string(content).serialized())},"finish_reason":null}]}"#
    }

    static func html(_ status: Int, _ title: String) -> ScriptedResponse {
        .text(status, "<html>\r\n<head><title>\(title)</title></head>\r\n<body><center><h1>\(title)</h1></center><hr><center>nginx</center></body>\r\n</html>\r\n", contentType: "text/html")
    }

    /// A 200 JSON answer whose content holds bytes that are not UTF-8.
    static let invalidUTF8Body: Data = Data(#"{"choices":[{"index":0,"message":{"role":"assistant","content":"坏"#.utf8)
        + Data([0xFF, 0xFE, 0x80]) + Data(#""},"finish_reason":"stop"}]}"#.utf8)

    /// Writes `megabytes` MiB in 1 MiB chunks after `prefix`, stopping as soon as the client hangs up.
    static func gigantic(megabytes: Int, prefix: String, headers: [String: String], chunk: Data = Data(repeating: UInt8(ascii: "a"), count: 1 << 20)) -> ScriptedResponse {
        .produced(status: 200, headers: headers) { writer in
            guard writer.write(Data(prefix.utf8)) else { return }
            for _ in 0..<megabytes where !writer.write(chunk) { return }
        }
    }

    static let fiftyMB = 50
}

extension Fault {
    /// The fault library: every fault the suite plays, one case each, with the verdict and cause it must
    /// come out as. The retry policy of the fault suite (2 attempts, waits ≤ 0.2 s) retries rate limits,
    /// server errors, network faults and timeouts once, so a fault that persists fails after two calls and
    /// one that clears after the first call passes.
    static let library: [Fault] = [
        Fault(name: "ok", expected: .pass) { _ in ok("ok") },
        Fault(name: "slow-but-in-time", expected: .pass) { _ in .delayed(.milliseconds(150), ok("slow-but-in-time")) },
        Fault(name: "429-retry-after", expected: .failure(.error, cause: "rate-limited", saying: "retry after 1 s")) { _ in
            .http(status: 429, headers: ["Retry-After": "1", "Content-Type": "application/json"], body: Data(#"{"error":{"message":"Rate limit reached for requests","type":"requests","code":"rate_limit_exceeded"}}"#.utf8))
        },
        Fault(name: "429-no-retry-after", expected: .failure(.error, cause: "rate-limited", saying: "Rate limit reached")) { _ in
            .json(429, #"{"error":{"message":"Rate limit reached for requests","type":"requests"}}"#)
        },
        Fault(name: "429-then-ok", expected: .pass) { attempt in attempt == 0 ? .json(429, #"{"error":{"message":"Rate limit reached"}}"#) : ok("429-then-ok") },
        Fault(name: "500-html", expected: .failure(.error, cause: "server-error", saying: "an HTML page: 500 Internal Server Error")) { _ in html(500, "500 Internal Server Error") },
        Fault(name: "502-html", expected: .failure(.error, cause: "server-error", saying: "an HTML page: 502 Bad Gateway")) { _ in html(502, "502 Bad Gateway") },
        Fault(name: "503-html", expected: .failure(.error, cause: "server-error", saying: "an HTML page: 503 Service Temporarily Unavailable")) { _ in html(503, "503 Service Temporarily Unavailable") },
        Fault(name: "503-then-ok", expected: .pass) { attempt in attempt == 0 ? html(503, "503 Service Temporarily Unavailable") : ok("503-then-ok") },
        Fault(name: "reset-mid-body", expected: .failure(.error, cause: "network", saying: "network error")) { _ in
            .cutStream(headers: ["Content-Type": "application/json"], chunks: [Data(#"{"choices":[{"index":0,"message":{"role":"assistant","content":"半"#.utf8)], holdFor: .milliseconds(20))
        },
        Fault(name: "closed-before-content-length", expected: .failure(.error, cause: "network", saying: "network error")) { _ in
            .produced(status: 200, headers: ["Content-Type": "application/json", "Content-Length": "4000"]) { writer in writer.write(Data(#"{"choices":[{"index":0,"#.utf8)) }
        },
        Fault(name: "close-without-response", expected: .failure(.error, cause: "network", saying: "network error")) { _ in .closeWithoutResponse },
        Fault(name: "never-starts", expected: .failure(.error, cause: "timeout", saying: "no answer within the timeout")) { _ in .hang(holdFor: .seconds(5)) },
        Fault(name: "gigantic-50mb", expected: .failure(.error, cause: "malformed-response", saying: "response larger than 8388608 bytes")) { _ in
            gigantic(megabytes: fiftyMB, prefix: #"{"choices":[{"index":0,"message":{"role":"assistant","content":""#, headers: ["Content-Type": "application/json"])
        },
        Fault(name: "gigantic-content-length", expected: .failure(.error, cause: "malformed-response", saying: "announced 52428800 bytes")) { _ in
            gigantic(megabytes: fiftyMB, prefix: "", headers: ["Content-Type": "application/json", "Content-Length": String(fiftyMB << 20)])
        },
        Fault(name: "invalid-utf8", expected: .failure(.error, cause: "malformed-response", saying: "byte 0xFF at offset")) { _ in
            .http(status: 200, headers: ["Content-Type": "application/json"], body: invalidUTF8Body)
        },
        Fault(name: "http-200-error-body", expected: .failure(.blocked, cause: "invalid-request", saying: "The model `gpt-5` does not exist")) { _ in
            .json(200, #"{"error":{"message":"The model `gpt-5` does not exist","type":"invalid_request_error"}}"#)
        },
        Fault(name: "http-200-rate-limit-body", expected: .failure(.error, cause: "rate-limited", saying: "Open api qps request limit reached")) { _ in
            .json(200, #"{"error_code":18,"error_msg":"Open api qps request limit reached"}"#)
        },
        Fault(name: "html-login-page-200", expected: .failure(.error, cause: "malformed-response", saying: "not JSON")) { _ in
            .text(200, "<!DOCTYPE html><html><head><title>Sign in</title></head><body>Portal</body></html>", contentType: "text/html")
        },
        Fault(name: "empty-200", expected: .failure(.error, cause: "malformed-response", saying: "the response body is empty")) { _ in .http(status: 200, body: Data()) },
        Fault(name: "no-choices", expected: .failure(.error, cause: "malformed-response", saying: "no choices[0].message")) { _ in .json(200, #"{"id":"x","choices":[]}"#) },
        // Streaming faults.
        Fault(name: "sse-ok", streaming: true, expected: .pass) { _ in okStream("sse-ok") },
        Fault(name: "sse-cut-before-done", streaming: true, expected: .failure(.error, cause: "network", saying: "cut short before [DONE]")) { _ in
            .sse([chunk("只说了一半")])
        },
        Fault(name: "sse-reset-mid-stream", streaming: true, expected: .failure(.error, cause: "network", saying: "cut short after 1 chunks")) { _ in
            .cutStream(chunks: [Data("data: \(chunk("只说了一半"))\n\n".utf8)], holdFor: .milliseconds(20))
        },
        Fault(name: "sse-stalls", streaming: true, expected: .failure(.error, cause: "timeout", saying: "no answer within the timeout")) { _ in
            .cutStream(chunks: [Data("data: \(chunk("开始了"))\n\n".utf8)], holdFor: .seconds(5))
        },
        Fault(name: "sse-invalid-utf8", streaming: true, expected: .failure(.error, cause: "malformed-response", saying: "line 1 of the stream is not valid UTF-8")) { _ in
            .stream(chunks: [Data("data: ".utf8) + Data([0xC3, 0x28]) + Data("\n\n".utf8), Data("data: [DONE]\n\n".utf8)])
        },
        Fault(name: "sse-gigantic", streaming: true, expected: .failure(.error, cause: "malformed-response", saying: "response larger than 8388608 bytes")) { _ in
            let event = Data("data: \(chunk(String(repeating: "长", count: 20_000)))\n\n".utf8)  // ~60 KB an event
            return .produced(status: 200, headers: ["Content-Type": "text/event-stream"]) { writer in
                for _ in 0..<(fiftyMB << 20) / event.count where !writer.write(event) { return }
            }
        },
    ]
}
