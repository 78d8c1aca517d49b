import Foundation

extension Assertions {
    /// `contains`, `containsAny`, `notContains`, `regex`, `notRegex`, `startsWith`, `endsWith`,
    /// `maxLength`, `minLength` and `language`, on the normalized output.
    static func textFailures(_ normalized: String, written: String, _ expect: Expectations) -> [String] {
        var failures: [String] = []
        func has(_ needle: String) -> Bool { UTF8Search.containsCharacters(TextNormalizer.normalize(needle), in: normalized) }
        for needle in expect.contains ?? [] where !has(needle) {
            failures.append("does not contain \(RegexPattern.quoted(needle))")
        }
        if let any = expect.containsAny, !any.contains(where: has) {
            failures.append("contains none of \(any.map(RegexPattern.quoted).joined(separator: ", "))")
        }
        for needle in expect.notContains ?? [] where has(needle) {
            failures.append("contains \(RegexPattern.quoted(needle)), which it must not")
        }
        for pattern in expect.regex ?? [] where RegexPattern.firstMatch(pattern, in: normalized) == nil {
            failures.append("does not match /\(pattern)/")
        }
        for pattern in expect.notRegex ?? [] {
            if let match = RegexPattern.firstMatch(pattern, in: normalized) {
                failures.append("matches /\(pattern)/ at \(excerpt(match)), which it must not")
            }
        }
        failures += affixFailures(normalized, written: written, expect)
        let length = normalized.characterCount
        if let maxLength = expect.maxLength, length > maxLength {
            failures.append("is \(length) characters long, more than maxLength \(maxLength)")
        }
        if let minLength = expect.minLength, length < minLength {
            failures.append("is \(length) characters long, fewer than minLength \(minLength)")
        }
        if let language = expect.language, let mismatch = LanguageShare(normalized).mismatch(expected: language) {
            failures.append(mismatch)
        }
        return failures
    }

    /// `startsWith` and `endsWith`, quoting as much of the output's start or end as was expected, plus 8
    /// characters, so the reader sees what came instead.
    static func affixFailures(_ normalized: String, written: String, _ expect: Expectations) -> [String] {
        var failures: [String] = []
        if let prefix = expect.startsWith, !normalized.hasPrefix(TextNormalizer.normalize(prefix)) {
            let actual = written.isEmpty ? "the output is empty" : "starts with \(excerpt(written, limit: prefix.count + 8))"
            failures.append("does not start with \(RegexPattern.quoted(prefix)) (\(actual))")
        }
        if let suffix = expect.endsWith, !normalized.hasSuffix(TextNormalizer.normalize(suffix)) {
            let actual = written.isEmpty ? "the output is empty" : "ends with \(tailExcerpt(written, limit: suffix.count + 8))"
            failures.append("does not end with \(RegexPattern.quoted(suffix)) (\(actual))")
        }
        return failures
    }
}
