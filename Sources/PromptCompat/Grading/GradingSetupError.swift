import Foundation

/// Why the graders could not be built.
public enum GradingSetupError: Error, Sendable, Equatable, CustomStringConvertible {
    /// `grading.<grader>.provider` names no provider of the config (a config built in code; the loader
    /// already rejects this with the file and line).
    case unknownProvider(grader: String, name: String, declared: [String])
    /// The grader's provider reads its key from `variable`, which is unset or empty.
    case missingKey(grader: String, provider: String, variable: String)

    public var description: String {
        switch self {
        case let .unknownProvider(grader, name, declared):
            "grading.\(grader): unknown provider \"\(name)\"; declared providers: \(declared.joined(separator: ", "))"
        case let .missingKey(grader, provider, variable):
            "grading.\(grader) uses provider \"\(provider)\", which needs an API key: set the environment variable \(variable)"
        }
    }
}
