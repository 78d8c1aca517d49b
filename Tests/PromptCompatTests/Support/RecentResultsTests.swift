import Foundation
import Testing
@testable import PromptCompat

/// The memo behind normalize, comparable and facts: a repeat is answered without computing, and a full
/// memo starts over instead of growing.
@Suite("Recent results memo")
struct RecentResultsTests {
    /// Counts the calls of the function it wraps.
    final class Calls: @unchecked Sendable {
        var count = 0
    }

    @Test("a repeated text is answered from the memo; another text is computed")
    func repeats() {
        let memo = RecentResults<Int>(capacity: 4)
        let calls = Calls()
        func length(_ text: String) -> Int { calls.count += 1; return text.count }
        #expect(memo.value(for: "订单", length) == 2)
        #expect(memo.value(for: "订单", length) == 2)
        #expect(memo.value(for: "shipped", length) == 7)
        #expect(calls.count == 2)
    }

    @Test("past its capacity the memo forgets everything and computes again")
    func capacity() {
        let memo = RecentResults<Int>(capacity: 2)
        let calls = Calls()
        func length(_ text: String) -> Int { calls.count += 1; return text.count }
        _ = memo.value(for: "a", length)
        _ = memo.value(for: "bb", length)
        _ = memo.value(for: "ccc", length)  // full at 2: cleared, then "ccc" kept
        _ = memo.value(for: "a", length)  // computed again
        #expect(calls.count == 4)
    }

    @Test("each thread keeps its own texts: another thread computes a text this one remembers, and remembers it apart")
    func perThread() {
        let memo = RecentResults<Int>(capacity: 4)
        let calls = Calls()
        let lock = NSLock()
        @Sendable func length(_ text: String) -> Int { lock.withLock { calls.count += 1 }; return text.count }
        // A synchronous test runs on one thread from start to end: its own memo.
        #expect(memo.value(for: "订单", length) == 2)
        let finished = DispatchSemaphore(value: 0)
        let other = Calls()
        Thread {
            other.count = memo.value(for: "订单", length) + memo.value(for: "订单", length)
            finished.signal()
        }.start()
        finished.wait()
        #expect(other.count == 4)
        #expect(memo.value(for: "订单", length) == 2)
        #expect(lock.withLock { calls.count } == 2)  // once on this thread, once on the other
    }
}
