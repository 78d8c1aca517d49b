import Testing
@testable import PromptCompat

/// Numbers written as words read as digits before facts compare; words that only look like numbers stay.
@Suite("Number words")
struct NumberWordsTests {
    @Test("Chinese amounts, counts, fractions and discounts become digits", arguments: [
        ("每立方米二块九毛五", "每立方米2.95元"), ("两块五毛一瓶", "2.5元1瓶"),
        ("一百九十九元", "199元"), ("三千二百家门店", "3200家门店"), ("百分之十五", "15%"), ("千分之五", "0.5%"),
        ("万分之五", "0.05%"), ("打九折", "打10%"), ("八五折", "15%"), ("8折", "20%"), ("五十分之一", "1/50"),
        ("两个工作日", "2个工作日"), ("三十天内", "30天内"), ("壹佰元", "100元"), ("每十股派现两元", "每10股派现2元"),
        // A last digit said after 百/千/万 counts in the unit below; after 零 it does not.
        ("最高一千五", "最高1500"), ("两千八", "2800"), ("一万二", "12000"), ("三百五块", "350块"), ("一千零五元", "1005元"),
        ("一千五百元", "1500元"), ("另加收十美元", "另加收10美元"), ("三十五英镑", "35英镑"),
        // Tenths said with 成 are a share: 九成 = 90%, 两成 = 20%.
        ("可以退九成营费", "可以退90%营费"), ("首付两成", "首付20%"),
    ])
    func chinese(written: String, digits: String) {
        #expect(NumberWords.digits(in: written) == digits)
    }

    @Test("words that only look like numbers are left alone", arguments: ["统一处理", "唯一的办法", "十分满意", "千万不要", "一些问题", "万一丢失", "一起", "一般", "一成不变", "八成功了", "五成熟"])
    func chineseIdioms(text: String) {
        #expect(NumberWords.digits(in: text) == text)
    }

    @Test("English cardinals, percent and currency words", arguments: [
        ("fifteen yuan", "15元"), ("a fifteen percent discount", "a 15% discount"), ("two thousand stores", "2000 stores"),
        ("twenty-five days", "25 days"), ("three hundred and fifty units", "350 units"), ("within one business day", "within 1 business day"),
        ("15 dollars", "15美元"), ("a four-for-one split", "a 4-for-1 split"), ("a two-in-one charger", "a 2-in-1 charger"),
        // one-time, one-way: adjectives that count nothing; a one-year warranty still counts a year.
        ("plus the one-time $28 sanction fee", "plus the one-time $28 sanction fee"), ("a one-way ticket", "a one-way ticket"),
        ("a one-year warranty", "a 1 year warranty"),
    ])
    func english(written: String, digits: String) {
        #expect(NumberWords.digits(in: written) == digits)
    }

    @Test("a lone 'one' that is not a count stays a word")
    func loneOne() {
        #expect(NumberWords.digits(in: "one of our agents will call") == "one of our agents will call")
        #expect(NumberWords.digits(in: "no one and only") == "no one and only")
    }

    @Test("Chinese digits glued to a code do not join it")
    func gluedToCode() {
        #expect(NumberWords.digits(in: "最多调用call_api三次") == "最多调用call_api 3次")
    }

    @Test("the facts check reads 百分之十五 as 15% and 一百九十九元 as ¥199")
    func factsCheck() {
        #expect(SubstituteCheck.facts.reasons(["限时折扣15%，到手价¥199。"], "限时优惠百分之十五，到手价一百九十九元。") == [])
        #expect(SubstituteCheck.facts.reasons(["The fee is 15 yuan."], "The fee is fifteen yuan.") == [])
        #expect(SubstituteCheck.facts.reasons(["限时折扣15%，到手价¥199。"], "限时优惠百分之五十，到手价一百九十九元。") == ["changed the percentage 15% → 50%"])
    }
}

