import Foundation

/// The language an answer is written in, finer than ``LanguageMix``: Chinese, Japanese (kana among the
/// CJK characters) and Korean (Hangul); among Latin-script texts English, French, Italian, Spanish,
/// German and Portuguese, told apart by their function words (data). `nil` when a text is too short or
/// too even to tell — a label such as `Negative` says nothing about its language.
///
/// ```swift
/// WrittenLanguage.of("Il suo ordine è stato spedito e arriverà entro tre giorni.")   // .italian
/// WrittenLanguage.of("ご注文の商品は明日発送いたします。")                                // .japanese
/// ```
public enum WrittenLanguage: String, Sendable, CaseIterable {
    case chinese = "Chinese", japanese = "Japanese", korean = "Korean"
    case english = "English", french = "French", italian = "Italian", spanish = "Spanish", german = "German", portuguese = "Portuguese"

    public static func of(_ text: String) -> WrittenLanguage? {
        var han = 0, kana = 0, hangul = 0
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0x3040...0x30FF: kana += 1
            case 0xAC00...0xD7AF: hangul += 1
            case _ where Tokenizer.isCJK(scalar): han += 1
            default: break
            }
        }
        switch LanguageMix.of(text).dominant {
        case .zh:
            if hangul * 3 >= han + kana + hangul, hangul >= 2 { return .korean }
            if kana >= 2, kana * 10 >= han + kana { return .japanese }
            return .chinese
        case .en: return latin(text)
        case .mixed, .none: return nil
        }
    }

    /// The Latin-script language with the most function words, when it has at least 3 and half again as
    /// many as the next one.
    static func latin(_ text: String) -> WrittenLanguage? {
        var hits: [WrittenLanguage: Int] = [:]
        for word in text.lowercasedFast().split(whereSeparator: { !$0.isLetter && $0 != "'" }) {
            for language in languages(ofFunctionWord: word) { hits[language, default: 0] += 1 }
        }
        let ranked = hits.sorted { $0.value > $1.value }
        guard let best = ranked.first, best.value >= 3 else { return nil }
        if ranked.count > 1, Double(best.value) < 1.5 * Double(ranked[1].value) { return nil }
        return best.key
    }

    /// The languages whose function word `word` is (`que`: Spanish and Portuguese), looked up once.
    static func languages(ofFunctionWord word: Substring) -> [WrittenLanguage] {
        word.utf8.count > longestFunctionWord ? [] : languagesOfFunctionWord[String(word)] ?? []
    }

    static let languagesOfFunctionWord: [String: [WrittenLanguage]] = functionWords.reduce(into: [:]) { table, entry in
        for word in entry.value { table[word, default: []].append(entry.key) }
    }
    static let longestFunctionWord = functionWords.values.joined().map(\.utf8.count).max() ?? 0

    static let functionWords: [WrittenLanguage: Set<String>] = [
        .english: ["the", "and", "is", "are", "of", "to", "with", "for", "you", "your", "this", "that", "will", "be", "have", "has", "it", "we", "our", "not", "can", "please", "from", "by", "at", "or", "was", "were", "which", "would", "an"],
        .french: ["le", "les", "des", "et", "est", "une", "du", "pour", "vous", "votre", "avec", "dans", "sur", "pas", "ce", "cette", "nous", "sont", "au", "aux", "qui", "il", "elle", "être", "été", "merci", "mais", "ou", "très"],
        .italian: ["il", "lo", "gli", "di", "del", "della", "delle", "è", "che", "per", "con", "una", "non", "sono", "questo", "questa", "nel", "alla", "ai", "da", "suo", "sua", "vostro", "grazie", "anche", "come", "ed", "più", "entro"],
        .spanish: ["el", "los", "las", "del", "y", "es", "que", "en", "un", "una", "por", "para", "con", "su", "se", "al", "está", "son", "usted", "gracias", "muy", "pero", "como", "sus", "hasta"],
        .german: ["der", "die", "das", "und", "ist", "nicht", "ein", "eine", "mit", "für", "sie", "wir", "zu", "von", "den", "dem", "auf", "auch", "ich", "bitte", "ihre", "ihr", "wird", "werden", "bis"],
        .portuguese: ["os", "do", "da", "dos", "das", "é", "que", "em", "um", "uma", "para", "com", "não", "por", "seu", "sua", "você", "no", "na", "obrigado", "obrigada", "até", "mas", "muito"],
    ]
}
