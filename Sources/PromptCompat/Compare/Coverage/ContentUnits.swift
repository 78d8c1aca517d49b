import Foundation

/// The units of meaning two answers are aligned by: overlapping two-character pieces of Chinese
/// (`退款` `款需` `需在`), Latin words without the function words (`refund`, `within`, `receipt`;
/// `the`, `is` dropped, a plural `s` folded), and whole numbers (`7`, `2024`). Number words are read as
/// digits first (``NumberWords``), so `七天` and `7天` share a unit.
///
/// A text's units are a set: how much of a clause another text *covers* is the share of the clause's
/// units that the other text has anywhere, which tolerates reordering and merged sentences.
///
/// ```swift
/// ContentUnits.list("定制商品除外")                    // ["定制", "制商", "商品", "品除", "除外"]
/// let units = ContentUnits.of("定制商品除外")          // the same five, as ``ContentUnit`` hashes
/// ContentUnits.coverage(of: units, by: ContentUnits.of("所有商品7天内可退"))   // 0.2 (商品)
/// ```
public enum ContentUnits {
    /// The units of `text`, in order, duplicates kept.
    public static func list(_ text: String) -> [String] {
        Tokenizer.tokens(Synonyms.canonical(NumberWords.digits(in: text)), cjkBigrams: true).compactMap { token in
            guard let first = token.unicodeScalars.first else { return nil }
            return Tokenizer.isCJK(first) ? token : unit(ofWord: token)
        }
    }

    /// A number's canonical digits, or a word stemmed; nil for a function word.
    static func unit(ofWord token: String) -> String? {
        if token.unicodeScalars.first.map(Tokenizer.isASCIIDigit) == true { return FactExtractor.canonicalNumber(token) }
        // One look-up: a function word is dropped, a synonym read as its group's word.
        guard let reading = wordReadings[token] else { return stem(token) }
        return reading.isEmpty ? nil : stem(reading)
    }

    /// The units of `text` as a set.
    public static func of(_ text: String) -> Set<ContentUnit> { read(text).units }

    /// The units of `text`, and the Chinese, Japanese and Korean characters in them (scalar values): what a
    /// reworded clause keeps some of (库存有限 → 库存不多). Remembered for the last texts. The units of
    /// ``list(_:)``, with a CJK piece hashed from its scalars rather than made a `String` first.
    static func read(_ text: String) -> (units: Set<ContentUnit>, characters: Set<UInt32>) {
        recent.value(for: text) { text in
            let scalars = Synonyms.canonical(TextNormalizer.nfkcScalars(NumberWords.digits(in: text)))
            // At most a unit and a character a scalar: no set grows while it is filled.
            var units = Set<ContentUnit>(minimumCapacity: scalars.count), characters = Set<UInt32>(minimumCapacity: scalars.count)
            Tokenizer.scan(scalars, cjkBigrams: true) { kind, range in
                let piece = scalars[range]
                if kind == .cjk {
                    units.insert(ContentUnit(piece))
                    for scalar in piece { characters.insert(scalar.value) }
                } else if let unit = unit(ofWord: Tokenizer.string(piece).lowercasedFast()) {
                    units.insert(ContentUnit(unit))
                }
            }
            return (units, characters)
        }
    }

    static let recent = RecentResults<(units: Set<ContentUnit>, characters: Set<UInt32>)>(capacity: 512)

    /// The share of `units` found in `other`; 1 when `units` is empty.
    public static func coverage(of units: Set<ContentUnit>, by other: Set<ContentUnit>) -> Double {
        guard !units.isEmpty else { return 1 }
        return Double(units.lazy.filter(other.contains).count) / Double(units.count)
    }

    /// The Chinese, Japanese and Korean scalars of `text` as written.
    static func cjkScalars(of text: String) -> Set<UInt32> {
        Set(text.unicodeScalars.lazy.filter(Tokenizer.isCJK).map(\.value))
    }

    /// How many of `text`'s Chinese characters are in `characters` (from ``characters(of:)``), and how many it has.
    static func shared(_ text: String, with characters: Set<UInt32>) -> (shared: Int, of: Int) {
        var shared = 0, total = 0
        for character in text {
            guard let scalar = character.unicodeScalars.first, Tokenizer.isCJK(scalar) else { continue }
            total += 1
            if characters.contains(scalar.value) { shared += 1 }
        }
        return (shared, total)
    }

    /// A plural or third-person `s`, `es` after a sibilant, and `ed`/`ing`/`able` of a long word folded, and
    /// a doubled consonant made one, so `refunds` meets `refund`, `charged` meets `charge`, `cancelling` meets
    /// `cancel` and `non-refundable` meets `can't be refunded`: a reader's match, not a linguist's.
    static func stem(_ word: String) -> String {
        // An ASCII word (most) is read on its bytes; a character count then is a byte count.
        if word.utf8.allSatisfy({ $0 < 0x80 }) {
            return word.readingUTF8(stemASCII)
        }
        let (kept, y) = stemmed(Substring(word)) { Array($0) }
        return String(kept) + (y ? "y" : "")
    }

