#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#else
#error("PromptCompatServer needs POSIX sockets")
#endif

/// A thin wrapper over a POSIX TCP socket descriptor (IPv4, 127.0.0.1 only).
///
/// The wrapper does not own the descriptor: whoever created it must call
/// `closeNow()` or `resetAndClose()` exactly once. `ServerState` keeps the rules
/// that make it safe to `shutdownBoth()` a socket from another thread.
struct Socket: Hashable, Sendable {
    let fd: Int32

    /// What `waitReadable` saw.
    enum Readiness {
        /// Data, end of stream or an error is waiting; `receive` tells which.
        case readable
        case timedOut
        case failed
    }

    // MARK: - Creating

    /// A socket bound to 127.0.0.1 on `port` (0: a port the OS picks), listening if asked.
    ///
    /// A chosen port is bound with `SO_REUSEADDR`, so a server restarted on it does not wait for the
    /// previous run's connections to leave TIME_WAIT.
    static func bindLoopback(listening: Bool, port: Int = 0) throws -> (socket: Socket, port: Int) {
        guard (0...65535).contains(port) else { throw LoopbackServerError(operation: "bind", code: EINVAL) }
        let fd = socket(AF_INET, streamType, 0)
        guard fd >= 0 else { throw LoopbackServerError(operation: "socket", code: errno) }
        let sock = Socket(fd: fd)
        sock.setCloseOnExec()
        if port != 0 {
            var one: Int32 = 1
            _ = setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, socklen_t(MemoryLayout<Int32>.size))
        }

        var address = sockaddr_in()
        #if canImport(Darwin)
        address.sin_len = UInt8(MemoryLayout<sockaddr_in>.size)
        #endif
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = UInt16(port).bigEndian
        address.sin_addr = in_addr(s_addr: UInt32(0x7F00_0001).bigEndian)
        let bound = withUnsafePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard bound == 0 else { throw sock.failure("bind") }
        if listening {
            guard listen(fd, 128) == 0 else { throw sock.failure("listen") }
        }

        var actual = sockaddr_in()
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let named = withUnsafeMutablePointer(to: &actual) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                getsockname(fd, $0, &length)
            }
        }
        guard named == 0 else { throw sock.failure("getsockname") }
        return (sock, Int(UInt16(bigEndian: actual.sin_port)))
    }

    /// Accepts one pending connection, or nil (nothing pending, or the listener is shut down).
    func acceptClient() -> Socket? {
        let client = accept(fd, nil, nil)
        guard client >= 0 else { return nil }
        let sock = Socket(fd: client)
        sock.setCloseOnExec()
        var one: Int32 = 1
        let size = socklen_t(MemoryLayout<Int32>.size)
        #if canImport(Darwin)
        // Darwin has no MSG_NOSIGNAL; this keeps a vanished client from raising SIGPIPE.
        _ = setsockopt(client, SOL_SOCKET, SO_NOSIGPIPE, &one, size)
        #endif
        // Small SSE chunks must leave at once, not wait for Nagle + delayed ACK.
        _ = setsockopt(client, Int32(IPPROTO_TCP), TCP_NODELAY, &one, size)
        return sock
    }

    // MARK: - I/O

    /// Waits up to `milliseconds` for something to read (or a hang-up).
    func waitReadable(milliseconds: Int) -> Readiness {
        var entry = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
        let result = poll(&entry, 1, Int32(clamping: max(0, milliseconds)))
        if result < 0 { return errno == EINTR ? .timedOut : .failed }
        if result == 0 { return .timedOut }
        if entry.revents & Int16(POLLNVAL) != 0 { return .failed }
        return .readable
    }

    /// Reads what is available (blocking until something is). 0 = end of stream, -1 = error.
    func receive(into buffer: inout [UInt8], maxBytes: Int = 64 * 1024) -> Int {
        var chunk = [UInt8](repeating: 0, count: maxBytes)
        while true {
            let count = chunk.withUnsafeMutableBytes { recv(fd, $0.baseAddress, maxBytes, 0) }
            if count < 0 && errno == EINTR { continue }
            if count > 0 { buffer.append(contentsOf: chunk[0..<count]) }
            return count < 0 ? -1 : count
        }
    }

    /// Writes every byte, or returns false when the peer is gone. Never raises SIGPIPE.
    func sendAll(_ bytes: [UInt8]) -> Bool {
        var offset = 0
        while offset < bytes.count {
            let sent = bytes.withUnsafeBytes { raw in
                send(fd, raw.baseAddress! + offset, bytes.count - offset, sendFlags)
            }
            if sent < 0 && errno == EINTR { continue }
            guard sent > 0 else { return false }
            offset += sent
        }
        return true
    }

    // MARK: - Ending

    /// Wakes any thread blocked on this socket; the descriptor stays valid until closed.
    func shutdownBoth() {
        _ = shutdown(fd, Int32(SHUT_RDWR))
    }

    /// Sends FIN after the bytes already written.
    func shutdownWrite() {
        _ = shutdown(fd, Int32(SHUT_WR))
    }

    func closeNow() {
        _ = close(fd)
    }

    /// Closes with a TCP RST (SO_LINGER 0), so the peer sees "connection reset", not a clean end.
    func resetAndClose() {
        var option = linger(l_onoff: 1, l_linger: 0)
        _ = setsockopt(fd, SOL_SOCKET, SO_LINGER, &option, socklen_t(MemoryLayout<linger>.size))
        _ = close(fd)
    }

    // MARK: - Helpers

    private func setCloseOnExec() {
        _ = fcntl(fd, F_SETFD, FD_CLOEXEC)
    }

    private func failure(_ operation: String) -> LoopbackServerError {
        let error = LoopbackServerError(operation: operation, code: errno)
        closeNow()
        return error
    }
}

#if canImport(Glibc)
private let streamType = Int32(SOCK_STREAM.rawValue)
private let sendFlags = Int32(MSG_NOSIGNAL)
#elseif canImport(Musl)
private let streamType = SOCK_STREAM
private let sendFlags = MSG_NOSIGNAL
#else
private let streamType = SOCK_STREAM
private let sendFlags: Int32 = 0
#endif
