import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// Sends one HTTP request and passes its response on as it arrives: the seam between
/// ``OpenAICompatibleClient`` (classification, SSE, size caps, evidence) and the HTTP stack under it.
///
/// Two implementations: ``URLSessionTransport`` and ``SocketTransport`` (an HTTP/1.1 client of this package's
/// own, for `http://`). Both report the same events with the same `URLError`s, so the client cannot tell
/// them apart.
protocol HTTPTransport: Sendable {
    /// Starts `request`. The transfer's stream yields the response head, then body bytes, and ends when the
    /// response does (or throws the transport's error); once the body passes `maxBytes` it ends after the
    /// chunk that crossed the cap. Cancelling the consuming task or calling ``HTTPTransfer/cancel`` ends the
    /// transfer and closes its connection.
    func start(_ request: HTTPRequest, maxBytes: Int) -> HTTPTransfer
}

/// One transfer under way.
struct HTTPTransfer: Sendable {
    var parts: AsyncThrowingStream<StreamPart, any Error>
    /// Ends the transfer; idempotent, harmless after its end.
    var cancel: @Sendable () -> Void
}

/// What a transfer passes on: the response head, then body bytes.
enum StreamPart: Sendable {
    case response(status: Int, headers: [String: String])
    case data(Data)
}

/// Which HTTP stack an ``OpenAICompatibleClient`` sends its requests through.
///
/// ```swift
/// // The default: this package's own HTTP/1.1 client for http:// on Linux, URLSession otherwise.
/// let client = OpenAICompatibleClient(config: config)
/// // URLSession for every request, e.g. to compare the two.
/// let reference = OpenAICompatibleClient(config: config, transport: .urlSession)
/// ```
public enum HTTPTransportChoice: String, Sendable, CaseIterable {
    /// On Linux, the socket client for `http://` base URLs (URLSession there waits by spinning a core) and
    /// URLSession for `https://`; on other systems URLSession for both.
    case automatic
    /// Foundation's URLSession for every request.
    case urlSession
    /// This package's own HTTP/1.1 client over POSIX sockets for `http://` (keep-alive pool, `poll` waits);
    /// `https://` still goes through URLSession.
    case sockets

    /// Whether requests to `url` go through the socket client.
    func usesSockets(for url: URL) -> Bool {
        guard url.scheme?.lowercased() == "http" else { return false }
        switch self {
        case .urlSession: return false
        case .sockets: return true
        case .automatic:
            #if os(Linux)
            return true
            #else
            return false
            #endif
        }
    }
}
