import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

extension OpenAICompatibleClient {
    /// Embeds `texts` with `POST {baseURL}/embeddings` `{"model": …, "input": [texts…]}`, sending the key as
    /// the provider's profile says (Bearer, or Azure's `api-key`). One ``Embedding`` per text, in order.
    ///
    /// ```swift
    /// let client = OpenAICompatibleClient(config: library.config.provider(named: "local-embed")!)
    /// let pair = try await client.embeddings(of: ["退款7天内到账", "七个工作日内退款"], model: "smollm2-135m-embed")
    /// pair[0].similarity(to: pair[1])
    /// ```
    ///
    /// A server that answers one vector per token (llama-cpp-python started with `--embedding true` on a
    /// causal model such as SmolLM2) is mean-pooled here. That server also puts wrong vectors in every item
    /// after the first of a batch (llama-cpp-python 0.3.x offsets the second sequence's token vectors by
    /// its token count, not by tokens × dimension), so when a batch comes back per-token, each text after
    /// the first is asked for again on its own.
    ///
    /// - Throws: ``ProviderFailure``, classified as for chat; no embeddings endpoint (404, 405, 501, or
    ///   llama-cpp-python's "must be created with embedding=True") is ``ProviderFailure/Cause/unsupported(parameter:)``
    ///   `"embeddings"`; a body without one vector per text is ``ProviderFailure/Cause/malformedResponse``.
    public func embeddings(of texts: [String], model: String) async throws(ProviderFailure) -> [Embedding] {
        guard !texts.isEmpty else { return [] }
        var embeddings = try await embeddingsCall(texts, model: model)
        if texts.count > 1, embeddings.contains(where: { $0.pooledTokens != nil }) {
            for index in texts.indices.dropFirst() {
                embeddings[index] = try await embeddingsCall([texts[index]], model: model)[0]
            }
        }
        return embeddings
    }

    /// The request body for `texts`; also what the grading cache keys on.
    public static func embeddingsBody(model: String, texts: [String]) -> JSONValue {
        ["model": .string(model), "input": .array(texts.map(JSONValue.string))]
    }

    private func embeddingsCall(_ texts: [String], model: String) async throws(ProviderFailure) -> [Embedding] {
        do {
            return try await unredactedEmbeddingsCall(texts, model: model)
        } catch {
            throw error.redactingSecrets(apiKeySecrets)  // a body that echoes the key
        }
    }

    private func unredactedEmbeddingsCall(_ texts: [String], model: String) async throws(ProviderFailure) -> [Embedding] {
        // The key header, timeout and content type exactly as for chat (and the same failure naming the key
        // variable when it is unset).
        let urlRequest = try makeRequest(path: "embeddings", body: Self.embeddingsBody(model: model, texts: texts).data(), accept: "application/json")

        // Read like a chat answer: through the client's one session, bounded by maxResponseBytes.
        let (status, headers, data) = try await receiveBody(urlRequest)
        guard (200..<300).contains(status) else {
            throw embeddingsFailure(status: status, headers: headers, body: data, url: urlRequest.url)
        }
        let json: JSONValue
        do {
            json = try JSONValue(parsing: data)
        } catch {
            throw ProviderFailure(.malformedResponse, "the embeddings response body is not JSON (\(error))", status: status, evidence: ProviderFailure.evidence(from: data))
        }
        if FailureClassifier.isErrorBody(json) {
            throw embeddingsFailure(status: status, headers: headers, body: data, url: urlRequest.url)
        }
        return try Self.embeddings(from: json, count: texts.count, evidence: data, status: status)
    }

    /// Reads `data[i].embedding` (ordered by `data[i].index` when given) for `count` texts.
    static func embeddings(from json: JSONValue, count: Int, evidence: Data, status: Int) throws(ProviderFailure) -> [Embedding] {
        func malformed(_ problem: String) -> ProviderFailure {
            ProviderFailure(.malformedResponse, "the embeddings response \(problem)", status: status, evidence: ProviderFailure.evidence(from: evidence))
        }
        guard let items = json["data"]?.arrayValue else { throw malformed("has no data array") }
        guard items.count == count else { throw malformed("has \(items.count) embeddings for \(count) inputs") }
        var result = [Embedding?](repeating: nil, count: count)
        for (position, item) in items.enumerated() {
            let index = item["index"]?.intValue ?? position
            guard result.indices.contains(index), result[index] == nil else { throw malformed("has a wrong or repeated index \(index)") }
            guard let value = item["embedding"], let embedding = Embedding(json: value) else {
                throw malformed("has no usable data[\(position)].embedding (expected an array of numbers, or one array of numbers per token)")
            }
            result[index] = embedding
        }
        return result.compactMap { $0 }
    }

    /// Markers of a server without embeddings, in an error body (llama-cpp-python, llama.cpp's server, gateways).
    static let noEmbeddingsMarkers = ["embedding=True", "--embedding", "does not support embeddings", "embeddings not supported", "not an embedding model"]
    /// Statuses that mean the endpoint does not exist.
    static let noEndpointStatuses: Set<Int> = [404, 405, 501]
    /// Markers of a 404 about the model rather than the endpoint: left to the usual classification.
    static let unknownModelMarkers = ["model_not_found", "does not exist", "model not found"]

    /// Classifies a failed embeddings call like a chat call, except that a missing embeddings endpoint or
    /// a server not started for embeddings is `unsupported("embeddings")`.
    func embeddingsFailure(status: Int, headers: [String: String], body: Data, url: URL?) -> ProviderFailure {
        var failure = FailureClassifier.classify(status: status, headers: headers, body: body, keyVariable: config.apiKeyEnv, errorShape: config.resolvedProfile.errorShape)
        let text = String(decoding: body.prefix(ProviderFailure.evidenceLimit), as: UTF8.self)
        func mentions(_ markers: [String]) -> Bool { markers.contains { text.range(of: $0, options: .caseInsensitive) != nil } }
        let noEndpoint = Self.noEndpointStatuses.contains(status) && !mentions(Self.unknownModelMarkers)
        switch failure.cause {
        case .auth, .rateLimited, .quotaExhausted, .safetyBlocked, .contextTooLong, .timeout:
            return failure
        case .unsupported:
            break
        default:
            guard noEndpoint || mentions(Self.noEmbeddingsMarkers) else { return failure }
        }
        let place = url.map { " at \($0.absoluteString)" } ?? ""
        failure.cause = .unsupported(parameter: "embeddings")
        failure.message = "provider \"\(config.name)\" does not serve embeddings\(place): \(failure.message) — point grading.embeddings at a provider that does (llama.cpp: start the server with --embedding)"
        return failure
    }
}
