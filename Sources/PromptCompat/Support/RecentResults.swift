import Foundation

/// A small memo of a pure function of a text, shared by the runner's tasks: up to `capacity` texts,
/// forgotten all at once when full. A comparison asks for the same few texts' normalized forms and facts
/// many times (every check starts from them); the memo answers the repeats.
///
/// ```swift
/// let normalized = RecentResults<String>(capacity: 256)
/// normalized.value(for: text) { TextNormalizer.normalizeUncached($0) }
/// ```
final class RecentResults<Value: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var values: [String: Value] = [:]
    let capacity: Int

    init(capacity: Int) { self.capacity = capacity }

    /// The remembered value for `text`, or `compute(text)`, remembered.
    func value(for text: String, _ compute: (String) -> Value) -> Value {
        if let known = lock.withLock({ values[text] }) { return known }
        let value = compute(text)
        lock.withLock {
            if values.count >= capacity { values.removeAll(keepingCapacity: true) }
            values[text] = value
        }
        return value
    }
}
