import Testing
import PromptCompat

/// Sets the record mode for the tests it is applied to (it still yields to CI: see ``RecordPolicy``).
///
/// ```swift
/// @Test(.recordSnapshots(.failed), arguments: library.cases)
/// func prompt(_ promptCase: PromptCaseArgument) async { await library.check(promptCase) }
/// ```
public struct RecordModeTrait: TestTrait, SuiteTrait, TestScoping {
    public var mode: RecordMode

    @TaskLocal static var current: RecordMode?

    public var isRecursive: Bool { true }

    public func provideScope(
        for test: Test, testCase: Test.Case?, performing function: @Sendable () async throws -> Void
    ) async throws {
        try await Self.$current.withValue(mode) { try await function() }
    }
}

extension Trait where Self == RecordModeTrait {
    /// Records snapshots in `mode` for this test or suite.
    public static func recordSnapshots(_ mode: RecordMode) -> Self { RecordModeTrait(mode: mode) }
}
