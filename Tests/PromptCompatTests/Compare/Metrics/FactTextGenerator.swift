import Foundation
@testable import PromptCompat

/// Seeded texts that stress every fact pattern and its edges: fragments of near-facts (wrong group
/// lengths, missing separators, odd case, ligatures, full-width digits) glued in random order to CJK
/// text, Latin words, emoji, combining marks and every kind of white space and line break, so that
/// boundaries collide. `FactTextGenerator(seed:)` makes the same texts on every machine.
struct FactTextGenerator {
    var random: SplitMix64

    init(seed: UInt64) { random = SplitMix64(seed: seed) }

    mutating func pick(_ choices: [String]) -> String { choices[random.int(below: choices.count)] }

    mutating func chance(_ percent: Int) -> Bool { random.int(below: 100) < percent }

    /// One text: one to fourteen pieces, each a pattern's near-fact or glue.
    mutating func text() -> String {
        var text = ""
        for _ in 0..<(1 + random.int(below: 14)) {
            text += chance(55) ? fragment() : pick(Self.glue)
        }
        return text
    }

    mutating func fragment() -> String {
        switch random.int(below: 20) {
        case 0: return digits(1 + random.int(below: 9))
        case 1: return number()
        case 2, 3: return date()
        case 4, 5, 6: return (chance(30) ? pick(Self.oddLetters + ["中", "a", "（", "1", "\u{10940}", "_"]) : "") + monthNameDate()
        case 7, 8: return clockTime()
        case 9, 10, 11: return pick(["", " ", "，", "+", "1"]) + phone() + pick(["", " ", "号", "1", "-"])
        case 12: return amount()
        case 13: return number() + pick(["", " ", "\u{3000}"]) + pick(["%", "％", "% ", "%%"])
        case 14: return digits(1 + random.int(below: 7)) + (chance(30) ? "." + digits(1 + random.int(below: 3)) : "") + pick(Self.units) + (chance(30) ? pick(["b", "s", "X", "1", "_", "ｂ"]) : "")
        case 15: return identifier()
        case 16: return listNumbering()
        case 17: return chance(50) ? url() : email()
        case 18: return pick(Self.oddLetters) + pick(Self.glue)
        default: return digits(7 + random.int(below: 6))
        }
    }

    /// Half- or full-width digits, or a mix.
    mutating func digits(_ count: Int) -> String {
        let fullWidth = random.int(below: 4)  // 0 half, 1 full, else mixed
        return String((0..<count).map { _ in
            let d = random.int(below: 10)
            let full = fullWidth == 1 || (fullWidth > 1 && chance(30))
            return Character(Unicode.Scalar(UInt32(full ? 0xFF10 : 0x30) + UInt32(d))!)
        })
    }

    mutating func number() -> String {
        var text = digits(1 + random.int(below: 4))
        for _ in 0..<random.int(below: 3) { text += pick([",", "，", ",", "，,"]) + digits(2 + random.int(below: 3)) }
        if chance(40) { text += pick([".", "．", "..", "."]) + (chance(85) ? digits(1 + random.int(below: 3)) : "") }
        return text
    }

    mutating func space() -> String { pick(["", "", " ", "  ", "\t", "\u{3000}", "\u{A0}", "\n", "\u{2028}", "\u{85}"]) }

    mutating func date() -> String {
        // A day and month between slashes, then the year (10/07/2024), with runs one short or long.
        if chance(25) {
            return digits(1 + random.int(below: 3)) + pick(["/", "/", "／"]) + digits(1 + random.int(below: 3)) + "/" + digits(3 + random.int(below: 3))
        }
        let separators = chance(50) ? ["年", "月"] : [pick(["-", "/", ".", "．"]), pick(["-", "/", ".", "月"])]
        return digits(chance(85) ? 4 : 3 + random.int(below: 3)) + space() + separators[0] + space()
            + digits(1 + random.int(below: 3)) + space() + separators[1] + space() + digits(1 + random.int(below: 3))
            + (chance(50) ? space() + pick(["日", "号", "日日"]) : "") + (chance(20) ? digits(1) : "")
    }

    mutating func monthName() -> String {
        let name = pick(Self.monthNames)
        let cased = String(name.map { chance(50) ? Character($0.uppercased()) : $0 })
        if chance(10) { return cased.replacingOccurrences(of: chance(50) ? "s" : "st", with: chance(50) ? "ſ" : "ﬆ") }
        return cased
    }

    mutating func monthNameDate() -> String {
        let day = digits(1 + random.int(below: 3)) + (chance(30) ? pick(["st", "ND", "rd", "Th", "ﬆ", "ſt", "ßt"]) : "")
        let month = monthName() + (chance(30) ? "." : "")
        let year = digits(chance(85) ? 4 : 3 + random.int(below: 3))
        let comma = chance(40) ? "," : ""
        return chance(50)
            ? month + pick([" ", "  ", "\u{3000}", ""]) + day + comma + pick([" ", "\n", ""]) + year
            : day + pick([" ", "\u{A0}", ""]) + month + comma + pick([" ", "\t", ""]) + year
    }

