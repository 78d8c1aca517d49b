import Foundation
import Testing
@testable import PromptCompat

/// Evidence and report texts cut to a byte budget at a character boundary, saying how much was left out.
@Suite("TextCap and capped evidence")
struct TextCapTests {
    @Test("a text within the budget is kept whole")
    func shortTextIsKept() {
        #expect(TextCap.cut("订单已发货", toBytes: 15) == "订单已发货")
    }

    @Test("a longer text is cut at a character boundary and says how many bytes were left out")
    func longTextIsCutAtACharacter() {
        // 15 bytes of Chinese: a budget of 10 keeps 3 characters (9 bytes), never half of the fourth.
        #expect(TextCap.cut("订单已发货", toBytes: 10) == "订单已… 6 bytes more")
        #expect(TextCap.cut("abc👍🏽def", toBytes: 5) == "abc… 11 bytes more", "a grapheme of several scalars is kept whole or not at all")
    }

    @Test("a text cut once comes back unchanged when cut again (evidence redacted after it was capped)")
    func cuttingIsIdempotent() {
        let once = TextCap.cut(String(repeating: "好", count: 5000), toBytes: 4096)
        #expect(once.hasSuffix("… 10905 bytes more"))
        #expect(TextCap.cut(once, toBytes: 4096) == once)
        #expect(TextCap.cut("an answer that ends… 12 bytes more", toBytes: 10) == "an answer … 26 bytes more", "a look-alike note past the budget is text")
    }

    @Test("evidence set on a failure after it was made is capped too (a stream's partial text)")
    func evidenceSetterCaps() {
        var failure = ProviderFailure(.network, "cut short")
        failure.evidence = String(repeating: "a", count: 1_000_000)
        #expect(failure.evidence == String(repeating: "a", count: ProviderFailure.evidenceLimit) + "… \(1_000_000 - ProviderFailure.evidenceLimit) bytes more")
        let made = ProviderFailure(.server, "boom", evidence: String(repeating: "b", count: 5000))
        #expect(made.evidence?.hasSuffix("… 904 bytes more") == true)
    }

    @Test("the evidence of a 50 MiB body decodes only its start and counts the rest")
    func evidenceOfAHugeBody() {
        let body = Data(repeating: UInt8(ascii: "x"), count: 50 << 20)
        let evidence = ProviderFailure.evidence(from: body)
        #expect(evidence.utf8.count < ProviderFailure.evidenceLimit + 40)
        #expect(evidence.hasSuffix("… \((50 << 20) - ProviderFailure.evidenceLimit) bytes more"))
    }
}
