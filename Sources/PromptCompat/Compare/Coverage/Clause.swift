import Foundation

/// One clause of an answer — a sentence, a list item, or a comma-separated part of a Chinese sentence —
/// with its ``ContentUnits``: the pieces two answers are aligned by.
///
/// ```swift
/// Clause.split("7天内可无理由退货，定制商品除外。运费由买家承担。").map(\.text)
/// // ["7天内可无理由退货", "定制商品除外", "运费由买家承担"]
/// ```
public struct Clause: Sendable, Equatable {
    /// As written (normalized, list markers and Markdown emphasis dropped).
    public var text: String
    public var units: Set<ContentUnit>

    /// The clauses of `text`: lines, then sentences (`。！？!?；;` and a `.` that ends a sentence), then, in
    /// Chinese, the parts between commas.
    public static func split(_ text: String) -> [Clause] {
        recent.value(for: text) { text in
            TextNormalizer.normalize(text).lines.flatMap { line in
                pieces(of: strippingMarkers(String(line))).compactMap { piece -> Clause? in
                    let trimmed = piece.trimming(.whitespacesAndNewlines)
                    return trimmed.isEmpty ? nil : Clause(text: trimmed, units: ContentUnits.of(trimmed))
                }
            }
        }
    }

    static let recent = RecentResults<[Clause]>(capacity: 256)

    /// The sentences of `text`, list markers dropped: lines, then `。！？!?；;` and a sentence's `.` — commas kept.
    static func sentences(_ text: String) -> [String] {
        TextNormalizer.normalize(text).lines.flatMap { line in
            pieces(of: strippingMarkers(String(line)), commas: false).map { $0.trimming(.whitespacesAndNewlines) }.filter { !$0.isEmpty }
        }
    }

    /// A clause that ends in a colon introduces what follows (`需要准备这几样：`, `Here is the summary:`):
    /// a heading, not a statement of its own. So does a short clause that only names where the answer
    /// comes from (`根据预估结果`, `According to the policy`): a frame.
    var isLeadIn: Bool { text.last == ":" || text.last == "：" || Clause.isAttribution(text) }

    /// `根据…`, `依据…`, `按照…`, `according to …`, `based on …`, `as per …` in eight characters or six words
    /// at most (64 bytes), without a figure, a condition or an offer (`根据规定不予退款` says something).
    static func isAttribution(_ text: String) -> Bool {
        // Most clauses start otherwise: their first byte says so.
        guard text.utf8.count <= 64, let first = text.utf8.first, attributionFirstBytes.contains(first) else { return false }
        let framed: Bool
        if attributionsChinese.contains(where: text.hasPrefix) {
            // A document's title in 《》 is one name, however long (`根据《员工休假管理制度》`).
            framed = RegexCache.replacing("《[^》]*》", in: text, with: "《》").count <= 8
        } else {
            let lowered = text.lowercasedFast()
            framed = attributionsEnglish.contains(where: lowered.hasPrefix) && lowered.split(separator: " ").count <= 6
        }
        return framed && !text.contains(where: \.isNumber) && !CourtesyPhrases.isCondition(text) && !CourtesyPhrases.isClaim(text)
    }

    /// The first UTF-8 bytes of the attributions, in either case.
    static let attributionFirstBytes: Set<UInt8> = Set((attributionsChinese + attributionsEnglish + attributionsEnglish.map { $0.uppercased() }).compactMap(\.utf8.first))

    static let attributionsChinese = ["根据", "依据", "按照"]
    static let attributionsEnglish = ["according to ", "based on ", "as per "]

    /// A line without its list marker (`- `, `* `, `1. `, `2) `, `3、`, `#`), quote marker and `**`.
    static func strippingMarkers(_ line: String) -> String {
        var text = Substring(line.trimming(.whitespaces))
        while let first = text.first, "#>-*•·".contains(first) { text = text.dropFirst().drop { $0 == " " } }
        // 一、 二、 and （一） (3) as list marks
        if let (_, rest) = ChineseListMarks.marker(text) { text = rest }
        let digits = text.prefix { $0.isASCII && $0.isNumber }
        if !digits.isEmpty, digits.count <= 2 {
            let rest = text.dropFirst(digits.count)
            if let marker = rest.first, ".)、".contains(marker), rest.dropFirst().first.map({ $0 == " " || !$0.isNumber }) ?? true {
                text = rest.dropFirst().drop { $0 == " " }
            }
        }
        return withoutEmphasis(String(text))
    }

    /// A line without Markdown's `**` emphasis.
    static func withoutEmphasis(_ line: String) -> String {
        UTF8Search.contains("**", in: line) ? line.replacingOccurrences(of: "**", with: "") : line
    }

    /// What follows a comma that starts a clause of its own in English.
    static let turns = [" but ", " unless ", " and not "]

    /// Sentence ends always; a comma when a CJK character is next to it (a Chinese clause break, which NFKC
    /// made `,`); a `.` only before a space or the end and after a letter or CJK character (not `1.5`, not `e.g.`);
    /// ", but …", ", unless …", ", and not …": a contrast or a condition starts a clause of its own
    /// (`… will become read-only, but no data is deleted`, `…at your site, and not if a county fire ban is in
    /// effect`), as a Chinese comma does. Read scalar by scalar: every mark that breaks is one scalar.
    static func pieces(of line: String, commas: Bool = true) -> [String] {
        let scalars = line.unicodeScalars
        var pieces: [String] = []
        var pieceStart = scalars.startIndex, i = scalars.startIndex
        var previous: Unicode.Scalar = " ", beforePrevious: Unicode.Scalar = " "
        while i < scalars.endIndex {
            let c = scalars[i], after = scalars.index(after: i)
            let next: Unicode.Scalar = after < scalars.endIndex ? scalars[after] : " "
            let breaks: Bool
            switch c {
            case "。", "!", "?", "！", "？", ";", "；": breaks = true
            case ",", "，": breaks = commas && (Tokenizer.isCJK(previous) || Tokenizer.isCJK(next) || turns.contains { scalars[after...].starts(with: $0.unicodeScalars) })
            case ".": breaks = next == " " && (Tokenizer.isAlphabetic(previous) || Tokenizer.isCJK(previous) || previous == ")") && beforePrevious != "."
            default: breaks = false
            }
            if breaks {
                pieces.append(String(line[pieceStart..<i]))
                pieceStart = after
            }
            beforePrevious = previous
            previous = c
            i = after
        }
        pieces.append(String(line[pieceStart...]))
        return pieces
    }
}
