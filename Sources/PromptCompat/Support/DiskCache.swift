import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A folder of small JSON entries keyed by a content hash: the storage behind ``GradingCache`` (judge
/// verdicts, embeddings) and ``ResponseCache`` (model answers).
///
/// A file is written to a temporary name and renamed into place, so a reader sees a whole entry or none,
/// even when a run is killed mid-write. An unreadable entry is a miss; a failed write is reported by the
/// return value and otherwise ignored (a cache saves calls, it never fails a run).
///
/// ```swift
/// let cache = DiskCache(directory: URL(fileURLWithPath: ".promptcompat/cache"))
/// let key = DiskCache.key("promptcompat-response-v1", baseURL.absoluteString, body.serialized())
/// cache.store(["text": "您好"], for: key)
/// cache.entry(for: key)?["text"]   // "您好"
/// ```
public struct DiskCache: Sendable {
    public let directory: URL

    public init(directory: URL) {
        self.directory = directory
    }

    /// 64 hex digits: the SHA-256 of the parts, one a line.
    public static func key(_ parts: String...) -> String {
        SHA256.hex(parts.joined(separator: "\n"))
    }

    /// The file that holds the entry for `key`.
    public func file(for key: String) -> URL {
        directory.appendingPathComponent("\(key).json")
    }

    /// The stored entry, or `nil` when there is none or it is not a JSON object.
    public func entry(for key: String) -> JSONObject? {
        guard let data = try? Data(contentsOf: file(for: key)) else { return nil }
        return (try? JSONValue(parsing: data))?.objectValue
    }

    /// Stores `entry` under `key`, atomically (temporary file, then rename). Returns whether it was written.
    @discardableResult
    public func store(_ entry: JSONObject, for key: String) -> Bool {
        let destination = file(for: key)
        let temporary = directory.appendingPathComponent(".\(key).tmp-\(UUID().uuidString)")
        do {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            try JSONValue.object(entry).data().write(to: temporary, options: .withoutOverwriting)
        } catch {
            return false
        }
        guard rename(temporary.path, destination.path) == 0 else {
            try? FileManager.default.removeItem(at: temporary)
            return false
        }
        return true
    }
}
