import Foundation

/// A judge model's verdict on one answer.
///
/// ```swift
/// let verdict = try JudgeVerdict.parse(reply: #"{"score": 8, "reason": "说明了到账时间"}"#, model: "qwen-plus")
/// verdict.score    // 0.8
/// verdict.reason   // "说明了到账时间"
/// ```
public struct JudgeVerdict: Sendable, Equatable {
    /// The judge's 0–10 score divided by 10: 0…1.
    public var score: Double
    /// The judge's reason; empty when the reply gave none.
    public var reason: String
    /// The judge's reply as it came.
    public var raw: String
    /// The model that answered, as the provider reported it.
    public var model: String?
    /// Whether the verdict came from the grading cache (no request was made).
    public var cached: Bool = false

    public init(score: Double, reason: String, raw: String, model: String?) {
        self.score = score
        self.reason = reason
        self.raw = raw
        self.model = model
    }

    /// Keys the score and the reason are looked for under, in order (small models sometimes translate them).
    static let scoreKeys = ["score", "分数", "评分", "得分", "rating"]
    static let reasonKeys = ["reason", "理由", "原因", "reasoning", "explanation"]

    /// Reads a reply that should hold `{"score": 0–10, "reason": "…"}`, bare or inside a code fence or prose
    /// (``JSONComparison/extract(from:)``). The score may be a number or a numeric string.
    ///
    /// - Throws: ``ProviderFailure/Cause/malformedResponse`` with the whole reply as evidence when there is
    ///   no such object or the score is not a number from 0 to 10 — never a silent 0.
    public static func parse(reply: String, model: String?, finishReason: String? = nil) throws(ProviderFailure) -> JudgeVerdict {
        func failure(_ problem: String) -> ProviderFailure {
            let cut = finishReason == "length" ? " (the reply was cut at max_tokens)" : ""
            let excerpt = reply.count > 200 ? String(reply.prefix(200)) + "…" : reply
            return ProviderFailure(.malformedResponse, "the judge's reply is not a verdict {\"score\": 0–10, \"reason\": …}: \(problem)\(cut); reply: \(excerpt)", evidence: reply)
        }
        guard let object = JSONComparison.extract(from: reply)?.value.objectValue else { throw failure("no JSON object in it") }
        guard let scoreValue = scoreKeys.lazy.compactMap({ object[$0] }).first else {
            throw failure("no \"score\" member (members: \(object.keys.joined(separator: ", ")))")
        }
        let number = scoreValue.numberValue ?? scoreValue.stringValue.flatMap { Double($0.trimmingCharacters(in: .whitespaces)) }
        guard let number, number.isFinite else { throw failure("the score \(scoreValue.serialized()) is not a number") }
        guard (0...10).contains(number) else { throw failure("the score \(JSONValue.format(number)) is outside 0–10") }
        let reason = reasonKeys.lazy.compactMap { object[$0]?.stringValue }.first ?? ""
        return JudgeVerdict(score: number / 10, reason: reason, raw: reply, model: model)
    }
}
