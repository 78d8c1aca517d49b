/// Words that say the same thing in service answers, read as one before two answers are aligned
/// (``ContentUnits``): `不收钱` and `免费`, `任一` and `哪个`, "right away" and "immediately". A free
/// rewording swaps these more than any others; read as different, the reworded clause looks dropped and
/// its rewording added.
///
/// Only true synonyms are here: never a word and its negation, never two amounts or two conditions
/// (`免费` and `收费` stay apart, and so do `before` and `after`). A variant is rewritten to its group's
/// first word, longest variant first, so `没办法` is read whole before `没法` could be.
///
/// ```swift
/// Synonyms.canonical(Array("头18个小时不收钱".unicodeScalars))   // 头18小时免费
/// Synonyms.englishWords["purchase"]                             // "buy"
/// ```
enum Synonyms {
    /// Chinese groups, the canonical word first. Every variant has two characters or more: one character is
    /// too often part of another word (`可` in `可能`, `若` in `若干`).
    static let chinese: [[String]] = [
        ["免费", "不收钱", "不要钱", "不收费", "不用付费", "无需付费", "不花钱"],
        ["任一", "任何一个", "任意一个", "任意", "哪个", "哪一个", "随便哪个"],
        ["不能", "不可以", "无法", "没法", "没办法", "不可"],
        ["立即", "马上", "立刻", "当即", "即刻"],
        ["如果", "要是", "假如", "倘若", "若是"],
        ["之后", "以后"],
        ["之前", "以前"],
        ["退还", "退回", "退给", "返还"],
        ["小时", "个小时", "钟头", "个钟头"],
        ["周", "星期", "个星期", "礼拜", "个礼拜"],
        ["告诉", "告知"],
        ["联系", "联络"],
        ["提交", "递交", "交上"],
        ["完成", "办完", "办好", "办结"],
        ["饮酒", "喝酒"],
        ["发热", "发烧"],
        ["吸烟", "抽烟"],
    ]

    /// English words, each to its group's word (read before function words are dropped and endings folded).
    static let englishWords: [String: String] = Dictionary(uniqueKeysWithValues: pairs([
        ["immediately", "instantly", "promptly"],
        ["buy", "purchase", "purchased", "purchasing", "bought"],
        ["help", "assist", "assistance", "assists"],
        ["start", "begin", "begins", "started", "commence", "starts"],
        ["extra", "additional"],
        ["free", "complimentary"],
        ["before", "prior"],
        ["allowed", "permitted"],
    ]))

    /// English phrases, each to one word (lower case, matched on word boundaries in any case).
    static let englishPhrases: [(String, String)] = [
        ("right away", "immediately"), ("straight away", "immediately"),
        ("free of charge", "free"),
        ("prior to", "before"),
    ]

    /// `scalars` with every Chinese variant and English phrase rewritten to its group's word.
    static func canonical(_ scalars: [Unicode.Scalar]) -> [Unicode.Scalar] { rewritten(scalars) ?? scalars }

    /// `text` with every variant rewritten, the same `String` when it has none.
    static func canonical(_ text: String) -> String {
        // Only a text with a scalar that may start a variant is read as scalars.
        guard text.unicodeScalars.contains(where: mayStart), let scalars = rewritten(Array(text.unicodeScalars)) else { return text }
        return String(String.UnicodeScalarView(scalars))
    }

    /// Whether a variant may start with `scalar` (in any case): its bucket is not empty.
    private static func mayStart(_ scalar: Unicode.Scalar) -> Bool {
        !buckets[Int(lowered(scalar).value & 1023)].isEmpty
    }

    /// `scalar` in lower case when it is an ASCII capital.
    private static func lowered(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
        (0x41...0x5A).contains(scalar.value) ? Unicode.Scalar(UInt8(truncatingIfNeeded: scalar.value + 0x20)) : scalar
    }

    /// `scalars` rewritten, or nil when no variant is in them.
    private static func rewritten(_ scalars: [Unicode.Scalar]) -> [Unicode.Scalar]? {
        var result: [Unicode.Scalar] = []
        var i = 0, changed = false
        while i < scalars.count {
            if let (length, replacement) = match(scalars, at: i) {
                if !changed { result.reserveCapacity(scalars.count); result.append(contentsOf: scalars[..<i]); changed = true }
                result.append(contentsOf: replacement)
                i += length
                continue
            }
            if changed { result.append(scalars[i]) }
            i += 1
        }
        return changed ? result : nil
    }

    /// The variant that starts at `i` (the longest), and what it is read as.
    private static func match(_ scalars: [Unicode.Scalar], at i: Int) -> (Int, [Unicode.Scalar])? {
        let first = scalars[i]
        // Most scalars start no variant: their bucket is empty.
        let bucket = buckets[Int(lowered(first).value & 1023)]
        guard !bucket.isEmpty else { return nil }
        // An English phrase starts and ends at a word's edge.
        if first.isASCII, i > 0, isLetter(scalars[i - 1]) { return nil }
        // The variants in the first scalar's bucket, longest first (a bucket may hold other first scalars).
        for (variant, replacement) in bucket where i + variant.count <= scalars.count {
            var same = true
            for (k, scalar) in variant.enumerated() where lowered(scalars[i + k]) != scalar { same = false; break }
            guard same else { continue }
            if variant[0].isASCII, i + variant.count < scalars.count, isLetter(scalars[i + variant.count]) { continue }
            return (variant.count, replacement)
        }
        return nil
    }

    private static func isLetter(_ scalar: Unicode.Scalar) -> Bool { (0x41...0x5A).contains(scalar.value) || (0x61...0x7A).contains(scalar.value) }

    /// The variants (Chinese words and English phrases) by their first scalar's value modulo 1,024, longest
    /// first: a bucket is read without hashing, and an empty one says no variant starts there.
    private static let buckets: [[([Unicode.Scalar], [Unicode.Scalar])]] = {
        var buckets = [[([Unicode.Scalar], [Unicode.Scalar])]](repeating: [], count: 1024)
        for (variant, word) in englishPhrases + pairs(chinese) {
            let scalars = Array(variant.unicodeScalars)
            buckets[Int(scalars[0].value & 1023)].append((scalars, Array(word.unicodeScalars)))
        }
        return buckets.map { $0.sorted { $0.0.count > $1.0.count } }
    }()

    /// Each variant of `groups` with its group's first word.
    private static func pairs(_ groups: [[String]]) -> [(String, String)] {
        groups.flatMap { group in group.dropFirst().map { ($0, group[0]) } }
    }
}
