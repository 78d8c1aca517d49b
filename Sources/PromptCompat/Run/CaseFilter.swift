import Foundation

/// Selects cases by a piece of their name, the same way in the CLI (`--filter`) and in `swift test`
/// (`PROMPTCOMPAT_FILTER`): a case matches when `prompt-id · case` or `prompt-id/case` contains the text.
///
/// ```swift
/// CaseFilter("support/").matches(promptID: "support/refund-reply", caseName: "late")   // true
/// ```
public struct CaseFilter: Sendable, Equatable {
    public var text: String?

    /// An empty or `nil` text selects every case.
    public init(_ text: String?) { self.text = text.flatMap { $0.isEmpty ? nil : $0 } }

    public func matches(promptID: String, caseName: String) -> Bool {
        guard let text else { return true }
        return "\(promptID) · \(caseName)".contains(text) || "\(promptID)/\(caseName)".contains(text)
    }
}
