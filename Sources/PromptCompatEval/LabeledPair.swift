import Foundation
import PromptCompat

/// One line of `eval/labeled-pairs.jsonl` (see eval/README.md).
struct LabeledPair {
    var id: String
    var split: String
    var category: String
    var language: String
    /// What the prompt asks, in one line.
    var task: String
    /// The prompt's messages as sent, joined, when the pair has them (`messages`, or `prompt` /
    /// `instructions` as text); else `task` stands in for them.
    var instructions: String
    /// The pair carries the prompt's messages (not just a task line).
    var hasMessages: Bool
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
        let messages = Self.instructions(json)
        instructions = messages ?? task
        hasMessages = messages != nil
        baseline = try string("baseline")
        target = try string("target")
        let label = try string("label")
        guard label == "acceptable" || label == "re-tune" else { throw EvalError("line \(number): label is \"\(label)\", expected acceptable or re-tune") }
        needsRetune = label == "re-tune"
        expect = Expectations(json: json["expect"]?["json"]?.boolValue)
    }

    /// `messages` (Chat Completions messages), `prompt` (text or messages) or `instructions` (text), joined
    /// by new lines as the runner joins a request's messages.
    static func instructions(_ json: JSONValue) -> String? {
        for key in ["messages", "prompt", "instructions"] {
            if let text = json[key]?.stringValue { return text }
            if let messages = json[key]?.arrayValue {
                return messages.compactMap { $0["content"]?.stringValue ?? $0.stringValue }.joined(separator: "\n")
            }
        }
        return nil
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
