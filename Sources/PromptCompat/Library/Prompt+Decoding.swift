import Foundation

extension Prompt {
    /// Keys of a prompt file that are not request parameters.
    static let ownKeys = ["messages", "cases", "expect", "overrides", "tags", "description", "samples", "weight"]

    /// Chat Completions parameters the loader knows; any other key is sent too, with a warning.
    static let knownParameters = [
        "model", "temperature", "top_p", "max_tokens", "max_completion_tokens", "stop", "seed", "n",
        "presence_penalty", "frequency_penalty", "logit_bias", "logprobs", "top_logprobs", "response_format",
        "tools", "tool_choice", "parallel_tool_calls", "user", "stream",
    ]

    /// Parses and validates one prompt file.
    ///
    /// - Parameters:
    ///   - providers: the provider names of the suite config; an override for any other name is an error.
    ///   - warnings: receives the problems that do not stop the prompt from running.
    static func decode(
        _ text: String, id: String, file: URL, displayPath: String, providers: [String],
        warnings: inout [LibraryDiagnostic]
    ) throws(LibraryDiagnostic) -> Prompt {
        let reader = try JSONFieldReader(parsing: text, file: displayPath)
        let document = reader.document
        let root = try reader.object(document.root, at: "$")

        guard let messagesValue = root["messages"] else {
            throw reader.diagnostic("$", "missing \"messages\": the request's array of {\"role\", \"content\"} messages")
        }
        let messages = try decodeMessages(messagesValue, at: "$.messages", reader: reader)
        let expect = try root["expect"].map { v throws(LibraryDiagnostic) in try Expectations(decoding: v, at: "$.expect", reader: reader) } ?? Expectations()

        var parameters = JSONObject()
        for member in root where !ownKeys.contains(member.key) {
            if !knownParameters.contains(member.key) {
                warnings.append(reader.diagnostic(JSONParser.child("$", member.key), "\"\(member.key)\" is not a Chat Completions parameter PromptCompat knows; it is sent as is", .warning))
            }
            parameters[member.key] = member.value
        }
        try RequestParameterRules.check(parameters, at: "$", reader: reader)

        var overrides: [String: PromptOverride] = [:]
        if let value = root["overrides"] {
            for member in try reader.object(value, at: "$.overrides") {
                let path = JSONParser.child("$.overrides", member.key)
                guard providers.contains(member.key) else {
                    throw reader.diagnostic(path, "override for \"\(member.key)\", which the suite config does not declare; declared providers: \(providers.joined(separator: ", "))")
                }
                overrides[member.key] = try decodeOverride(member.value, at: path, reader: reader)
            }
        }

        guard let casesValue = root["cases"] else {
            throw reader.diagnostic("$", "missing \"cases\": an array of {\"name\", \"vars\"} objects, at least one")
        }
        let cases = try decodeCases(casesValue, promptExpect: expect, reader: reader)
        try checkVariables(messages: messages, overrides: overrides, cases: cases, reader: reader, warnings: &warnings)

        return Prompt(
            id: id, file: file,
            description: try root["description"].map { v throws(LibraryDiagnostic) in try reader.string(v, at: "$.description") },
            tags: try root["tags"].map { v throws(LibraryDiagnostic) in try reader.strings(v, at: "$.tags") } ?? [],
            messages: messages, parameters: parameters, cases: cases,
            samples: try root["samples"].map { v throws(LibraryDiagnostic) in try reader.integer(v, at: "$.samples", minimum: 1) },
            overrides: overrides, positions: document.positions,
            weight: try root["weight"].map { v throws(LibraryDiagnostic) in
                guard let number = v.numberValue, number >= 0 else { throw reader.mismatch("$.weight", expected: "a number ≥ 0 (the prompt's share of traffic, e.g. calls per day)", found: v) }
                return number
            }
        )
    }

    static func decodeMessages(_ value: JSONValue, at path: String, reader: JSONFieldReader) throws(LibraryDiagnostic) -> [ChatMessage] {
        let array = try reader.array(value, at: path)
        guard !array.isEmpty else { throw reader.diagnostic(path, "expected at least one message") }
        var messages: [ChatMessage] = []
        for (i, element) in array.enumerated() {
            let itemPath = "\(path)[\(i)]"
            var object = try reader.object(element, at: itemPath)
            guard let roleValue = object["role"] else { throw reader.diagnostic(itemPath, "missing \"role\"") }
            let roleText = try reader.string(roleValue, at: "\(itemPath).role")
            guard let role = ChatMessage.Role(rawValue: roleText) else {
                throw reader.diagnostic("\(itemPath).role", "unknown role \"\(roleText)\"; expected one of: \(ChatMessage.Role.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            guard let contentValue = object["content"] else { throw reader.diagnostic(itemPath, "missing \"content\"") }
            if contentValue.arrayValue != nil {
                throw reader.diagnostic("\(itemPath).content", "expected a string; content arrays (text + image parts) are not supported yet")
            }
            let content = try reader.string(contentValue, at: "\(itemPath).content")
            object["role"] = nil
            object["content"] = nil
            messages.append(ChatMessage(role: role, content: content, extra: object))
        }
        return messages
    }

