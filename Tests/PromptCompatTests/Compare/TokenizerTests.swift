import Testing
@testable import PromptCompat

/// Tokens as a reader sees units of meaning: a CJK character each, a Latin word, a whole number;
/// punctuation dropped, full-width forms folded, case ignored.
@Suite("Tokenizer")
struct TokenizerTests {
    @Test("each CJK character is a token: Han, kana and Hangul")
    func cjkPerCharacter() {
        #expect(Tokenizer.tokens("订单已发货") == ["订", "单", "已", "发", "货"])
        #expect(Tokenizer.tokens("カタカナ ひら 한국") == ["カ", "タ", "カ", "ナ", "ひ", "ら", "한", "국"])
    }

    @Test("a run of Latin letters is one word, lowercased")
    func latinWords() {
        #expect(Tokenizer.tokens("Order SHIPPED today") == ["order", "shipped", "today"])
        #expect(Tokenizer.tokens("snake_case café") == ["snake_case", "café"])
    }

    @Test("mixed CJK, digits and Latin split where the script changes")
    func mixedScripts() {
        #expect(Tokenizer.tokens("订单20240709已发货, shipped today") == ["订", "单", "20240709", "已", "发", "货", "shipped", "today"])
        #expect(Tokenizer.tokens("gpt4o") == ["gpt", "4", "o"])
    }

    @Test("a number stays whole, with its thousands separators and decimal point", arguments: [
        ("Total: 1,299.00 USD", ["total", "1,299.00", "usd"]),
        ("价格1,299.00元", ["价", "格", "1,299.00", "元"]),
        ("version 3.14.", ["version", "3.14"]),
        ("v1.2", ["v", "1.2"]),
        ("12, 13", ["12", "13"]),
        ("-5", ["5"]),
    ])
    func numbersWhole(text: String, tokens: [String]) {
        #expect(Tokenizer.tokens(text) == tokens)
    }

    @Test("a separator after a CJK character is punctuation, not part of the next number")
    func separatorAfterCJKIsPunctuation() {
        #expect(Tokenizer.tokens("共5件，3件已发") == ["共", "5", "件", "3", "件", "已", "发"])
    }

    @Test("punctuation, ASCII and CJK, is dropped")
    func punctuationDropped() {
        #expect(Tokenizer.tokens("Hello, world! (ok) \"quoted\"") == ["hello", "world", "ok", "quoted"])
        #expect(Tokenizer.tokens("您好！请问，“订单”呢？") == ["您", "好", "请", "问", "订", "单", "呢"])
        #expect(Tokenizer.tokens("。！？——……").isEmpty)
        #expect(Tokenizer.tokens("").isEmpty)
    }

    @Test("full-width letters, digits and punctuation fold to their half-width forms")
    func fullWidthFolded() {
        #expect(Tokenizer.tokens("ＡＢＣ１２３") == ["abc", "123"])
        #expect(Tokenizer.tokens("１，２９９．００") == ["1,299.00"])
        #expect(Tokenizer.tokens("Ｏｒｄｅｒ　ｓｈｉｐｐｅｄ") == Tokenizer.tokens("Order shipped"))
    }

    @Test("isCJK covers Han, kana and Hangul, not Latin or CJK punctuation")
    func isCJK() {
        for scalar in ["中", "𠀀", "ひ", "カ", "한"].map({ $0.unicodeScalars.first! }) { #expect(Tokenizer.isCJK(scalar)) }
        for scalar in ["a", "1", "。", "，", "é"].map({ $0.unicodeScalars.first! }) { #expect(!Tokenizer.isCJK(scalar)) }
    }
}
