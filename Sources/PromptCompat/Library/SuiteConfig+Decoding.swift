import Foundation

extension SuiteConfig {
    /// Reads and validates a suite config file.
    public static func load(from file: URL, displayPath: String? = nil) throws(LibraryDiagnostic) -> SuiteConfig {
        let name = displayPath ?? file.path
        let data: Data
        do {
            data = try Data(contentsOf: file)
        } catch {
            throw LibraryDiagnostic(.error, file: name, message: "cannot read the suite config: \(error.localizedDescription)")
        }
        let text = try LibraryDiagnostic.utf8Text(data, file: name)
        return try decode(text, file: name)
    }

    /// Parses and validates suite config text; `file` names it in errors.
    public static func decode(_ text: String, file: String) throws(LibraryDiagnostic) -> SuiteConfig {
        let reader = try JSONFieldReader(parsing: text, file: file)
        let root = try reader.object(reader.document.root, at: "$")
        try reader.rejectUnknownKeys(root, at: "$", known: ["baseline", "providers", "samples", "defaults", "grading", "description"])

        guard let providersValue = root["providers"] else { throw reader.diagnostic("$", "missing \"providers\": an object of provider name → settings") }
        var providers: [ProviderConfig] = []
        for member in try reader.object(providersValue, at: "$.providers") {
            providers.append(try decodeProvider(member.key, member.value, reader: reader))
        }
        guard !providers.isEmpty else { throw reader.diagnostic("$.providers", "expected at least one provider") }

        guard let baselineValue = root["baseline"] else { throw reader.diagnostic("$", "missing \"baseline\": the name of the provider whose outputs are the reference") }
        let baseline = try reader.string(baselineValue, at: "$.baseline")
        guard providers.contains(where: { $0.name == baseline }) else {
            throw reader.diagnostic("$.baseline", "baseline \"\(baseline)\" is not one of the providers: \(providers.map(\.name).joined(separator: ", "))")
        }

        var config = SuiteConfig(baseline: baseline, providers: providers, samples: 1, defaults: Defaults())
        if let value = root["samples"] { config.samples = try reader.integer(value, at: "$.samples", minimum: 1) }
        if let value = root["defaults"] { config.defaults = try decodeDefaults(value, reader: reader) }
        if let value = root["grading"] { config.grading = try GradingConfig.decode(value, providers: providers, reader: reader) }
        return config
    }

    private static func decodeDefaults(_ value: JSONValue, reader: JSONFieldReader) throws(LibraryDiagnostic) -> Defaults {
        let object = try reader.object(value, at: "$.defaults")
        try reader.rejectUnknownKeys(object, at: "$.defaults", known: ["similarity", "timeoutSeconds", "concurrency", "retries", "maxResponseBytes"])
        var defaults = Defaults()
        if let v = object["similarity"] { defaults.similarity = try reader.fraction(v, at: "$.defaults.similarity") }
        if let v = object["concurrency"] { defaults.concurrency = try reader.integer(v, at: "$.defaults.concurrency", minimum: 1) }
        if let v = object["timeoutSeconds"] {
            guard let seconds = v.numberValue, seconds > 0 else {
                throw reader.diagnostic("$.defaults.timeoutSeconds", "expected a number of seconds > 0, found \(v.serialized())")
            }
            defaults.timeoutSeconds = seconds
        }
        if let v = object["retries"] { defaults.retry = try decodeRetries(v, reader: reader) }
        if let v = object["maxResponseBytes"] { defaults.maxResponseBytes = try reader.integer(v, at: "$.defaults.maxResponseBytes", minimum: 1024) }
        return defaults
    }

    /// `defaults.retries`: `{"maxAttempts": 7, "baseDelaySeconds": 1, "maxDelaySeconds": 30, "budget": 100}`, each optional.
    private static func decodeRetries(_ value: JSONValue, reader: JSONFieldReader) throws(LibraryDiagnostic) -> RetryPolicy {
        let path = "$.defaults.retries"
        let object = try reader.object(value, at: path)
        try reader.rejectUnknownKeys(object, at: path, known: ["maxAttempts", "baseDelaySeconds", "maxDelaySeconds", "budget"])
        func seconds(_ key: String) throws(LibraryDiagnostic) -> Double? {
            guard let v = object[key] else { return nil }
            guard let number = v.numberValue else { throw reader.mismatch("\(path).\(key)", expected: "a number of seconds ≥ 0", found: v) }
            guard number >= 0, number.isFinite else { throw reader.diagnostic("\(path).\(key)", "expected a number of seconds ≥ 0, found \(v.serialized())") }
            return number
        }
        var policy = RetryPolicy()
        if let v = object["maxAttempts"] { policy.maxAttempts = try reader.integer(v, at: "\(path).maxAttempts", minimum: 1) }
        if let v = object["budget"] { policy.budget = try reader.integer(v, at: "\(path).budget", minimum: 0) }
        if let base = try seconds("baseDelaySeconds") { policy.baseDelay = base }
        if let maxDelay = try seconds("maxDelaySeconds") { policy.maxDelay = maxDelay }
        return policy
    }

