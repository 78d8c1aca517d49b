import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import PromptCompat

/// Blocking calls to the real model behind a `QuirkProxy`, from a connection's thread.
enum Upstream {
    /// A complete upstream answer, or why there was none (then `status` is 502 or 504).
    struct Reply: Sendable {
        var status: Int
        var contentType: String
        var body: Data

        /// The answer relayed as it came.
        var response: ScriptedResponse {
            .http(status: status, headers: ["Content-Type": contentType], body: body)
        }
    }

    static let session: URLSession = {
        let configuration = URLSessionConfiguration.ephemeral
        configuration.requestCachePolicy = .reloadIgnoringLocalCacheData
        return URLSession(configuration: configuration)
    }()

    static func request(method: String, url: URL, body: Data?, timeout: Double) -> URLRequest {
        var request = URLRequest(url: url)
        request.httpMethod = method
        request.timeoutInterval = timeout
        if let body {
            request.httpBody = body
            request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        }
        return request
    }

    /// Sends one request and waits for the whole answer.
    static func send(method: String, url: URL, body: Data?, timeout: Double) -> Reply {
        let box = ReplyBox()
        let done = DispatchSemaphore(value: 0)
        session.dataTask(with: request(method: method, url: url, body: body, timeout: timeout)) { data, response, error in
            if let http = response as? HTTPURLResponse {
                let type = headers(of: http)["content-type"] ?? "application/json"
                box.set(Reply(status: http.statusCode, contentType: type, body: data ?? Data()))
            } else {
                box.set(failure(error.map { "\($0.localizedDescription)" } ?? "no HTTP response", url: url, timedOut: (error as? URLError)?.code == .timedOut))
            }
            done.signal()
        }.resume()
        done.wait()
        return box.value ?? failure("no answer", url: url, timedOut: false)
    }

    /// The proxy's own error when the model cannot be reached (not a provider behaviour: 502, or 504 on timeout).
    static func failure(_ reason: String, url: URL, timedOut: Bool) -> Reply {
        let message = JSONValue.string("quirk proxy: upstream \(url.absoluteString) failed: \(reason)").serialized()
        let body = #"{"error":{"message":\#(message),"type":"upstream_error","param":null,"code":null}}"#
        return Reply(status: timedOut ? 504 : 502, contentType: "application/json", body: Data(body.utf8))
    }

    static func headers(of response: HTTPURLResponse) -> [String: String] {
        var headers: [String: String] = [:]
        for (key, value) in response.allHeaderFields {
            if let key = key as? String, let value = value as? String { headers[key.lowercased()] = value }
        }
        return headers
    }

    private final class ReplyBox: @unchecked Sendable {
        private let lock = NSLock()
        private var reply: Reply?

        func set(_ value: Reply) {
            lock.lock()
            reply = value
            lock.unlock()
        }

        var value: Reply? {
            lock.lock()
            defer { lock.unlock() }
            return reply
        }
    }
}

/// A streaming upstream request whose response head and body bytes are queued as they arrive, so a
/// connection thread can relay them and send keep-alives while it waits.
final class UpstreamStream: NSObject, URLSessionDataDelegate, @unchecked Sendable {
    enum Event {
        case head(status: Int, headers: [String: String])
        case data(Data)
        /// The transfer ended; with the error's description when it failed.
        case end(String?)
    }

    // All state is guarded by `condition`; URLSession calls the delegate serially on its own queue.
    private let condition = NSCondition()
    private var queue: [Event] = []
    private var session: URLSession?
    private var task: URLSessionDataTask?

    init(_ request: URLRequest) {
        super.init()
        let configuration = URLSessionConfiguration.ephemeral
        configuration.timeoutIntervalForRequest = request.timeoutInterval
        let session = URLSession(configuration: configuration, delegate: self, delegateQueue: nil)
        let task = session.dataTask(with: request)
        condition.lock()
        self.session = session
        self.task = task
        condition.unlock()
        task.resume()
    }

    /// The next event, waiting up to `seconds`; nil when nothing arrived in that time.
    func next(waitingUpTo seconds: Double) -> Event? {
        condition.lock()
        defer { condition.unlock() }
        if queue.isEmpty { _ = condition.wait(until: Date().addingTimeInterval(seconds)) }
        return queue.isEmpty ? nil : queue.removeFirst()
    }

    /// Waits for the response head: its status and headers, or why it did not come.
    func head(timeout: Double) -> Result<(status: Int, headers: [String: String]), UpstreamError> {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            switch next(waitingUpTo: 0.1) {
            case .head(let status, let headers)?: return .success((status, headers))
            case .end(let reason)?: return .failure(UpstreamError(reason: reason ?? "the connection closed", timedOut: false))
            case .data?, nil: continue
            }
        }
        return .failure(UpstreamError(reason: "no answer within \(Int(timeout)) s", timedOut: true))
    }

    /// The rest of the body, after the head (for an upstream error answered to a streaming request).
    func remainingBody(timeout: Double) -> Data {
        var body = Data()
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            switch next(waitingUpTo: 0.1) {
            case .data(let data)?: body.append(data)
            case .end?: return body
            case .head?, nil: continue
            }
        }
        return body
    }

    /// Ends the transfer (idempotent).
    func cancel() {
        condition.lock()
        let (task, session) = (self.task, self.session)
        condition.unlock()
        task?.cancel()
        session?.invalidateAndCancel()
    }

    private func push(_ event: Event) {
        condition.lock()
        queue.append(event)
        condition.signal()
        condition.unlock()
    }

    func urlSession(
        _ session: URLSession, dataTask: URLSessionDataTask, didReceive response: URLResponse,
        completionHandler: @escaping @Sendable (URLSession.ResponseDisposition) -> Void
    ) {
        if let http = response as? HTTPURLResponse {
            push(.head(status: http.statusCode, headers: Upstream.headers(of: http)))
        }
        completionHandler(.allow)
    }

    func urlSession(_ session: URLSession, dataTask: URLSessionDataTask, didReceive data: Data) {
        push(.data(data))
    }

    func urlSession(_ session: URLSession, task: URLSessionTask, didCompleteWithError error: (any Error)?) {
        push(.end(error.map { $0.localizedDescription }))
        session.finishTasksAndInvalidate()
    }
}

struct UpstreamError: Error {
    var reason: String
    var timedOut: Bool
}
