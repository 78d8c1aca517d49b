import Foundation

/// Runs blocking work (waiting for a child process, polling files, a semaphore) on a new thread and
/// resumes the caller when it is done, so the cooperative pool stays free for the other tests.
///
/// ```swift
/// let output = await offThePool { process.waitUntilExit(); return process.terminationStatus }
/// ```
func offThePool<T: Sendable>(_ work: @escaping @Sendable () -> T) async -> T {
    await withCheckedContinuation { continuation in
        Thread { continuation.resume(returning: work()) }.start()
    }
}

/// Runs seconds of CPU work (differential scans over generated texts or every scalar, fuzzing) on a
/// thread of its own, **one such job at a time** across the test process.
///
/// The machine has two cores and the cooperative pool two threads. When several of these jobs ran at
/// once they took both cores for the first ten seconds of a run; the loopback tests beside them then
/// waited that long for URLSession, whose sessions all share one serial queue in swift-corelibs-foundation
/// (`org.swift.URLSession.SharedQueue`) that every `dataTask`/`resume` waits on from the calling thread —
/// the pool's threads included. Queued here, the heavy jobs keep to one core and the rest of the
/// run keeps the other.
///
/// ```swift
/// let mismatches = await onTheCPULane { Self.compareGenerated(share: share) }
/// ```
func onTheCPULane<T: Sendable>(_ work: @escaping @Sendable () -> T) async -> T {
    await offThePool { CPULane.lock.withLock { work() } }
}

private enum CPULane {
    static let lock = NSLock()
}
