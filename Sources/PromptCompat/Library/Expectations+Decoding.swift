import Foundation

extension Expectations {
    /// Reads an `expect` object of a prompt file. Every mistake — a wrong type, an unknown key, a regular
    /// expression or schema that cannot be used — is a diagnostic at its JSON path, at load time.
    init(decoding value: JSONValue, at path: String, reader: JSONFieldReader) throws(LibraryDiagnostic) {
        let object = try reader.object(value, at: path)
        try reader.rejectUnknownKeys(object, at: path, known: Expectations.keys)
        self.init()
        func at(_ key: String) -> String { "\(path).\(key)" }
        if let v = object["similarity"] { similarity = try reader.fraction(v, at: at("similarity")) }
        if let v = object["json"] { json = try reader.bool(v, at: at("json")) }
        if let v = object["contains"] { contains = try reader.stringOrStrings(v, at: at("contains")) }
        if let v = object["containsAny"] { containsAny = try reader.stringOrStrings(v, at: at("containsAny"), atLeastOne: true) }
        if let v = object["notContains"] { notContains = try reader.stringOrStrings(v, at: at("notContains")) }
        if let v = object["regex"] { regex = try reader.regexes(v, at: at("regex")) }
        if let v = object["notRegex"] { notRegex = try reader.regexes(v, at: at("notRegex")) }
        if let v = object["startsWith"] { startsWith = try reader.nonEmptyString(v, at: at("startsWith")) }
        if let v = object["endsWith"] { endsWith = try reader.nonEmptyString(v, at: at("endsWith")) }
        if let v = object["maxLength"] { maxLength = try reader.integer(v, at: at("maxLength"), minimum: 1) }
        if let v = object["minLength"] { minLength = try reader.integer(v, at: at("minLength"), minimum: 0) }
        if let v = object["language"] { language = try reader.language(v, at: at("language")) }
        if let v = object["schema"] { schema = try reader.schema(v, at: at("schema")) }
        if let v = object["refusal"] { refusal = try reader.bool(v, at: at("refusal")) }
        if let v = object["finishReason"] { finishReason = try reader.nonEmptyString(v, at: at("finishReason")) }
        if let v = object["toolCall"] { toolCall = try reader.toolCall(v, at: at("toolCall")) }
        if let v = object["maxLatencySeconds"] { maxLatencySeconds = try reader.positiveNumber(v, at: at("maxLatencySeconds"), unit: "seconds") }
        if let v = object["maxCostCNY"] { maxCostCNY = try reader.amount(v, at: at("maxCostCNY")) }
        if let v = object["judge"] { judge = try reader.judge(v, at: at("judge")) }
        if let v = object["semantic"] { semantic = try reader.fraction(v, at: at("semantic")) }
        if let v = object["metric"] { metric = try reader.metric(v, at: at("metric")) }
    }
}

extension JSONFieldReader {
    /// `"x"` or `["x", "y"]`, as a list.
    func stringOrStrings(_ value: JSONValue, at path: String, atLeastOne: Bool = false) throws(LibraryDiagnostic) -> [String] {
        if let single = value.stringValue { return [single] }
        guard value.arrayValue != nil else { throw mismatch(path, expected: "a string or an array of strings", found: value) }
        let list = try strings(value, at: path)
        if atLeastOne, list.isEmpty { throw diagnostic(path, "expected at least one string: an empty list can never match") }
        return list
    }

    /// One regular expression or a list of them, each compiled now so a bad one stops the load.
    func regexes(_ value: JSONValue, at path: String) throws(LibraryDiagnostic) -> [String] {
        let patterns = try stringOrStrings(value, at: path)
        for (i, pattern) in patterns.enumerated() {
            if let problem = RegexPattern.problem(with: pattern) {
                throw diagnostic(value.arrayValue == nil ? path : "\(path)[\(i)]", problem)
            }
        }
        return patterns
    }

