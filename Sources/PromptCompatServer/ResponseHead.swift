/// Builds the status line and header block of a response.
enum ResponseHead {
    /// `HTTP/1.1 <status> <reason>` plus the given headers, `Connection: close` (unless `keepAlive`), and
    /// `Content-Length` when one is given (each only if the caller did not set it).
    static func bytes(status: Int, headers: [String: String], contentLength: Int?, keepAlive: Bool = false) -> [UInt8] {
        var fields = headers
        if let contentLength {
            fields = fields.addingDefault("Content-Length", String(contentLength))
        }
        if !keepAlive {
            fields = fields.addingDefault("Connection", "close")
        }
        var text = "HTTP/1.1 \(status) \(reason(for: status))\r\n"
        for name in fields.keys.sorted() {
            text += "\(name): \(fields[name]!)\r\n"
        }
        text += "\r\n"
        return Array(text.utf8)
    }

    static func reason(for status: Int) -> String {
        switch status {
        case 100: "Continue"
        case 200: "OK"
        case 201: "Created"
        case 202: "Accepted"
        case 204: "No Content"
        case 301: "Moved Permanently"
        case 302: "Found"
        case 304: "Not Modified"
        case 400: "Bad Request"
        case 401: "Unauthorized"
        case 403: "Forbidden"
        case 404: "Not Found"
        case 405: "Method Not Allowed"
        case 408: "Request Timeout"
        case 409: "Conflict"
        case 413: "Content Too Large"
        case 415: "Unsupported Media Type"
        case 422: "Unprocessable Content"
        case 429: "Too Many Requests"
        case 500: "Internal Server Error"
        case 501: "Not Implemented"
        case 502: "Bad Gateway"
        case 503: "Service Unavailable"
        case 504: "Gateway Timeout"
        case 529: "Overloaded"
        default: "Status \(status)"
        }
    }
}
