import Foundation

/// A rough, documented token count for a request, good enough to catch a prompt that cannot fit a
/// model's context and to estimate what a run costs — not a tokenizer.
///
/// - each CJK character (Han, kana, Hangul, CJK and full-width punctuation) ≈ 1 token;
/// - every other character ≈ 1/4 token (rounded up per text);
/// - +4 tokens per message (role and framing);
/// - `tools` / `functions`, when the request has them, count as their JSON text.
///
/// ```swift
/// TokenEstimator.estimate(text: "你好，world")   // 3 CJK + ceil(5 / 4) = 5
/// ```
public enum TokenEstimator {
    /// Tokens added per message for the role and the chat template's framing.
    public static let perMessage = 4

    /// The estimated tokens of one text.
    public static func estimate(text: String) -> Int {
        var cjk = 0
        var other = 0
        for scalar in text.unicodeScalars {
            if isCJK(scalar) { cjk += 1 } else { other += 1 }
        }
        return cjk + (other + 3) / 4
    }

    /// The estimated prompt tokens of a request: its messages, and its tool definitions.
    public static func estimate(_ request: ChatRequest) -> Int {
        var tokens = request.messages.reduce(0) { $0 + perMessage + estimate(text: $1.content) }
        for key in ["tools", "functions"] {
            if let value = request.parameters[key] { tokens += estimate(text: value.serialized()) }
        }
        return tokens
    }

    static func isCJK(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x3000...0x303F, 0xFF00...0xFFEF: true  // CJK punctuation, full-width forms
        default: Tokenizer.isCJK(scalar)
        }
    }
}