    static func decodeOverride(_ value: JSONValue, at path: String, reader: JSONFieldReader) throws(LibraryDiagnostic) -> PromptOverride {
        let object = try reader.object(value, at: path)
        var override = PromptOverride(note: nil, messages: nil, parameters: JSONObject())
        for member in object {
            let memberPath = JSONParser.child(path, member.key)
            switch member.key {
            case "note": override.note = try reader.string(member.value, at: memberPath)
            case "messages": override.messages = try decodeMessages(member.value, at: memberPath, reader: reader)
            case _ where ownKeys.contains(member.key):
                throw reader.diagnostic(memberPath, "\"\(member.key)\" cannot be overridden per provider; an override holds \"note\", \"messages\" and request parameters")
            default: override.parameters[member.key] = member.value
            }
        }
        try RequestParameterRules.check(override.parameters, at: path, reader: reader)
        return override
    }

    static func decodeCases(_ value: JSONValue, promptExpect: Expectations, reader: JSONFieldReader) throws(LibraryDiagnostic) -> [PromptCase] {
        let array = try reader.array(value, at: "$.cases")
        guard !array.isEmpty else { throw reader.diagnostic("$.cases", "expected at least one case") }
        var cases: [PromptCase] = []
        for (i, element) in array.enumerated() {
            let path = "$.cases[\(i)]"
            let object = try reader.object(element, at: path)
            try reader.rejectUnknownKeys(object, at: path, known: ["name", "vars", "expect", "description"])
            guard let nameValue = object["name"] else { throw reader.diagnostic(path, "missing \"name\"") }
            let name = try reader.string(nameValue, at: "\(path).name")
            if let problem = SafeName.problem(with: name) {
                throw reader.diagnostic("\(path).name", "case name \"\(name)\" \(problem)")
            }
            if let first = cases.firstIndex(where: { $0.name == name }) {
                throw reader.diagnostic("\(path).name", "duplicate case name \"\(name)\" (also at $.cases[\(first)])")
            }
            let variables = try object["vars"].map { v throws(LibraryDiagnostic) in try reader.stringMap(v, at: "\(path).vars") } ?? [:]
            let own = try object["expect"].map { v throws(LibraryDiagnostic) in try Expectations(decoding: v, at: "\(path).expect", reader: reader) } ?? Expectations()
            cases.append(PromptCase(name: name, variables: variables, expect: promptExpect.merging(own), jsonPath: path))
        }
        return cases
    }

    /// Every `{{variable}}` must be defined by every case; a case variable no template uses is a warning.
    static func checkVariables(
        messages: [ChatMessage], overrides: [String: PromptOverride], cases: [PromptCase],
        reader: JSONFieldReader, warnings: inout [LibraryDiagnostic]
    ) throws(LibraryDiagnostic) {
        var uses: [(variable: String, path: String)] = []
        func collect(_ messages: [ChatMessage], _ base: String) {
            for (i, message) in messages.enumerated() {
                uses += Template.variables(in: message.content).map { ($0, "\(base)[\(i)].content") }
            }
        }
        collect(messages, "$.messages")
        for (name, override) in overrides.sorted(by: { $0.key < $1.key }) {
            if let messages = override.messages { collect(messages, JSONParser.child("$.overrides", name) + ".messages") }
        }
        for (i, promptCase) in cases.enumerated() {
            for use in uses where promptCase.variables[use.variable] == nil {
                throw reader.diagnostic("$.cases[\(i)].vars", "case \"\(promptCase.name)\" does not define \"\(use.variable)\", which \(use.path) uses as {{\(use.variable)}}")
            }
            for variable in promptCase.variables.keys.sorted() where !uses.contains(where: { $0.variable == variable }) {
                warnings.append(reader.diagnostic(JSONParser.child("$.cases[\(i)].vars", variable), "case \"\(promptCase.name)\" defines \"\(variable)\", which no message uses", .warning))
            }
        }
    }
}
