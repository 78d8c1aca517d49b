import Testing

/// One (prompt, case) of a library as a Swift Testing argument, shown as `support/refund-reply · late-delivery`.
public struct PromptCaseArgument: Sendable, Hashable, CustomTestStringConvertible, CustomStringConvertible {
    public var promptID: String
    public var caseName: String
    /// The prompt's tags.
    public var tags: [String]

    public init(promptID: String, caseName: String, tags: [String] = []) {
        self.promptID = promptID
        self.caseName = caseName
        self.tags = tags
    }

    public var testDescription: String { "\(promptID) · \(caseName)" }
    public var description: String { testDescription }

    /// Stands in for every case when the library itself cannot be loaded, so the test run reports the
    /// loader's errors instead of silently running nothing.
    static let libraryFailedToLoad = PromptCaseArgument(promptID: "(prompt library)", caseName: "load")
}
