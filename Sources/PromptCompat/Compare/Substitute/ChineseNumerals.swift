import Foundation

/// The numbers written in a text, in digits or in Chinese numerals, as values: `3`, `三` and `叁` are
/// not all covered (financial numerals are not), but `三`, `十五`, `两百`, `一万二千` and `3` are.
///
/// ```swift
/// ChineseNumerals.values(in: "7-15个工作日")   // [7, 15]
/// ChineseNumerals.values(in: "三天")           // [3]
/// ChineseNumerals.values(in: "万分之五")        // [10000, 5]
/// ```
enum ChineseNumerals {
    static let digits: CharacterTable = ["零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9]
    static let units: CharacterTable = ["十": 10, "百": 100, "千": 1000]
    static let groups: CharacterTable = ["万": 10_000, "亿": 100_000_000]

    static func values(in text: String) -> [Double] {
        var values: [Double] = []
        var run = ""
        var arabic = ""
        func flush() {
            if !run.isEmpty { values.append(Double(value(of: run))) }
            if let number = Double(arabic) { values.append(number) }
            run = ""
            arabic = ""
        }
        let characters = Array(text)
        for (index, character) in characters.enumerated() {
            if character == "一", run.isEmpty, isWordPart(characters, at: index) {
                flush()
            } else if character.isASCII, character.isNumber || (character == "." && !arabic.isEmpty) {
                if !run.isEmpty { flush() }
                arabic.append(character)
            } else if digits[character] != nil || units[character] != nil || groups[character] != nil {
                if !arabic.isEmpty { flush() }
                run.append(character)
            } else {
                flush()
            }
        }
        flush()
        return values
    }

    /// Whether the `一` at `index` is part of a word, not a number: `下一站`, `统一`, `唯一`, `一起`, `一直`,
    /// `一定` (`下一站为` → `即将转往` changes no number). Not before another numeral (`一百`).
    static func isWordPart(_ characters: [Character], at index: Int) -> Bool {
        let next = index + 1 < characters.count ? characters[index + 1] : nil
        if let next, digits[next] != nil || units[next] != nil || groups[next] != nil { return false }
        if index > 0, wordsBefore.contains(characters[index - 1]) { return true }
        return next.map(wordsAfter.contains) ?? false
    }

    /// Characters that make a word with the `一` after them (`下一`, `统一`, `唯一`, `同一`, `逐一`, `进一步`).
    static let wordsBefore: Set<Character> = Set("下统唯同逐进专单")
    /// Characters that make a word with the `一` before them (`一起`, `一下`, `一直`, `一样`, `一定`, `一些`,
    /// `一般`, `一旦`, `一切`, `一致`, `一律`, `一共`, `一并`, `一边`, `一同`).
    static let wordsAfter: Set<Character> = Set("起下直样定些般旦切致律共并边同")

    /// The value of a run of Chinese numerals: 十五 = 15, 两百 = 200, 一万二千 = 12000, 万 alone = 10000.
    static func value(of run: String) -> Int {
        var total = 0, section = 0, number = 0
        for character in run {
            if let digit = digits[character] {
                number = digit
            } else if let unit = units[character] {
                section += (number == 0 ? 1 : number) * unit
                number = 0
            } else if let group = groups[character] {
                let part = section + number
                total += (part == 0 ? 1 : part) * group
                section = 0
                number = 0
            }
        }
        return total + section + number
    }
}
