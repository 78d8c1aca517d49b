import Foundation

/// When a run writes snapshots. Writing a snapshot never counts as a pass.
public enum RecordMode: String, Sendable, CaseIterable {
    /// Never write; a case without an accepted snapshot fails.
    case never
    /// Write only cases that have no accepted snapshot yet (the default outside CI).
    case missing
    /// Also accept the new output of every case that failed (after an intentional change).
    case failed
    /// Re-record every case.
    case all
}

/// The record mode a run uses, and why: an explicit choice (test trait or `--record`), else
/// `PROMPTCOMPAT_RECORD`, else `missing` — except under CI, where nothing is written unless
/// `PROMPTCOMPAT_RECORD_IN_CI=1` forces it.
///
/// ```swift
/// let policy = RecordPolicy.resolve(explicit: nil, environment: ["CI": "true", "PROMPTCOMPAT_RECORD": "all"])
/// policy.mode          // .never
/// policy.explanation   // "CI is set: no snapshot is written (PROMPTCOMPAT_RECORD=all ignored; …)"
/// ```
public struct RecordPolicy: Sendable, Equatable {
    public var mode: RecordMode
    /// Why this mode applies, for logs and failure messages.
    public var explanation: String

    public static let environmentVariable = "PROMPTCOMPAT_RECORD"
    public static let forceInCIVariable = "PROMPTCOMPAT_RECORD_IN_CI"

    public struct InvalidMode: Error, Sendable, CustomStringConvertible {
        public var value: String
        public var source: String
        public var description: String {
            "\(source) is \"\(value)\"; expected one of: \(RecordMode.allCases.map(\.rawValue).joined(separator: ", "))"
        }
    }

    public static func resolve(explicit: RecordMode?, environment: [String: String]) throws(InvalidMode) -> RecordPolicy {
        var requested = explicit
        var source = explicit.map { "record mode \($0.rawValue) (set by the test or --record)" }
        if requested == nil, let value = environment[environmentVariable], !value.isEmpty {
            guard let mode = RecordMode(rawValue: value.lowercased()) else { throw InvalidMode(value: value, source: environmentVariable) }
            requested = mode
            source = "\(environmentVariable)=\(value)"
        }
        if isCI(environment) && !isTruthy(environment[forceInCIVariable]) {
            let ignored = requested.map { _ in " (\(source!) ignored)" } ?? ""
            return RecordPolicy(mode: .never, explanation: "CI is set: no snapshot is written\(ignored); set \(forceInCIVariable)=1 to force")
        }
        if let requested, let source { return RecordPolicy(mode: requested, explanation: source) }
        return RecordPolicy(mode: .missing, explanation: "default: record missing snapshots (set \(environmentVariable)=never to only compare)")
    }

    /// `CI` is set to a true value (`true`, `1`, `yes`): nothing is written to snapshots/.
    public static func isCI(_ environment: [String: String]) -> Bool { isTruthy(environment["CI"]) }

    static func isTruthy(_ value: String?) -> Bool {
        guard let value = value?.lowercased(), !value.isEmpty else { return false }
        return !["0", "false", "no"].contains(value)
    }
}
