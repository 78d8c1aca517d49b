import Foundation

/// Numbers written as words, rewritten as digits where they are numbers — Chinese numerals before a
/// measure word or a currency, fractions (`百分之十五`), discounts (`九折`), English cardinals — so facts
/// compare whatever the spelling: `百分之十五` = `15%`, `一百九十九元` = `199元`, `三千二百家` = `3200家`,
/// `fifteen yuan` = `15元`, `九折` = `10%` off, `two thousand` = `2000`.
///
/// Words that only look like numbers stay: `一些`, `统一`, `十分满意`, `千万不要`, `one of`.
///
/// ```swift
/// NumberWords.digits(in: "满三百元打九折，有效期三十天")   // "满300元打10%，有效期30天"
/// NumberWords.digits(in: "a fifteen percent discount")     // "a 15% discount"
/// ```
public enum NumberWords {
    public static func digits(in text: String) -> String {
        recent.value(for: text) { text in
            var result = text
            // A CJK scalar always starts a character: the scalars answer what the characters would. The numerals
            // and 折 are all at U+3000 and above.
            var cjk = false, numerals = false
            for scalar in result.unicodeScalars where scalar.value >= 0x3000 {
                if !cjk, Tokenizer.isCJK(scalar) { cjk = true }
                if !numerals, chineseScalars.contains(scalar.value) { numerals = true }
                if cjk && numerals { break }
            }
            if cjk { result = monthSlashDay(result) }
            if numerals { result = chinese(result) }
            // The later rules' trigger words, searched for once: a rule whose words the text lacks cannot match —
            // until an earlier rule has rewritten the text, after which each rule searches for its own again.
            var lowered: String? = result.lowercasedFast()
            let present = stageTriggers.keys(in: lowered ?? "")
            var changed = false
            // A step of no stage (English number words, which ask their own question first) is always taken.
            func apply(_ stage: Int? = nil, _ step: (String) -> String) {
                guard changed || stage.map(present.contains) ?? true else { return }
                let next = step(result)
                if next != result { changed = true; lowered = nil }
                result = next
            }
            apply(0) { rewrite($0, digitScales, lowered: lowered) }
            apply(1) { rewrite($0, hourForms, lowered: lowered) }
            apply(2, clockTimes)
            apply(3) { rewrite($0, halves, lowered: lowered) }
            let english = EnglishScan.reading(result)
            if english.needed { apply(nil) { NumberWords.english($0, cardinals: english.cardinals) } }
            apply(4) { rewrite($0, yearlessDates, lowered: lowered) }
            if cjk, digitDays(in: result) == 2 { apply { rewrite($0, laterDays, lowered: nil) } }
            if changed || present.contains(5), !result.unicodeScalars.contains(where: Tokenizer.isCJK) {
                apply(5) { rewrite($0, slashDates, lowered: lowered) }
            }
            return result
        }
    }

    static let recent = RecentResults<String>(capacity: 256)

    /// Every trigger word of the rules ``digits(in:)`` applies after the Chinese numerals, in order, and the
    /// rule list (stage) each word belongs to; a rule without trigger words is always tried (an empty word).
    static let stageTriggers = PhraseGroups(
        [digitScales, hourForms, clockRules, halves, yearlessDates, slashDates].enumerated().map { stage, rules in (stage, rules.words.phrases.phrases) }
    )

