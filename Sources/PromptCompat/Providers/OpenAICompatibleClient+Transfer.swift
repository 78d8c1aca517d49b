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
    /// Both paths (one JSON answer and SSE) read through the client's ``HTTPTransport``, so the client sees
    /// every byte as it arrives and can stop a body that is too large instead of buffering it: a
    /// `Content-Length` over the cap fails before the first body byte, a close-delimited body as soon as it
    /// passes the cap.
    func receiveBody(_ urlRequest: HTTPRequest) async throws(ProviderFailure) -> (status: Int, headers: [String: String], body: Data) {
        let transfer = transport.start(urlRequest, maxBytes: maxResponseBytes)
        defer { transfer.cancel() }  // a failure raised here ends the transfer too
        var status = 0
        var headers: [String: String] = [:]
        var body = Data()
        do {
            for try await part in transfer.parts {
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
        guard !UTF8Validation.isValid(data) else { return nil }
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
