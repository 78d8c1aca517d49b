import Foundation

/// Turns an HTTP response that is not a usable completion into a classified ``ProviderFailure``.
///
/// The rules are data: an error code or phrase a provider uses, and the cause it means. Codes and
/// messages come from the providers' documentation (see `shared/reference/providers.md`).
public enum FailureClassifier {
    struct Rule: Sendable {
        var marker: String
        var cause: ProviderFailure.Cause
    }

    /// Markers looked for (case-insensitively) in an error body, most specific first.
    static let rules: [Rule] = [
        Rule(marker: "ResponsibleAIPolicyViolation", cause: .safetyBlocked(side: .input)),
        // An error response comes before any answer, so a filter that fires there filtered the input;
        // an output filter shows as finish_reason content_filter instead.
        Rule(marker: "content_filter", cause: .safetyBlocked(side: .input)),
        Rule(marker: "Output data may contain", cause: .safetyBlocked(side: .output)),
        Rule(marker: "DataInspectionFailed", cause: .safetyBlocked(side: .input)),
        Rule(marker: "data_inspection_failed", cause: .safetyBlocked(side: .input)),
        Rule(marker: "input_sensitive", cause: .safetyBlocked(side: .input)),
        Rule(marker: "output_sensitive", cause: .safetyBlocked(side: .output)),
        Rule(marker: "sensitive", cause: .safetyBlocked(side: .unknown)),
        Rule(marker: "need_clear_history", cause: .safetyBlocked(side: .input)),
        Rule(marker: "Content Exists Risk", cause: .safetyBlocked(side: .input)),
        Rule(marker: "invalid_prompt", cause: .safetyBlocked(side: .input)),
        Rule(marker: "context_length_exceeded", cause: .contextTooLong),
        Rule(marker: "maximum context length", cause: .contextTooLong),
        Rule(marker: "exceeds the context", cause: .contextTooLong),
        // SiliconFlow: "length of prompt_tokens (68957) must be less than max_seq_len (65536)."
        Rule(marker: "max_seq_len", cause: .contextTooLong),
        Rule(marker: "insufficient_quota", cause: .quotaExhausted),
        Rule(marker: "Insufficient Balance", cause: .quotaExhausted),
        Rule(marker: "Arrearage", cause: .quotaExhausted),
        Rule(marker: "Throttling", cause: .rateLimited(retryAfter: nil)),
        Rule(marker: "rate limit", cause: .rateLimited(retryAfter: nil)),
        Rule(marker: "RPM/TPM limit", cause: .rateLimited(retryAfter: nil)),
        Rule(marker: "unsupported", cause: .unsupported(parameter: nil)),
        Rule(marker: "not supported", cause: .unsupported(parameter: nil)),
        Rule(marker: "Unrecognized request argument", cause: .unsupported(parameter: nil)),
        Rule(marker: "invalid_api_key", cause: .auth(variable: nil)),
        Rule(marker: "Incorrect API key", cause: .auth(variable: nil)),
    ]

    /// Classifies a non-2xx response, or a 2xx whose body is an error.
    ///
    /// - Parameter errorShape: the profile's `errorShape` family (`zhipu`, `qianfan`, …); rules written for
    ///   one family apply only to it, or to every answer when the family is unknown (`nil`).
    public static func classify(status: Int, headers: [String: String], body: Data, keyVariable: String?, errorShape: String? = nil) -> ProviderFailure {
        let text = String(decoding: body.prefix(ProviderFailure.evidenceLimit), as: UTF8.self)
        let message = errorMessage(in: body) ?? firstLine(of: text)
        var cause: ProviderFailure.Cause = fieldCause(in: body, errorShape: errorShape)
            ?? rules.first { text.range(of: $0.marker, options: .caseInsensitive) != nil }?.cause
            ?? statusCause(status)
        switch (status, cause) {
        case (401, _), (403, .invalidRequest): cause = .auth(variable: keyVariable)
        case (_, .auth): cause = .auth(variable: keyVariable)
        case (429, .rateLimited), (429, .invalidRequest), (429, .server): cause = .rateLimited(retryAfter: retryAfter(headers))
        case (_, .rateLimited): cause = .rateLimited(retryAfter: retryAfter(headers))
        case (_, .safetyBlocked(side: .unknown)): cause = .safetyBlocked(side: SafetySideWords.side(of: message))
        default: break
        }
        return ProviderFailure(cause, describe(cause, message: message), status: status, evidence: ProviderFailure.evidence(from: body))
    }

