import Foundation

/// One slice of the selected cases, for spreading a run over a CI matrix: shard `index` of `count`
/// (1-based, `--shard 2/4`). Every case lands in exactly one shard, decided by a stable hash of its
/// name alone, so every machine and every run agrees without talking to each other.
///
/// ```swift
/// let shard = try Shard(parsing: "2/4")
/// shard.contains(promptID: "support/refund-reply", caseName: "late")   // the same answer everywhere
/// shard.directoryName                                                  // "shard-2-of-4"
/// ```
///
/// The hash is the first 8 bytes (big-endian) of the SHA-256 of the UTF-8 bytes of `prompt id · case name`
/// (Swift's `hashValue` is seeded per process and would differ between machines), mapped onto `0..<count`
/// by multiply-high: `slot = (h × count) >> 64`. In Python:
/// `int.from_bytes(hashlib.sha256(name.encode()).digest()[:8], "big") * count >> 64`.
/// (FNV-1a 64 was tried first: case names that differ only in their last character, `c1`, `c2`, …, barely
/// move its high bits, and 9 such cases fell 0/6/0/3 into four shards.)
public struct Shard: Sendable, Equatable, CustomStringConvertible {
    /// 1…``count``.
    public let index: Int
    /// How many shards the cases are split into, at least 1.
    public let count: Int

    /// The whole selection: one shard of one.
    public static let whole = Shard(uncheckedIndex: 1, count: 1)

    public init(index: Int, count: Int) throws(ShardError) {
        guard count >= 1 else { throw ShardError("\(index)/\(count): the number of shards must be at least 1") }
        guard (1...count).contains(index) else {
            throw ShardError("\(index)/\(count): the shard number must be between 1 and \(count) (shards are numbered from 1)")
        }
        self.init(uncheckedIndex: index, count: count)
    }

    private init(uncheckedIndex index: Int, count: Int) {
        self.index = index
        self.count = count
    }

    /// Reads `i/n`, as `--shard` takes it: `"2/4"` is the second of four shards.
    public init(parsing text: String) throws(ShardError) {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, let index = Int(parts[0]), let count = Int(parts[1]) else {
            throw ShardError("\"\(text)\" is not a shard: expected i/n, like 2/4 (the second of four shards)")
        }
        try self.init(index: index, count: count)
    }

    /// Whether this shard runs the case.
    public func contains(promptID: String, caseName: String) -> Bool {
        Self.slot(promptID: promptID, caseName: caseName, count: count) == index - 1
    }

    /// The 0-based shard a case belongs to when the cases are split `count` ways.
    public static func slot(promptID: String, caseName: String, count: Int) -> Int {
        Int(UInt64(count).multipliedFullWidth(by: hash(promptID: promptID, caseName: caseName)).high)
    }

    /// The first 8 bytes, big-endian, of the SHA-256 of `prompt id · case name`.
    public static func hash(promptID: String, caseName: String) -> UInt64 {
        SHA256.digest(Data("\(promptID) · \(caseName)".utf8)).prefix(8).reduce(0) { $0 << 8 | UInt64($1) }
    }

    /// The report folder of this shard below the target's: `shard-2-of-4`.
    public var directoryName: String { "shard-\(index)-of-\(count)" }

    /// `2/4`
    public var description: String { "\(index)/\(count)" }

    /// Reads a ``directoryName`` back (`shard-2-of-4`); `nil` for any other name.
    public init?(directoryName name: String) {
        let parts = name.split(separator: "-")
        guard parts.count == 4, parts[0] == "shard", parts[2] == "of",
              let index = Int(parts[1]), let count = Int(parts[3]), let shard = try? Shard(index: index, count: count) else { return nil }
        self = shard
    }
}

/// A `--shard` value that is not `i/n` with 1 ≤ i ≤ n.
public struct ShardError: Error, Sendable, Equatable, CustomStringConvertible {
    public var description: String
    public init(_ description: String) { self.description = description }
}
