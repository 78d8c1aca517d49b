import Foundation

/// Tells Traditional Chinese from Simplified by characters that exist only in the traditional script.
/// A migration target that answers a 简体 prompt in 繁體 breaks a product as surely as one that answers in
/// English.
///
/// ```swift
/// ChineseScript.isTraditional("您的訂單已發貨。")   // true
/// ChineseScript.isTraditional("您的订单已发货。")   // false
/// ```
public enum ChineseScript {
    /// Common characters whose simplified form differs (这/這, 们/們, 订/訂, 发/發 …): data, not a rule.
    static let traditionalOnly: Set<Character> = Set(
        "這們來時說為會國過對學發與東區當實現開關問題經應樣給產業點體從還頭將長門車號單價錢貨買賣運費訂戶聯讓謝請務處條線網護幫億萬後歡級認識讀寫語話電腦機氣無麼兩間見覺風飛馬魚鳥貼戲確認據態際項擊總結論標準備註評價廣傳統營銷額優惠購讚"
    )

    /// At least two traditional-only characters (one could be a quoted name).
    public static func isTraditional(_ text: String) -> Bool {
        let traditional = text.filter { traditionalOnly.contains($0) }.count
        return traditional >= 2
    }
}
