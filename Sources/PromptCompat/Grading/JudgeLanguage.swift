import Foundation

/// The language the judge is instructed in: Chinese or English.
///
/// ```swift
/// JudgeLanguage.detect(in: "把退款政策告诉客户")   // .zh
/// JudgeLanguage.detect(in: "Summarise the ticket")   // .en
/// ```
public enum JudgeLanguage: String, Sendable, Equatable, CaseIterable {
    case zh, en

    /// `.zh` when at least half of the text's words are CJK characters (each Han, kana or Hangul
    /// character counts as one word, as ``Tokenizer`` splits them; numbers do not count), else `.en`.
    /// A text with no words at all is `.zh`, the project's default language.
    public static func detect(in text: String) -> JudgeLanguage {
        let words = Tokenizer.tokens(text).filter { token in !token.unicodeScalars.allSatisfy { ("0"..."9").contains($0) || $0 == "." || $0 == "," } }
        guard !words.isEmpty else { return .zh }
        let cjk = words.filter { word in word.unicodeScalars.count == 1 && Tokenizer.isCJK(word.unicodeScalars.first!) }.count
        return cjk * 2 >= words.count ? .zh : .en
    }
}
