import Testing
@testable import PromptCompat

/// An amount an answer works out from the amounts, counts and shares the accepted answer or the prompt
/// state is derived, not invented.
@Suite("Derived amounts")
struct DerivedAmountsTests {
    func amount(_ text: String) -> Fact {
        FactsPreserved.facts(in: text).first { $0.kind == .amount }!
    }

    @Test("a total of instalments, a balance, a price times a count, a share and what is left after it", arguments: [
        ("三笔合计117,600元", "水电验收后50,400元；木作完成后58,800元；竣工后8,400元。"),
        ("the remaining $1,100", "on a $1,200 bill you pay the $100 deductible"),
        ("$112.00 a month", "14 seats at $8.00 per seat"),
        ("a rush fee of $27.75", "25% rush fee on the $111.00 print job"),
        ("$45.90 per person", "15% off the $54 day pass"),
    ])
    func derived(answer: String, known: String) {
        #expect(DerivedAmounts.isDerived(amount(answer), from: [known]))
    }

    @Test("an amount no sum, difference, count or share of the known ones gives is not derived; nor one in another currency")
    func notDerived() {
        #expect(!DerivedAmounts.isDerived(amount("立减5元"), from: ["月卡25元，超出部分按1.5元/15分钟计"]))
        #expect(!DerivedAmounts.isDerived(amount("$300"), from: ["水电验收后100元；木作完成后200元"]))
    }

    @Test("sums take two to four distinct amounts")
    func sums() {
        #expect(DerivedAmounts.sums(of: [1, 2, 4], upTo: 4).sorted() == [3, 5, 6, 7])
    }
}
