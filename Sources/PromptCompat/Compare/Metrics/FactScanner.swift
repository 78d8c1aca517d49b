/// Finds where ``FactExtractor``'s facts are written, by hand-written matching over a text's Unicode
/// scalars that does what this table of ICU regular expressions (`NSRegularExpression`) does, match for
/// match — tried in this order, most specific first, `d` being `[0-9０-９]`:
///
/// ```
/// url         https?://[^\s<>"'，。、；：！？）)】」]+[^\s<>"'，。、；：！？）)】」.,;:!?]
/// email       [A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}
/// date        (?<!d)(d{4})\s*[-/.年]\s*(d{1,2})\s*[-/.月]\s*(d{1,2})(?:\s*[日号])?(?!d)
/// date        (?i)\b(MONTH)\.?\s+(d{1,2})(?:st|nd|rd|th)?,?\s+(d{4})(?!d)
/// date        (?i)(?<!d)(d{1,2})(?:st|nd|rd|th)?\s+(MONTH)\.?,?\s+(d{4})(?!d)
/// date        (?<!d)(d{1,2})\s*月\s*(d{1,2})\s*[日号]
/// date        (?<!d)(d{1,2})/(d{1,2})/(d{4})(?!d)
/// phone       (?<![0-9０-９+])(?:\+?86[-\s]?)?1[3-9]d[-\s]?d{4}[-\s]?d{4}(?!d)
/// phone       (?<!d)(?:0d{2,3}-d{7,8}|400-?d{3}-?d{4})(?!d)
/// amount      (?i)(¥|￥|\$|＄|€|£|RMB|CNY|USD|EUR|GBP|人民币)\s?(NUMBER)
/// amount      (NUMBER)\s?(元|块钱|块|美元|欧元|英镑|RMB|CNY|USD|EUR|GBP)
/// percentage  (NUMBER)\s?[%％]
/// (none)      (?m)^\s*d{1,3}[.)、](?!d)                                   list numbering, not a fact
/// date        (?i)(上午|早上|中午|下午|晚上|AM|PM)?\s*(?<!d)(d{1,2})[:：](d{2})(?!d)\s*(AM|PM|a\.m\.|p\.m\.)?
/// number      (?<![A-Za-z0-9Ａ-Ｚａ-ｚ０-９.．])(d{1,6}(?:[.．]d+)?)(?:UNITS)(?![A-Za-z0-9Ａ-Ｚａ-ｚ０-９])
/// identifier  (?<![A-Za-z0-9Ａ-Ｚａ-ｚ０-９])(?=[A-Za-z0-9Ａ-Ｚａ-ｚ０-９_-]*[A-Za-zＡ-Ｚａ-ｚ])(?=[A-Za-z0-9Ａ-Ｚａ-ｚ０-９_-]*[0-9０-９])
///             [A-Za-z0-9Ａ-Ｚａ-ｚ０-９]+(?:[-_][A-Za-z0-9Ａ-Ｚａ-ｚ０-９]+)*
/// identifier  (?<![0-9０-９.,])d{7,}(?!d)
/// number      (?<![0-9０-９.．])(?:NUMBER)(?![0-9０-９])
///
/// NUMBER  d{1,3}(?:[,，]d{3})+(?:[.．]d+)?|d+(?:[.．]d+)?
/// MONTH   Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?
///         |Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?
/// UNITS   mAh|kWh|Wh|kW|W|V|mA|A|GHz|MHz|Hz|TB|GB|MB|KB|kb|Gb|Mb|kg|mg|g|ml|mL|L|l|km|cm|mm|m|ms|s|min|h|in|ft|lb|oz|px|pt|K|k|x
/// ```
///
/// Each pattern is searched over the whole text as `NSRegularExpression.matches(in:range:)` does (leftmost
/// match, the next search starting where the last match ended); then a match that overlaps text taken by
/// an earlier pattern is dropped, and a match whose reading is not a valid fact (a 13th month) leaves its
/// text to the later patterns. ICU's meanings are kept: `\s` is Unicode White_Space, `\b` looks past
/// marks, `(?i)` folds ſ to `s` and ﬆ to `st`, `(?m)^` follows any line terminator.
/// `Tests/PromptCompatTests/Compare/Metrics/FactRegexOracle.swift` keeps the table as regular expressions,
/// and the tests compare the two on every text they have.
///
/// ```swift
/// FactScanner.matches(in: "2024年7月9日付款¥1,299.00").map(\.written)  // ["2024年7月9日", "¥1,299.00"]
/// ```
enum FactScanner {
    /// A fact as found: where it is written, its pattern's capture groups and its value.
    struct Match: Sendable, Equatable {
        var kind: Fact.Kind
        var reading: FactExtractor.Reading
        /// The whole match in Unicode scalar offsets.
        var scalarRange: Range<Int>
        /// The whole match in UTF-16 offsets, NSRange's unit.
        var utf16Range: Range<Int>
        /// Each capture group's text, empty when the group took no part.
        var groups: [String]
        /// The match without the spaces and tabs around it.
        var written: String
        var value: String

