import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// What the socket transport sends for one `URLRequest`: where to connect and the request's bytes.
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
    init?(_ request: URLRequest) {
        guard let url = request.url, let components = URLComponents(url: url, resolvingAgainstBaseURL: true),
            var host = components.host, !host.isEmpty
        else { return nil }
        if host.hasPrefix("["), host.hasSuffix("]") { host = String(host.dropFirst().dropLast()) }
        let port = components.port ?? (components.scheme?.lowercased() == "https" ? 443 : 80)
        var target = components.percentEncodedPath.isEmpty ? "/" : components.percentEncodedPath
        if let query = components.percentEncodedQuery { target += "?" + query }
        let body = request.httpBody ?? Data()
        let hostField = (host.contains(":") ? "[\(host)]" : host) + (components.port.map { ":\($0)" } ?? "")
        var head = "\(request.httpMethod ?? "GET") \(target) HTTP/1.1\r\nHost: \(hostField)\r\n"
        for (name, value) in (request.allHTTPHeaderFields ?? [:]).sorted(by: { $0.key < $1.key })
        where name.lowercased() != "host" && name.lowercased() != "content-length" {
            head += "\(name): \(value)\r\n"
        }
        head += "Content-Length: \(body.count)\r\n\r\n"
        self.host = host
        self.port = port
        self.bytes = Array(head.utf8) + body
        let seconds = request.timeoutInterval > 0 ? request.timeoutInterval : 60
        self.timeoutMilliseconds = Int((seconds * 1000).rounded(.up))
    }
}
