import Foundation
import Testing
@testable import PromptCompat

/// `PhraseSet.occurs(in:)` replaces one byte search a phrase (`UTF8Search.contains`, phrase by phrase) for the checks' word
/// lists; the oracle is that search, on every list the checks use, over generated texts and texts built
/// around each phrase (whole, at either end, cut short by a byte, beside a multi-byte character).
@Suite("Phrase lists searched in one pass")
struct PhraseSetTests {
    static let lists: [PhraseSet] = [
        CourtesyPhrases.courtesy, CourtesyPhrases.offers, CourtesyPhrases.conditions, CourtesyPhrases.claims,
        ActionOwners.actionWords, ConstraintWords.classifying, ConstraintWords.ordering, ConstraintWords.unordered,
        LabelSetReader.cues, EchoSpan.transformWords, NumberWords.hourTriggers,
    ] + CourtesyPhrases.offerKinds + Array(ConstraintWords.formats.values)

    static func texts(around phrases: [String]) -> [String] {
        phrases.flatMap { phrase -> [String] in
            let cut = String(decoding: phrase.utf8.dropLast(), as: UTF8.self)
            return [phrase, "前\(phrase)", "\(phrase)后", "a \(phrase) b", cut, "x\(cut)", "退\(cut)"]
        }
    }

    @Test("occurs(in:) answers what searching each phrase in turn answers, for every list the checks use")
    func matchesOneSearchAPhrase() {
        let generated = TextNormalizerPassesTests.generated.map { $0.lowercasedFast() }
        for list in Self.lists {
            let texts = generated + Self.texts(around: list.phrases)
            let mismatches = texts.filter { text in list.occurs(in: text) != list.phrases.contains { UTF8Search.contains($0, in: text) } }
            #expect(mismatches.isEmpty, "\(list.phrases.prefix(3)): first \(mismatches.first.map(TextNormalizerPassesTests.hex) ?? "")")
        }
    }

    @Test("occurring(in:) names each phrase that searching it alone finds, for every list the checks use and the number rules' triggers")
    func occurringNamesEachPhraseFound() {
        let generated = TextNormalizerPassesTests.generated.map { $0.lowercasedFast() }
        for list in Self.lists + [NumberWords.stageTriggers.phrases] {
            let texts = generated + Self.texts(around: list.phrases)
            let mismatches = texts.filter { text in
                list.occurring(in: text) != Set(list.phrases.indices.filter { UTF8Search.contains(list.phrases[$0], in: text) })
            }
            #expect(mismatches.isEmpty, "\(list.phrases.prefix(3)): first \(mismatches.first.map(TextNormalizerPassesTests.hex) ?? "")")
        }
        #expect((["万", "pm", "/", ""] as PhraseSet).occurring(in: "3pm 到 5pm") == [1, 3])
    }

    @Test("a rule list's one search names exactly the rules whose own trigger words occur, and every rule without any")
    func rewriteRulesTriggered() {
        let generated = TextNormalizerPassesTests.generated.map { $0.lowercasedFast() }
        let lists: [NumberWords.RewriteRules] = [
            NumberWords.monthSlashDays, NumberWords.clockRules, NumberWords.hourForms, NumberWords.digitScales, NumberWords.yearlessDates,
            NumberWords.slashDates, NumberWords.halves, NumberWords.englishRules, NumberWords.chineseMoneyAndDays,
            [NumberWords.Rewrite("x") { _ in "" }, NumberWords.Rewrite("y", triggers: ["半"]) { _ in "" }],
        ]
        for list in lists {
            let texts = generated + Self.texts(around: list.rules.flatMap(\.triggers.phrases))
            let mismatches = texts.filter { text in
                list.triggered(in: text) != Set(list.rules.indices.filter { list.rules[$0].triggers.isEmpty || list.rules[$0].triggers.occurs(in: text) })
            }
            #expect(mismatches.isEmpty, "\(list.rules.first?.pattern ?? ""): first \(mismatches.first.map(TextNormalizerPassesTests.hex) ?? "")")
        }
    }

    @Test("a phrase is found at the very end of the text, a one-byte phrase anywhere, the empty phrase everywhere")
    func edges() {
        let set: PhraseSet = ["除外", "x"]
        #expect(set.occurs(in: "定制商品除外"))
        #expect(set.occurs(in: "max"))
        #expect(!set.occurs(in: "定制商品除"))
        #expect(!set.occurs(in: ""))
        #expect(PhraseSet([""]).occurs(in: ""))
        #expect(!PhraseSet([]).occurs(in: "任何文本"))
        #expect(!PhraseSet(["很长的一个短语"]).occurs(in: "短"))
    }
}
