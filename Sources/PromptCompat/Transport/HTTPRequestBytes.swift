import Foundation

/// What the socket transport sends for one ``HTTPRequest``: where to connect and the request's bytes.
struct HTTPRequestBytes: Sendable {
    /// `host:port`, the key of the connection pool.
    var host: String
    var port: Int
    /// The request line, the header fields and the body.
    var bytes: [UInt8]
    /// The idle timeout in milliseconds: how long any one wait (connect, write, the next byte) may take.
    var timeoutMilliseconds: Int

    var endpoint: String { "\(host):\(port)" }

    /// The request as HTTP/1.1: the method, the path and query, `Host`, the request's own header fields
    /// (`Content-Type`, `Accept`, the key header), and `Content-Length` of the body. Nil for a URL without
    /// a host.
    init?(_ request: HTTPRequest) {
        let target = request.target
        guard let host = target.host else { return nil }
        var head = "\(request.method) \(target.path) HTTP/1.1\r\nHost: \(target.hostField)\r\n"
        for (name, value) in request.headerFields where name.lowercased() != "host" && name.lowercased() != "content-length" {
            head += "\(name): \(value)\r\n"
        }
        head += "Content-Length: \(request.body.count)\r\n\r\n"
        var bytes = [UInt8]()
        bytes.reserveCapacity(head.utf8.count + request.body.count)
        bytes.append(contentsOf: head.utf8)
        bytes.append(contentsOf: request.body)
        self.host = host
        self.port = target.port
        self.bytes = bytes
        let seconds = request.timeout > 0 ? request.timeout : 60
        self.timeoutMilliseconds = Int((seconds * 1000).rounded(.up))
    }
}
