import Foundation

/// One piece of a message text as the import aligns it: a fact, a Latin word, a run of spaces or tabs,
/// or a single other character (each line break too). The pieces of a text, joined, are the text exactly.
struct ImportToken: Sendable, Equatable {
    var text: String
    /// Set when the token is a fact (an order number, a date, an amount, …); used to name variables.
    var fact: Fact.Kind?
}

/// Splits a message text into ``ImportToken``s so that a varying order number, date or amount is one
/// token, not a run of digits that happen to share a `0` with the next request's.
///
/// ```swift
/// ImportTokenizer.tokens("订单号：YX20240709001，2024年7月9日").map(\.text)
/// // ["订", "单", "号", "：", "YX20240709001", "，", "2024年7月9日"]
/// ```
enum ImportTokenizer {
    static func tokens(_ text: String) -> [ImportToken] {
        let scalars = Array(text.unicodeScalars)
        let facts = factSpans(in: text)
        var tokens: [ImportToken] = []
        var i = 0
        var nextFact = 0
        func piece(_ range: Range<Int>) -> String {
            var out = ""
            out.unicodeScalars.append(contentsOf: scalars[range])
            return out
        }
        while i < scalars.count {
            if nextFact < facts.count, facts[nextFact].range.lowerBound == i {
                let fact = facts[nextFact]
                tokens.append(ImportToken(text: piece(fact.range), fact: fact.kind))
                i = fact.range.upperBound
                nextFact += 1
                continue
            }
            let limit = nextFact < facts.count ? facts[nextFact].range.lowerBound : scalars.count
            var end = i + 1
            if isLatinLetter(scalars[i]) {
                while end < limit, isLatinLetter(scalars[end]) { end += 1 }
            } else if scalars[i].properties.isWhitespace, !isLineBreak(scalars[i]) {
                while end < limit, scalars[end].properties.isWhitespace, !isLineBreak(scalars[end]) { end += 1 }
            }
            tokens.append(ImportToken(text: piece(i..<end), fact: nil))
            i = end
        }
        return joiningCodes(tokens)
    }

    /// Letters written against an identifier, a number or a phone-like digit run are one code with it:
    /// `YX` + `20240709001` (the fact patterns read a long digit run as a fact of its own) is `YX20240709001`.
    static func joiningCodes(_ tokens: [ImportToken]) -> [ImportToken] {
        func isCodePart(_ token: ImportToken) -> Bool {
            [.identifier, .number, .phone].contains(token.fact) || (token.fact == nil && token.text.unicodeScalars.allSatisfy(isLatinLetter))
        }
        var joined: [ImportToken] = []
        for token in tokens {
            if let last = joined.last, isCodePart(last), isCodePart(token), last.fact != nil || token.fact != nil {
                joined[joined.count - 1] = ImportToken(text: last.text + token.text, fact: .identifier)
            } else {
                joined.append(token)
            }
        }
        return joined
    }

    /// A line break is a token of its own, so `" \n"` and `"\n"` still share their `"\n"`.
    static func isLineBreak(_ scalar: Unicode.Scalar) -> Bool {
        scalar == "\n" || scalar == "\r"
    }

    static func isLatinLetter(_ scalar: Unicode.Scalar) -> Bool {
        ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar)
    }

    /// Where ``FactExtractor``'s patterns match, as scalar offsets, in the same order of precedence
    /// (text taken by an earlier pattern is not looked at again). A fact that starts or ends inside a
    /// character — a digit with a combining mark or a joiner after it — is left out (its text still taken).
    static func factSpans(in text: String) -> [(range: Range<Int>, kind: Fact.Kind)] {
        let scalars = text.unicodeScalars
        var index = scalars.startIndex, offset = 0
        func isCharacterBoundary(_ target: Int) -> Bool {  // targets come in increasing order
            index = scalars.index(index, offsetBy: target - offset)
            offset = target
            return String.Index(index, within: text) != nil
        }
        return FactScanner.matches(in: text).compactMap { match in
            isCharacterBoundary(match.scalarRange.lowerBound) && isCharacterBoundary(match.scalarRange.upperBound) ? (match.scalarRange, match.kind) : nil
        }
    }
}
