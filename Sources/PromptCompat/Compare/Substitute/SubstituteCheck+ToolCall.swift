import Foundation

extension SubstituteCheck {
    /// Every accepted answer is a tool call (``Completion/text`` of a tool-calls reply:
    /// `[{"name":…,"arguments":…}]`) and the candidate is not: "no tool call: answered in prose (\"北京今天晴…\")",
    /// or calls another function. Other checks would misname this break ("no JSON any more", "switched
    /// language"), so when it finds one the comparison gives this reason alone (``exclusive``).
    /// The same call's arguments are compared by the `json` check.
    public static let toolCall = SubstituteCheck(name: "tool-call", exclusive: true) { input in
        let accepted = input.samples.map(Assertions.toolCalls(in:))
        guard let first = accepted.first, !first.isEmpty, accepted.allSatisfy({ !$0.isEmpty }) else { return [] }
        let calls = Assertions.toolCalls(in: input.candidate)
        let expected = first.map(\.name).joined(separator: ", ")
        guard !calls.isEmpty else {
            let text = TextNormalizer.normalize(input.candidate)
            let what = text.isEmpty ? "an empty answer" : JSONComparison.extract(from: text) != nil ? "JSON of another shape" : "prose"
            return ["no tool call: expected a call to \(expected), got \(what)\(text.isEmpty ? "" : " (\"\(ClauseAlignment.quote(Sentence.oneLine(Substring(text))))\")")"]
        }
        let names = Set(calls.map(\.name))
        guard accepted.allSatisfy({ Set($0.map(\.name)) != names }) else { return [] }
        return ["calls \(calls.map(\.name).joined(separator: ", ")) instead of \(expected)"]
    }
}
