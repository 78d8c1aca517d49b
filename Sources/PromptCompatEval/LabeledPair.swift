import Foundation
import PromptCompat

/// One line of `eval/labeled-pairs.jsonl` (see eval/README.md).
struct LabeledPair {
    var id: String
    var split: String
    var category: String
    var language: String
    /// What the prompt asks, in its words: stands in for the prompt's messages.
    var task: String
    var expect: Expectations
    var baseline: String
    var target: String
    /// The label says the target must be re-tuned (the positive class).
    var needsRetune: Bool

    init(line: String, number: Int) throws {
        let json: JSONValue
        do {
            json = try JSONValue(parsing: line)
        } catch {
            throw EvalError("line \(number): not JSON (\(error))")
        }
        func string(_ key: String) throws -> String {
            guard let value = json[key]?.stringValue else { throw EvalError("line \(number): \(key) is missing or not a string") }
            return value
        }
        id = try string("id")
        split = try string("split")
        category = try string("category")
        language = try string("language")
        task = try string("task")
        baseline = try string("baseline")
        target = try string("target")
        let label = try string("label")
        guard label == "acceptable" || label == "re-tune" else { throw EvalError("line \(number): label is \"\(label)\", expected acceptable or re-tune") }
        needsRetune = label == "re-tune"
        expect = Expectations(json: json["expect"]?["json"]?.boolValue)
    }

    static func load(_ file: URL) throws -> [LabeledPair] {
        let text: String
        do {
            text = try String(contentsOf: file, encoding: .utf8)
        } catch {
            throw EvalError("cannot read \(file.path): \(error.localizedDescription)")
        }
        return try text.split(separator: "\n", omittingEmptySubsequences: false).enumerated().compactMap { index, line in
            line.trimmingCharacters(in: .whitespaces).isEmpty ? nil : try LabeledPair(line: String(line), number: index + 1)
        }
    }
}

struct EvalError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