    /// A field of the error body whose value says more than any phrase.
    struct FieldRule: Sendable {
        /// Where the value sits: `base_resp.status_code` is `["base_resp", "status_code"]`; a number picks
        /// an array element (`["contentFilter", "0", "role"]`).
        var field: [String]
        /// The values (numbers written as text) that mean `cause`.
        var values: Set<String>
        var cause: ProviderFailure.Cause
        /// The `errorShape` families that use this field this way; `nil` for every family.
        var shapes: Set<String>? = nil
    }

    /// Business codes and fields (MiniMax `base_resp.status_code`, Qianfan v1 `error_code`, Zhipu
    /// `contentFilter[].role`); checked before the phrase rules, since MiniMax bodies always carry the keys
    /// `input_sensitive` / `output_sensitive`, set or not, and Zhipu's 1301 message names both sides.
    static let fieldRules: [FieldRule] = [
        FieldRule(field: ["base_resp", "status_code"], values: ["1002", "1039"], cause: .rateLimited(retryAfter: nil)),
        FieldRule(field: ["base_resp", "status_code"], values: ["1004"], cause: .auth(variable: nil)),
        FieldRule(field: ["base_resp", "status_code"], values: ["1008"], cause: .quotaExhausted),
        FieldRule(field: ["base_resp", "status_code"], values: ["1026"], cause: .safetyBlocked(side: .input)),
        FieldRule(field: ["base_resp", "status_code"], values: ["1027"], cause: .safetyBlocked(side: .output)),
        // MiniMax with status_code 0 and the answer withheld: the flag set says which side.
        FieldRule(field: ["output_sensitive"], values: ["true"], cause: .safetyBlocked(side: .output)),
        FieldRule(field: ["input_sensitive"], values: ["true"], cause: .safetyBlocked(side: .input)),
        FieldRule(field: ["error_code"], values: ["4", "17", "18", "336501", "336502"], cause: .rateLimited(retryAfter: nil)),
        FieldRule(field: ["error_code"], values: ["110", "111"], cause: .auth(variable: nil)),
        // Zhipu's content-safety page: contentFilter[].role says which side the filter caught ("user" the
        // input, "assistant" the answer); 1301 without it is a safety block of either side.
        FieldRule(field: ["contentFilter", "0", "role"], values: ["assistant"], cause: .safetyBlocked(side: .output), shapes: ["zhipu"]),
        FieldRule(field: ["contentFilter", "0", "role"], values: ["user", "system"], cause: .safetyBlocked(side: .input), shapes: ["zhipu"]),
        FieldRule(field: ["error", "code"], values: ["1301"], cause: .safetyBlocked(side: .unknown), shapes: ["zhipu"]),
        FieldRule(field: ["error", "code"], values: ["1302", "1303", "1305"], cause: .rateLimited(retryAfter: nil), shapes: ["zhipu"]),
        FieldRule(field: ["error", "code"], values: ["1113"], cause: .quotaExhausted, shapes: ["zhipu"]),
        FieldRule(field: ["error", "code"], values: ["1000", "1001", "1002", "1003", "1004"], cause: .auth(variable: nil), shapes: ["zhipu"]),
    ]

    static func fieldCause(in body: Data, errorShape: String?) -> ProviderFailure.Cause? {
        guard let json = try? JSONValue(parsing: body) else { return nil }
        return fieldRules.first { rule in
            if let shapes = rule.shapes, let errorShape, !shapes.contains(errorShape) { return false }
            let value = rule.field.reduce(Optional(json)) { value, key in
                if let array = value?.arrayValue { return Int(key).flatMap { array.indices.contains($0) ? array[$0] : nil } }
                return value?[key]
            }
            let text = value?.intValue.map(String.init) ?? value?.stringValue ?? value?.boolValue.map { $0 ? "true" : "false" }
            return text.map(rule.values.contains) ?? false
        }?.cause
    }

