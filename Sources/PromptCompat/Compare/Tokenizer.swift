import Foundation

/// Splits text into comparison tokens the way a reader sees units of meaning: each CJK character
/// (Han, kana, Hangul) is a token, a run of Latin letters is a word, a run of digits (with `.` `,` inside)
/// is one number, and punctuation is dropped. Text is NFKC-normalized first and words are lowercased.
///
/// Whitespace tokenization — what BLEU/ROUGE do by default — treats a whole Chinese sentence as one
/// "word"; this does not.
///
/// With `cjkBigrams: true`, each run of CJK characters written next to each other (nothing, not even
/// punctuation or a space, between them) becomes its overlapping two-character tokens instead, as
/// Lucene's CJK analyzer does; a run of one character stays one token.
///
/// ```swift
/// Tokenizer.tokens("订单20240709已发货, shipped today")
/// // ["订", "单", "20240709", "已", "发", "货", "shipped", "today"]
/// Tokenizer.tokens("订单已发货", cjkBigrams: true)   // ["订单", "单已", "已发", "发货"]
/// ```
public enum Tokenizer {
    public static func tokens(_ text: String, cjkBigrams: Bool = false) -> [String] {
        let scalars = TextNormalizer.nfkcScalars(text)
        var tokens: [String] = []
        scan(scalars, cjkBigrams: cjkBigrams) { kind, range in
            tokens.append(kind == .cjk ? string(scalars[range]) : string(scalars[range]).lowercasedFast())
        }
        return tokens
    }

    /// The text of `scalars`, encoded straight into a new string's UTF-8 buffer.
    static func string(_ scalars: ArraySlice<Unicode.Scalar>) -> String {
        let count = scalars.reduce(0) { $0 + UTF8.width($1) }
        return String(unsafeUninitializedCapacity: count) { buffer in
            var i = 0
            for scalar in scalars { UTF8.encode(scalar) { buffer[i] = $0; i += 1 } }
            return count
        }
    }

    /// The fast path for comparisons: the tokens of both texts as integer ids from one shared table, so
    /// equal tokens have equal ids. A CJK character's id is its Unicode scalar value; words, numbers and
    /// bigrams get interned ids from `0x110000` up. Same tokenization as ``tokens(_:cjkBigrams:)``.
    ///
    /// ```swift
    /// let (a, b) = Tokenizer.tokenIDs("订单 OK", "ok 订单")   // a == [0x8BA2, 0x5355, 0x110000], b == [0x110000, 0x8BA2, 0x5355]
    /// ```
    public static func tokenIDs(_ reference: String, _ candidate: String, cjkBigrams: Bool = false)
        -> (reference: [UInt32], candidate: [UInt32])
    {
        var interner = TokenInterner()
        let a = tokenIDs(reference, cjkBigrams: cjkBigrams, interner: &interner)
        let b = tokenIDs(candidate, cjkBigrams: cjkBigrams, interner: &interner)
        return (a, b)
    }

    static func tokenIDs(_ text: String, cjkBigrams: Bool, interner: inout TokenInterner) -> [UInt32] {
        let scalars = TextNormalizer.nfkcScalars(text)
        var ids: [UInt32] = []
        ids.reserveCapacity(scalars.count)
        scan(scalars, cjkBigrams: cjkBigrams) { kind, range in
            switch kind {
            case .cjk where range.count == 1: ids.append(scalars[range.lowerBound].value)
            case .cjk: ids.append(interner.id(bigram: scalars[range.lowerBound], scalars[range.lowerBound + 1]))
            case .word, .number:
                let token = string(scalars[range])
                ids.append(interner.id(word: kind == .word ? token.lowercasedFast() : token))
            }
        }
        return ids
    }

    enum TokenKind { case cjk, word, number }

    /// The one tokenizing loop: calls `body` with each token's kind and scalar range, in order.
    static func scan(_ scalars: [Unicode.Scalar], cjkBigrams: Bool, _ body: (TokenKind, Range<Int>) -> Void) {
        var start = 0
        var kind: TokenKind?
        var cjkRunEnd = -1  // end of the previous CJK character, for bigrams
        func flush(_ end: Int) {
            if let current = kind, end > start { body(current, start..<end) }
            kind = nil
        }
        for (i, scalar) in scalars.enumerated() {
            if isCJK(scalar) {
                flush(i)
                if !cjkBigrams {
                    body(.cjk, i..<i + 1)
                } else if cjkRunEnd == i {
                    body(.cjk, i - 1..<i + 1)
                } else if i + 1 >= scalars.count || !isCJK(scalars[i + 1]) {
                    body(.cjk, i..<i + 1)  // a lone CJK character
                }
                cjkRunEnd = i + 1
            } else if isASCIIDigit(scalar) {
                if kind != .number { flush(i); start = i; kind = .number }
            } else if kind == .number, scalar == "." || scalar == ",", i + 1 < scalars.count, isASCIIDigit(scalars[i + 1]) {
                continue
            } else if scalar == "_" || isAlphabetic(scalar) {
                if kind != .word { flush(i); start = i; kind = .word }
            } else {
                flush(i)
            }
        }
        flush(scalars.count)
    }

    static func isASCIIDigit(_ scalar: Unicode.Scalar) -> Bool { scalar.value &- 0x30 < 10 }

    /// `isAlphabetic`, answered without the Unicode property tables for ASCII and common punctuation.
    static func isAlphabetic(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x41...0x5A, 0x61...0x7A: true
        case 0...0x7F, 0x2010...0x2027, 0x3001...0x3003, 0x3008...0x3011: false
        default: scalar.properties.isAlphabetic
        }
    }

    /// Han ideographs, CJK punctuation-free symbols, Hiragana, Katakana and Hangul.
    public static func isCJK(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x4E00...0x9FFF, 0x3400...0x4DBF, 0x20000...0x2A6DF, 0xF900...0xFAFF,  // Han
            0x3040...0x309F, 0x30A0...0x30FF,  // kana
            0xAC00...0xD7AF:  // Hangul syllables
            true
        default: false
        }
    }
}

/// Ids for tokens that are not a single CJK character, from `0x110000` up (above every scalar value).
struct TokenInterner {
    private var words: [String: UInt32] = [:]
    private var bigrams: [UInt64: UInt32] = [:]
    private var next: UInt32 = 0x110000

    mutating func id(word: String) -> UInt32 {
        if let id = words[word] { return id }
        defer { next += 1 }
        words[word] = next
        return next
    }

    mutating func id(bigram first: Unicode.Scalar, _ second: Unicode.Scalar) -> UInt32 {
        let key = UInt64(first.value) << 21 | UInt64(second.value)
        if let id = bigrams[key] { return id }
        defer { next += 1 }
        bigrams[key] = next
        return next
    }
}