    private static func decodeProvider(_ name: String, _ value: JSONValue, reader: JSONFieldReader) throws(LibraryDiagnostic) -> ProviderConfig {
        let path = JSONParser.child("$.providers", name)
        if let problem = SafeName.problem(with: name) {
            throw reader.diagnostic(path, "provider name \"\(name)\" \(problem)")
        }
        let object = try reader.object(value, at: path)
        if let literal = ["apiKey", "api_key", "key", "token"].first(where: { object[$0] != nil }) {  // never echo its value
            throw reader.diagnostic("\(path).\(literal)", "API keys are read from the environment only, never from a file: remove \"\(literal)\" and name the variable that holds the key in \"apiKeyEnv\"")
        }
        try reader.rejectUnknownKeys(object, at: path, known: ["profile", "baseURL", "model", "models", "apiKeyEnv", "stream", "strict", "profileOverrides", "rateLimit", "concurrency"])
        func required(_ key: String, _ what: String) throws(LibraryDiagnostic) -> String {
            guard let v = object[key] else { throw reader.diagnostic(path, "missing \"\(key)\": \(what)") }
            return try reader.string(v, at: "\(path).\(key)")
        }
        let profile = try object["profile"].map { v throws(LibraryDiagnostic) in try reader.string(v, at: "\(path).profile") } ?? "openai-compatible"
        guard ProviderProfile.named(profile) != nil else {
            throw reader.diagnostic("\(path).profile", "unknown profile \"\(profile)\"; known profiles: \(ProviderProfile.catalog.map(\.id).joined(separator: ", "))")
        }
        let urlText = try required("baseURL", "the provider's base URL, e.g. \"http://127.0.0.1:8701/v1\"")
        guard let url = URL(string: urlText), let scheme = url.scheme, ["http", "https"].contains(scheme), url.host != nil else {
            throw reader.diagnostic("\(path).baseURL", "expected an http:// or https:// URL, found \"\(urlText)\"")
        }
        let model = try required("model", "the model to call, e.g. \"qwen-plus\"")
        let models = try object["models"].map { v throws(LibraryDiagnostic) in try reader.stringMap(v, at: "\(path).models") } ?? [:]
        let keyEnv = try object["apiKeyEnv"].map { v throws(LibraryDiagnostic) in try reader.string(v, at: "\(path).apiKeyEnv") }
        var config = ProviderConfig(name: name, profile: profile, baseURL: url, model: model, models: models, apiKeyEnv: keyEnv)
        if let value = object["stream"] { config.stream = try reader.bool(value, at: "\(path).stream") }
        if let value = object["strict"] { config.strict = try reader.bool(value, at: "\(path).strict") }
        if let value = object["profileOverrides"] {
            config.resolvedProfile = try config.resolvedProfile.overriding(with: value, at: "\(path).profileOverrides", reader: reader)
        }
        if let value = object["rateLimit"] { config.rateLimit = try decodeRateLimit(value, at: "\(path).rateLimit", reader: reader) }
        if let value = object["concurrency"] { config.concurrency = try reader.integer(value, at: "\(path).concurrency", minimum: 1) }
        return config
    }

    /// `{"requestsPerMinute": 60, "tokensPerMinute": 100000}`, each optional, each a whole number ≥ 1.
    private static func decodeRateLimit(_ value: JSONValue, at path: String, reader: JSONFieldReader) throws(LibraryDiagnostic) -> RateLimit {
        let object = try reader.object(value, at: path)
        try reader.rejectUnknownKeys(object, at: path, known: ["requestsPerMinute", "tokensPerMinute"])
        return RateLimit(
            requestsPerMinute: try object["requestsPerMinute"].map { v throws(LibraryDiagnostic) in try reader.integer(v, at: "\(path).requestsPerMinute", minimum: 1) },
            tokensPerMinute: try object["tokensPerMinute"].map { v throws(LibraryDiagnostic) in try reader.integer(v, at: "\(path).tokensPerMinute", minimum: 1) }
        )
    }
}
