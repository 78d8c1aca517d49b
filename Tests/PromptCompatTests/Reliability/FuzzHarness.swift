import Foundation

/// Feeds fuzz inputs to a check on a worker thread, one at a time, and gives each a time bound: an input
/// that hangs fails the run (naming its seed) instead of hanging the test process.
enum FuzzHarness {
    /// `PROMPTCOMPAT_FUZZ_ITERATIONS` (total inputs across the fuzz suite), default 3,000.
    static var totalIterations: Int {
        ProcessInfo.processInfo.environment["PROMPTCOMPAT_FUZZ_ITERATIONS"].flatMap(Int.init).map { max(1, $0) } ?? 3_000
    }

    /// This target's share of ``totalIterations`` (at least 20).
    static func iterations(share: Double) -> Int { max(20, Int(Double(totalIterations) * share)) }

    /// Seconds one input may take: generous for a parser on a loaded 2-core machine, far below a hang.
    static let bound: Double = 5

    struct Outcome {
        /// `#<index> (seed <seed>): <what went wrong>`, at most 20.
        var problems: [String] = []
        var inputs = 0
        var slowest: Double = 0
    }

    /// Runs `check` on `count` inputs made by `makeInput(seed)`; `check` returns what is wrong, or nil.
    static func run(
        _ name: String, count: Int, baseSeed: UInt64,
        makeInput: @escaping @Sendable (UInt64) -> [UInt8], check: @escaping @Sendable ([UInt8]) -> String?
    ) async -> Outcome {
        // The worker and its watch hold the CPU lane together: one fuzz target at a time, beside the other
        // heavy jobs rather than at the same time as them (see `onTheCPULane`).
        await onTheCPULane {
            let box = OutcomeBox()
            let progress = DispatchSemaphore(value: 0)
            let worker = Thread {
                for index in 0..<count {
                    let seed = baseSeed &+ UInt64(index)
                    let input = makeInput(seed)
                    let start = Date()
                    let problem = check(input)
                    box.record(index: index, seed: seed, problem: problem, seconds: Date().timeIntervalSince(start))
                    progress.signal()
                }
            }
            worker.stackSize = 16 << 20  // deep nesting is refused at 256 levels; the thread has room to spare
            worker.start()
            for index in 0..<count {
                guard progress.wait(timeout: .now() + bound) == .success else {
                    box.add("\(name) #\(index) (seed \(baseSeed &+ UInt64(index))): no result within \(bound) s — a hang")
                    break
                }
            }
            return box.outcome
        }
    }
}

/// The outcome, written by the worker and read by the waiting test.
final class OutcomeBox: @unchecked Sendable {
    private let lock = NSLock()
    private var value = FuzzHarness.Outcome()

    func record(index: Int, seed: UInt64, problem: String?, seconds: Double) {
        lock.withLock {
            value.inputs += 1
            value.slowest = max(value.slowest, seconds)
            if let problem, value.problems.count < 20 { value.problems.append("#\(index) (seed \(seed)): \(problem)") }
        }
    }

    func add(_ problem: String) { lock.withLock { value.problems.append(problem) } }
    var outcome: FuzzHarness.Outcome { lock.withLock { value } }
}
