import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// ``HTTPTransport`` over Foundation's `URLSession`: one ephemeral session per client, its data delegate
/// (``TransferRouter``) feeding each transfer's bytes to its stream.
final class URLSessionTransport: HTTPTransport {
    let session: URLSession
    private let router = TransferRouter()

    /// - Parameters:
    ///   - timeout: seconds without progress before a request fails with `URLError.timedOut`.
    ///   - connectionsPerHost: connections the session may open to one host at once (URLSession's default is 6).
    init(timeout: Double, connectionsPerHost: Int) {
        let configuration = URLSessionConfiguration.ephemeral
        configuration.timeoutIntervalForRequest = timeout
        configuration.requestCachePolicy = .reloadIgnoringLocalCacheData
        configuration.httpMaximumConnectionsPerHost = max(1, connectionsPerHost)
        session = URLSession(configuration: configuration, delegate: router, delegateQueue: nil)
    }

    deinit {
        session.invalidateAndCancel()
    }

    func start(_ request: HTTPRequest, maxBytes: Int) -> HTTPTransfer {
        let (parts, task) = router.start(request.urlRequest, in: session, maxBytes: maxBytes)
        return HTTPTransfer(parts: parts, cancel: { task.cancel() })
    }
}
