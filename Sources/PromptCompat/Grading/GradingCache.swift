import Foundation

/// Judge verdicts and embeddings on disk, one small JSON file per entry, so a re-run asks no model twice
/// the same thing.
///
/// The key is the SHA-256 of the canonical request: the provider's base URL and the request body as
/// sent (which names the model), serialized with members in a fixed order. A file is written to a
/// temporary name and renamed into place, so a reader sees a whole entry or none. An unreadable entry
/// is a miss; a failed write is ignored (the cache saves calls, it never fails a grade).
///
/// ```swift
/// let cache = GradingCache(directory: URL(fileURLWithPath: "prompts/.promptcompat/grading-cache"))
/// let key = GradingCache.key(baseURL: config.baseURL, body: body)
/// if let entry = cache.entry(for: key) { … } else { …; cache.store(["reply": "…"], for: key) }
/// ```
public struct GradingCache: Sendable {
    let storage: DiskCache

    public var directory: URL { storage.directory }

    public init(directory: URL) {
        storage = DiskCache(directory: directory)
    }

    /// Bumped when the meaning of an entry changes, so old entries stop matching.
    static let version = "promptcompat-grading-v1"

    /// The entry key of a request: 64 hex digits.
    public static func key(baseURL: URL, body: JSONValue) -> String {
        DiskCache.key(version, baseURL.absoluteString, body.serialized())
    }

    /// The file that holds the entry for `key`.
    public func file(for key: String) -> URL { storage.file(for: key) }

    /// The stored entry, or `nil` when there is none or it is not a JSON object.
    public func entry(for key: String) -> JSONObject? { storage.entry(for: key) }

    /// Stores `entry` under `key`, atomically (temporary file, then rename). Returns whether it was written.
    @discardableResult
    public func store(_ entry: JSONObject, for key: String) -> Bool { storage.store(entry, for: key) }
}