@Suite("Number words: clock times")
struct NumberWordsClockTests {
    @Test("Chinese clock times in a time context become h:mm", arguments: [
        ("0点至6点", "0:00至6:00"), ("下午3点开会", "下午3:00开会"), ("九点半前到岗", "9:30前到岗"), ("晚上8点15分", "晚上8:15"),
        ("我们9点15分在门口会合", "我们9:15在门口会合"), ("第3点建议", "第3点建议"),
    ])
    func clock(written: String, digits: String) {
        #expect(NumberWords.digits(in: written) == digits)
    }

    @Test("the formal 时 is an hour after a part of the day or a range word, or with its minutes; 24小时 and 3时段 stay", arguments: [
        ("清扫时间为上午9时至下午3时", "清扫时间为上午9:00至下午3:00"), ("每日上午6时30分至10时", "每日上午6:30至10:00"),
        ("当日下午6时前送回", "当日下午6:00前送回"), ("18时30分截止", "18:30截止"), ("24小时营业", "24小时营业"), ("分3时段取号", "分3时段取号"),
    ])
    func formalHours(written: String, digits: String) {
        #expect(NumberWords.digits(in: written) == digits)
    }

    @Test("a Chinese date range's second day shares the first one's month", arguments: [
        ("七月十五日到二十一日", "7月15日到7月21日"), ("7月15日至7月21日", "7月15日至7月21日"), ("7月21日至15日", "7月21日至15日"),
    ])
    func dateRange(written: String, digits: String) {
        #expect(NumberWords.digits(in: written) == digits)
    }

    @Test("a range's second hour shares an afternoon or evening start's part of the day; a morning's does not reach past noon", arguments: [
        ("每晚7点至9点值守", "每晚上7:00至晚上9:00值守"), ("下午2点到4点半", "下午2:00到下午4:30"), ("上午8点到12点", "上午8:00到12:00"),
        ("下午2点到17点", "下午2:00到17:00"), ("晚上10点到12点", "晚上10:00到12:00"),
    ])
    func afternoonRange(written: String, digits: String) {
        #expect(NumberWords.digits(in: written) == digits)
        #expect(FactsPreserved.missing(digits, NumberWords.digits(in: "19:00至21:00")).isEmpty == (written == "每晚7点至9点值守"))
    }

    @Test("a count of points is not a time")
    func points() {
        #expect(NumberWords.digits(in: "以下3点建议") == "以下3点建议")
    }

    @Test("half an hour and a quarter of an hour in words are minutes; N and a half is N.5", arguments: [
        ("请提前半小时到", "请提前30分钟到"), ("大约半个小时", "大约30分钟"), ("等一刻钟", "等15分钟"),
        ("arrive half an hour early", "arrive 30 minutes early"), ("Half-hour slots", "30 minutes slots"), ("一个半小时", "1.5小时"),
        ("大约六年半回本", "大约6.5年回本"), ("三个半月", "3.5个月"), ("8年半", "8.5年"), ("半年", "半年"),
    ])
    func halfHours(written: String, digits: String) {
        #expect(NumberWords.digits(in: written) == digits)
    }

    @Test("digits before 万 or 亿 are one whole number; 万分之 stays a fraction", arguments: [
        ("年度上限1万元", "年度上限10000元"), ("1.5万人", "15000人"), ("营收5.1亿元", "营收510000000元"), ("调用1.5亿tokens", "调用150000000 tokens"),
        ("万分之五", "0.05%"), ("0.00001万", "0.00001万"),
    ])
    func digitScales(written: String, digits: String) {
        #expect(NumberWords.digits(in: written) == digits)
    }

