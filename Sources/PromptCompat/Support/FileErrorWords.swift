import Foundation

/// A file-system error in words — what could not be done, to which path, and why — instead of Foundation's
/// dump (`Error Domain=NSCocoaErrorDomain Code=512 "(null)" UserInfo={…}`).
///
/// ```swift
/// FileErrorWords.describe(error)   // "cannot write /tmp/afile/reports: a part of the path is a file, not a folder"
/// ```
public enum FileErrorWords {
    /// POSIX error codes in words: the causes a person can act on.
    static let causes: [Int: String] = [
        Int(ENOTDIR): "a part of the path is a file, not a folder", Int(EACCES): "permission denied",
        Int(EPERM): "the operation is not permitted", Int(ENOENT): "no such file or folder",
        Int(EROFS): "the file system is read-only", Int(ENOSPC): "the disk is full", Int(EEXIST): "it already exists",
        Int(EISDIR): "it is a folder, not a file", Int(ENAMETOOLONG): "the name is too long",
    ]

    /// Foundation's file error codes by what was being done.
    static let readCodes: Set<Int> = [4, 256, 257, 258, 259, 260, 261, 262, 263, 264]

    public static func describe(_ error: any Error) -> String {
        let ns = error as NSError
        guard ns.domain == NSCocoaErrorDomain else { return "\(error)" }
        let path = (ns.userInfo[NSFilePathErrorKey] as? String) ?? (ns.userInfo[NSURLErrorKey] as? URL)?.path ?? "a file"
        let action = readCodes.contains(ns.code) ? "read" : "write"
        var why: String
        if let underlying = (ns.userInfo[NSUnderlyingErrorKey] as? any Error).map({ $0 as NSError }), underlying.domain == NSPOSIXErrorDomain {
            why = causes[underlying.code] ?? String(cString: strerror(Int32(underlying.code)))
        } else {
            switch ns.code {
            case 4, 260: why = "no such file or folder"
            case 257, 513: why = "permission denied"
            case 259: why = "it is not in the expected format"
            case 261: why = "it is not text in the expected encoding (UTF-8)"
            case 640: why = "the disk is full"
            default: why = "file error \(ns.code)"
            }
        }
        return "cannot \(action) \(path): \(why)"
    }
}
