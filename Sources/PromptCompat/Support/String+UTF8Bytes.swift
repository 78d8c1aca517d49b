import Foundation

extension String {
    /// Calls `body` with the string's UTF-8 bytes, without copying a native string: where `withUTF8` is
    /// `mutating` (a caller copies the string into a `var` first, a reference count changed and changed
    /// back), a native string's bytes are read in place. A bridged string is made contiguous in a copy.
    ///
    /// ```swift
    /// "订单".readingUTF8 { $0.count }   // 6
    /// ```
    @inline(__always)
    func readingUTF8<Result>(_ body: (UnsafeBufferPointer<UInt8>) throws -> Result) rethrows -> Result {
        if let result = try utf8.withContiguousStorageIfAvailable(body) { return result }
        var copy = self
        return try copy.withUTF8(body)
    }
}
