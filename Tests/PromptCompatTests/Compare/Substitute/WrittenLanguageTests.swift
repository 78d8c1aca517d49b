import Testing
@testable import PromptCompat

/// Languages within a script, and the script table's corrections.
@Suite("Written language")
struct WrittenLanguageTests {
    @Test("languages told apart", arguments: [
        ("Il suo ordine è stato spedito e arriverà entro tre giorni lavorativi.", WrittenLanguage.italian),
        ("Your order has been shipped and will arrive within three days.", .english),
        ("Votre commande a été expédiée et arrivera dans trois jours.", .french),
        ("Su pedido ha sido enviado y llegará en tres días.", .spanish),
        ("ご注文の商品は明日発送いたします。", .japanese),
        ("您的订单已发货，预计三天内送达。", .chinese),
    ])
    func languages(text: String, language: WrittenLanguage) {
        #expect(WrittenLanguage.of(text) == language)
    }

    @Test("an Italian answer that comes back in English, and Japanese that comes back in Chinese, are flagged by name")
    func switches() {
        let check = SubstituteCheck.language
        #expect(check.reasons(["Il suo ordine è stato spedito e arriverà entro tre giorni."], "Your order has been shipped and will arrive within three days.")
            == ["answer switched from Italian to English"])
        #expect(check.reasons(["ご注文の商品は明日発送いたします。"], "您的商品将于明天发货。") == ["answer switched from Japanese to Chinese"])
        #expect(check.reasons(["Il suo ordine è stato spedito e arriverà entro tre giorni."], "Il vostro ordine è partito oggi e arriverà tra tre giorni.") == [])
    }

    @Test("ordinary Simplified text with 惠 is not Traditional, and Japanese kanji are not Traditional Chinese")
    func scriptTable() {
        #expect(!ChineseScript.isTraditional("优惠活动：会员专享实惠价，惠及全体用户。"))
        #expect(!ChineseScript.isTraditional("時間と場所をご確認ください。話し合いは後で。"))
        #expect(SubstituteCheck.language.reasons(["ご確認ください。"], "時間と場所をご確認ください。話し合いは後で。") == [])
    }
}
