import Foundation

/// Evaluates the assertions of `expect` (everything but `similarity`) on one output. Each failure
/// explains itself in one line.
///
/// ```swift
/// Assertions.failures(of: "Order shipped", against: Expectations(contains: ["20240709"]))
/// // ["does not contain \"20240709\""]
/// ```
public enum Assertions {
    public static func failures(of output: String, against expect: Expectations) -> [String] {
        let normalized = TextNormalizer.normalize(output)
        var failures: [String] = []
        for needle in expect.contains ?? [] where !normalized.contains(TextNormalizer.normalize(needle)) {
            failures.append("does not contain \"\(needle)\"")
        }
        for needle in expect.notContains ?? [] where normalized.contains(TextNormalizer.normalize(needle)) {
            failures.append("contains \"\(needle)\", which it must not")
        }
        let length = normalized.count
        if let maxLength = expect.maxLength, length > maxLength {
            failures.append("is \(length) characters long, more than maxLength \(maxLength)")
        }
        if let minLength = expect.minLength, length < minLength {
            failures.append("is \(length) characters long, fewer than minLength \(minLength)")
        }
        if expect.json == true {
            switch JSONComparison.extract(from: output)?.wrapping {
            case nil: failures.append("is not valid JSON")
            case .fenced?: failures.append("wraps its JSON in a ``` code fence")
            case .prose?: failures.append("wraps its JSON in prose")
            case .bare?: break
            }
        }
        return failures
    }
}