    func nonEmptyString(_ value: JSONValue, at path: String) throws(LibraryDiagnostic) -> String {
        let text = try string(value, at: path)
        guard !text.isEmpty else { throw diagnostic(path, "expected a non-empty string") }
        return text
    }

    func language(_ value: JSONValue, at path: String) throws(LibraryDiagnostic) -> Expectations.Language {
        let expected = Expectations.Language.allCases.map { "\"\($0.rawValue)\"" }.joined(separator: " or ")
        guard let text = value.stringValue else { throw mismatch(path, expected: expected, found: value) }
        guard let language = Expectations.Language(rawValue: text) else {
            throw diagnostic(path, "expected \(expected), found \(RegexPattern.quoted(text))")
        }
        return language
    }

    /// A JSON Schema; a malformed one is reported at the offending keyword's own path.
    func schema(_ value: JSONValue, at path: String) throws(LibraryDiagnostic) -> JSONSchema {
        do {
            return try JSONSchema(value, at: path)
        } catch {
            throw diagnostic(error.path, error.message)
        }
    }

    func toolCall(_ value: JSONValue, at path: String) throws(LibraryDiagnostic) -> Expectations.ToolCall {
        let object = try object(value, at: path)
        try rejectUnknownKeys(object, at: path, known: ["name", "arguments"])
        guard let name = object["name"] else { throw diagnostic(path, "missing \"name\": the tool the answer must call") }
        return Expectations.ToolCall(
            name: try nonEmptyString(name, at: "\(path).name"),
            arguments: try object["arguments"].map { v throws(LibraryDiagnostic) in try schema(v, at: "\(path).arguments") }
        )
    }

    /// `true` (pairwise, default bar), a number (pairwise, that bar) or `{"minScore": …, "rubric": "…"}`.
    func judge(_ value: JSONValue, at path: String) throws(LibraryDiagnostic) -> Expectations.Judge? {
        if let flag = value.boolValue { return flag ? Expectations.Judge() : nil }
        if value.numberValue != nil { return Expectations.Judge(minScore: try fraction(value, at: path)) }
        guard value.objectValue != nil else {
            throw mismatch(path, expected: "true, a minimum score 0…1, or an object with \"minScore\" and \"rubric\"", found: value)
        }
        let object = try object(value, at: path)
        try rejectUnknownKeys(object, at: path, known: ["minScore", "rubric"])
        return Expectations.Judge(
            minScore: try object["minScore"].map { v throws(LibraryDiagnostic) in try fraction(v, at: "\(path).minScore") } ?? Expectations.Judge.defaultMinScore,
            rubric: try object["rubric"].map { v throws(LibraryDiagnostic) in try nonEmptyString(v, at: "\(path).rubric") }
        )
    }

    /// One of the scorer names of ``Scorer/named``.
    func metric(_ value: JSONValue, at path: String) throws(LibraryDiagnostic) -> String {
        let names = Scorer.named.keys.sorted().map { "\"\($0)\"" }.joined(separator: ", ")
        guard let name = value.stringValue else { throw mismatch(path, expected: "one of \(names)", found: value) }
        guard Scorer.named[name] != nil else { throw diagnostic(path, "unknown metric \"\(name)\"; expected one of \(names)") }
        return name
    }

    func positiveNumber(_ value: JSONValue, at path: String, unit: String) throws(LibraryDiagnostic) -> Double {
        guard let number = value.numberValue else { throw mismatch(path, expected: "a number of \(unit)", found: value) }
        guard number > 0 else { throw diagnostic(path, "expected a number of \(unit) > 0, found \(JSONValue.format(number))") }
        return number
    }

    func amount(_ value: JSONValue, at path: String) throws(LibraryDiagnostic) -> Double {
        guard let number = value.numberValue else { throw mismatch(path, expected: "an amount in CNY", found: value) }
        guard number >= 0 else { throw diagnostic(path, "expected an amount in CNY ≥ 0, found \(JSONValue.format(number))") }
        return number
    }
}
