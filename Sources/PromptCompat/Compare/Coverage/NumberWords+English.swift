import Foundation

/// English number words: cardinals, ordinals in dates, scales after digits, currency words.
extension NumberWords {
    /// What follows `one-` in an adjective that counts nothing: `one-time`, `one-off`, `one-way`, `one-stop`.
    static let oneCompounds: Set<String> = ["time", "off", "way", "stop", "size", "click", "shot", "sided"]

    static let ones: [String: Int] = [
        "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
        "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
        "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
        "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
    ]
    static let scales: [String: Int] = ["hundred": 100, "thousand": 1000, "million": 1_000_000, "billion": 1_000_000_000]

    /// English cardinals as digits (`twenty-five` → `25`, `two thousand` → `2000`); a lone `one` only where a
    /// count follows a number-taking word is clear (`one percent`, `one business day`). `N percent` → `N%`,
    /// `N yuan` / `N RMB` → `N元`, `N dollars` → `N美元`. A text without a cardinal or scale word
    /// (``EnglishScan/Reading/cardinals``) skips the word-by-word reading, which would leave it as it is.
    static func english(_ text: String, cardinals: Bool = true) -> String {
        guard cardinals else { return rewrite(text, englishRules) }
        let words = text.splitting(on: [" "], keepingEmpty: true)
        var output: [String] = []
        var i = 0
        while i < words.count {
            guard mayStartNumber(words[i]) else {
                output.append(String(words[i]))
                i += 1
                continue
            }
            var j = i, total = 0, current = 0, used = 0, end = i
            var numberWords: [String] = []
            var unitSuffix = ""
            while j < words.count {
                let (core, trailing) = split(words[j])
                let lowered = core.lowercasedFast()
                var parts = lowered.split(separator: "-").map(String.init)
                // $1.2 million: a scale after a written number belongs to it (the rules below read it)
                if used == 0, let first = parts.first, scales[first] != nil, output.last?.last?.isNumber == true { break }
                // ten-day, twenty-one-year: the number words, then the rest of the compound (not thirty-first: an ordinal)
                if parts.count > 1, let firstWord = parts.firstIndex(where: { ones[$0] == nil && scales[$0] == nil }), firstWord > 0,
                   ordinals[parts[firstWord]] == nil {
                    let rest = Array(parts[firstWord...])
                    // four-for-one = 4-for-1, two-in-one = 2-in-1: a ratio's second number too
                    if rest.count == 2, ["for", "to", "in", "by"].contains(rest[0]), let second = ones[rest[1]] {
                        unitSuffix = "-\(rest[0])-\(second)"
                    } else {
                        unitSuffix = "-" + rest.joined(separator: "-")
                    }
                    parts = Array(parts[..<firstWord])
                }
                guard !parts.isEmpty, parts.allSatisfy({ ones[$0] != nil || scales[$0] != nil || ($0 == "and" && used > 0) }) else { break }
                for part in parts {
                    if let v = ones[part] { current += v } else if let s = scales[part] {
                        if s == 100 { current = max(current, 1) * 100 } else { total += max(current, 1) * s; current = 0 }
                    }
                }
                used += 1
                j += 1
                if lowered != "and" { end = j; numberWords.append(lowered) }
                if !trailing.isEmpty || !unitSuffix.isEmpty { break }
            }
            let next = end < words.count ? words[end].lowercasedFast() : ""
            // `one-time`, `one-off`, `one-way`: an adjective, not a count (`a one-time fee` is the fee `paid once`).
            let loneOne = numberWords == ["one"] || numberWords.count == 1 && oneCompounds.contains { numberWords[0] == "one-" + $0 }
            if !numberWords.isEmpty, !loneOne || unitsAfterOne.contains(where: { next.hasPrefix($0) }) {
                let (_, trailing) = split(words[end - 1])
                output.append(leading(words[i]) + String(total + current) + unitSuffix + trailing)
                i = end
            } else {
                output.append(String(words[i]))
                i += 1
            }
        }
        return rewrite(output.joined(separator: " "), englishRules)
    }

    static let ordinals: [String: Int] = [
        "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8, "ninth": 9, "tenth": 10,
        "eleventh": 11, "twelfth": 12, "thirteenth": 13, "fourteenth": 14, "fifteenth": 15, "sixteenth": 16, "seventeenth": 17,
        "eighteenth": 18, "nineteenth": 19, "twentieth": 20, "thirtieth": 30,
    ]
    static let monthNames = "january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec"

    /// A day written as an ordinal word (`the thirty-first of July`) as its number.
    static func ordinalDay(_ words: String) -> String? {
        let parts = words.lowercasedFast().split(separator: "-").map(String.init)
        guard let last = parts.last, let day = ordinals[last] else { return nil }
        let tens = parts.dropLast().compactMap { ones[$0] }.reduce(0, +)
        return String(tens + day)
    }