    mutating func clockTime() -> String {
        let before = chance(40) ? pick(["上午", "早上", "中午", "下午", "晚上", "AM", "pm", "Pm", "SPAM"]) + space() : ""
        let after = chance(40) ? space() + pick(["AM", "PM", "a.m.", "P.M.", "p.m", "am", "A.M.x"]) : ""
        return before + digits(1 + random.int(below: 3)) + pick([":", "：", ":"]) + digits(1 + random.int(below: 3)) + after
    }

    mutating func phone() -> String {
        let separator = { (generator: inout FactTextGenerator) in generator.pick(["", "", "-", " ", "\u{3000}", "--"]) }
        switch random.int(below: 4) {
        case 0:
            let prefix = chance(50) ? pick(["+86", "86", "+86 ", "86-", "+", "++86"]) : ""
            return prefix + "1" + pick(["3", "5", "9", "2"]) + digits(1) + separator(&self) + digits(4) + separator(&self) + digits(3 + random.int(below: 3))
        case 1: return "0" + digits(1 + random.int(below: 4)) + pick(["-", "", "—"]) + digits(6 + random.int(below: 4))
        case 2: return "400" + separator(&self) + digits(3) + separator(&self) + digits(3 + random.int(below: 3))
        default: return pick(["+", "8", "1", "+8", "86"]) + digits(random.int(below: 12))
        }
    }

    mutating func amount() -> String {
        let symbol = pick(["¥", "￥", "$", "＄", "€", "£", "RMB", "rmb", "Cny", "uſd", "EUR", "gbp", "人民币", "US$"])
        let word = pick(["元", "块钱", "块", "美元", "欧元", "英镑", "RMB", "cny", "USD", "钱"])
        let spaced = pick(["", " ", "  ", "\u{3000}", "\n"])
        return chance(50) ? symbol + spaced + number() : number() + spaced + word
    }

    mutating func identifier() -> String {
        var text = pick(["SKU", "sku", "YX", "ＡＢ", "x", "abc", "_", "-", "SF", "K", "ſ", "V"])
        for _ in 0..<(1 + random.int(below: 3)) {
            text += pick(["", "-", "_", "-_", "--", "."]) + (chance(50) ? digits(1 + random.int(below: 5)) : pick(["ab", "Z", "ｚ", "VIP", "mAh", "g"]))
        }
        return text
    }

    mutating func listNumbering() -> String {
        pick(["\n", "\r\n", "\r", "\u{2028}", "\u{2029}", "\u{85}", "\u{0B}", "\u{0C}", "", "\n\n", "\r\r\n"])
            + pick(["", " ", "  ", "\u{3000}", "\t"]) + digits(1 + random.int(below: 4)) + pick([".", ")", "、", ". ", ".5", "）"])
    }

    mutating func url() -> String {
        pick(["http://", "https://", "httpss://", "HTTP://", "http:/"]) + pick(["example.com", "例子.cn", "a.b", "x", ""])
            + pick(["", "/a?b=1", "/path.", "/p,", "/😀", "/a\u{200B}", "/(x)", ")", "/a.b."])
            + pick(["", "。", "，", "!", ".", " ", "\"", "】", "；", "?"])
    }

    mutating func email() -> String {
        pick(["a", "Support", "a.b+c", "x_y%z", "-", ""]) + pick(["@", "@@", "@"]) + pick(["example", "ex-ample", "b", "", "例子"])
            + pick([".com", ".co.uk", ".c", ".c0m", ".com-x", ".", "..com", ".cn.", ".12", ".a.bc"]) + pick(["", "。", ".", "1"])
    }

    static let monthNames = [
        "Jan", "January", "Feb", "February", "Mar", "March", "Apr", "April", "May", "Jun", "June", "Jul", "July", "Aug",
        "August", "Sep", "Sept", "September", "Septe", "Oct", "October", "Nov", "November", "Dec", "December", "Ja", "Marc", "Mayday",
    ]

    static let units = FactScanner.Text.unitNames
        + ["克", "mah", "KG", "Ms", "mins"]

    /// Characters ICU folds or classifies in a way that is easy to get wrong.
    static let oddLetters = ["ſ", "\u{212A}", "ß", "ẞ", "ﬆ", "ﬅ", "ﬁ", "İ", "ǰ", "ẗ", "\u{301}", "\u{200B}", "\u{200C}", "\u{200D}", "\u{AD}", "\u{FEFF}"]

    static let glue = [
        "订单", "发货", "价格", "共", "件", "，", "。", "：", "；", "！", "？", "（", "）", "、", "年", "月", "日", "号", "人", "元", "块",
        "order", "the", "Mayday", "Marching", "at", "x", "Z", "ｚ", "Ａ", "_", "-", "+", ".", ",", "/", ":", "%", "@", "(", ")", "．", "，",
        " ", "  ", "\t", "\u{3000}", "\u{A0}", "\n", "\r\n", "\r", "\u{2028}", "\u{2029}", "\u{85}", "\u{0B}", "\u{0C}",
        "👍🏽", "👨‍👩‍👧", "😀", "e\u{301}", "中", "\u{1ACF}", "\u{10940}",
    ]
}
