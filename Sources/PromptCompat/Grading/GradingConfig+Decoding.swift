import Foundation

extension GradingConfig {
    /// Reads `$.grading` of a suite config; every provider name must be one of `providers`.
    static func decode(_ value: JSONValue, providers: [ProviderConfig], reader: JSONFieldReader) throws(LibraryDiagnostic) -> GradingConfig {
        let path = "$.grading"
        let object = try reader.object(value, at: path)
        try reader.rejectUnknownKeys(object, at: path, known: ["judge", "embeddings", "cache"])
        var config = GradingConfig()
        if let judge = object["judge"] {
            let fields = try decodeGrader(judge, at: "\(path).judge", extra: ["language"], providers: providers, reader: reader)
            config.judge = Judge(provider: fields.provider, model: fields.model)
            if let language = fields.object["language"] {
                config.judge?.language = try decodeLanguage(language, at: "\(path).judge.language", reader: reader)
            }
        }
        if let embeddings = object["embeddings"] {
            let fields = try decodeGrader(embeddings, at: "\(path).embeddings", extra: [], providers: providers, reader: reader)
            config.embeddings = Embeddings(provider: fields.provider, model: fields.model)
        }
        if let cache = object["cache"] {
            let text = try reader.string(cache, at: "\(path).cache")
            guard !text.trimmingCharacters(in: .whitespaces).isEmpty else {
                throw reader.diagnostic("\(path).cache", "expected a folder path, found an empty string")
            }
            config.cache = text
        }
        return config
    }

    /// `provider` (required, declared) and `model` (optional) of a grader, plus its object for extra keys.
    private static func decodeGrader(
        _ value: JSONValue, at path: String, extra: [String], providers: [ProviderConfig], reader: JSONFieldReader
    ) throws(LibraryDiagnostic) -> (provider: String, model: String?, object: JSONObject) {
        let object = try reader.object(value, at: path)
        try reader.rejectUnknownKeys(object, at: path, known: ["provider", "model"] + extra)
        guard let providerValue = object["provider"] else {
            throw reader.diagnostic(path, "missing \"provider\": the name of one of the providers: \(providers.map(\.name).joined(separator: ", "))")
        }
        let provider = try reader.string(providerValue, at: "\(path).provider")
        guard providers.contains(where: { $0.name == provider }) else {
            throw reader.diagnostic("\(path).provider", "unknown provider \"\(provider)\"; declared providers: \(providers.map(\.name).joined(separator: ", "))")
        }
        let model = try object["model"].map { v throws(LibraryDiagnostic) in try reader.string(v, at: "\(path).model") }
        return (provider, model, object)
    }

    private static func decodeLanguage(_ value: JSONValue, at path: String, reader: JSONFieldReader) throws(LibraryDiagnostic) -> JudgeLanguage {
        let text = try reader.string(value, at: path)
        guard let language = JudgeLanguage(rawValue: text) else {
            throw reader.diagnostic(path, "unknown language \"\(text)\"; expected one of: \(JudgeLanguage.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        return language
    }
}
