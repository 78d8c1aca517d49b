import Foundation

/// A fixed list of phrases — the checks' word lists (courtesy, conditions, offers, a prompt's cues) — asked
/// "does any of you occur in this text?" in one pass over the text's UTF-8 bytes, instead of one search a
/// phrase: each two-byte window of the text is looked up in a table of the phrases' first two bytes, and
/// only the phrases that start there are compared. A byte match is a scalar match (UTF-8 is
/// self-synchronizing), so it answers what ``UTF8Search/contains(_:in:)`` answers for each phrase.
///
/// ```swift
/// let offers: PhraseSet = ["优惠", "赠", "discount"]
/// offers.occurs(in: "下单即赠送小样")   // true
/// offers.occurs(in: "7天内可退货")       // false
/// ```
struct PhraseSet: Sendable, ExpressibleByArrayLiteral {
    /// The phrases, as given.
    let phrases: [String]
    private let bytes: [[UInt8]]
    /// For each first two bytes (high byte first), the indices of the phrases that start with them.
    private let byPair: [UInt16: [Int]]
    /// One bit per first two bytes: whether any phrase starts with them (the common answer is no).
    private let pairBits: [UInt64]
    /// Phrases of one byte: one bit per byte value, and the phrases' indices by that byte.
    private let singleBits: [UInt64]
    private let singles: [UInt8: [Int]]
    private let hasEmpty: Bool

    init(_ phrases: [String]) {
        self.phrases = phrases
        bytes = phrases.map { Array($0.utf8) }
        var byPair: [UInt16: [Int]] = [:], bits = [UInt64](repeating: 0, count: 1024)
        var singles: [UInt8: [Int]] = [:], singleBits = [UInt64](repeating: 0, count: 4)
        for (index, phrase) in bytes.enumerated() where phrase.count >= 2 {
            let pair = UInt16(phrase[0]) << 8 | UInt16(phrase[1])
            byPair[pair, default: []].append(index)
            bits[Int(pair >> 6)] |= 1 << UInt64(pair & 63)
        }
        for (index, phrase) in bytes.enumerated() where phrase.count == 1 {
            singles[phrase[0], default: []].append(index)
            singleBits[Int(phrase[0] >> 6)] |= 1 << UInt64(phrase[0] & 63)
        }
        self.byPair = byPair
        pairBits = bits
        self.singles = singles
        self.singleBits = singleBits
        hasEmpty = bytes.contains { $0.isEmpty }
    }

    init(arrayLiteral phrases: String...) { self.init(phrases) }

    /// No phrase at all (a rule with no trigger words is always tried).
    var isEmpty: Bool { phrases.isEmpty }

    /// Whether any phrase occurs in `text` (an empty phrase occurs in every text).
    func occurs(in text: String) -> Bool {
        if hasEmpty { return true }
        var found = false
        scan(text) { _, _, _ in
            found = true
            return true
        }
        return found
    }

    /// Whether a phrase occurs in `text` at a place `accept` takes (given the text's UTF-8 bytes, the offset
    /// and the byte length of the occurrence): a whole word, say, where a letter may not stand before or after.
    /// An empty phrase has no place: it is never offered.
    ///
    /// ```swift
    /// let words: PhraseSet = ["format"]
    /// words.occurs(in: "information") { bytes, at, length in at == 0 || bytes[at - 1] == 0x20 }   // false
    /// ```
    func occurs(in text: String, where accept: (UnsafeBufferPointer<UInt8>, Int, Int) -> Bool) -> Bool {
        var found = false
        scan(text) { bytes, index, offset in
            found = accept(bytes, offset, self.bytes[index].count)
            return found
        }
        return found
    }

    /// The indices in ``phrases`` of the phrases that occur in `text` (an empty phrase in every text): one
    /// pass for the whole list, where a caller asks which of several lists a text holds.
    ///
    /// ```swift
    /// let words: PhraseSet = ["万", "pm", "/"]
    /// words.occurring(in: "3pm 到 5pm")   // [1]
    /// ```
    func occurring(in text: String) -> Set<Int> {
        var found = Set(bytes.indices.filter { bytes[$0].isEmpty })
        scan(text) { _, index, _ in
            found.insert(index)
            return false
        }
        return found
    }

    /// Calls `found` with the text's UTF-8 bytes, the index of a phrase and the offset where it starts, at each
    /// place one starts in `text`, until `found` says stop.
    private func scan(_ text: String, _ found: (UnsafeBufferPointer<UInt8>, Int, Int) -> Bool) {
        text.readingUTF8 { text in
            guard let base = text.baseAddress else { return }
            let count = text.count
            for i in 0..<count {
                let first = text[i]
                if singleBits[Int(first >> 6)] & (1 << UInt64(first & 63)) != 0 {
                    for index in singles[first]! where found(text, index, i) { return }
                }
                guard i + 1 < count else { break }
                let pair = UInt16(first) << 8 | UInt16(text[i + 1])
                guard pairBits[Int(pair >> 6)] & (1 << UInt64(pair & 63)) != 0 else { continue }
                for index in byPair[pair]! {
                    let phrase = bytes[index]
                    if phrase.count <= count - i, phrase.withUnsafeBufferPointer({ memcmp(base + i, $0.baseAddress!, $0.count) == 0 }), found(text, index, i) { return }
                }
            }
        }
    }
}

/// Several lists of phrases, each under a key, searched as one: which keys' phrases a text holds, in one pass
/// over its bytes (``PhraseSet/occurring(in:)``) instead of one pass a list.
///
/// ```swift
/// let offers = PhraseGroups([("refund", ["退款", "refund"]), ("coupon", ["券", "coupon"])])
/// offers.keys(in: "送您一张优惠券")   // ["coupon"]
/// ```
struct PhraseGroups<Key: Hashable & Sendable>: Sendable {
    /// Every list's phrases, in one list.
    let phrases: PhraseSet
    /// The key of each phrase in ``phrases``.
    private let keyOfPhrase: [Key]

    init(_ groups: [(Key, [String])]) {
        let owned = groups.flatMap { key, phrases in phrases.map { (key, $0) } }
        phrases = PhraseSet(owned.map(\.1))
        keyOfPhrase = owned.map(\.0)
    }

    /// The keys whose phrases occur in `text` (a key with an empty phrase always).
    func keys(in text: String) -> Set<Key> { Set(phrases.occurring(in: text).map { keyOfPhrase[$0] }) }
}
