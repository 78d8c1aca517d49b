import Testing
@testable import PromptCompat

@Suite("HTMLText: escaping for report.html")
struct HTMLTextTests {
    @Test("&, <, >, \" and ' become entities; nothing else changes")
    func escapesTheFiveCharacters() {
        #expect(HTMLText.escape("<script>alert('x') & \"y\"</script>")
            == "&lt;script&gt;alert(&#39;x&#39;) &amp; &quot;y&quot;&lt;/script&gt;")
        #expect(HTMLText.escape("您好，订单 20240709 已发货。") == "您好，订单 20240709 已发货。")
        #expect(HTMLText.escape("") == "")
    }

    @Test("an entity already in the text is escaped again, so it shows as written")
    func entitiesAreText() {
        #expect(HTMLText.escape("&lt;b&gt;") == "&amp;lt;b&amp;gt;")
    }

    @Test("a < followed by a combining mark is escaped too (one Character, but the browser reads the <)")
    func combiningMarkAfterLessThan() {
        // "<" + U+0338 is canonically equal to "≮" as a Swift Character; the escape works on scalars.
        #expect(HTMLText.escape("<\u{338}img>") == "&lt;\u{338}img&gt;")
    }
}