    @Test("an English date without a year is written month first; a slash date only where one order is a date", arguments: [
        ("before 20 December are", "before December 20 are"), ("on the 3rd of March.", "on the March 3."), ("before 20/12 are", "before December 20 are"),
        ("before 12/20 are", "before December 20 are"), ("20 December 2024", "20 December 2024"), ("3/4 of it", "3/4 of it"), ("24/7 support", "24/7 support"),
        ("10 may apply", "10 may apply"), ("于20/12到达", "于20/12到达"),
    ])
    func yearlessDates(written: String, digits: String) {
        #expect(NumberWords.digits(in: written) == digits)
    }

    @Test("a Chinese decimal before a unit is a number; a clock's 点 is not a decimal point (一刻 is 15 minutes)", arguments: [
        ("八点六千瓦的系统", "8.6千瓦的系统"), ("十二点五公里", "12.5公里"), ("三点零五元", "3.05元"), ("一点二万元", "12000元"),
        ("下午三点五分", "下午3:05"), ("晚上八点一刻", "晚上8:15"), ("三点五", "3点五"), ("五点五十分", "5:50"),
    ])
    func chineseDecimals(written: String, digits: String) {
        #expect(NumberWords.digits(in: written) == digits)
    }

    @Test("dollars, pounds and euros said with their cents after the unit, a dollar as 1, cents alone as a fraction of one", arguments: [
        ("ninety-three dollars fifty", "93.50美元"), ("ten pounds and twenty pence", "10.20英镑"), ("5 euros 99", "5.99欧元"), ("is ninety-three dollars fifty.", "is 93.50美元."),
        ("twenty-two dollars and five cents more", "22.05美元 more"),
        ("20 dollars 50%", "20美元 50%"), ("5 dollars 15 percent off", "5美元 15% off"),
        ("a dollar fifty to unlock", "1.50美元 to unlock"), ("A pound", "1英镑"), ("thirty-five cents a minute", "0.35美元 a minute"),
        ("5 cents", "0.05美元"), ("twenty pence", "0.20英镑"), ("15 percent", "15%"), ("2.99 cents", "0.0299美元"), ("18.4 cents per kWh", "0.184美元 per kWh"),
    ])
    func currencyCents(written: String, digits: String) {
        #expect(NumberWords.digits(in: written) == digits)
    }

    @Test("half price is 50% off", arguments: [
        ("the joining fee is half price", "the joining fee is 50% off"), ("half-price tickets", "50% off tickets"), ("会员半价", "会员50%"),
    ])
    func halfPrice(written: String, digits: String) {
        #expect(NumberWords.digits(in: written) == digits)
    }

    @Test("an hour without minutes is a clock time: 11 AM, 8–11 AM, 9-17点; other numbers stay", arguments: [
        ("Check-in is at 11 AM.", "Check-in is at 11:00 AM."), ("Check-in runs 8–11 AM.", "Check-in runs 8:00–11:00 AM."),
        ("open 9 to 5 pm", "open 9:00 to 5:00 pm"), ("8am on Saturday", "8:00 am on Saturday"), ("7月18日9-17点停气", "7月18日9:00-17:00停气"),
        ("Check-in is 8:00–11:00 AM.", "Check-in is 8:00–11:00 AM."), ("15 AM", "15 AM"), ("the 12 amendments", "the 12 amendments"),
        ("1-2天内缓解", "1-2天内缓解"),
    ])
    func hoursWithoutMinutes(written: String, digits: String) {
        #expect(NumberWords.digits(in: written) == digits)
    }

    @Test("N and a half is N.5; a dash between two hours is a range; 時間 is a duration, not a clock time", arguments: [
        ("thirty-six and a half hours", "36.5 hours"), ("2 and a half days", "2.5 days"),
        ("上午9—11点", "上午9:00—11:00"), ("3時間前の10時から", "3時間前の10:00から"),
    ])
    func halvesDashesAndHours(written: String, digits: String) {
        #expect(NumberWords.digits(in: written) == digits)
    }

    @Test("yuan after a hyphen is an amount: a 300-yuan fee = 300元")
    func hyphenatedYuan() {
        #expect(NumberWords.digits(in: "A 300-yuan cleaning fee applies.") == "A 300元 cleaning fee applies.")
    }

