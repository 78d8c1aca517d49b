import Foundation

/// Tells whether an answer declines the request, from the phrasings in ``RefusalPhrases``.
///
/// The rule: the **opening** of the answer is its first ``openingLength`` characters after
/// normalization (an answer shorter than that is taken whole). The answer is a refusal when the opening
/// holds a refusal phrase ("抱歉，我无法", "I'm sorry, but I can't"), or a framing ("作为一个AI",
/// "根据相关法律法规", "As an AI") together with a first-person inability ("我无法", "I cannot"). A refusal
/// buried deep in a long, helpful answer is not one; an apology that goes on to answer ("抱歉让您久等了，
/// 订单已发货") is not one.
///
/// Matching is on a skeleton of the text: NFKC, lower case, punctuation and spaces dropped between CJK
/// characters and kept as one space between Latin words, so phrases match whole words ("as an ai" does not
/// match "has an aim") and Chinese phrases match with or without a comma.
enum RefusalDetector {
    /// How many characters from the start of the answer are searched.
    static let openingLength = 120

    /// The sentence of `text` that declines, as written, or `nil` when `text` is not a refusal.
    ///
    /// ```swift
    /// RefusalDetector.refusal(in: "抱歉，我无法提供该信息。请咨询专业人士。")   // "抱歉，我无法提供该信息。"
    /// RefusalDetector.refusal(in: "抱歉让您久等了，订单已发货。")              // nil
    /// ```
    static func refusal(in text: String) -> String? {
        let opening = String(text.trimming(.whitespacesAndNewlines).prefix(openingLength))
        let skeleton = Self.skeleton(opening)
        // Byte search: both skeletons are NFKC and lower case, and Foundation's `contains` costs microseconds a call.
        if let phrase = refusalKeys.first(where: { UTF8Search.contains($0, in: skeleton) }) {
            return sentence(of: opening, containing: phrase)
        }
        if framingKeys.contains(where: { UTF8Search.contains($0, in: skeleton) }),
           let inability = inabilityKeys.first(where: { UTF8Search.contains($0, in: skeleton) }) {
            return sentence(of: opening, containing: inability)
        }
        return nil
    }

    static let refusalKeys = RefusalPhrases.refusals.map(key)
    static let framingKeys = RefusalPhrases.framings.map(key)
    static let inabilityKeys = RefusalPhrases.inabilities.map(key)

    /// A phrase's skeleton, with a space on each Latin end so it matches whole words only.
    static func key(_ phrase: String) -> String {
        let core = skeleton(phrase).trimming(.whitespaces)
        let startsCJK = core.unicodeScalars.first.map(Tokenizer.isCJK) ?? false
        let endsCJK = core.unicodeScalars.last.map(Tokenizer.isCJK) ?? false
        return (startsCJK ? "" : " ") + core + (endsCJK ? "" : " ")
    }

    /// Lower-cased letters, digits and CJK characters; one space between two Latin words and between
    /// Latin and CJK, nothing between two CJK characters; a space at each end.
    static func skeleton(_ text: String) -> String {
        // Built as UTF-8 bytes and made a `String` once (appending to a scalar view costs more a scalar).
        var result: [UInt8] = [0x20]
        var lastWasCJK: Bool?
        var gap = false
        for scalar in TextNormalizer.nfkc(text).lowercasedFast().unicodeScalars {
            let isCJK = Tokenizer.isCJK(scalar)
            guard isCJK || Tokenizer.isAlphabetic(scalar) || ("0"..."9").contains(scalar) else {
                gap = true
                continue
            }
            if let last = lastWasCJK, !(last && isCJK), gap || last != isCJK { result.append(0x20) }
            UTF8.encode(scalar) { result.append($0) }
            lastWasCJK = isCJK
            gap = false
        }
        result.append(0x20)
        return String(decoding: result, as: UTF8.self)
    }

    /// The first sentence of `text` whose skeleton holds `key`, or the whole text when the key spans sentences.
    static func sentence(of text: String, containing key: String) -> String {
        var sentences: [String] = []
        var current = ""
        for character in text {
            current.append(character)
            if "。！？!?；;.\n".contains(character) {
                sentences.append(current)
                current = ""
            }
        }
        sentences.append(current)
        let found = sentences.first { UTF8Search.contains(key, in: skeleton($0)) }
        return (found ?? text).trimming(.whitespacesAndNewlines)
    }
}