    static func statusCause(_ status: Int) -> ProviderFailure.Cause {
        switch status {
        case 401, 403: .auth(variable: nil)
        case 408, 504: .timeout
        case 413: .contextTooLong
        case 429: .rateLimited(retryAfter: nil)
        case 500...599: .server
        default: .invalidRequest
        }
    }

    static func describe(_ cause: ProviderFailure.Cause, message: String) -> String {
        switch cause {
        case .auth(let variable?): "the provider rejected the API key from \(variable): \(message)"
        case .rateLimited(let seconds?): "rate limited; retry after \(JSONValue.format(seconds)) s: \(message)"
        default: message
        }
    }

    /// The `Retry-After` header in seconds (delta-seconds form).
    static func retryAfter(_ headers: [String: String]) -> Double? {
        headers.first { $0.key.lowercased() == "retry-after" }.flatMap { Double($0.value.trimmingCharacters(in: .whitespaces)) }
    }

    /// The error message in the body shapes providers use: `{"error":{"message"}}`, `{"error":"…"}`,
    /// `{"message"}`, `{"error_msg"}`, `{"base_resp":{"status_msg"}}`.
    static func errorMessage(in body: Data) -> String? {
        guard let json = try? JSONValue(parsing: body) else { return nil }
        let candidates: [JSONValue?] = [
            json["error"]?["message"], json["error"], json["message"], json["error_msg"], json["base_resp"]?["status_msg"],
        ]
        return candidates.lazy.compactMap { $0?.stringValue }.first { !$0.isEmpty }
    }

    /// Whether a 200 response body is really an error (`{"error": …}`, `error_code`, `base_resp` non-zero).
    static func isErrorBody(_ json: JSONValue) -> Bool {
        if let error = json["error"], !error.isNull { return true }
        if let code = json["error_code"], code.intValue != 0 { return true }
        if json["need_clear_history"]?.boolValue == true { return true }  // Qianfan v1: the input was blocked
        if let code = json["base_resp"]?["status_code"], let value = code.intValue, value != 0 { return true }
        // MiniMax withholds a flagged answer with status_code 0: `output_sensitive: true` and no content.
        if json["output_sensitive"]?.boolValue == true || json["input_sensitive"]?.boolValue == true {
            let message = json["choices"]?.arrayValue?.first?["message"]
            let content = message?["content"]?.stringValue ?? ""
            if content.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty, message?["tool_calls"] == nil { return true }
        }
        return json["choices"] == nil && json["code"] != nil && json["message"] != nil
    }

    private static func firstLine(of text: String) -> String {
        if let page = htmlSummary(of: text) { return page }
        let line = text.split(whereSeparator: \.isNewline).first.map(String.init) ?? ""
        return line.isEmpty ? "empty response body" : String(line.prefix(200))
    }

    /// A gateway's HTML error page in words: its `<title>`, else its text without tags
    /// (`an HTML page: 502 Bad Gateway`), so the reason reads as more than `<html>`.
    static func htmlSummary(of text: String) -> String? {
        let start = text.drop { $0.isWhitespace }.prefix(512).lowercased()
        guard start.hasPrefix("<!doctype html") || start.hasPrefix("<html") || start.contains("<body") || start.contains("<title") else { return nil }
        var words = text
        if let open = text.range(of: "<title>", options: .caseInsensitive),
           let close = text.range(of: "</title>", options: .caseInsensitive, range: open.upperBound..<text.endIndex) {
            words = String(text[open.upperBound..<close.lowerBound])
        } else {
            words = text.replacingOccurrences(of: "<[^>]*>", with: " ", options: .regularExpression)
        }
        let summary = words.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        return "an HTML page: " + (summary.isEmpty ? "no text" : String(summary.prefix(200)))
    }
}
