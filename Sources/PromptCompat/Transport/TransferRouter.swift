import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// Routes the delegate callbacks of one shared `URLSession` to the transfer each task belongs to, so
/// every request of a client reuses the session's connections and still gets its bytes as they arrive.
///
/// `URLSession.bytes(for:)` does not exist on Linux; each transfer is an `AsyncThrowingStream` of
/// ``StreamPart``s fed from here.
final class TransferRouter: NSObject, URLSessionDataDelegate, @unchecked Sendable {
    /// One transfer's stream, and how many body bytes it may still pass on.
    private struct Transfer {
        var continuation: AsyncThrowingStream<StreamPart, any Error>.Continuation
        var bytesLeft: Int
    }

    // Guarded by `lock`: the session calls back on its own queue while transfers start on any thread.
    private let lock = NSLock()
    private var transfers: [Int: Transfer] = [:]

    /// Starts `request` on `session`; the stream ends when the transfer does, and cancelling the consuming
    /// task (or dropping the stream) cancels the transfer. Once the body passes `maxBytes` the transfer is
    /// cancelled here and its stream ends after the chunk that crossed the cap: whatever the consumer does
    /// meanwhile, a huge body costs at most the cap and one chunk, not what arrives before it reacts.
    func start(_ request: URLRequest, in session: URLSession, maxBytes: Int = .max) -> (AsyncThrowingStream<StreamPart, any Error>, URLSessionDataTask) {
        let (parts, continuation) = AsyncThrowingStream<StreamPart, any Error>.makeStream()
        let task = session.dataTask(with: request)
        lock.withLock { transfers[task.taskIdentifier] = Transfer(continuation: continuation, bytesLeft: maxBytes) }
        continuation.onTermination = { _ in task.cancel() }
        task.resume()
        return (parts, task)
    }

    private func continuation(of task: URLSessionTask) -> AsyncThrowingStream<StreamPart, any Error>.Continuation? {
        lock.withLock { transfers[task.taskIdentifier]?.continuation }
    }

    func urlSession(
        _ session: URLSession, dataTask: URLSessionDataTask, didReceive response: URLResponse,
        completionHandler: @escaping @Sendable (URLSession.ResponseDisposition) -> Void
    ) {
        if let http = response as? HTTPURLResponse {
            continuation(of: dataTask)?.yield(.response(status: http.statusCode, headers: OpenAICompatibleClient.headers(of: http)))
        }
        completionHandler(.allow)
    }

    func urlSession(_ session: URLSession, dataTask: URLSessionDataTask, didReceive data: Data) {
        let (continuation, overCap): (AsyncThrowingStream<StreamPart, any Error>.Continuation?, Bool) = lock.withLock {
            guard var transfer = transfers[dataTask.taskIdentifier] else { return (nil, false) }
            transfer.bytesLeft -= data.count
            guard transfer.bytesLeft >= 0 else {
                transfers[dataTask.taskIdentifier] = nil
                return (transfer.continuation, true)
            }
            transfers[dataTask.taskIdentifier] = transfer
            return (transfer.continuation, false)
        }
        continuation?.yield(.data(data))
        if overCap {
            continuation?.finish()
            dataTask.cancel()
        }
    }

    func urlSession(_ session: URLSession, task: URLSessionTask, didCompleteWithError error: (any Error)?) {
        let continuation = lock.withLock { transfers.removeValue(forKey: task.taskIdentifier)?.continuation }
        if let error { continuation?.finish(throwing: error) } else { continuation?.finish() }
    }
}
