import Foundation

/// One thing ``CapabilityLint`` found in a prompt file for one target, with where it is and how to fix it.
///
/// Printed like a compiler diagnostic, so terminals and editors make it clickable:
/// ```
/// prompts/classify/intent.json:5:3: warning: temperature 0 → 0.01 (Zhipu GLM accepts (0,1]) — hint: set temperature to 0.01 in an override for glm, or accept the adaptation
/// ```
public struct LintFinding: Sendable, Equatable, CustomStringConvertible {
    public enum Severity: String, Sendable, Hashable, CaseIterable, Comparable {
        /// The provider will likely reject the request, or the run would change the experiment in a way
        /// that matters (a strict target, tools dropped, a context overflow).
        case error
        /// The request will be adapted before it is sent: the run measures a slightly different prompt.
        case warning
        /// Worth knowing, changes nothing (a model the profile does not know).
        case info

        public static func < (lhs: Severity, rhs: Severity) -> Bool {
            allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
        }
    }

    public var severity: Severity
    /// What was checked: `temperature`, `top_p`, `max_tokens`, `unsupported`, `messages`, `problem`,
    /// `context`, `model`, `request`.
    public var rule: String
    /// The target the finding is for.
    public var target: String
    /// The prompt id, or `nil` for a finding in the suite config.
    public var promptID: String?
    /// The case, when the finding holds for some cases of the prompt but not all.
    public var caseName: String?
    /// The file, relative to the current directory when it is inside it.
    public var file: String
    /// The JSON path of the offending value (`$.temperature`, `$.overrides.glm.messages`).
    public var jsonPath: String
    public var position: SourcePosition
    public var message: String
    public var hint: String

    public init(
        _ severity: Severity, rule: String, target: String, promptID: String?, caseName: String? = nil,
        file: String, jsonPath: String, position: SourcePosition, message: String, hint: String
    ) {
        self.severity = severity
        self.rule = rule
        self.target = target
        self.promptID = promptID
        self.caseName = caseName
        self.file = file
        self.jsonPath = jsonPath
        self.position = position
        self.message = message
        self.hint = hint
    }

    public var description: String {
        let scope = caseName.map { "case \"\($0)\": " } ?? ""
        return "\(file):\(position.line):\(position.column): \(severity.rawValue): \(scope)\(message) — hint: \(hint)"
    }
}
