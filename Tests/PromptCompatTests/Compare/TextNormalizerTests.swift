import Foundation
import Testing
@testable import PromptCompat

/// The normalized form (NFKC, spaces) and the comparable form (also punctuation folded, lowercased).
@Suite("Text normalizer")
struct TextNormalizerTests {
    @Test("normalize: NFKC, line ends, runs of spaces, outer blank lines")
    func normalize() {
        #expect(TextNormalizer.normalize("ＡＢＣ１２３  ok \r\n") == "ABC123 ok")
        #expect(TextNormalizer.normalize("\n\n a\u{3000}\u{3000}b\r\nc\t\td \n\n") == "a b\nc d")
        #expect(TextNormalizer.normalize("e\u{301}") == "é")
    }

    @Test("comparable folds each Chinese punctuation mark of the table to its Latin form", arguments: [
        ("，", ","), ("。", "."), ("：", ":"), ("；", ";"), ("！", "!"), ("？", "?"), ("（）", "()"),
        ("“引号”", "\"引号\""), ("‘单’", "'单'"), ("「直角」", "\"直角\""), ("『双』", "'双'"), ("、", ","),
        ("…", "..."), ("……", "..."), ("——", "-"), ("—", "-"), ("～", "~"), ("〜", "~"), ("【注】", "[注]"),
    ])
    func punctuation(written: String, folded: String) {
        #expect(TextNormalizer.comparable(written) == folded)
    }

    @Test("comparable lowercases Latin and makes full-width and Chinese-punctuated text equal to its Latin twin")
    func comparable() {
        #expect(TextNormalizer.comparable("Order SHIPPED") == "order shipped")
        #expect(TextNormalizer.comparable("价格：￥２９９……") == TextNormalizer.comparable("价格:¥299..."))
        #expect(TextNormalizer.comparable("您好！“订单”已发货。") == "您好!\"订单\"已发货.")
        #expect(TextNormalizer.comparable("👍🏽 👨‍👩‍👧") == "👍🏽 👨‍👩‍👧")
        #expect(TextNormalizer.comparable("") == "")
    }

    @Test("the quick NFKC path gives exactly what Foundation's NFKC gives", arguments: [
        "订单已发货。", "价格：１，２９９．００元！", "ＡＢＣ　ｄｅｆ…", "“引号”—『书』、【注】", "한국어 カタカナ",
        "cafe\u{301}", "ﬁ ½ ㍿ Ⅻ", "👍🏽👨‍👩‍👧", "tab\there\r\n", "",
    ])
    func quickNFKC(text: String) {
        #expect(TextNormalizer.nfkc(text) == text.precomposedStringWithCompatibilityMapping)
        #expect(TextNormalizer.nfkcScalars(text) == Array(text.precomposedStringWithCompatibilityMapping.unicodeScalars))
    }

    @Test("every scalar called NFKC-stable is left alone by Foundation's NFKC")
    func stableScalars() {
        let stable = (0...0xFFFF).compactMap(Unicode.Scalar.init).filter(TextNormalizer.isNFKCStable)
        let text = String(String.UnicodeScalarView(stable))
        #expect(text.precomposedStringWithCompatibilityMapping.unicodeScalars.elementsEqual(text.unicodeScalars))
    }
}