    static let englishRules: RewriteRules = [
        // thirty-six and a half = 36.5 (the cardinal read first), 2 and a half hours = 2.5 hours
        Rewrite(#"(?<![\d.])(\d+) and a half\b"#, triggers: ["and a half"]) { ($0[1] ?? "") + ".5" },
        Rewrite(#"(\d)\s?(?:percent|per cent)\b"#, triggers: ["percent", "per cent"]) { ($0[1] ?? "") + "%" },
        Rewrite(#"(\d)[\s-]?(?:yuan|rmb|kuai)\b"#, triggers: ["yuan", "rmb", "kuai"]) { ($0[1] ?? "") + "元" },
        // a dollar fifty = 1 dollar 50 (then 1.50 dollars below)
        Rewrite(#"\b[Aa] (dollar|pound|euro)\b"#, triggers: ["a dollar", "a pound", "a euro"]) { "1 " + ($0[1] ?? "") },
        // ninety-three dollars fifty = 93.50 dollars, ten pounds and twenty pence = 10.20 pounds: the cents after the unit
        Rewrite(#"(\d+)\s?(dollars?|pounds?|euros?)\s(?:and\s)?(\d{2})(?:\s(?:cents?|pence|p)\b)?(?!\d|[.,:]\d|%)(?!\s?(?:percent|per\b|%))"#, triggers: ["dollar", "pound", "euro"]) { groups in
            "\(groups[1] ?? "").\(groups[3] ?? "") \(groups[2] ?? "")"
        },
        // twenty-two dollars and five cents = 22.05 dollars: one digit of cents, said with its word
        Rewrite(#"(\d+)\s?(dollars?|pounds?|euros?)\s(?:and\s)?(\d)\s(?:cents?|pence)\b"#, triggers: ["dollar", "pound", "euro"]) { groups in
            "\(groups[1] ?? "").0\(groups[3] ?? "") \(groups[2] ?? "")"
        },
        // thirty-five cents = 0.35美元, twenty pence = 0.20英镑: cents with no amount before them (written as the
        // rules below write dollars and pounds: their triggers were looked for before this rule wrote any)
        // (18.4 cents = 0.184美元: a rate per unit in tenths of a cent)
        Rewrite(#"(?<![\d.,])(\d{1,2})(?:\.(\d+))?\s?(cents?|pence)\b"#, triggers: ["cent", "pence"]) { groups in
            let cents = groups[1] ?? ""
            return "0." + (cents.count == 1 ? "0" : "") + cents + (groups[2] ?? "") + ((groups[3] ?? "").hasPrefix("cent") ? "美元" : "英镑")
        },
        Rewrite(#"(\d)[\s-]?(?:dollars?|usd)\b"#, triggers: ["dollar", "usd"]) { ($0[1] ?? "") + "美元" },
        Rewrite(#"(\d)[\s-]?(?:pounds?|quid|gbp)\b"#, triggers: ["pound", "quid", "gbp"]) { ($0[1] ?? "") + "英镑" },
        Rewrite(#"(\d)\s?(?:euros?)\b"#, triggers: ["euro"]) { ($0[1] ?? "") + "欧元" },
        // $1.2 million = $1200000, $7.5K = $7500
        Rewrite(#"(\d+(?:\.\d+)?)\s?(million|billion|bn|k)\b"#, triggers: ["million", "billion", "bn", "0k", "1k", "2k", "3k", "4k", "5k", "6k", "7k", "8k", "9k", "0 k", "5 k"]) { groups in
            let scales: [String: Double] = ["million": 1e6, "billion": 1e9, "bn": 1e9, "k": 1e3]
            let value = (Double(groups[1] ?? "") ?? 0) * (scales[(groups[2] ?? "").lowercasedFast()] ?? 1)
            return JSONValue.format(value)
        },
        // the thirty-first of July = 31 July; July 31st = July 31
        Rewrite(#"(?:the\s+)?([a-z]+(?:-[a-z]+)?)\s+of\s+("# + monthNames + #")\b"#, triggers: ["st of", "nd of", "rd of", "th of"]) { groups in
            ordinalDay(groups[1] ?? "").map { $0 + " " + (groups[2] ?? "") } ?? (groups[0] ?? "")
        },
        Rewrite(#"(\d{1,2})(?:st|nd|rd|th)\b"#, triggers: ["1st", "2nd", "3rd", "0th", "4th", "5th", "6th", "7th", "8th", "9th"]) { $0[1] ?? "" },
        // a 150,000-unit plant, a 13-month window: the number and its unit
        Rewrite(#"(\d)-(units?|days?|weeks?|months?|years?|hours?|minutes?|nights?|people|persons?|seats?|rooms?|beds?|miles?|items?|pages?|pieces?|points?|percent|steps?|inch|foot|feet|kg|km|gb)\b"#, triggers: PhraseSet((0...9).map { "\($0)-" })) {
            ($0[1] ?? "") + " " + ($0[2] ?? "")
        },
    ]

    static let unitsAfterOne = ["percent", "per cent", "yuan", "dollar", "day", "week", "month", "year", "hour", "minute", "business", "working", "item", "time"]

    /// A word and the punctuation after it: `fifteen,` → (`fifteen`, `,`); an opening bracket or quote
    /// before it is dropped from the core (`(three` → `three`) and put back by ``leading(_:)``.
    static func split(_ word: Substring) -> (Substring, String) {
        let body = word.drop { "([\"'“‘".contains($0) }
        let core = body.prefix { $0.isLetter || $0 == "-" }
        return (core, String(body.dropFirst(core.count)))
    }

    /// Whether `word` can start a written number: the first part of its core (``split(_:)``, lowercased, up to
    /// a `-`) is a cardinal or a scale word. Read on the bytes, the part packed five bits a letter, for the
    /// many words that are not; any byte outside ASCII answers yes, leaving the word to the full reading.
    static func mayStartNumber(_ word: Substring) -> Bool {
        var key: UInt64 = 0, length = 0, leading = true
        var bytes = word.utf8[...]
        while let byte = bytes.first {
            if leading, byte == UInt8(ascii: "(") || byte == UInt8(ascii: "[") || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") {
                bytes = bytes.dropFirst()
                continue
            }
            // “ and ‘ (E2 80 9C, E2 80 98) open a quote too
            if leading, byte == 0xE2, bytes.dropFirst().first == 0x80, let third = bytes.dropFirst(2).first, third == 0x9C || third == 0x98 {
                bytes = bytes.dropFirst(3)
                continue
            }
            leading = false
            if byte == UInt8(ascii: "-") { if length == 0 { bytes = bytes.dropFirst(); continue } else { break } }
            guard byte < 0x80 else { return true }
            let letter = byte | 0x20
            guard (0x61...0x7A).contains(letter), (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte) else { break }
            guard length < 12 else { return false }
            key = key << 5 | UInt64(letter - 0x60)
            length += 1
            bytes = bytes.dropFirst()
        }
        return numberStarts.contains(key)
    }

    /// The cardinals and scale words, packed as ``mayStartNumber(_:)`` packs a word.
    static let numberStarts: Set<UInt64> = Set((Array(ones.keys) + Array(scales.keys)).map(packed))

    /// A lowercase ASCII word packed five bits a letter.
    static func packed(_ word: String) -> UInt64 { word.utf8.reduce(0) { $0 << 5 | UInt64($1 - 0x60) } }

    /// The opening brackets and quotes before a word.
    static func leading(_ word: Substring) -> String { String(word.prefix { "([\"'“‘".contains($0) }) }
}

/// Whether English number reading has anything to do in a text, found in one pass over its bytes: a digit
/// and a Latin word (the rewrite rules read `15 percent`, `$1.2 million`, `31st`, `10-day`), or a word that is
/// a number, an ordinal or a currency. Most English text, and Chinese text with digits, has none and skips
/// the word-by-word reading.
enum EnglishScan {
    static let words: Set<String> = Set(NumberWords.ones.keys).union(NumberWords.scales.keys).union(NumberWords.ordinals.keys)
        .union(["percent", "cent", "yuan", "rmb", "kuai", "dollar", "dollars", "usd", "pound", "pounds", "quid", "gbp", "euro", "euros"])

    /// What the scan found: whether any reading applies, and whether a cardinal or scale word is there for the
    /// word-by-word reading (without one, only the rewrite rules can change the text).
    struct Reading: Equatable {
        var needed = false
        var cardinals = false
    }

    static func needsReading(_ text: String) -> Bool { reading(text).needed }

    /// One pass over the bytes; each word packed five bits a letter (at most 12 letters, as
    /// ``NumberWords/mayStartNumber(_:)`` packs them), so no word becomes a `String`.
    static func reading(_ text: String) -> Reading {
        var key: UInt64 = 0, length = 0
        var found = false, cardinal = false, digit = false, letter = false
        func flush() {
            if length > 0, length <= 12, let kind = packedWords[key] {
                found = true
                if kind { cardinal = true }
            }
            key = 0
            length = 0
        }
        for byte in text.utf8 {
            if byte >= 0x30 && byte <= 0x39 { digit = true }
            if (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x41 && byte <= 0x5A) {
                if length < 13 { key = key << 5 | UInt64((byte | 0x20) - 0x60) }
                length += 1
            } else {
                if length > 0 { letter = true }
                flush()
                if cardinal { return Reading(needed: true, cardinals: true) }
            }
        }
        if length > 0 { letter = true }
        flush()
        return Reading(needed: found || (digit && letter), cardinals: cardinal)
    }

    /// ``words`` packed, each with whether it is a cardinal or a scale word.
    static let packedWords: [UInt64: Bool] = words.reduce(into: [:]) { table, word in
        table[NumberWords.packed(word)] = NumberWords.ones[word] != nil || NumberWords.scales[word] != nil
    }
}
