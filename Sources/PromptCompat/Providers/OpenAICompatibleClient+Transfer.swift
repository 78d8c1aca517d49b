import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

extension OpenAICompatibleClient {
    /// The default cap on one response body: 8 MiB. A chat answer is kilobytes; a body past this is a
    /// broken gateway or a runaway stream, and reading it whole would only exhaust memory.
    public static let defaultMaxResponseBytes = 8 << 20

    /// The key this client sends (from the environment), to take out of anything a failure keeps.
    var apiKeySecrets: [String] {
        config.apiKeyEnv.flatMap { environment[$0] }.map { [$0] } ?? []
    }

    /// Sends `urlRequest` and reads the whole body, stopping at ``maxResponseBytes``.
    ///
    /// Both paths (one JSON answer and SSE) read through a data delegate, so the client sees every byte as
    /// it arrives and can stop a body that is too large instead of buffering it: a `Content-Length` over
    /// the cap fails before the first body byte, a close-delimited body as soon as it passes the cap.
    func receiveBody(_ urlRequest: URLRequest) async throws(ProviderFailure) -> (status: Int, headers: [String: String], body: Data) {
        let (parts, task) = transfers.start(urlRequest, in: transferSession, maxBytes: maxResponseBytes)
        defer { task.cancel() }  // a failure raised here ends the transfer too
        var status = 0
        var headers: [String: String] = [:]
        var body = Data()
        do {
            for try await part in parts {
                switch part {
                case .response(let code, let fields):
                    (status, headers) = (code, fields)
                    if let length = fields["content-length"].flatMap(Int.init), length > maxResponseBytes {
                        throw responseTooLarge(status: status, announced: length, start: Data())
                    }
                case .data(let data):
                    body.append(data)
                    if body.count > maxResponseBytes { throw responseTooLarge(status: status, announced: nil, start: body) }
                }
            }
        } catch let failure as ProviderFailure {
            throw failure
        } catch {
            throw Self.transportFailure(error, url: urlRequest.url)
        }
        try Self.checkNotCancelled()
        return (status, headers, body)
    }

    /// A `malformed-response` failure for a body past ``maxResponseBytes``, with its first bytes as evidence.
    func responseTooLarge(status: Int, announced: Int?, start: Data) -> ProviderFailure {
        let size = announced.map { "announced \($0) bytes, " } ?? ""
        return ProviderFailure(
            .malformedResponse,
            "response larger than \(maxResponseBytes) bytes (\(size)the limit is maxResponseBytes): stopped reading it",
            status: status == 0 ? nil : status, evidence: ProviderFailure.evidence(from: start)
        )
    }

    /// A transfer ended because the calling task was cancelled (an interrupted run): not the provider's fault.
    static func checkNotCancelled() throws(ProviderFailure) {
        if Task.isCancelled { throw ProviderFailure(.network, "cancelled: the run was interrupted before the answer arrived") }
    }

    /// A `malformed-response` failure for an SSE line that is not UTF-8 (line numbers from 1).
    static func streamNotText(line: Int, status: Int) -> ProviderFailure {
        ProviderFailure(.malformedResponse, "the stream is not text: line \(line) of the stream is not valid UTF-8", status: status)
    }

    /// Why `data` is not valid UTF-8 (`byte 0xFF at offset 12`), or `nil` when it is.
    static func invalidUTF8(in data: Data) -> String? {
        guard String(data: data, encoding: .utf8) == nil else { return nil }
        var decoder = UTF8()
        var iterator = data.makeIterator()
        var offset = 0
        var consumed = 0
        while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar):
                consumed += UTF8.width(scalar)
                offset = consumed
            case .emptyInput:
                return "invalid UTF-8"
            case .error:
                let byte = data[data.startIndex + offset]
                return "byte 0x\(String(byte, radix: 16, uppercase: true)) at offset \(offset) is not valid UTF-8"
            }
        }
    }
}

/// What a transfer passes on: the response head, then body bytes.
enum StreamPart: Sendable {
    case response(status: Int, headers: [String: String])
    case data(Data)
}

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
