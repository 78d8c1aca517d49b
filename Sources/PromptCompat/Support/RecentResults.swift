import Foundation

/// A small memo of a pure function of a text, one for each thread: up to `capacity` texts, forgotten all
/// at once when full. A comparison asks for the same few texts' normalized forms and facts many times
/// (every check starts from them); the memo answers the repeats. A comparison runs on one thread from start
/// to end (it never awaits), so each thread keeps its own texts: no lock, and no dictionary or value whose
/// reference count two cores take turns to change (13 memos shared by the runner's tasks cost it 895 µs of
/// CPU a case against 741–778 µs with one set a thread, for the same instructions).
///
/// ```swift
/// let normalized = RecentResults<String>(capacity: 256)
/// normalized.value(for: text) { TextNormalizer.normalizeUncached($0) }
/// ```
final class RecentResults<Value: Sendable>: @unchecked Sendable {
    /// The texts one thread remembers.
    final class Store {
        var values: [ByteKey: Value] = [:]
    }

    private let slot = ThreadSlot()
    let capacity: Int

    init(capacity: Int) { self.capacity = capacity }

    /// The remembered value for `text`, or `compute(text)`, remembered.
    func value(for text: String, _ compute: (String) -> Value) -> Value {
        let store = slot.object { Store() }
        let key = ByteKey(text)
        if let known = store.values[key] { return known }
        let value = compute(text)
        if store.values.count >= capacity { store.values.removeAll(keepingCapacity: true) }
        store.values[key] = value
        return value
    }
}

/// A text as a dictionary key by its UTF-8 bytes. `String`'s own hashing and equality follow canonical
/// equivalence, which walks the text in NFC on every lookup — most of a lookup's cost for Chinese text,
/// and the checks look the same answers up dozens of times a case. A memo needs no more than byte
/// equality: two canonically equal texts with other bytes are just computed twice.
struct ByteKey: Hashable, Sendable {
    let text: String

    init(_ text: String) {
        var text = text
        text.makeContiguousUTF8()
        self.text = text
    }

    /// The length and at most 96 bytes: the first, middle and last 32. Texts a memo holds differ there
    /// (two that do not share a bucket and are told apart by equality, which compares every byte), and a
    /// lookup of a long answer does not hash all of it.
    func hash(into hasher: inout Hasher) {
        text.readingUTF8 { bytes in
            hasher.combine(bytes.count)
            guard bytes.count > 96 else { return hasher.combine(bytes: UnsafeRawBufferPointer(bytes)) }
            let middle = bytes.count / 2 - 16
            hasher.combine(bytes: UnsafeRawBufferPointer(UnsafeBufferPointer(rebasing: bytes[..<32])))
            hasher.combine(bytes: UnsafeRawBufferPointer(UnsafeBufferPointer(rebasing: bytes[middle..<(middle + 32)])))
            hasher.combine(bytes: UnsafeRawBufferPointer(UnsafeBufferPointer(rebasing: bytes[(bytes.count - 32)...])))
        }
    }

    static func == (a: ByteKey, b: ByteKey) -> Bool {
        a.text.readingUTF8 { p in b.text.readingUTF8 { q in p.count == q.count && (p.count == 0 || memcmp(p.baseAddress!, q.baseAddress!, p.count) == 0) } }
    }
}
