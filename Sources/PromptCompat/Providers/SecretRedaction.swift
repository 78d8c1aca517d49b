import Foundation

/// Takes API keys out of text before it is kept anywhere: the failure evidence a provider's error body
/// becomes, and so `results.jsonl`, `report.json`, `report.html`, `junit.xml` and test issues.
///
/// Two rules, both applied:
/// - every occurrence of a known secret (the key the call sent) becomes `[redacted]`, wherever it is —
///   providers echo a wrong key back in their error message;
/// - the value of an `Authorization` or `api-key` header, written as a header line (`Authorization: Bearer
///   sk-…`) or as a JSON member (`"api-key": "…"`), any `Bearer` token, and key-shaped tokens (`sk-…` of
///   OpenAI, DashScope, DeepSeek, Moonshot and SiliconFlow; Zhipu's `<id>.<secret>`; what follows "API key
///   provided:") become `[redacted]`, so a gateway that echoes the request's headers, or a log of
///   another team's key, leaks nothing either.
///
/// ```swift
/// SecretRedaction.redact(#"{"error":"Incorrect API key provided: sk-abc123456"}"#, secrets: ["sk-abc123456"])
/// // {"error":"Incorrect API key provided: [redacted]"}
/// SecretRedaction.redact("Authorization: Bearer sk-xyz", secrets: [])   // "Authorization: [redacted]"
/// ```
public enum SecretRedaction {
    /// What a secret is replaced with.
    public static let marker = "[redacted]"

    /// Secrets shorter than this are not searched for as plain text: replacing every `abc` of a text would
    /// destroy it and protect nothing (no provider issues keys that short).
    public static let minimumSecretLength = 6

    /// Header-shaped places a key sits in, as data: the part kept (group 1), then the value replaced.
    static let headerPatterns: [NSRegularExpression] = [
        #"((?:authorization|api-key|x-api-key)\s*:\s*)[^\r\n"'\\]+"#,            // a header line
        #"("(?:authorization|api-key|x-api-key|api_key|apiKey)"\s*:\s*")[^"]*"#,  // a JSON member
        #"(\bbearer\s+)[A-Za-z0-9_.~+/=\-]+"#,                                     // a bearer token anywhere (RFC 6750)
        #"((?:api[ _-]?key|secret[ _-]?key)\s+provided:\s*)(?!\[redacted\])[A-Za-z0-9_.*\-]*[A-Za-z0-9_*\-]"#,  // "Incorrect API key provided: …" (masked ones too)
        #"()\bsk-[A-Za-z0-9_\-]{16,}"#,                                            // sk- keys (OpenAI, DashScope, DeepSeek, Kimi, SiliconFlow)
        #"()\b[0-9a-f]{32}\.[A-Za-z0-9]{16}\b"#,                                    // Zhipu's id.secret
    ].map { try! NSRegularExpression(pattern: $0, options: [.caseInsensitive]) }

    /// `text` with every occurrence of each secret (long enough to search for) replaced by ``marker``, and
    /// nothing else touched: what an answer gets, where a header-shaped example is content.
    public static func replacing(_ secrets: [String], in text: String) -> String {
        var text = text
        for secret in secrets where secret.count >= minimumSecretLength && text.contains(secret) {
            text = text.replacingOccurrences(of: secret, with: marker)
        }
        return text
    }

    /// The key values a run of `config` must keep out of everything it writes: those its providers read
    /// (`apiKeyEnv`) and any variable named like a key (``keyLikeValues(in:)``), longest first.
    public static func keys(of config: SuiteConfig, in environment: [String: String]) -> [String] {
        let configured = config.providers.compactMap { $0.apiKeyEnv.flatMap { environment[$0] } }.filter { $0.count >= minimumSecretLength }
        return Array(Set(configured + keyLikeValues(in: environment))).sorted { $0.count > $1.count }
    }

    /// The values of environment variables whose name says they hold a key (`DASHSCOPE_API_KEY`,
    /// `OPENAI_KEY`, `HF_TOKEN`, `APP_SECRET`), long enough to be searched for, longest first.
    public static func keyLikeValues(in environment: [String: String]) -> [String] {
        let suffixes = ["KEY", "TOKEN", "SECRET"]
        let values = environment.filter { name, value in
            let upper = name.uppercased()
            return value.count >= minimumSecretLength && suffixes.contains { upper.hasSuffix($0) }
        }.map(\.value)
        return Array(Set(values)).sorted { $0.count > $1.count }
    }

    /// `text` with every secret and every header-shaped key value replaced by ``marker``.
    public static func redact(_ text: String, secrets: [String]) -> String {
        var text = replacing(secrets, in: text)
        for pattern in headerPatterns {
            let range = NSRange(text.startIndex..., in: text)
            text = pattern.stringByReplacingMatches(in: text, range: range, withTemplate: "$1\(NSRegularExpression.escapedTemplate(for: marker))")
        }
        return text
    }
}

extension ProviderFailure {
    /// The failure with its message and evidence passed through ``SecretRedaction/redact(_:secrets:)``.
    public func redactingSecrets(_ secrets: [String]) -> ProviderFailure {
        var failure = self
        failure.message = SecretRedaction.redact(message, secrets: secrets)
        failure.evidence = evidence.map { SecretRedaction.redact($0, secrets: secrets) }
        return failure
    }
}

extension Completion {
    /// The answer (and its reasoning) with every occurrence of `secrets` replaced by ``SecretRedaction/marker``:
    /// a model or a gateway that echoes the key in a 200 answer must not put it into snapshots, the
    /// cache and the reports. Only the exact values: an answer explaining `Authorization: Bearer <token>`
    /// headers is an answer, not a leak.
    public func redactingSecrets(_ secrets: [String]) -> Completion {
        var completion = self
        completion.text = SecretRedaction.replacing(secrets, in: text)
        completion.reasoning = reasoning.map { SecretRedaction.replacing(secrets, in: $0) }
        return completion
    }
}
