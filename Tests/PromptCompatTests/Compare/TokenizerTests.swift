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

/// CJK bigrams and integer token ids.
@Suite("Tokenizer bigrams and ids")
struct TokenizerBigramTests {
    @Test("a run of CJK characters becomes its overlapping bigrams; a lone character stays one token")
    func bigrams() {
        #expect(Tokenizer.tokens("订单已发货", cjkBigrams: true) == ["订单", "单已", "已发", "发货"])
        #expect(Tokenizer.tokens("好，订单 OK 谢", cjkBigrams: true) == ["好", "订单", "ok", "谢"])
        #expect(Tokenizer.tokens("订单20240709发货", cjkBigrams: true) == ["订单", "20240709", "发货"])
        #expect(Tokenizer.tokens("", cjkBigrams: true).isEmpty)
    }

    @Test("ids: a CJK character is its scalar value, equal words share an interned id from 0x110000")
    func ids() {
        let (a, b) = Tokenizer.tokenIDs("订单 OK 1,299", "ok 订单 Ok")
        #expect(a == [0x8BA2, 0x5355, 0x110000, 0x110001])
        #expect(b == [0x110000, 0x8BA2, 0x5355, 0x110000])
        let (x, y) = Tokenizer.tokenIDs("订单已发货", "已发货", cjkBigrams: true)
        #expect(x.count == 4 && y.count == 2)
        #expect(Array(x.suffix(2)) == y)
    }

    @Test("ids follow the same tokenization as the strings, emoji and punctuation dropped")
    func idsMatchStrings() {
        for text in ["订单20240709已发货, shipped today", "👍🏽 ＡＢＣ１２３！", "cafe\u{301} 한국", "。！？——……"] {
            #expect(Tokenizer.tokenIDs(text, "").reference.count == Tokenizer.tokens(text).count)
        }
    }
}
