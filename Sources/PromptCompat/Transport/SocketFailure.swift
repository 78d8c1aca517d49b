import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The errors of the socket transport, as the `URLError`s `URLSession` reports for the same events, so
/// ``OpenAICompatibleClient`` classifies both transports' failures alike (`transportFailure`): a refused
/// connection, a timeout, a connection lost.
enum SocketFailure {
    /// Nothing listens, or the host cannot be reached.
    static func cannotConnect(_ url: URL?, code: Int32) -> URLError {
        error(.cannotConnectToHost, url, "could not connect to the server (\(describe(code)))")
    }

    static func cannotFindHost(_ url: URL?, host: String, code: Int32) -> URLError {
        let reason = String(cString: gai_strerror(code))
        return error(.cannotFindHost, url, "could not resolve host \(host) (\(reason))")
    }

    /// No progress (connecting, sending, or the next byte of the answer) within the request's timeout.
    static func timedOut(_ url: URL?) -> URLError {
        error(.timedOut, url, "the request timed out")
    }

    /// The connection ended before the response did: reset, or closed early.
    static func lost(_ url: URL?, code: Int32?, receivedAny: Bool) -> URLError {
        let what = code.map { describe($0) } ?? "the server closed the connection"
        let when = receivedAny ? "before the response was complete" : "without answering"
        return error(.networkConnectionLost, url, "\(what) \(when)")
    }

    /// The bytes are not an HTTP/1.x response.
    static func badResponse(_ url: URL?, _ problem: String) -> URLError {
        error(.badServerResponse, url, "the server's response is not HTTP: \(problem)")
    }

    static func badURL(_ url: URL?) -> URLError {
        error(.badURL, url, "the URL has no host")
    }

    private static func error(_ code: URLError.Code, _ url: URL?, _ description: String) -> URLError {
        var info: [String: Any] = [NSLocalizedDescriptionKey: description]
        if let url { info[NSURLErrorFailingURLErrorKey] = url }
        return URLError(code, userInfo: info)
    }

    /// `connection refused (errno 111)`
    private static func describe(_ code: Int32) -> String {
        "\(String(cString: strerror(code)).lowercased()) (errno \(code))"
    }
}
