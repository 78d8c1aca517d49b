import Foundation

/// Hands the parts of one response from the thread reading its socket to the task consuming them, holding
/// at most ``limit`` body bytes in between: the reading thread blocks in ``send(_:)`` until the consumer
/// catches up, so a fast server and a slow consumer cost the limit, not the whole body.
///
/// The limit (2 MiB) is not smaller because a server that resets the connection makes the kernel drop
/// what was received but not read yet: reading ahead up to the limit keeps what a cut stream delivered
/// (its partial text is the failure's evidence), as URLSession's eager reads do.
///
/// Its ``stream`` is the `AsyncThrowingStream` the client consumes. Cancelling the consuming task, or
/// ``cancel()``, ends the stream at once (the consumer then sees its end, like a cancelled `URLSession`
/// transfer), wakes the reading thread and runs `onCancel`.
final class TransferChannel: @unchecked Sendable {
    /// Body bytes held for the consumer before the producer waits.
    let limit: Int
    // Guarded by `condition`.
    private let condition = NSCondition()
    private var parts: [StreamPart] = []
    private var head = 0
    private var buffered = 0
    private var end: (any Error)??
    private var cancelled = false
    private var waiter: CheckedContinuation<StreamPart?, any Error>?
    private var onCancel: (@Sendable () -> Void)?

    init(limit: Int = 2 << 20, onCancel: @escaping @Sendable () -> Void) {
        self.limit = limit
        self.onCancel = onCancel
    }

    /// The parts as the client consumes them.
    var stream: AsyncThrowingStream<StreamPart, any Error> {
        AsyncThrowingStream(unfolding: { [self] in try await next() })
    }

    var isCancelled: Bool { condition.withLock { cancelled } }

    // MARK: - Producer (the socket's thread)

    /// Passes `part` on, waiting while ``limit`` bytes are already held. False once cancelled: stop reading.
    func send(_ part: StreamPart) -> Bool {
        condition.lock()
        guard !cancelled else { return unlock(false) }
        if let waiter {
            self.waiter = nil
            condition.unlock()
            waiter.resume(returning: part)
            return true
        }
        parts.append(part)
        buffered += part.byteCount
        while buffered >= limit && !cancelled { condition.wait() }
        return unlock(!cancelled)
    }

    /// Ends the stream after the parts already sent, with `error` if given.
    func finish(throwing error: (any Error)? = nil) {
        condition.lock()
        guard end == nil, !cancelled else { return condition.unlock() }
        end = .some(error)
        let waiter = self.waiter
        self.waiter = nil
        condition.unlock()
        if let error { waiter?.resume(throwing: error) } else { waiter?.resume(returning: nil) }
    }

    // MARK: - Consumer

    /// Ends the transfer from the consumer's side; idempotent.
    func cancel() {
        condition.lock()
        guard !cancelled else { return condition.unlock() }
        cancelled = true
        parts = []
        condition.broadcast()
        let (waiter, onCancel) = (self.waiter, self.onCancel)
        self.waiter = nil
        self.onCancel = nil
        condition.unlock()
        waiter?.resume(returning: nil)
        onCancel?()
    }

    private func next() async throws -> StreamPart? {
        try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { continuation in
                condition.lock()
                if head < parts.count {
                    let part = parts[head]
                    head += 1
                    if head == parts.count { (parts, head) = ([], 0) }
                    buffered -= part.byteCount
                    condition.signal()
                    condition.unlock()
                    continuation.resume(returning: part)
                } else if cancelled {
                    condition.unlock()
                    continuation.resume(returning: nil)
                } else if let end {
                    condition.unlock()
                    if let error = end { continuation.resume(throwing: error) } else { continuation.resume(returning: nil) }
                } else {
                    waiter = continuation
                    condition.unlock()
                }
            }
        } onCancel: {
            cancel()
        }
    }

    private func unlock(_ value: Bool) -> Bool {
        condition.unlock()
        return value
    }
}

extension StreamPart {
    /// Body bytes the part holds (a head counts as none).
    var byteCount: Int {
        if case .data(let data) = self { return data.count }
        return 0
    }
}
