import Foundation
import PromptCompat
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Turns SIGINT and SIGTERM during `promptcompat run` into a ``RunInterruption``: the first stops new
/// cases and gives the cases in flight a grace period; the second cancels them at once; a third ends the
/// process the default way (the signals' default handlers are back by then).
///
/// The handlers are `DispatchSource` signal sources on a global queue (the default disposition set to
/// ignore, so the process is not killed first): they only flip state the runner reads, so nothing waits
/// on the Swift concurrency pool from a signal.
final class InterruptTrap: @unchecked Sendable {
    static let signals = [SIGINT, SIGTERM]
    /// `PROMPTCOMPAT_INTERRUPT_GRACE`: seconds the cases in flight get after the first signal (default 5).
    static let graceVariable = "PROMPTCOMPAT_INTERRUPT_GRACE"

    let interruption: RunInterruption
    // Guarded by `lock`; the sources fire on a global queue.
    private let lock = NSLock()
    private var sources: [any DispatchSourceSignal] = []
    private var received = 0

    init(environment: [String: String] = ProcessInfo.processInfo.environment) {
        let grace = environment[Self.graceVariable].flatMap(Double.init).map { max(0, $0) } ?? 5
        interruption = RunInterruption(grace: grace)
        for number in Self.signals {
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler { [weak self] in self?.received(number) }
            source.resume()
            sources.append(source)
        }
    }

    /// Stops handling the signals; their default action is back.
    func uninstall() {
        lock.withLock {
            sources.forEach { $0.cancel() }
            sources = []
        }
        Self.signals.forEach { signal($0, SIG_DFL) }
    }

    private func received(_ number: Int32) {
        let count = lock.withLock {
            received += 1
            return received
        }
        let name = number == SIGTERM ? "SIGTERM" : "SIGINT"
        if count == 1 {
            Console.error("\n\(name): no new case starts; cases in flight get \(JSONValue.format(interruption.grace)) s to finish (send it again to cancel them now)")
        } else {
            Console.error("\(name) again: cancelling the cases in flight")
            uninstall()  // a third signal ends the process
        }
        interruption.raise(signal: number)
    }

    /// The exit code for the signal that stopped the run: 130 for SIGINT, 143 for SIGTERM.
    static func exitCode(for number: Int32) -> ExitCode {
        number == SIGTERM ? .terminated : .interrupted
    }
}
