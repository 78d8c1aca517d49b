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
        Rule(marker: "\"1301\"", cause: .safetyBlocked(side: .input)),
        Rule(marker: "sensitive", cause: .safetyBlocked(side: .unknown)),
        Rule(marker: "need_clear_history", cause: .safetyBlocked(side: .input)),
        Rule(marker: "Content Exists Risk", cause: .safetyBlocked(side: .input)),
        Rule(marker: "invalid_prompt", cause: .safetyBlocked(side: .input)),
        Rule(marker: "context_length_exceeded", cause: .contextTooLong),
        Rule(marker: "maximum context length", cause: .contextTooLong),
        Rule(marker: "exceeds the context", cause: .contextTooLong),
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
    public static func classify(status: Int, headers: [String: String], body: Data, keyVariable: String?) -> ProviderFailure {
        let text = String(decoding: body.prefix(ProviderFailure.evidenceLimit), as: UTF8.self)
        let message = errorMessage(in: body) ?? firstLine(of: text)
        var cause: ProviderFailure.Cause = codeCause(in: body)
            ?? rules.first { text.range(of: $0.marker, options: .caseInsensitive) != nil }?.cause
            ?? statusCause(status)
        switch (status, cause) {
        case (401, _), (403, .invalidRequest): cause = .auth(variable: keyVariable)
        case (_, .auth): cause = .auth(variable: keyVariable)
        case (429, .rateLimited), (429, .invalidRequest), (429, .server): cause = .rateLimited(retryAfter: retryAfter(headers))
        case (_, .rateLimited): cause = .rateLimited(retryAfter: retryAfter(headers))
        default: break
        }
        return ProviderFailure(cause, describe(cause, message: message), status: status, evidence: text)
    }

    struct CodeRule: Sendable {
        /// Where the code sits: `base_resp.status_code` is `["base_resp", "status_code"]`.
        var field: [String]
        var codes: Set<Int>
        var cause: ProviderFailure.Cause
    }

    /// Business codes that say more than any phrase (MiniMax `base_resp.status_code`, Qianfan v1
    /// `error_code`); checked before the phrase rules, since MiniMax bodies always carry the keys
    /// `input_sensitive` / `output_sensitive`, set or not.
    static let codeRules: [CodeRule] = [
        CodeRule(field: ["base_resp", "status_code"], codes: [1002, 1039], cause: .rateLimited(retryAfter: nil)),
        CodeRule(field: ["base_resp", "status_code"], codes: [1004], cause: .auth(variable: nil)),
        CodeRule(field: ["base_resp", "status_code"], codes: [1008], cause: .quotaExhausted),
        CodeRule(field: ["base_resp", "status_code"], codes: [1026], cause: .safetyBlocked(side: .input)),
        CodeRule(field: ["base_resp", "status_code"], codes: [1027], cause: .safetyBlocked(side: .output)),
        CodeRule(field: ["error_code"], codes: [4, 17, 18, 336501, 336502], cause: .rateLimited(retryAfter: nil)),
        CodeRule(field: ["error_code"], codes: [110, 111], cause: .auth(variable: nil)),
    ]

    static func codeCause(in body: Data) -> ProviderFailure.Cause? {
        guard let json = try? JSONValue(parsing: body) else { return nil }
        return codeRules.first { rule in
            let value = rule.field.reduce(Optional(json)) { $0?[$1] }
            return value?.intValue.map(rule.codes.contains) ?? false
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
        return json["choices"] == nil && json["code"] != nil && json["message"] != nil
    }

    private static func firstLine(of text: String) -> String {
        let line = text.split(whereSeparator: \.isNewline).first.map(String.init) ?? ""
        return line.isEmpty ? "empty response body" : String(line.prefix(200))
    }
}
