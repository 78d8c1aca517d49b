import Foundation

/// Regular expressions as `expect.regex` and a schema's `pattern` use them: `NSRegularExpression` (ICU
/// syntax), unanchored, case-sensitive unless the pattern says `(?i)`. Patterns are checked when a prompt
/// or schema is loaded, so a bad one never reaches a run.
enum RegexPattern {
    /// Why `pattern` cannot be compiled, or `nil` when it can.
    static func problem(with pattern: String) -> String? {
        do {
            _ = try NSRegularExpression(pattern: pattern)
            return nil
        } catch {
            return "\(quoted(pattern)) is not a valid regular expression"
        }
    }

    /// The first text `pattern` matches in `text`, or `nil` when it matches nowhere (or does not compile).
    static func firstMatch(_ pattern: String, in text: String) -> String? {
        guard let regex = try? NSRegularExpression(pattern: pattern),
              let match = regex.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)),
              let range = Range(match.range, in: text) else { return nil }
        return String(text[range])
    }

    /// A string as JSON writes it, so quotes and line breaks inside stay readable on one line.
    static func quoted(_ text: String) -> String { JSONValue.string(text).serialized() }
}
