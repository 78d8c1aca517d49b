#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#else
#error("the socket transport needs POSIX sockets")
#endif

/// A non-blocking TCP client socket: connect, send and receive, each waiting in `poll(2)` (never
/// spinning) for at most the given number of milliseconds.
///
/// The wrapper does not own the descriptor: its user calls ``close()`` exactly once. ``shutdown()`` may be
/// called from another thread to wake a wait, as long as the descriptor is not closed yet.
struct ClientSocket: Sendable {
    let fd: Int32

    /// What one `poll` wait ended with.
    enum Wait: Equatable {
        case ready
        case timedOut
    }

    /// Why an operation failed: an `errno`, or the peer closed the connection (end of stream).
    struct Failure: Error, Equatable {
        var code: Int32
    }

    // MARK: - Connecting

    /// A new socket for `address`, non-blocking and close-on-exec, its `connect` started; nil with the `errno`.
    static func open(_ address: ResolvedAddress) -> Result<ClientSocket, Failure> {
        let fd = socket(address.family, socketStreamType, 0)
        guard fd >= 0 else { return .failure(Failure(code: errno)) }
        let socket = ClientSocket(fd: fd)
        _ = fcntl(fd, F_SETFD, FD_CLOEXEC)
        _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK)
        var one: Int32 = 1
        let size = socklen_t(MemoryLayout<Int32>.size)
        // Requests are written whole; Nagle would hold the last segment for the server's delayed ACK.
        _ = setsockopt(fd, Int32(IPPROTO_TCP), TCP_NODELAY, &one, size)
        #if canImport(Darwin)
        _ = setsockopt(fd, SOL_SOCKET, SO_NOSIGPIPE, &one, size)
        #endif
        let started = address.storage.withUnsafeBytes { raw in
            Glue.connect(fd, raw.baseAddress!.assumingMemoryBound(to: sockaddr.self), address.length)
        }
        if started != 0 && errno != EINPROGRESS && errno != EINTR {
            let code = errno
            socket.close()
            return .failure(Failure(code: code))
        }
        return .success(socket)
    }

    /// After ``open(_:)``: the connect's outcome once the socket is writable (0 = connected, else the `errno`).
    func connectResult() -> Int32 {
        var code: Int32 = 0
        var length = socklen_t(MemoryLayout<Int32>.size)
        guard getsockopt(fd, SOL_SOCKET, SO_ERROR, &code, &length) == 0 else { return errno }
        return code
    }

    // MARK: - Waiting

    /// Waits up to `milliseconds` for the socket to be readable (or writable, with `forWriting`); a hang-up
    /// or an error counts as ready, so the next call sees it.
    func wait(forWriting: Bool = false, milliseconds: Int) -> Wait {
        var entry = pollfd(fd: fd, events: Int16(forWriting ? POLLOUT : POLLIN), revents: 0)
        let result = poll(&entry, 1, Int32(clamping: max(0, milliseconds)))
        return result == 0 || (result < 0 && errno == EINTR) ? .timedOut : .ready
    }

    /// Whether an idle pooled connection is still usable: nothing to read, no end of stream, no error.
    /// A server that closed it while it sat in the pool makes it readable (end of stream).
    var isIdleAndOpen: Bool {
        var entry = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
        return poll(&entry, 1, 0) == 0
    }

    // MARK: - I/O

    /// Sends what it can of `bytes` now: the count sent, 0 when it would block, or the failure.
    func send(_ bytes: UnsafeRawBufferPointer) -> Result<Int, Failure> {
        while true {
            let sent = Glue.send(fd, bytes.baseAddress, bytes.count, sendFlags)
            if sent >= 0 { return .success(sent) }
            if errno == EINTR { continue }
            if errno == EAGAIN || errno == EWOULDBLOCK { return .success(0) }
            return .failure(Failure(code: errno))
        }
    }

    /// Receives into `buffer`: the count received, nil when it would block, 0 at end of stream, or the failure.
    func receive(into buffer: UnsafeMutableRawBufferPointer) -> Result<Int?, Failure> {
        while true {
            let count = recv(fd, buffer.baseAddress, buffer.count, 0)
            if count >= 0 { return .success(count) }
            if errno == EINTR { continue }
            if errno == EAGAIN || errno == EWOULDBLOCK { return .success(nil) }
            return .failure(Failure(code: errno))
        }
    }

    // MARK: - Ending

    /// Wakes a thread waiting on this socket (its next read sees the end); the descriptor stays open.
    func shutdown() {
        _ = Glue.shutdown(fd, Int32(SHUT_RDWR))
    }

    func close() {
        _ = Glue.close(fd)
    }
}

/// The C functions whose names the struct's methods shadow.
private enum Glue {
    #if canImport(Darwin)
    static func connect(_ fd: Int32, _ address: UnsafePointer<sockaddr>, _ length: socklen_t) -> Int32 { Darwin.connect(fd, address, length) }
    static func send(_ fd: Int32, _ bytes: UnsafeRawPointer?, _ count: Int, _ flags: Int32) -> Int { Darwin.send(fd, bytes, count, flags) }
    static func shutdown(_ fd: Int32, _ how: Int32) -> Int32 { Darwin.shutdown(fd, how) }
    static func close(_ fd: Int32) -> Int32 { Darwin.close(fd) }
    #elseif canImport(Musl)
    static func connect(_ fd: Int32, _ address: UnsafePointer<sockaddr>, _ length: socklen_t) -> Int32 { Musl.connect(fd, address, length) }
    static func send(_ fd: Int32, _ bytes: UnsafeRawPointer?, _ count: Int, _ flags: Int32) -> Int { Musl.send(fd, bytes, count, flags) }
    static func shutdown(_ fd: Int32, _ how: Int32) -> Int32 { Musl.shutdown(fd, how) }
    static func close(_ fd: Int32) -> Int32 { Musl.close(fd) }
    #else
    static func connect(_ fd: Int32, _ address: UnsafePointer<sockaddr>, _ length: socklen_t) -> Int32 { Glibc.connect(fd, address, length) }
    static func send(_ fd: Int32, _ bytes: UnsafeRawPointer?, _ count: Int, _ flags: Int32) -> Int { Glibc.send(fd, bytes, count, flags) }
    static func shutdown(_ fd: Int32, _ how: Int32) -> Int32 { Glibc.shutdown(fd, how) }
    static func close(_ fd: Int32) -> Int32 { Glibc.close(fd) }
    #endif
}

#if canImport(Glibc)
let socketStreamType = Int32(SOCK_STREAM.rawValue)
private let sendFlags = Int32(MSG_NOSIGNAL)
#elseif canImport(Musl)
let socketStreamType = SOCK_STREAM
private let sendFlags = MSG_NOSIGNAL
#else
let socketStreamType = SOCK_STREAM
private let sendFlags: Int32 = 0
#endif