    @Test("noon and midnight are the clock times 12:00 and 00:00; afternoon stays a word", arguments: [
        ("open from noon until midnight", "open from 12:00 pm until 12:00 am"), ("12 noon", "12:00 pm"), ("Midday", "12:00 pm"),
        ("every afternoon", "every afternoon"),
    ])
    func noonAndMidnight(written: String, digits: String) {
        #expect(NumberWords.digits(in: written) == digits)
    }

    @Test("open 12:00–00:00 and open from noon until midnight keep the same times")
    func noonKeepsTheTime() {
        #expect(FactsPreserved.missing("Fridays we're open 12:00–00:00.", NumberWords.digits(in: "On Fridays we're open from noon until midnight.")) == [])
    }

    @Test("Chinese text with digits and no Latin word is not read for English number words")
    func chineseWithDigits() {
        #expect(!EnglishScan.needsReading("您的订单20240709已于7月9日发货"))
        #expect(EnglishScan.needsReading("退款15 percent"))
        #expect(EnglishScan.needsReading("three days"))
    }

    @Test("a word may start a number exactly when the first part of its lower-cased core is a cardinal or a scale")
    func mayStartNumberMatchesTheReading() {
        func reference(_ word: Substring) -> Bool {
            let (core, _) = NumberWords.split(word)
            guard let first = core.lowercased().split(separator: "-").first.map(String.init) else { return false }
            return NumberWords.ones[first] != nil || NumberWords.scales[first] != nil
        }
        let words = ["Fifteen", "(twenty-five", "“Two", "‘hundred’", "--three", "-", "SEVENTEEN,", "seventeenth", "one's", "ten-day", "day-ten", "\"Million\"", "tenfold", "twelve5"]
            + TextNormalizerPassesTests.generated.prefix(500).flatMap { $0.split(separator: " ").map(String.init) }
        // Outside ASCII the reading decides (a yes here only defers to it): every no must be the reading's no.
        let wrong = words.filter { NumberWords.mayStartNumber(Substring($0)) != reference(Substring($0)) && !NumberWords.mayStartNumber(Substring($0)) }
        #expect(wrong.isEmpty, "first: \(wrong.first ?? "")")
        #expect(["Fifteen", "(twenty-five", "“Two", "SEVENTEEN,", "ten-day"].allSatisfy { NumberWords.mayStartNumber(Substring($0)) })
        #expect(!["seventeenth", "day-ten", "tenfold", "-"].contains { NumberWords.mayStartNumber(Substring($0)) })
    }

    @Test("the English scan tells a text with a cardinal or scale word from one that only has digits and words", arguments: [
        ("Refund within 7 days", EnglishScan.Reading(needed: true, cardinals: false)),
        ("a 15 percent discount", EnglishScan.Reading(needed: true, cardinals: false)),
        ("on the thirty-first of July", EnglishScan.Reading(needed: true, cardinals: true)),
        ("SEVENTEEN items", EnglishScan.Reading(needed: true, cardinals: true)),
        ("two thousand", EnglishScan.Reading(needed: true, cardinals: true)),
        ("paid in yuan", EnglishScan.Reading(needed: true, cardinals: false)),
        ("no numbers here, internationalization aside", EnglishScan.Reading(needed: false, cardinals: false)),
        ("退款7天内到账", EnglishScan.Reading(needed: false, cardinals: false)),
    ])
    func englishScan(text: String, reading: EnglishScan.Reading) {
        #expect(EnglishScan.reading(text) == reading)
    }

    @Test("digits and words without a cardinal read as with one: only the rewrite rules change them")
    func rulesWithoutCardinals() {
        #expect(NumberWords.digits(in: "a 15 percent discount on the 3rd") == "a 15% discount on the 3")
        #expect(NumberWords.digits(in: "fifteen percent off") == "15% off")
    }
}
