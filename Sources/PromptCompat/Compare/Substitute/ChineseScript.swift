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
    /// Every one is checked against OpenCC's character tables (TSCharacters.txt, STCharacters.txt): it
    /// converts to another simplified character and is never itself a simplified character (惠, 境, 客 are
    /// the same in both scripts and are not here).
    static let traditionalOnly: Set<UInt32> = Set((
        "這們來時說為會國過對學發與東區當實現開關問題經應樣給產業點體從還頭將長門車號單價錢貨買賣運費訂戶聯讓謝請務處條線網護幫億萬後歡級認識讀寫語話電腦機氣無麼兩間見覺風飛馬魚鳥貼戲確據態際項擊總結論標準備註評廣傳統營銷額優購讚夠壞歲親愛藥醫療險證帳員隊聽記許設計質換貴續約專複雜難節紀錄辦報導視頻參爭議環權隻雙顧邊觀輕鬆覽驗檢測試養歷興職責膚").unicodeScalars.map(\.value)
    )

    /// At least two traditional-only characters (one could be a quoted name).
    /// Japanese (any kana) is not Chinese of either script: its kanji include 時, 間, 話.
    public static func isTraditional(_ text: String) -> Bool {
        guard !text.unicodeScalars.contains(where: { (0x3040...0x30FF).contains($0.value) }) else { return false }
        // Scalar by scalar (each of these characters is one scalar), unless a combining mark makes another
        // character of it.
        var traditional = 0, pending = false
        for scalar in text.unicodeScalars {
            if pending, !scalar.extendsCharacter { traditional += 1 }
            pending = traditionalOnly.contains(scalar.value)
        }
        return traditional + (pending ? 1 : 0) >= 2
    }
}
