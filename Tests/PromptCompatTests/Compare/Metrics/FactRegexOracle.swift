import Foundation
@testable import PromptCompat

/// The oracle ``FactScanner`` is tested against: `FactExtractor`'s table of regular expressions and the
/// loops that read it (`FactExtractor.search`, `ImportTokenizer.factSpans`) as they were before the
/// scanner replaced them, verbatim. Not used by the sources.
enum FactRegexOracle {
    typealias Reading = FactExtractor.Reading

    static let digit = "[0-9０-９]"
    static let number = "\(digit){1,3}(?:[,，]\(digit){3})+(?:[.．]\(digit)+)?|\(digit)+(?:[.．]\(digit)+)?"
    static let monthName = "Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?"
    static let currencySymbols = "¥|￥|\\$|＄|€|£|RMB|CNY|USD|EUR|GBP|人民币"
    /// Units written right after a number (`180g`, `10000mAh`); anything else after digits is a code.
    static let units = "mAh|kWh|Wh|kW|W|V|mA|A|GHz|MHz|Hz|TB|GB|MB|KB|kb|Gb|Mb|kg|mg|g|ml|mL|L|l|km|cm|mm|m|ms|s|min|h|in|ft|lb|oz|px|pt|K|k|x"
    static let currencyWords = "元|块钱|块|美元|欧元|英镑|RMB|CNY|USD|EUR|GBP"

