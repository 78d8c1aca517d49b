#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// One socket address of a host, as `getaddrinfo(3)` gives it, copied out of the list it returns.
struct ResolvedAddress: Sendable {
    /// A `getaddrinfo` error code (`EAI_NONAME`, …).
    struct LookupFailure: Error {
        var code: Int32
    }

    var family: Int32
    /// The `sockaddr_in` or `sockaddr_in6` bytes.
    var storage: [UInt8]
    var length: socklen_t

    /// Every TCP address of `host` on `port`, in the resolver's order (127.0.0.1 and ::1 resolve without a
    /// lookup); the `getaddrinfo` error code when there is none.
    static func resolve(host: String, port: Int) -> Result<[ResolvedAddress], LookupFailure> {
        var hints = addrinfo()
        hints.ai_family = AF_UNSPEC
        hints.ai_socktype = socketStreamType
        hints.ai_flags = AI_NUMERICSERV
        var list: UnsafeMutablePointer<addrinfo>?
        let code = getaddrinfo(host, String(port), &hints, &list)
        guard code == 0, let first = list else { return .failure(LookupFailure(code: code == 0 ? EAI_NONAME : code)) }
        defer { freeaddrinfo(first) }
        var addresses: [ResolvedAddress] = []
        var entry: UnsafeMutablePointer<addrinfo>? = first
        while let current = entry {
            if let address = current.pointee.ai_addr {
                let bytes = UnsafeRawBufferPointer(start: address, count: Int(current.pointee.ai_addrlen))
                addresses.append(ResolvedAddress(family: current.pointee.ai_family, storage: Array(bytes), length: current.pointee.ai_addrlen))
            }
            entry = current.pointee.ai_next
        }
        return addresses.isEmpty ? .failure(LookupFailure(code: EAI_NONAME)) : .success(addresses)
    }
}
