import Foundation
import Testing
@testable import PromptCompat

/// `RegexCache`'s helpers answer what Foundation's per-call regex search and replacement answer (with the
/// cache's case-insensitive option), on the checks' own patterns and texts with CJK, emoji and line ends.
@Suite("Regexes compiled once")
struct RegexCacheTests {
    static let patterns = [
        #"[（(][^）)]*[）)]"#, #"[\d一二三四五六七八九十两]+[个条套双件张支只瓶盒袋份本台把片粒块]$"#, #"(?<![\d.])(\d{1,2}(?:\.\d)?)折"#,
        #"^was (one line|\d+ lines), now (one line|\d+ lines)$"#, #"\btrue\s*(or|/)\s*false\b"#,
    ]
    static let texts = [
        "香水（液体类化妆品）和护手霜(50ml)", "水杯一个", "换洗衣物两套", "全场8折，会员8.5折，再打85折", "was one line, now 4 lines",
        "Answer True or False.", "😀（注）\r\n第二行(x)", "", "无匹配的文本",
    ]

    @Test("matches, firstRange and replacing answer what range(of:) and replacingOccurrences(of:) answer")
    func sameAsFoundation() {
        for pattern in Self.patterns {
            for text in Self.texts {
                let options: String.CompareOptions = [.regularExpression, .caseInsensitive]
                #expect(RegexCache.firstRange(of: pattern, in: text) == text.range(of: pattern, options: options), "\(pattern) in \(text)")
                #expect(RegexCache.matches(pattern, in: text) == (text.range(of: pattern, options: options) != nil))
                #expect(RegexCache.replacing(pattern, in: text, with: "") == text.replacingOccurrences(of: pattern, with: "", options: options))
            }
        }
    }
}