    /// The patterns, most specific first.
    static let patterns: [(kind: Fact.Kind?, reading: Reading, regex: NSRegularExpression)] = ([
        (.url, .lowercased, #"https?://[^\s<>"'，。、；：！？）)】」]+[^\s<>"'，。、；：！？）)】」.,;:!?]"#),
        (.email, .lowercased, "[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\\.[A-Za-z0-9-]+)*\\.[A-Za-z]{2,}"),
        (.date, .yearMonthDay, "(?<!\(digit))(\(digit){4})\\s*[-/.年]\\s*(\(digit){1,2})\\s*[-/.月]\\s*(\(digit){1,2})(?:\\s*[日号])?(?!\(digit))"),
        (.date, .monthNameDayYear, "(?i)\\b(\(monthName))\\.?\\s+(\(digit){1,2})(?:st|nd|rd|th)?,?\\s+(\(digit){4})(?!\(digit))"),
        (.date, .dayMonthNameYear, "(?i)(?<!\(digit))(\(digit){1,2})(?:st|nd|rd|th)?\\s+(\(monthName))\\.?,?\\s+(\(digit){4})(?!\(digit))"),
        (.date, .monthDay, "(?<!\(digit))(\(digit){1,2})\\s*月\\s*(\(digit){1,2})\\s*[日号]"),
        (.date, .slashDate, "(?<!\(digit))(\(digit){1,2})/(\(digit){1,2})/(\(digit){4})(?!\(digit))"),
        (.phone, .phone, "(?<![0-9０-９+])(?:\\+?86[-\\s]?)?1[3-9]\(digit)[-\\s]?\(digit){4}[-\\s]?\(digit){4}(?!\(digit))"),
        (.phone, .phone, "(?<!\(digit))(?:0\(digit){2,3}-\(digit){7,8}|400-?\(digit){3}-?\(digit){4})(?!\(digit))"),
        (.amount, .currencyFirst, "(?i)(\(currencySymbols))\\s?(\(number))"),
        (.amount, .amountFirst, "(\(number))\\s?(\(currencyWords))"),
        (.percentage, .percentage, "(\(number))\\s?[%％]"),
        (nil, .ignored, "(?m)^\\s*\(digit){1,3}[.)、](?!\(digit))"),  // list numbering, not a fact
        // A clock time: 14:00 = 下午2:00 = 2:00 PM (a date-kind fact, value T14:00).
        (.date, .time, "(?i)(上午|早上|中午|下午|晚上|AM|PM)?\\s*(?<![0-9０-９])(\(digit){1,2})[:：](\(digit){2})(?![0-9０-９])\\s*(AM|PM|a\\.m\\.|p\\.m\\.)?"),
        // A number with a unit (180g, 1.5s, 10000mAh, 20W): the number is the fact, not an identifier.
        (.number, .measure, "(?<![A-Za-z0-9Ａ-Ｚａ-ｚ０-９.．])(\(digit){1,6}(?:[.．]\(digit)+)?)(?:\(units))(?![A-Za-z0-9Ａ-Ｚａ-ｚ０-９])"),
        (.identifier, .identifier, "(?<![A-Za-z0-9Ａ-Ｚａ-ｚ０-９])(?=[A-Za-z0-9Ａ-Ｚａ-ｚ０-９_-]*[A-Za-zＡ-Ｚａ-ｚ])(?=[A-Za-z0-9Ａ-Ｚａ-ｚ０-９_-]*[0-9０-９])[A-Za-z0-9Ａ-Ｚａ-ｚ０-９]+(?:[-_][A-Za-z0-9Ａ-Ｚａ-ｚ０-９]+)*"),
        (.identifier, .identifier, "(?<![0-9０-９.,])\(digit){7,}(?!\(digit))"),
        (.number, .number, "(?<![0-9０-９.．])(?:\(number))(?![0-9０-９])"),
    ] as [(Fact.Kind?, Reading, String)]).map { ($0.0, $0.1, try! NSRegularExpression(pattern: $0.2)) }

    /// The facts of `text` in the order they are written (was `FactExtractor.search`).
    static func search(_ text: String) -> [Fact] {
        let hasDigit = text.unicodeScalars.contains { ("0"..."9").contains($0) || ("０"..."９").contains($0) }
        let string = text as NSString
        var taken: [NSRange] = []
        var found: [(location: Int, fact: Fact)] = []
        for (kind, reading, regex) in patterns where hasDigit || kind == .url || kind == .email {
            for match in regex.matches(in: text, range: NSRange(location: 0, length: string.length)) {
                guard !taken.contains(where: { NSIntersectionRange($0, match.range).length > 0 }) else { continue }
                let groups = (1..<match.numberOfRanges).map { i in
                    match.range(at: i).location == NSNotFound ? "" : string.substring(with: match.range(at: i))
                }
                let written = string.substring(with: match.range).trimmingCharacters(in: .whitespaces)
                guard let kind else {  // matched, and not a fact
                    taken.append(match.range)
                    continue
                }
                // An invalid match (a 13th month) leaves its text to the later patterns.
                guard let value = FactExtractor.value(reading, written: written, groups: groups) else { continue }
                taken.append(match.range)
                found.append((match.range.location, Fact(kind: kind, text: written, value: value)))
            }
        }
        return found.sorted { $0.location < $1.location }.map(\.fact)
    }

    /// Where ``FactExtractor``'s patterns match, as scalar offsets, in the same order of precedence
    /// (text taken by an earlier pattern is not looked at again).
    static func factSpans(in text: String) -> [(range: Range<Int>, kind: Fact.Kind)] {
        let string = text as NSString
        var taken: [NSRange] = []
        var spans: [(range: NSRange, kind: Fact.Kind)] = []
        for (kind, reading, regex) in patterns {
            for match in regex.matches(in: text, range: NSRange(location: 0, length: string.length)) {
                guard !taken.contains(where: { NSIntersectionRange($0, match.range).length > 0 }) else { continue }
                guard let kind else {
                    taken.append(match.range)
                    continue
                }
                let groups = (1..<match.numberOfRanges).map { i in
                    match.range(at: i).location == NSNotFound ? "" : string.substring(with: match.range(at: i))
                }
                guard FactExtractor.value(reading, written: string.substring(with: match.range), groups: groups) != nil else { continue }
                taken.append(match.range)
                spans.append((match.range, kind))
            }
        }
        return spans.sorted { $0.range.location < $1.range.location }.compactMap { span in
            scalarRange(of: span.range, in: text).map { ($0, span.kind) }
        }
    }

    /// A UTF-16 range as Unicode scalar offsets; `nil` when it splits a surrogate pair.
    static func scalarRange(of range: NSRange, in text: String) -> Range<Int>? {
        guard let bounds = Range(range, in: text),
            let lower = bounds.lowerBound.samePosition(in: text.unicodeScalars),
            let upper = bounds.upperBound.samePosition(in: text.unicodeScalars)
        else { return nil }
        let start = text.unicodeScalars.distance(from: text.unicodeScalars.startIndex, to: lower)
        return start..<(start + text.unicodeScalars.distance(from: lower, to: upper))
    }

    /// Every match of the pattern at `index`, before the table's precedence is applied: the whole match's
    /// UTF-16 range, then each capture group's (nil when it took no part).
    static func rawMatches(of index: Int, in text: String) -> [[Range<Int>?]] {
        patterns[index].regex.matches(in: text, range: NSRange(location: 0, length: (text as NSString).length)).map { match in
            (0..<match.numberOfRanges).map { i in
                let range = match.range(at: i)
                return range.location == NSNotFound ? nil : range.location..<(range.location + range.length)
            }
        }
    }
}
