import Foundation

extension ProviderProfile {
    static let keys = [
        "name", "baseURL", "auth", "keyVariable", "defaultModel", "models", "temperature", "topP", "unsupported",
        "maxOutput", "messages", "streamKeepAlive", "errorShape", "pricesTaken", "notes",
    ]

    /// The built-in catalog, decoded from ``catalogJSON``; a mistake in it is a programming error that the
    /// test suite catches.
    public static let catalog: [ProviderProfile] = {
        do {
            let reader = try JSONFieldReader(parsing: catalogJSON, file: "ProviderProfile+Catalog.swift")
            return try reader.object(reader.document.root, at: "$").members.map { member throws(LibraryDiagnostic) in
                let empty = ProviderProfile(id: member.key, displayName: member.key, baseURL: "", auth: .bearer, keyVariable: nil,
                                            defaultModel: nil, models: [], temperature: nil, topP: nil, unsupportedParameters: [],
                                            maxOutputTokens: nil, messages: MessageRules(), streamKeepAlive: false,
                                            errorShape: "openai", pricesTaken: nil, notes: [])
                return try empty.overriding(with: member.value, at: JSONParser.child("$", member.key), reader: reader)
            }
        } catch {
            fatalError("the built-in provider catalog is invalid: \(error)")
        }
    }()

    /// This profile with every field that `value` (a partial profile object) sets replaced; `models` are
    /// merged by name, a model's fields one by one.
    func overriding(with value: JSONValue, at path: String, reader: JSONFieldReader) throws(LibraryDiagnostic) -> ProviderProfile {
        let object = try reader.object(value, at: path)
        try reader.rejectUnknownKeys(object, at: path, known: Self.keys)
        var profile = self
        func string(_ key: String) throws(LibraryDiagnostic) -> String? {
            try object[key].map { v throws(LibraryDiagnostic) in try reader.string(v, at: "\(path).\(key)") }
        }
        func range(_ key: String) throws(LibraryDiagnostic) -> ValueRange? {
            guard let text = try string(key) else { return nil }
            guard let range = ValueRange(text) else { throw reader.diagnostic("\(path).\(key)", "expected an interval like \"[0,2]\" or \"(0,1]\", found \"\(text)\"") }
            return range
        }
        profile.displayName = try string("name") ?? displayName
        profile.baseURL = try string("baseURL") ?? baseURL
        if let auth = try string("auth") {
            guard let scheme = AuthScheme(rawValue: auth) else { throw reader.diagnostic("\(path).auth", "expected \"bearer\" or \"api-key\", found \"\(auth)\"") }
            profile.auth = scheme
        }
        profile.keyVariable = try string("keyVariable") ?? keyVariable
        profile.defaultModel = try string("defaultModel") ?? defaultModel
        profile.temperature = try range("temperature") ?? temperature
        profile.topP = try range("topP") ?? topP
        if let v = object["unsupported"] { profile.unsupportedParameters = try reader.strings(v, at: "\(path).unsupported") }
        if let v = object["maxOutput"] { profile.maxOutputTokens = try reader.integer(v, at: "\(path).maxOutput", minimum: 1) }
        if let v = object["streamKeepAlive"] { profile.streamKeepAlive = try reader.bool(v, at: "\(path).streamKeepAlive") }
        profile.errorShape = try string("errorShape") ?? errorShape
        profile.pricesTaken = try string("pricesTaken") ?? pricesTaken
        if let v = object["notes"] { profile.notes = try reader.strings(v, at: "\(path).notes") }
        if let v = object["messages"] { profile.messages = try Self.decodeRules(v, over: messages, at: "\(path).messages", reader: reader) }
        if let v = object["models"] {
            for member in try reader.object(v, at: "\(path).models") {
                let base = profile.model(named: member.key) ?? Model(name: member.key)
                let model = try Self.decodeModel(member.value, over: base, at: JSONParser.child("\(path).models", member.key), reader: reader)
                profile.models.removeAll { $0.name == member.key }
                profile.models.append(model)
            }
        }
        return profile
    }

    static func decodeRules(_ value: JSONValue, over base: MessageRules, at path: String, reader: JSONFieldReader) throws(LibraryDiagnostic) -> MessageRules {
        let object = try reader.object(value, at: path)
        try reader.rejectUnknownKeys(object, at: path, known: ["system", "alternate", "userFirst", "userLast", "max", "noEmpty"])
        var rules = base
        if let v = object["system"] {
            let text = try reader.string(v, at: "\(path).system")
            guard let placement = SystemPlacement(rawValue: text) else {
                throw reader.diagnostic("\(path).system", "expected \"anywhere\", \"first\" or \"merge-into-user\", found \"\(text)\"")
            }
            rules.system = placement
        }
        if let v = object["alternate"] { rules.alternate = try reader.bool(v, at: "\(path).alternate") }
        if let v = object["userFirst"] { rules.userFirst = try reader.bool(v, at: "\(path).userFirst") }
        if let v = object["userLast"] { rules.userLast = try reader.bool(v, at: "\(path).userLast") }
        if let v = object["max"] { rules.maxMessages = try reader.integer(v, at: "\(path).max", minimum: 1) }
        if let v = object["noEmpty"] { rules.noEmptyContent = try reader.bool(v, at: "\(path).noEmpty") }
        return rules
    }

    static func decodeModel(_ value: JSONValue, over base: Model, at path: String, reader: JSONFieldReader) throws(LibraryDiagnostic) -> Model {
        let object = try reader.object(value, at: path)
        try reader.rejectUnknownKeys(object, at: path, known: ["context", "maxOutput", "price"])
        var model = base
        if let v = object["context"] { model.contextTokens = try reader.integer(v, at: "\(path).context", minimum: 1) }
        if let v = object["maxOutput"] { model.maxOutputTokens = try reader.integer(v, at: "\(path).maxOutput", minimum: 1) }
        if let v = object["price"] {
            let prices = try reader.array(v, at: "\(path).price")
            guard prices.count == 2, let input = prices[0].numberValue, let output = prices[1].numberValue, input >= 0, output >= 0 else {
                throw reader.diagnostic("\(path).price", "expected [input, output] in CNY per 1M tokens, e.g. [4, 12]")
            }
            model.inputPrice = input
            model.outputPrice = output
        }
        return model
    }
}

extension ProviderProfile.Model {
    init(name: String) { self.init(name: name, contextTokens: nil, maxOutputTokens: nil, inputPrice: nil, outputPrice: nil) }
}
