import Foundation

/// Regular expressions compiled once each, by pattern, shared by every task of a run: the checks' literal
/// patterns (number-word rewrites, label sets, citation marks) on their first use.
///
/// ```swift
/// RegexCache.compiled(#"(\d{1,2})月(\d{1,2})号"#).numberOfMatches(in: text, range: …)
/// ```
enum RegexCache {
    private final class Storage: @unchecked Sendable {
        let lock = NSLock()
        var regexes: [String: NSRegularExpression] = [:]
    }

    private static let storage = Storage()

    /// The compiled `pattern` (case-insensitive). The patterns are literals of the source: a mistake in one
    /// is a programming error the tests catch, hence no `throws`.
    static func compiled(_ pattern: String) -> NSRegularExpression {
        storage.lock.withLock {
            if let regex = storage.regexes[pattern] { return regex }
            let regex = try! NSRegularExpression(pattern: pattern, options: [.caseInsensitive])
            storage.regexes[pattern] = regex
            return regex
        }
    }
}
