import Foundation

/// Checks names that become folder and file names (prompt ids, case names, provider names), so none
/// can escape its folder: no `..`, no absolute path, no NUL, nothing but `A-Z a-z 0-9 - _ .`.
public enum SafeName {
    static let maximumLength = 128

    /// Why `name` is not a safe single path component, or `nil` when it is.
    public static func problem(with name: String) -> String? {
        if name.isEmpty { return "is empty" }
        if name.count > maximumLength { return "is longer than \(maximumLength) characters" }
        if name == "." || name == ".." { return "is \"\(name)\", which would leave its folder" }
        if name.hasPrefix(".") { return "starts with \".\"" }
        let allowed = name.unicodeScalars.allSatisfy { scalar in
            scalar.isASCII && (CharacterSet.alphanumerics.contains(scalar) || "-_.".unicodeScalars.contains(scalar))
        }
        return allowed ? nil : "may only contain A-Z a-z 0-9 - _ ."
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
