import Foundation

extension ProviderFailure {
    /// Finish reasons that mean "cut for length": `length` (OpenAI and the compatible APIs), `max_tokens`
    /// and `model_length` (gateways and vLLM when the context ran out).
    public static let truncationFinishReasons: Set<String> = ["length", "max_tokens", "model_length"]

    /// The answer as a classified truncation, when it was cut for length and the accepted answer was not:
    /// a baseline cut at the same place is the example's own design (a small `max_tokens`), not a break.
    ///
    /// A cut that came before the request's `max_tokens` is a cap the provider applies by itself; a cap
    /// the adapter applied (`max_tokens 8192 → 4096`) is named too. An answer that loops (``Repetition``)
    /// says so first — "truncated: the answer loops (repeats \"…\" 9 times) until it was cut: …" — since
    /// raising the cap would not finish it.
    ///
    /// ```swift
    /// let cut = Completion(text: "您好，您的订单", finishReason: "length", usage: Usage(promptTokens: 20, completionTokens: 64))
    /// ProviderFailure.truncation(of: cut, request: request, referenceFinishReasons: ["stop"])?.description
    /// // "truncated: the answer was cut at max_tokens 64 (finish_reason length); it ends: …您好，您的订单"
    /// ```
    public static func truncation(
        of completion: Completion, request: ChatRequest, adaptations: [Adaptation] = [], referenceFinishReasons: [String?] = []
    ) -> ProviderFailure? {
        guard let reason = completion.finishReason, truncationFinishReasons.contains(reason) else { return nil }
        let referenceCut = referenceFinishReasons.contains { $0.map(truncationFinishReasons.contains) ?? false }
        if referenceCut { return nil }
        let requested = ["max_tokens", "max_completion_tokens"].lazy.compactMap { request.parameters[$0]?.intValue }.first
        let produced = completion.usage?.completionTokens
        var message: String
        var limit = requested
        if let requested, let produced, produced < requested {
            message = "the answer was cut after \(produced) tokens although max_tokens is \(requested): the provider caps output below what was asked (finish_reason \(reason))"
            limit = produced
        } else if let requested {
            message = "the answer was cut at max_tokens \(requested) (finish_reason \(reason))"
        } else {
            message = "the answer was cut at the provider's default output limit (finish_reason \(reason), no max_tokens sent)"
        }
        if let cap = adaptations.first(where: { $0.rule == "max_tokens" }) {
            message += "; the adapter capped it: \(cap.change)"
        }
        // A model stuck repeating itself is not helped by a larger cap: say it loops.
        if let loop = Repetition.loop(in: completion.text) {
            message = "the answer loops (\(loop.description)) until it was cut: \(message); a larger max_tokens makes it longer, not finished"
        }
        let ending = completion.text.suffix(60).split(whereSeparator: \.isNewline).joined(separator: " ")
        return ProviderFailure(.truncated(limit: limit), message + "; it ends: …" + ending, evidence: String(completion.text.suffix(400)))
    }
}
