import Foundation

/// One HTTP request as a `LoopbackServer` received it.
///
/// ```swift
/// let server = try LoopbackServer { request in
///     #expect(request.method == "POST")
///     #expect(request.header("Authorization") == "Bearer sk-test")
///     #expect(request.jsonBody?["model"] as? String == "gpt-test")
///     return .json(200, #"{"ok":true}"#)
/// }
/// // ... after the call:
/// #expect(server.requests.map(\.path) == ["/v1/chat/completions"])
/// ```
public struct RecordedRequest: Sendable, Equatable {
    /// The request method, e.g. `"POST"`.
    public var method: String
    /// The request target as sent, including any query string, e.g. `"/v1/models?limit=2"`.
    public var path: String
    /// Header fields with lowercased names; repeated fields are joined with `", "`.
    public var headers: [String: String]
    /// The body bytes (a chunked body is already decoded).
    public var body: Data

    public init(method: String, path: String, headers: [String: String], body: Data) {
        self.method = method
        self.path = path
        self.headers = headers
        self.body = body
    }

    /// A header value by name, case-insensitively: `request.header("Content-Type")`.
    public func header(_ name: String) -> String? {
        headers[name.lowercased()]
    }

    /// The body decoded as UTF-8 (invalid bytes are replaced).
    public var bodyText: String {
        String(decoding: body, as: UTF8.self)
    }

    /// The body parsed as a JSON object, or nil when it is empty, not JSON, or not an object.
    ///
    /// ```swift
    /// let messages = request.jsonBody?["messages"] as? [[String: Any]]
    /// ```
    public var jsonBody: [String: Any]? {
        guard !body.isEmpty else { return nil }
        return (try? JSONSerialization.jsonObject(with: body)) as? [String: Any]
    }

    /// The path without its query string: `"/v1/models?limit=2"` → `"/v1/models"`.
    public var pathWithoutQuery: String {
        String(path.prefix { $0 != "?" })
    }
}
