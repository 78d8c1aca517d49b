import Foundation

/// Reads which side a content-safety block caught from the provider's own words, when its body has no
/// field that says so: "The input contains sensitive content" is the input, "Output data may contain …"
/// the answer. A message that names both sides (Zhipu's "输入或生成内容") or neither stays `unknown`.
///
/// ```swift
/// SafetySideWords.side(of: "The input contains sensitive content and was rejected.")   // .input
/// SafetySideWords.side(of: "系统检测到输入或生成内容可能包含不安全或敏感内容")              // .unknown
/// ```
public enum SafetySideWords {
    /// Words that name the request side, matched case-insensitively.
    static let input = ["input", "prompt", "request content", "输入", "提问", "问题内容"]
    /// Words that name the answer side.
    static let output = ["output", "generated", "completion", "输出", "生成", "回复内容", "回答内容"]

    public static func side(of message: String) -> ProviderFailure.SafetySide {
        let lowered = message.lowercased()
        let namesInput = input.contains { lowered.contains($0) }
        let namesOutput = output.contains { lowered.contains($0) }
        switch (namesInput, namesOutput) {
        case (true, false): return .input
        case (false, true): return .output
        default: return .unknown
        }
    }
}
