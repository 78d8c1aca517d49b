import Foundation

/// One problem found while loading a prompt library: which file, where in it, and what was expected.
///
/// Printed like a compiler diagnostic, so terminals and editors make it clickable:
/// ```
/// prompts/support/refund-reply.json:14:7: error: $.cases[1].vars.days: expected a string, found a number
/// ```
public struct LibraryDiagnostic: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Severity: String, Sendable { case error, warning }

    public var severity: Severity
    /// The file, as given to the loader (relative paths stay relative).
    public var file: String
    /// The JSON path of the offending value (`$.cases[1].vars`), or `nil` for a whole-file problem.
    public var jsonPath: String?
    /// Line and column, when known.
    public var position: SourcePosition?
    public var message: String

    public init(
        _ severity: Severity, file: String, jsonPath: String? = nil, position: SourcePosition? = nil, message: String
    ) {
        self.severity = severity
        self.file = file
        self.jsonPath = jsonPath
        self.position = position
        self.message = message
    }

    public var description: String {
        let location = position.map { "\(file):\($0.line):\($0.column)" } ?? file
        let path = jsonPath.map { "\($0): " } ?? ""
        return "\(location): \(severity.rawValue): \(path)\(message)"
    }
}

/// A prompt library that could not be loaded, with every error found (not only the first).
public struct PromptLibraryError: Error, Sendable, CustomStringConvertible {
    public var diagnostics: [LibraryDiagnostic]

    public init(_ diagnostics: [LibraryDiagnostic]) { self.diagnostics = diagnostics }

    public var description: String {
        let errors = diagnostics.filter { $0.severity == .error }
        let header = "the prompt library has \(errors.count) error\(errors.count == 1 ? "" : "s"):"
        return ([header] + diagnostics.map(\.description)).joined(separator: "\n")
    }
}
