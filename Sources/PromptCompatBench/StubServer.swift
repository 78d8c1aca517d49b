import Foundation
import PromptCompat
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A purpose-built HTTP/1.1 stub on 127.0.0.1 for the runner benchmarks: keep-alive, one thread per
/// connection, every request answered with the same minimal OpenAI chat completion after `latency`.
/// It reads a request's head and `Content-Length` body and nothing else, so the figure measured is the
/// client's, not the server's. `LoopbackServer` closes each connection after one answer, which would
/// measure TCP set-up instead.
final class StubServer: @unchecked Sendable {
    let port: Int
    let latency: Duration
    private let listener: Int32
    private let response: [UInt8]
    private let lock = NSLock()
    private var served = 0
    private var accepted = 0
    private var stopped = false

    /// `answer` is the assistant message's text.
    init(answer: String, latency: Duration = .zero) throws {
        self.latency = latency
        let body = Self.completionBody(answer: answer)
        let head = "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: \(body.count)\r\nConnection: keep-alive\r\n\r\n"
        response = Array(head.utf8) + body
        (listener, port) = try Self.bindListener()
        let thread = Thread { [self] in acceptLoop() }
        thread.name = "StubServer accept"
        thread.start()
    }

    var baseURL: URL { URL(string: "http://127.0.0.1:\(port)/v1")! }

    /// Requests answered so far.
    var requests: Int { lock.withLock { served } }

    /// Connections accepted so far.
    var connections: Int { lock.withLock { accepted } }

    func stop() {
        lock.withLock { stopped = true }
        shutdown(listener, Int32(SHUT_RDWR))
    }

    static func completionBody(answer: String) -> [UInt8] {
        let message: JSONValue = ["role": "assistant", "content": .string(answer)]
        let choice: JSONValue = ["index": 0, "message": message, "finish_reason": "stop"]
        let usage: JSONValue = ["prompt_tokens": 40, "completion_tokens": 30, "total_tokens": 70]
        let body: JSONValue = ["id": "chatcmpl-bench", "object": "chat.completion", "model": "bench-model", "choices": [choice], "usage": usage]
        return Array(body.serialized().utf8)
    }

    private static func bindListener() throws -> (Int32, Int) {
        let fd = socket(AF_INET, Self.streamType, 0)
        guard fd >= 0 else { throw StubError("socket: errno \(errno)") }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = 0
        address.sin_addr = in_addr(s_addr: UInt32(0x7F00_0001).bigEndian)
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { socketAddress in
                bind(fd, socketAddress, length) == 0 && listen(fd, 1024) == 0 && getsockname(fd, socketAddress, &length) == 0
            }
        }
        guard bound else { throw StubError("bind/listen on 127.0.0.1: errno \(errno)") }
        return (fd, Int(UInt16(bigEndian: address.sin_port)))
    }

    #if canImport(Glibc)
    static let streamType = Int32(SOCK_STREAM.rawValue)
    #else
    static let streamType = SOCK_STREAM
    #endif

    private func acceptLoop() {
        while true {
            let client = accept(listener, nil, nil)
            if client < 0 {
                if lock.withLock({ stopped }) { close(listener); return }
                continue
            }
            lock.withLock { accepted += 1 }
            var one: Int32 = 1
            setsockopt(client, Int32(IPPROTO_TCP), TCP_NODELAY, &one, socklen_t(MemoryLayout<Int32>.size))
            let thread = Thread { [self] in serve(client) }
            thread.name = "StubServer connection"
            thread.stackSize = 256 * 1024
            thread.start()
        }
    }

    /// Answers requests on one connection until the client closes it (or asks `Connection: close`).
    private func serve(_ client: Int32) {
        defer { close(client) }
        var buffer: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 64 * 1024)
        while true {
            while let (length, closeAfter) = Self.completeRequest(in: buffer) {
                buffer.removeFirst(length)
                if latency > .zero { Thread.sleep(forTimeInterval: Double(latency.components.seconds) + Double(latency.components.attoseconds) * 1e-18) }
                guard sendAll(client) else { return }
                lock.withLock { served += 1 }
                if closeAfter { return }
            }
            let count = chunk.withUnsafeMutableBytes { recv(client, $0.baseAddress, $0.count, 0) }
            guard count > 0 else { return }
            buffer.append(contentsOf: chunk[0..<count])
        }
    }

    private func sendAll(_ client: Int32) -> Bool {
        response.withUnsafeBytes { bytes in
            var sent = 0
            while sent < bytes.count {
                let n = send(client, bytes.baseAddress! + sent, bytes.count - sent, Int32(MSG_NOSIGNAL))
                guard n > 0 else { return false }
                sent += n
            }
            return true
        }
    }

    /// The length of the first whole request in `buffer` (head and `Content-Length` body) and whether it
    /// asked to close the connection; `nil` while it is incomplete.
    static func completeRequest(in buffer: [UInt8]) -> (length: Int, close: Bool)? {
        guard buffer.count >= 4 else { return nil }
        var end = -1
        for i in 3..<buffer.count where buffer[i] == 10 && buffer[i - 1] == 13 && buffer[i - 2] == 10 && buffer[i - 3] == 13 {
            end = i + 1
            break
        }
        guard end > 0 else { return nil }
        let head = String(decoding: buffer[0..<end], as: UTF8.self).lowercased()
        var contentLength = 0
        var close = false
        for line in head.split(separator: "\r\n") {
            if line.hasPrefix("content-length:") { contentLength = Int(line.dropFirst(15).trimmingCharacters(in: .whitespaces)) ?? 0 }
            if line.hasPrefix("connection:"), line.contains("close") { close = true }
        }
        return buffer.count >= end + contentLength ? (end + contentLength, close) : nil
    }
}

struct StubError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
