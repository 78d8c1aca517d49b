import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// Runs one data task through a `URLSessionDataDelegate` and keeps every `didReceive data`
/// call as a separate piece, so tests can see a body arrive incrementally.
final class LoopbackStreamCollector: NSObject, URLSessionDataDelegate, @unchecked Sendable {
    struct Outcome: Sendable {
        var pieces: [Data]
        var statusCode: Int?
        var contentType: String?
        var error: (any Error)?

        var joined: Data { pieces.reduce(Data(), +) }
    }

    private let lock = NSLock()
    private var outcome = Outcome(pieces: [])
    private var continuation: CheckedContinuation<Outcome, Never>?

    /// Performs `request` on a fresh ephemeral session and returns what arrived.
    static func run(_ request: URLRequest) async -> Outcome {
        let collector = LoopbackStreamCollector()
        let session = URLSession(configuration: .ephemeral, delegate: collector, delegateQueue: nil)
        defer { session.finishTasksAndInvalidate() }
        return await withCheckedContinuation { continuation in
            collector.lock.lock()
            collector.continuation = continuation
            collector.lock.unlock()
            session.dataTask(with: request).resume()
        }
    }

    func urlSession(_ session: URLSession, dataTask: URLSessionDataTask, didReceive data: Data) {
        lock.lock()
        outcome.pieces.append(data)
        lock.unlock()
    }

    func urlSession(_ session: URLSession, task: URLSessionTask, didCompleteWithError error: (any Error)?) {
        let http = task.response as? HTTPURLResponse
        lock.lock()
        outcome.statusCode = http?.statusCode
        outcome.contentType = http?.value(forHTTPHeaderField: "Content-Type")
        outcome.error = error
        let finished = outcome
        let waiting = continuation
        continuation = nil
        lock.unlock()
        waiting?.resume(returning: finished)
    }
}