    /// ``stem(_:)`` of an ASCII word, on its bytes: the same endings folded, no `String` made but the result.
    private static func stemASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        let count = bytes.count
        var end = count
        func ends(_ suffix: StaticString) -> Bool {
            let length = suffix.utf8CodeUnitCount
            guard end >= length else { return false }
            return (0..<length).allSatisfy { bytes[end - length + $0] == suffix.utf8Start[$0] }
        }
        if count > 7, ends("able") { end -= 4 } else if count > 5, ends("ing") { end -= 3 } else if count > 4, ends("ed") { end -= 2 }
        else if count > 3, ends("ies") { return String(decoding: UnsafeBufferPointer(rebasing: bytes[..<(end - 3)]), as: UTF8.self) + "y" }
        else if count > 3, ends("s"), !ends("ss"), !ends("us") { end -= 1 }
        if end > 3, ends("e") { end -= 1 }
        // A doubled consonant is one (`cancelled`, `cancelling` and `cancel`; `stopped` and `stop`), but `ss`.
        if end > 3, bytes[end - 1] == bytes[end - 2], doubled.utf8.contains(bytes[end - 1]) { end -= 1 }
        return String(decoding: UnsafeBufferPointer(rebasing: bytes[..<end]), as: UTF8.self)
    }

    /// `word` less its folded ending, and whether a `y` replaces it (`ies`).
    private static func stemmed<Word: BidirectionalCollection>(_ word: Word, _ letters: (String) -> [Word.Element]) -> (Word, Bool)
        where Word.SubSequence == Word, Word.Element: Equatable
    {
        func ends(_ w: Word, _ suffix: String) -> Bool { w.reversed().starts(with: letters(suffix).reversed()) }
        var w = word
        let count = w.count
        if count > 7, ends(w, "able") { w = w.dropLast(4) } else if count > 5, ends(w, "ing") { w = w.dropLast(3) } else if count > 4, ends(w, "ed") { w = w.dropLast(2) }
        else if count > 3, ends(w, "ies") { return (w.dropLast(3), true) }
        else if count > 3, ends(w, "s"), !ends(w, "ss"), !ends(w, "us") { w = w.dropLast() }
        if w.count > 3, ends(w, "e") { w = w.dropLast() }
        if w.count > 3, let last = w.last, w.dropLast().last == last, letters(doubled).contains(last) { w = w.dropLast() }
        return (w, false)
    }

    /// The consonants a word may double before an ending: all but `s` (`class`, `address` keep theirs).
    private static let doubled = "bcdfghjklmnpqrtvwxz"

    /// What a word is read as before its ending is folded: "" for a function word, its group's word for a
    /// synonym (``Synonyms/englishWords``); a word not here is itself.
    static let wordReadings: [String: String] = Synonyms.englishWords.merging(stopWords.map { ($0, "") }) { _, stop in stop }

    /// English function words: they carry no content of their own to align.
    static let stopWords: Set<String> = [
        "a", "an", "the", "and", "or", "but", "if", "of", "to", "in", "on", "at", "by", "for", "from", "with", "as",
        "is", "are", "was", "were", "be", "been", "being", "am", "it", "its", "this", "that", "these", "those",
        "you", "your", "yours", "we", "our", "us", "i", "me", "my", "he", "she", "they", "them", "their", "his", "her",
        "will", "would", "can", "could", "shall", "should", "may", "might", "do", "does", "did", "have", "has", "had",
        "so", "then", "there", "here", "which", "who", "whom", "what", "when", "where", "how", "also", "just",
        "all", "any", "some", "very", "please", "into", "about", "up", "out", "over", "than", "too", "s", "t", "ll", "re", "ve", "d",
        "because", "since", "although", "though", "however", "still", "yet", "even", "each", "both", "such", "own", "other",
        "another", "more", "most", "much", "many", "now", "once", "again", "ever", "already", "yes", "ok", "hi", "hello",
    ]
}

/// One content unit (`退款`, `refund`, `7`) as a 64-bit hash of its UTF-8 bytes: sets of units meet by
/// integer, without hashing or comparing text (a `String` hashes through Unicode normalization).
public struct ContentUnit: Hashable, Sendable {
    let value: UInt64

    /// The unit `text` (FNV-1a of its bytes).
    public init(_ text: String) {
        var hash = Self.offsetBasis
        for byte in text.utf8 { Self.mix(byte, into: &hash) }
        value = hash
    }

    /// The unit written by `scalars`: the same hash as the text of those scalars.
    init(_ scalars: ArraySlice<Unicode.Scalar>) {
        var hash = Self.offsetBasis
        for scalar in scalars { UTF8.encode(scalar) { Self.mix($0, into: &hash) } }
        value = hash
    }

    private static let offsetBasis: UInt64 = 0xcbf2_9ce4_8422_2325
    private static func mix(_ byte: UInt8, into hash: inout UInt64) { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01b3 }
}
