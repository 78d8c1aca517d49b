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
        for character in text {
            if character.isASCII, character.isNumber || (character == "." && !arabic.isEmpty) {
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
