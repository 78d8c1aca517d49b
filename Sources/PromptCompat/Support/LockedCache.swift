import Foundation

/// Compiled regular expressions by pattern, shared by every task of a run: a rewrite table's patterns are
/// compiled once, on first use.
final class LockedCache: @unchecked Sendable {
    private let lock = NSLock()
    private var regexes: [String: NSRegularExpression] = [:]

    func withLock<T>(_ body: (inout [String: NSRegularExpression]) -> T) -> T {
        lock.withLock { body(&regexes) }
    }
}
