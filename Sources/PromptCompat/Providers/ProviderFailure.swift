import Foundation

/// A failed provider call, classified, with the raw evidence kept.
///
/// ```swift
/// do { _ = try await provider.complete(request) }
/// catch { if case .rateLimited(let retryAfter) = error.cause { … } }
/// ```
public struct ProviderFailure: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Cause: Sendable, Equatable {
        /// The key is missing, wrong or not allowed (401/403). `variable` names the environment variable.
        case auth(variable: String?)
        case rateLimited(retryAfter: Double?)
        case quotaExhausted
        case contextTooLong
        /// The answer was cut: `finish_reason` `length` at the request's `max_tokens` (`limit`), or earlier
        /// at a cap the provider applies by itself. Found on an answer, not an error: see
        /// ``ProviderFailure/truncation(of:request:referenceFinishReasons:)``.
        case truncated(limit: Int?)
        /// The provider refused the input or withheld the output for content-safety reasons.
        case safetyBlocked(side: SafetySide)
        case unsupported(parameter: String?)
        /// Any other rejected request (400, 404, 422 …).
        case invalidRequest
        case malformedResponse
        /// Offline run (``ResponseCache/Mode/offline``) and no cached answer for the request.
        case notCached
        case server
        case network
        case timeout
    }

    public enum SafetySide: String, Sendable, Equatable { case input, output, unknown }

    public var cause: Cause
    /// One line for a person: what happened and, where possible, what to do.
    public var message: String
    /// The HTTP status, when there was a response.
    public var status: Int?
    /// The start of the raw response body, or the error text: at most ``evidenceLimit`` bytes of it,
    /// followed by `… N bytes more` where it was cut, however it is set.
    public var evidence: String? {
        get { keptEvidence }
        set { keptEvidence = newValue.map(Self.evidence(from:)) }
    }
    private var keptEvidence: String?

    /// How many bytes of a response body are kept as evidence.
    public static let evidenceLimit = 4096

    public init(_ cause: Cause, _ message: String, status: Int? = nil, evidence: String? = nil) {
        self.cause = cause
        self.message = message
        self.status = status
        self.evidence = evidence
    }

    /// `text` cut to ``evidenceLimit`` UTF-8 bytes at a character boundary, saying how much was left out.
    public static func evidence(from text: String) -> String {
        TextCap.cut(text, toBytes: evidenceLimit)
    }

    /// The evidence of a raw body: only its first bytes are decoded, so a 50 MiB body costs no 50 MiB string.
    public static func evidence(from body: Data) -> String {
        guard body.count > evidenceLimit else { return String(decoding: body, as: UTF8.self) }
        let start = String(decoding: body.prefix(evidenceLimit + 3), as: UTF8.self)
        return TextCap.cut(start, toBytes: evidenceLimit, totalBytes: body.count)
    }

    /// A short name for the cause: `auth`, `rate-limited`, `safety-blocked`, …
    public var causeName: String {
        switch cause {
        case .auth: "auth"
        case .rateLimited: "rate-limited"
        case .quotaExhausted: "quota-exhausted"
        case .contextTooLong: "context-too-long"
        case .truncated: "truncated"
        case .safetyBlocked: "safety-blocked"
        case .unsupported: "unsupported"
        case .invalidRequest: "invalid-request"
        case .malformedResponse: "malformed-response"
        case .notCached: "not-cached"
        case .server: "server-error"
        case .network: "network"
        case .timeout: "timeout"
        }
    }

    /// Whether the failure says something about the prompt on this provider (a migration blocker) rather
    /// than about the run (a network fault, a server error) that a re-run may not see again.
    public var blocksMigration: Bool {
        switch cause {
        case .safetyBlocked, .unsupported, .contextTooLong, .invalidRequest: true
        default: false
        }
    }

    public var description: String {
        var text = "\(causeName): \(message)"
        if case .safetyBlocked(let side) = cause, side != .unknown {
            text = "\(causeName) (\(side.rawValue) side): \(message)"
        }
        if let status { text += " (HTTP \(status))" }
        return text
    }
}
