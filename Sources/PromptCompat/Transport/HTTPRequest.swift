import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// One HTTP request as ``OpenAICompatibleClient`` hands it to its ``HTTPTransport``: a plain value, so the
/// socket transport writes it out without building a Foundation `URLRequest` first (building one, and
/// reading it back, was a tenth of the client's CPU a request). ``URLSessionTransport`` turns it into one.
///
/// ```swift
/// let chat = HTTPTarget(URL(string: "http://127.0.0.1:8080/v1/chat/completions")!)
/// let request = HTTPRequest(target: chat, headerFields: [("Content-Type", "application/json")], body: body, timeout: 60)
/// ```
struct HTTPRequest: Sendable {
    var target: HTTPTarget
    var method = "POST"
    /// Sent in this order; `Host` and `Content-Length` are the transport's.
    var headerFields: [(name: String, value: String)]
    var body: Data
    /// Seconds any one wait (connect, write, the next byte) may take.
    var timeout: Double

    var url: URL { target.url }

    /// The same request for URLSession.
    var urlRequest: URLRequest {
        var request = URLRequest(url: target.url)
        request.httpMethod = method
        request.timeoutInterval = timeout
        for field in headerFields { request.setValue(field.value, forHTTPHeaderField: field.name) }
        request.httpBody = body
        return request
    }
}

/// A URL read once for sending: where to connect, and the request line's target and `Host` field. The
/// client reads its chat URL once, not every case.
struct HTTPTarget: Sendable {
    let url: URL
    /// Nil for a URL without a host (the socket transport fails such a request as a bad URL).
    let host: String?
    let port: Int
    /// The path and query as the request line sends them (`/v1/chat/completions`).
    let path: String
    /// The `Host` header's value: the host (an IPv6 address in brackets) and the port when the URL names one.
    let hostField: String

    init(_ url: URL) {
        self.url = url
        let components = URLComponents(url: url, resolvingAgainstBaseURL: true)
        var host = components?.host ?? ""
        if host.hasPrefix("["), host.hasSuffix("]") { host = String(host.dropFirst().dropLast()) }
        self.host = host.isEmpty ? nil : host
        port = components?.port ?? (components?.scheme?.lowercased() == "https" ? 443 : 80)
        var path = components.map { $0.percentEncodedPath.isEmpty ? "/" : $0.percentEncodedPath } ?? "/"
        if let query = components?.percentEncodedQuery { path += "?" + query }
        self.path = path
        hostField = (host.contains(":") ? "[\(host)]" : host) + (components?.port.map { ":\($0)" } ?? "")
    }
}
