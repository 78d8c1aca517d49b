#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// A socket call failed while setting up a `LoopbackServer` or reserving a port.
///
/// ```swift
/// do { _ = try LoopbackServer { _ in .json(200, "{}") } }
/// catch let error as LoopbackServerError { print(error) }   // "bind failed: Address already in use (errno 98)"
/// ```
public struct LoopbackServerError: Error, Sendable, CustomStringConvertible {
    /// The POSIX call that failed, e.g. `"bind"`.
    public var operation: String
    /// The `errno` it left behind.
    public var code: Int32

    public init(operation: String, code: Int32) {
        self.operation = operation
        self.code = code
    }

    public var description: String {
        "\(operation) failed: \(String(cString: strerror(code))) (errno \(code))"
    }
}
