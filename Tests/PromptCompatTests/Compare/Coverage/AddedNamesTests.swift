import Testing
@testable import PromptCompat

/// Names from nowhere: a brand, feature, standard or source a candidate names that neither the prompt nor
/// an accepted answer has.
@Suite("Substitute check: added names")
struct AddedNamesTests {
    let spec = "Spec sheet: learns your schedule in a week; works with Alexa and Google Home; 24V systems; $149."
    let accepted = "It learns your schedule in about a week and works with Alexa and Google Home. For 24V systems, $149."

    @Test("a feature the spec never lists, named mid-sentence, is added content quoted with its names")
    func inventedFeature() {
        let candidate = "It learns your routine in a week. Ask Alexa, Google Home or, from this spring, Apple HomeKit to warm things up. For 24V systems, $149."
        #expect(SubstituteCheck.coverage.reasons([accepted], candidate, instructions: spec)
            == ["added: \"…spring, Apple HomeKit to warm…\" (Apple, HomeKit: in neither the prompt nor the accepted answer)"])
    }

    @Test("names the prompt has, sentence starts, greetings, codes, units and masked digits are not invented")
    func ordinaryCapitals() {
        let known = "Order AU-77120 for Maria; 350ml bottle; hotline 95XXX"
        #expect(AddedNames.nameLike("Thanks for riding with us, and enjoy Saturday") == [])
        #expect(AddedNames.nameLike("Weekends are off-peak: Saturdays, Sundays and holidays") == [])
        #expect(AddedNames.find(in: Clause.split("Dear Owners, your order AU-77120 ships Monday. Hi Maria!"), known: known).isEmpty)
        #expect(AddedNames.find(in: Clause.split("这款350ml的水杯，热线95XXX"), known: known).isEmpty)
        #expect(AddedNames.find(in: Clause.split("还支持OTA远程升级"), known: known).map(\.names) == [["OTA"]])
        // An acronym that starts one the prompt has: US for USA.
        #expect(AddedNames.find(in: Clause.split("Since Toronto is outside the US, the international rate applies"), known: "Employee based in Seattle, USA, flying to Toronto").isEmpty)
        #expect(AddedNames.find(in: Clause.split("The rate is set by the EU, not by us"), known: "Employee based in Seattle, USA").map(\.names) == [["EU"]])
        // An acronym of words the prompt has in a row: HHW for Household Hazardous Waste.
        #expect(AddedNames.find(in: Clause.split("Drop them off at the HHW depot on Saturday"), known: "Take these to the Household Hazardous Waste depot").isEmpty)
        #expect(AddedNames.find(in: Clause.split("Drop them off at the XRW depot on Saturday"), known: "Take these to the Household Hazardous Waste depot").map(\.names) == [["XRW"]])
        // Code names identifiers, not products.
        #expect(AddedNames.find(in: Clause.split("可以用 await asyncio.sleep(2 ** attempt) 实现重试"), known: known).isEmpty)
        #expect(AddedNames.find(in: Clause.split("用`seen`集合去重"), known: known).isEmpty)
        // TA is 他/她 in Chinese writing; App and Wi-Fi name no product.
        #expect(AddedNames.find(in: Clause.split("有问题可以随时找TA，也可以在App里连Wi-Fi"), known: known).isEmpty)
        // A heading in title case names nothing.
        #expect(AddedNames.nameLike("Tesla Opens New Factory In Shanghai") == [])
    }

    @Test("the known text's words read on scalars are the words of a split on characters")
    func knownWordsMatchCharacterSplit() {
        func reference(_ text: String) -> Set<String> {
            var set: Set<String> = []
            for word in text.lowercased().split(whereSeparator: { !($0.isLetter || $0.isNumber) || $0.isCJK }) where word.first?.isASCII == true {
                set.insert(String(word))
                set.insert(ContentUnits.stem(String(word)))
            }
            return set
        }
        let texts = TextNormalizerPassesTests.generated + [spec, accepted, "cafe\u{301}s Straße ＡＢＣ ① x\u{301}y 12ab", "e\u{301}clair a\u{200D}b"]
        let mismatches = texts.filter { AddedNames.words($0) != reference($0) }
        #expect(mismatches.isEmpty, "first: \(mismatches.first.map(TextNormalizerPassesTests.hex) ?? "")")
    }
}
