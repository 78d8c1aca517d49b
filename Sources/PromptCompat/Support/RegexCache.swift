import Foundation

/// Regular expressions compiled once each, by pattern, shared by every task of a run: the checks' literal
/// patterns (number-word rewrites, label sets, citation marks) on their first use.
///
/// ```swift
/// RegexCache.compiled(#"(\d{1,2})月(\d{1,2})号"#).numberOfMatches(in: text, range: …)
/// ```
enum RegexCache {
    /// The patterns one thread has compiled: each thread its own, like ``RecentResults``, so two cores never
    /// share a lock or a compiled expression.
    private final class Storage {
        var regexes: [String: NSRegularExpression] = [:]
    }

    private static let slot = ThreadSlot()

    /// The compiled `pattern` (case-insensitive). The patterns are literals of the source: a mistake in one
    /// is a programming error the tests catch, hence no `throws`.
    static func compiled(_ pattern: String) -> NSRegularExpression {
        let storage = slot.object { Storage() }
        if let regex = storage.regexes[pattern] { return regex }
        let regex = try! NSRegularExpression(pattern: pattern, options: [.caseInsensitive])
        storage.regexes[pattern] = regex
        return regex
    }

    /// Whether `pattern` matches in `text`: `text.range(of: pattern, options: [.regularExpression, .caseInsensitive]) != nil`,
    /// without compiling the pattern again at every call.
    static func matches(_ pattern: String, in text: String) -> Bool {
        firstRange(of: pattern, in: text) != nil
    }

    /// Where `pattern` first matches in `text` (case-insensitively, as every pattern here).
    ///
    /// ```swift
    /// RegexCache.firstRange(of: #"\d+折"#, in: "全场8折")   // the range of "8折"
    /// ```
    static func firstRange(of pattern: String, in text: String) -> Range<String.Index>? {
        compiled(pattern).firstMatch(in: text, range: NSRange(location: 0, length: text.utf16.count)).flatMap { Range($0.range, in: text) }
    }

    /// `text` with every match of `pattern` (case-insensitive) replaced by `template`, as
    /// `text.replacingOccurrences(of: pattern, with: template, options: [.regularExpression, .caseInsensitive])`.
    static func replacing(_ pattern: String, in text: String, with template: String) -> String {
        compiled(pattern).stringByReplacingMatches(in: text, range: NSRange(location: 0, length: text.utf16.count), withTemplate: template)
    }
}