    /// Durations and prices said as parts: `六年半` = `6.5年`, `两个半小时` = `2.5小时`, `半小时` = `30分钟`,
    /// `一刻钟` = `15分钟`, `half an hour` = `30 minutes`, `half price` = `50% off`, `半价` = `50%` (as `五折` reads).
    static let halves: RewriteRules = [
        // 六年半 = 6.5年, 两个半小时 = 2.5小时, 三个半月 = 3.5个月 (the numerals already digits)
        Rewrite(#"(?<![\d.])(\d+)个半(小时|钟头|月|星期|礼拜)"#, triggers: ["个半"]) { g in
            "\(g[1] ?? "").5" + (g[2] == "月" ? "个月" : g[2] ?? "")
        },
        Rewrite(#"(?<![\d.])(\d+)(年|天|周|斤|公里|岁|倍)半"#, triggers: ["年半", "天半", "周半", "斤半", "公里半", "岁半", "倍半"]) { g in
            "\(g[1] ?? "").5\(g[2] ?? "")"
        },
        Rewrite(#"(?<![\d一二三四五六七八九十两个])半(?:个)?(?:小时|钟头)"#, triggers: ["半"]) { _ in "30分钟" },
        Rewrite(#"(?<![\d一二三四五六七八九十两])一刻钟"#, triggers: ["刻钟"]) { _ in "15分钟" },
        Rewrite(#"(?i)\b(?:half an hour|half-hour|half hour)\b"#, triggers: ["half"]) { _ in "30 minutes" },
        Rewrite(#"\bhalf[- ]?(?:price|off)\b"#, triggers: ["half"]) { _ in "50% off" },
        Rewrite(#"半价"#, triggers: ["半价"]) { _ in "50%" },
    ]

    /// The scalars that start Chinese number reading: the numerals and 折.
    static let chineseScalars: Set<UInt32> = Set(chineseValues.keys.flatMap { $0.unicodeScalars.map(\.value) } + ["折".unicodeScalars.first!.value])

    // MARK: Chinese

    static let chineseValues: CharacterTable = [
        "零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9,
        "壹": 1, "贰": 2, "叁": 3, "肆": 4, "伍": 5, "陆": 6, "柒": 7, "捌": 8, "玖": 9,
        "十": 10, "拾": 10, "百": 100, "佰": 100, "千": 1000, "仟": 1000, "万": 10_000, "亿": 100_000_000,
    ]

    /// Words after a numeral that make it a count or an amount: data, the common measure words and units.
    static let measureWords: [String] = [
        "元", "块", "角", "家", "个", "天", "日", "年", "月", "周", "星期", "小时", "分钟", "秒", "次", "件", "人", "名", "位", "股", "手",
        "张", "台", "部", "条", "项", "页", "步", "级", "层", "岁", "倍", "份", "瓶", "盒", "袋", "支", "只", "片", "粒", "克",
        "公斤", "千克", "斤", "米", "公里", "升", "毫升", "笔", "单", "款", "种", "类", "点", "期", "节", "套", "间", "座", "辆",
        "工作日", "个工作日", "折", "%", "万", "亿", "字", "词", "句", "行", "段", "遍", "分", "号", "毛", "时",
        "美元", "美金", "欧元", "英镑", "日元", "港元", "港币", "澳元", "加元", "韩元",
    ]

    static func chinese(_ text: String) -> String {
        let characters = Array(text)
        var output = ""
        var i = 0
        while i < characters.count {
            // 百分之十五 → 15%, 千分之五 → 0.5%, 万分之五 → 0.05%
            if let (scale, length) = fraction(characters, at: i), let run = numeralRun(characters, from: i + length), run.count > 0 {
                var end = i + length + run.count
                var number = Double(value(of: run))
                // 百分之二点一五 = 2.15%: the digits after 点, one by one
                if end + 1 < characters.count, characters[end] == "点", let decimals = numeralRun(characters, from: end + 1) {
                    number += Double("0." + digitByDigit(decimals)) ?? 0
                    end += 1 + decimals.count
                }
                output += percent(number * 100 / scale) + "%"
                i = end
                continue
            }
            // 五十分之一 → 1/50
            if let run = numeralRun(characters, from: i), i + run.count + 2 < characters.count, characters[i + run.count] == "分",
               characters[i + run.count + 1] == "之", let part = numeralRun(characters, from: i + run.count + 2) {
                output += "\(value(of: part))/\(value(of: run))"
                i += run.count + 2 + part.count
                continue
            }
            guard let run = numeralRun(characters, from: i), run.count > 0 else {
                output.append(characters[i])
                i += 1
                continue
            }
            let end = i + run.count
            let rest = String(characters[end..<min(characters.count, end + 4)])
            // 九折 / 八五折 → the share off: 10%, 15%
            if rest.hasPrefix("折"), run.count <= 2, !run.contains(where: { "十百千万亿".contains($0) }) {
                let tenths = run.count == 2 ? Double(value(of: [run[0]]) * 10 + value(of: [run[1]])) / 10 : Double(value(of: run))
                output += percent(100 - tenths * 10) + "%"
                i = end + 1
                continue
            }
            // 九成 / 两成 → the share: 90%, 20% (not 一成不变, 八成功, 三成员)
            if rest.hasPrefix("成"), run.count == 1, let tenths = chineseValues[run[0]], tenths < 10,
               rest.dropFirst().first.map(tenthsBlockers.contains) != true {
                output += "\(tenths * 10)%"
                i = end + 1
                continue
            }
            if let (decimal, length) = decimal(characters, after: run, at: end) {
                output += decimal
                i = end + length
                continue
            }
            if isNumber(run, before: rest, after: i > 0 ? characters[i - 1] : nil) {
                // Digits glued to a Latin word would make one code of them (call_api三次 is not call_api3).
                if let last = output.last, last.isASCII, last.isLetter || last.isNumber || last == "_" { output += " " }
                output += String(value(of: run))
            } else {
                output += String(run)
            }
            i = end
        }
        return rewrite(output.arabicDiscounts, chineseMoneyAndDays)
    }

    /// Characters after `成` that make it a word, not tenths: `一成不变`, `八成功`, `三成员`, `五成熟`.
    static let tenthsBlockers: Set<Character> = Set("不功立为员本绩果人都长熟交就型年语品分")

    /// Units a number with a decimal point is said before: `八点六千瓦` = `8.6千瓦`, `十二点五公里` = `12.5公里`,
    /// `三点五倍`. Not a clock's `分`, `刻`, `整` or `半`: `八点五分` is 8:05, and a bare `三点五` stays.
    static let decimalUnits = [
        "千瓦时", "千瓦", "千米", "千克", "公斤", "公里", "斤", "厘米", "毫米", "米", "毫升", "升", "克", "吨", "度", "平方米", "平米", "亩",
        "英寸", "寸", "元", "块", "万", "亿", "倍", "%", "年", "个月", "个小时", "小时", "天", "秒", "岁",
    ]

    /// The decimal that a numeral run, `点` and digits before a ``decimalUnits`` unit make, and how many
    /// characters after the run it takes (`点` and the decimals); nil for anything else.
    static func decimal(_ characters: [Character], after run: [Character], at end: Int) -> (String, Int)? {
        guard end < characters.count, characters[end] == "点",
              let decimals = numeralRun(characters, from: end + 1)?.prefix(while: { !"十拾百佰千仟万亿".contains($0) }), !decimals.isEmpty
        else { return nil }
        let after = String(characters[(end + 1 + decimals.count)..<min(characters.count, end + 4 + decimals.count)])
        guard decimalUnits.contains(where: { after.startsWithCharacters(of: $0) }) else { return nil }
        return ("\(value(of: run)).\(digitByDigit(decimals))", 1 + decimals.count)
    }

    /// The digits after a decimal point, numeral by numeral: `零五` → `05`.
    static func digitByDigit<C: Collection>(_ numerals: C) -> String where C.Element == Character {
        numerals.map { String(chineseValues[$0] ?? 0) }.joined()
    }

    /// After the numerals are digits: money said in 毛, 角 and 块, and 号 for a day of the month.
    static let chineseMoneyAndDays: RewriteRules = [
        // 二块九毛五 = 2.95元, 两块五毛 = 2.5元: yuan, then jiao and fen (not a count after it: 两块五毛一瓶)
        Rewrite(#"(?<![\d.])(\d+)块(\d)[毛角]([\d一二三四五六七八九](?![瓶个斤件张份包袋盒支本只次杯碗]))?(?:分)?"#, triggers: ["块"]) { groups in
            let cents = groups[3].map { $0.first.flatMap { chineseValues[$0] }.map(String.init) ?? $0 } ?? ""
            return (groups[1] ?? "") + "." + (groups[2] ?? "") + cents + "元"
        },
        // 一毛五 = 0.15元, 5角 = 0.5元; 三块五 = 3.5元
        Rewrite(#"(?<![\d.])(\d)[毛角]([\d一二三四五六七八九])?(?:分)?"#, triggers: ["毛", "角"]) { groups in
            let cents = groups[2].map { $0.first.flatMap { chineseValues[$0] }.map(String.init) ?? $0 } ?? ""
            return "0." + (groups[1] ?? "") + cents + "元"
        },
        Rewrite(#"(\d+)块(\d)(?![\d元钱])"#, triggers: ["块"]) { ($0[1] ?? "") + "." + ($0[2] ?? "") + "元" },
        // 7月25号 = 7月25日
        Rewrite(#"(\d{1,2})月(\d{1,2})号"#, triggers: ["号"]) { ($0[1] ?? "") + "月" + ($0[2] ?? "") + "日" },
    ]

    static func fraction(_ characters: [Character], at i: Int) -> (scale: Double, length: Int)? {
        guard i + 3 <= characters.count, characters[i + 1] == "分", characters[i + 2] == "之" else { return nil }
        switch characters[i] {
        case "百": return (100, 3)
        case "千": return (1000, 3)
        case "万": return (10_000, 3)
        default: return nil
        }
    }

    /// The numeral characters starting at `i` (nil when there are none).
    static func numeralRun(_ characters: [Character], from i: Int) -> [Character]? {
        var j = i
        while j < characters.count, chineseValues[characters[j]] != nil { j += 1 }
        return j > i ? Array(characters[i..<j]) : nil
    }

    /// A numeral run is a number when it has a unit inside (三千二百), or is followed by a measure word — and
    /// is not an idiom: a run starting with 万 / 亿 / 千万 (万一, 千万不要), 十分 (very), 一 inside a word.
    static func isNumber(_ run: [Character], before rest: String, after previous: Character?) -> Bool {
        guard let first = run.first, !"万亿千百".contains(first) || run.count > 1 && !"万亿".contains(first) else { return false }
        if run == ["千", "万"] || run == ["万", "万"] { return false }
        if run == ["十"], rest.hasPrefix("分"), !rest.hasPrefix("分钟") { return false }
        let hasUnit = run.contains { "十拾百佰千仟万亿".contains($0) }
        let measured = measureWords.contains { rest.startsWithCharacters(of: $0) }
        if run.count == 1, !measured { return false }
        if run.count == 1, let previous, previous.isCJK, chineseValues[previous] == nil, !"第约近共满减送赠付花需要计".contains(previous) {
            // 统一, 唯一, 同一个: a digit glued to the word before it is part of that word unless a measure follows.
            return measured && !"统唯同单专逐万".contains(previous)
        }
        return hasUnit || measured || run.count >= 2
    }

    /// The value of a numeral run: 十五 = 15, 两百 = 200, 三千二百 = 3200, 一九九 = 199 (digit by digit). A
    /// last digit right after 百, 千, 万 or 亿 counts in the unit below it, as it is said: 一千五 = 1500,
    /// 两千八 = 2800, 一万二 = 12000, 三百五 = 350 (一千零五 = 1005).
    static func value<C: Collection>(of run: C) -> Int where C.Element == Character {
        let hasUnit = run.contains { (chineseValues[$0] ?? 0) >= 10 }
        if !hasUnit { return run.reduce(0) { $0 * 10 + (chineseValues[$1] ?? 0) } }
        var total = 0, section = 0, number = 0, previous = 0, unitBeforeDigit = 0
        for character in run {
            guard let v = chineseValues[character] else { continue }
            defer { previous = v }
            if v < 10 {
                number = v
                unitBeforeDigit = previous
            } else if v < 10_000 {
                section += (number == 0 ? 1 : number) * v
                number = 0
            } else {
                total += (section + number == 0 ? 1 : section + number) * v
                section = 0
                number = 0
            }
        }
        // The run ends on a digit said after 百/千/万/亿: it counts in the unit below (一千五 = 1500).
        if number > 0, previous < 10, unitBeforeDigit >= 100 { number *= unitBeforeDigit / 10 }
        return total + section + number
    }

    static func percent(_ value: Double) -> String {
        let rounded = (value * 1000).rounded() / 1000
        return rounded == rounded.rounded() ? String(Int(rounded)) : String(rounded)
    }
}

extension NumberWords {
    /// A discount written with digits: `8折`, `8.5折`, `85折`.
    static let arabicDiscount = #"(?<![\d.])(\d{1,2}(?:\.\d)?)折"#
}

private extension String {
    /// `8折` / `8.5折` / `85折` → the share off (`20%`, `15%`, `15%`).
    var arabicDiscounts: String {
        guard UTF8Search.contains("折", in: self) else { return self }
        var result = self
        while let match = RegexCache.firstRange(of: NumberWords.arabicDiscount, in: result) {
            let number = result[match].dropLast()
            guard var tenths = Double(number) else { break }
            if tenths >= 10 { tenths /= 10 }
            result.replaceSubrange(match, with: NumberWords.percent(100 - tenths * 10) + "%")
        }
        return result
    }
}
