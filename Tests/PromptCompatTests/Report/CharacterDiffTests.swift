import Testing
@testable import PromptCompat

@Suite("CharacterDiff: the inline diff of report.html")
struct CharacterDiffTests {
    typealias Segment = CharacterDiff.Segment

    @Test("Chinese is diffed character by character")
    func chinese() {
        #expect(CharacterDiff.segments(from: "订单已发货", to: "订单未发货")
            == [Segment(.equal, "订单"), Segment(.deleted, "已"), Segment(.inserted, "未"), Segment(.equal, "发货")])
    }

    @Test("a Latin word is changed whole, not letter by letter")
    func latinWords() {
        #expect(CharacterDiff.segments(from: "the parcel ships today", to: "the parcel ships tomorrow")
            == [Segment(.equal, "the parcel ships "), Segment(.deleted, "today"), Segment(.inserted, "tomorrow")])
    }

    @Test("mixed text keeps numbers whole and Chinese per character")
    func mixed() {
        #expect(CharacterDiff.segments(from: "退款 200 元", to: "退款 300 元")
            == [Segment(.equal, "退款 "), Segment(.deleted, "200"), Segment(.inserted, "300"), Segment(.equal, " 元")])
    }

    @Test("empty on either side: everything deleted or inserted; both empty: no segment")
    func empty() {
        #expect(CharacterDiff.segments(from: "", to: "") == [])
        #expect(CharacterDiff.segments(from: "", to: "你好") == [Segment(.inserted, "你好")])
        #expect(CharacterDiff.segments(from: "你好", to: "") == [Segment(.deleted, "你好")])
        #expect(CharacterDiff.segments(from: "相同", to: "相同") == [Segment(.equal, "相同")])
    }

    @Test("one shared character between two larger changes is folded into them, not shown as kept")
    func foldsConfetti() {
        // 的 (1 character) sits between changes of 2 characters on each side, so it is folded.
        #expect(CharacterDiff.segments(from: "甲乙的丙丁", to: "戊己的庚辛")
            == [Segment(.deleted, "甲乙的丙丁"), Segment(.inserted, "戊己的庚辛")])
    }

    @Test("a shared run longer than the changes around it stays")
    func keepsLongerRuns() {
        #expect(CharacterDiff.segments(from: "甲发货了乙", to: "丙发货了丁")
            == [Segment(.deleted, "甲"), Segment(.inserted, "丙"), Segment(.equal, "发货了"), Segment(.deleted, "乙"), Segment(.inserted, "丁")])
    }

    @Test("each side's HTML marks its own changes and escapes every piece of text")
    func html() {
        let segments = CharacterDiff.segments(from: "a<b", to: "a>b")
        #expect(segments == [Segment(.equal, "a"), Segment(.deleted, "<"), Segment(.inserted, ">"), Segment(.equal, "b")])
        #expect(CharacterDiff.html(segments, side: .accepted) == "a<del>&lt;</del>b")
        #expect(CharacterDiff.html(segments, side: .output) == "a<ins>&gt;</ins>b")
    }

    @Test("texts too large for the table are shown as replaced whole between the shared start and end")
    func largeTexts() {
        // 2,100 × 2,100 distinct-looking tokens in the middle is 4.41M cells, above the 4M limit.
        let old = "开头" + String(repeating: "甲", count: 2100) + "结尾"
        let new = "开头" + String(repeating: "乙", count: 2100) + "结尾"
        #expect(CharacterDiff.segments(from: old, to: new) == [
            Segment(.equal, "开头"), Segment(.deleted, String(repeating: "甲", count: 2100)),
            Segment(.inserted, String(repeating: "乙", count: 2100)), Segment(.equal, "结尾"),
        ])
    }
}