        var fact: Fact { Fact(kind: kind, text: written, value: value) }
    }

    /// One match of one pattern, in scalar offsets, before the patterns' precedence is applied.
    struct RawMatch: Equatable {
        var range: Range<Int>
        /// Each capture group's range, nil when it took no part.
        var groups: [Range<Int>?]
    }

    /// One line of the table.
    struct Pattern: Sendable {
        var kind: Fact.Kind?
        var reading: FactExtractor.Reading
        /// What a text needs to be searched at all: at least one clue of each element.
        var needs: [Clues]
        /// The leftmost match that starts at or after the offset.
        var find: @Sendable (Text, Int) -> RawMatch?

        /// Every match, each search starting where the last match ended (no pattern matches empty text).
        func matches(in text: Text) -> [RawMatch] {
            var found: [RawMatch] = []
            var start = 0
            while start < text.count, let match = find(text, start) {
                found.append(match)
                start = match.range.upperBound
            }
            return found
        }
    }

    /// The patterns, most specific first (the table above, line for line).
    static let patterns: [Pattern] = [
        Pattern(kind: .url, reading: .lowercased, needs: [.colon]) { $0.url(from: $1) },
        Pattern(kind: .email, reading: .lowercased, needs: [.at]) { $0.email(from: $1) },
        Pattern(kind: .date, reading: .yearMonthDay, needs: [.digit]) { $0.yearMonthDay(from: $1) },
        Pattern(kind: .date, reading: .monthNameDayYear, needs: [.digit, .latin]) { $0.monthNameDayYear(from: $1) },
        Pattern(kind: .date, reading: .dayMonthNameYear, needs: [.digit, .latin]) { $0.dayMonthNameYear(from: $1) },
        Pattern(kind: .date, reading: .monthDay, needs: [.digit, .month]) { $0.monthDay(from: $1) },
        Pattern(kind: .date, reading: .slashDate, needs: [.digit]) { $0.slashDate(from: $1) },
        Pattern(kind: .phone, reading: .phone, needs: [.digit]) { $0.mobilePhone(from: $1) },
        Pattern(kind: .phone, reading: .phone, needs: [.digit]) { $0.landlinePhone(from: $1) },
        Pattern(kind: .amount, reading: .currencyFirst, needs: [.digit, [.currencySign, .latin]]) { $0.currencyFirst(from: $1) },
        Pattern(kind: .amount, reading: .amountFirst, needs: [.digit, [.currencyWord, .latin]]) { $0.amountFirst(from: $1) },
        Pattern(kind: .percentage, reading: .percentage, needs: [.digit, .percent]) { $0.percentage(from: $1) },
        Pattern(kind: nil, reading: .ignored, needs: [.digit, .listMark]) { $0.listNumber(from: $1) },
        Pattern(kind: .date, reading: .time, needs: [.digit, .colon]) { $0.clockTime(from: $1) },
        Pattern(kind: .number, reading: .measure, needs: [.digit, .latin]) { $0.measure(from: $1) },
        Pattern(kind: .identifier, reading: .identifier, needs: [.digit, [.latin, .fullWidthLetter]]) { $0.identifier(from: $1) },
        Pattern(kind: .identifier, reading: .identifier, needs: [.digit]) { $0.longDigitRun(from: $1) },
        Pattern(kind: .number, reading: .number, needs: [.digit]) { $0.plainNumber(from: $1) },
    ]

    /// The facts of `string` in the order they are written, each where it is and with its value.
    static func matches(in string: String) -> [Match] {
        let text = Text(string)
        var taken: [Range<Int>] = []
        var found: [Match] = []
        for pattern in patterns where pattern.needs.allSatisfy({ !text.clues.isDisjoint(with: $0) }) {
            for match in pattern.matches(in: text) where !taken.contains(where: { $0.overlaps(match.range) }) {
                guard let kind = pattern.kind else {  // matched, and not a fact
                    taken.append(match.range)
                    continue
                }
                let groups = match.groups.map { $0.map(text.string) ?? "" }
                let written = text.trimmedString(match.range)
                // An invalid match (a 13th month) leaves its text to the later patterns.
                guard let value = FactExtractor.value(pattern.reading, written: written, groups: groups) else { continue }
                taken.append(match.range)
                found.append(Match(
                    kind: kind, reading: pattern.reading, scalarRange: match.range, utf16Range: text.utf16Range(match.range),
                    groups: groups, written: written, value: value))
            }
        }
        return found.sorted { $0.scalarRange.lowerBound < $1.scalarRange.lowerBound }
    }
}
