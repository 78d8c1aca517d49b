import Foundation

/// Checks names that become folder and file names (prompt ids, case names, provider names), so none
/// can escape its folder: no `..`, no absolute path, no NUL, nothing but `A-Z a-z 0-9 - _ .`, at most
/// 128 characters; and none that a checkout on Windows could not hold (a device name such as `CON` or
/// `nul.txt`, a name ending in `.`).
///
/// ```swift
/// SafeName.problem(with: "late-delivery")   // nil
/// SafeName.problem(with: "../etc")          // "may only contain A-Z a-z 0-9 - _ ."
/// SafeName.problem(with: "aux")             // "is a reserved device name on Windows (…)"
/// ```
public enum SafeName {
    static let maximumLength = 128

    /// Windows device names: a file or folder called this (with any extension) cannot be created there.
    static let reservedNames: Set<String> = Set(["CON", "PRN", "AUX", "NUL"] + (1...9).flatMap { ["COM\($0)", "LPT\($0)"] })

    /// Why `name` is not a safe single path component, or `nil` when it is.
    public static func problem(with name: String) -> String? {
        if name.isEmpty { return "is empty" }
        if name.count > maximumLength { return "is longer than \(maximumLength) characters" }
        if name == "." || name == ".." { return "is \"\(name)\", which would leave its folder" }
        if name.hasPrefix(".") { return "starts with \".\"" }
        let allowed = name.unicodeScalars.allSatisfy(isAllowed)
        guard allowed else { return "may only contain A-Z a-z 0-9 - _ ." }
        if name.hasSuffix(".") { return "ends with \".\", which Windows drops" }
        let stem = name.split(separator: ".", maxSplits: 1).first.map { $0.uppercased() } ?? ""
        if reservedNames.contains(stem) { return "is a reserved device name on Windows (CON, PRN, AUX, NUL, COM1-9, LPT1-9)" }
        return nil
    }

    /// Whether `scalar` may stand in a safe name: `A-Z a-z 0-9 - _ .`.
    static func isAllowed(_ scalar: Unicode.Scalar) -> Bool {
        scalar.isASCII && (scalar.isAlphanumeric || scalar == "-" || scalar == "_" || scalar == ".")
    }

    /// Why `id` (folder segments separated by `/`) is not a safe prompt id, or `nil` when it is.
    public static func problem(withID id: String) -> String? {
        if id.hasPrefix("/") { return "is an absolute path" }
        for segment in id.split(separator: "/", omittingEmptySubsequences: false) {
            if let problem = problem(with: String(segment)) {
                return "has a segment \"\(segment)\" that \(problem)"
            }
        }
        return nil
    }
}
