import Foundation

/// A new prompt file made from a group of logged requests: the request body with `{{variables}}` and
/// one case per request, in the key order of the example library (`description`, `tags`, `weight` — the
/// number of logged requests —, `model`, the other parameters as logged, `messages`, `cases`).
struct NewPromptFile {
    var file: ImportPlan.PromptFile
    var caseNames: [String]

    init(id: String, file url: URL, template: ExtractedTemplate, entries: [GatewayLogEntry]) {
        let first = entries[0].request
        var taken: Set<String> = []
        caseNames = entries.map { CaseNames.next(for: $0, taken: &taken) }
        var object = JSONObject()
        let source = URL(fileURLWithPath: entries[0].file).lastPathComponent
        let count = entries.count == 1 ? "1 logged request" : "\(entries.count) logged requests"
        object["description"] = .string("Imported from \(source): \(count) of \(first.model) (first at line \(entries[0].line)).")
        object["tags"] = ["imported"]
        // Its traffic in the log: the report lists the prompts to re-tune first by it.
        object["weight"] = .number(Double(entries.count))
        object["model"] = .string(first.model)
        for member in first.parameters { object[member.key] = member.value }
        object["messages"] = .array(template.messages.map(\.json))
        object["cases"] = .array(zip(caseNames, template.values).map { CaseNames.json(name: $0, values: $1, order: template.variables) })
        self.file = ImportPlan.PromptFile(
            id: id, file: url, isNew: true, text: PromptFileFormat.text(object),
            variables: template.variables, addedCases: zip(caseNames, entries).map { ($0, $1.location) },
            messages: template.messages, values: template.values
        )
    }
}

/// An imported prompt that takes new cases: requests that fit its template.
struct PromptExtension {
    let prompt: Prompt
    let match: TemplateMatch
    var taken: Set<String>
    var added: [(name: String, entry: GatewayLogEntry, values: [String: String])] = []

    init(prompt: Prompt) {
        self.prompt = prompt
        match = TemplateMatch(prompt)
        taken = Set(prompt.cases.map(\.name))
    }

    /// Adds the request as a case when it fits the template; returns the case name.
    mutating func add(_ entry: GatewayLogEntry) -> String? {
        guard let values = match.variables(matching: entry.request) else { return nil }
        let name = CaseNames.next(for: entry, taken: &taken, numberFrom: prompt.cases.count + added.count + 1)
        added.append((name, entry, values))
        return name
    }

    /// The prompt file with the new cases appended to `cases`, everything else as it was.
    var file: ImportPlan.PromptFile {
        let order = prompt.messages.flatMap { Template.variables(in: $0.content) }
        var root = (try? String(contentsOf: prompt.file, encoding: .utf8)).flatMap { try? JSONValue(parsing: $0) }?.objectValue ?? JSONObject()
        let cases = (root["cases"]?.arrayValue ?? []) + added.map { CaseNames.json(name: $0.name, values: $0.values, order: order) }
        root["cases"] = .array(cases)
        if let weight = root["weight"]?.numberValue { root["weight"] = .number(weight + Double(added.count)) }
        return ImportPlan.PromptFile(
            id: prompt.id, file: prompt.file, isNew: false, text: PromptFileFormat.text(root),
            variables: order, addedCases: added.map { ($0.name, $0.entry.location) },
            messages: prompt.messages, values: added.map(\.values)
        )
    }
}

/// Case names: the log line's `case` or `id` made safe, else `case-001`, `case-002`, …; a name already
/// taken in the prompt gets `-2`, `-3`, …
enum CaseNames {
    static let maximumLength = 64

    static func next(for entry: GatewayLogEntry, taken: inout Set<String>, numberFrom start: Int? = nil) -> String {
        let name: String
        if let base = entry.name.flatMap(safe) {
            var candidate = base
            var n = 2
            while taken.contains(candidate) {
                candidate = "\(base)-\(n)"
                n += 1
            }
            name = candidate
        } else {
            var n = start ?? taken.count + 1
            while taken.contains(numbered(n)) { n += 1 }
            name = numbered(n)
        }
        taken.insert(name)
        return name
    }

    static func numbered(_ n: Int) -> String {
        let digits = String(n)
        return "case-" + String(repeating: "0", count: max(0, 3 - digits.count)) + digits
    }

    /// `text` with every character outside `A-Z a-z 0-9 - _ .` replaced by `-`, runs of `-` folded,
    /// no leading `.` or `-`, at most ``maximumLength`` characters; `nil` when nothing is left.
    static func safe(_ text: String) -> String? {
        var out = ""
        for scalar in text.unicodeScalars {
            let next: Character = SafeName.isAllowed(scalar) ? Character(scalar) : "-"
            if next == "-", out.hasSuffix("-") { continue }
            out.append(next)
        }
        while let first = out.first, first == "." || first == "-" { out.removeFirst() }
        out = String(out.prefix(maximumLength))
        while out.hasSuffix("-") { out.removeLast() }
        return out.isEmpty || SafeName.problem(with: out) != nil ? nil : out
    }

    /// `{"name": …, "vars": {…}}` with the variables in template order; no `vars` when there are none.
    static func json(name: String, values: [String: String], order: [String]) -> JSONValue {
        var object = JSONObject([("name", .string(name))])
        let names = order.filter { values[$0] != nil }
        if !names.isEmpty {
            object["vars"] = .object(JSONObject(names.map { ($0, .string(values[$0]!)) }))
        }
        return .object(object)
    }
}
