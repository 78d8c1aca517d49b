/// When aligned requests are one prompt as a person would see it: the variables sit where the requests
/// differ in *content*, never in the instruction.
///
/// A join is refused when the template it makes would have
/// - a slot whose every value is at most one character (other than a number) or only whitespace and
///   punctuation (`的` / `对`: the wording differs, so the prompts do);
/// - a slot whose values begin with different instructions (`请判断…情感` / `请总结…`), or that starts a
///   message and is not referred back to (`{{x}}评论：…`: the instruction is what varies);
/// - a message that is one slot (`{{input}}`) without an instruction elsewhere — a system message or
///   fixed messages — or whose values read as instructions or labelled forms themselves;
/// - almost no fixed text at all.
///
/// Requests the gateway names as one prompt (``GatewayLogEntry/LogMetadata``) are only held to the first rule.
enum GroupingRules {
    /// Fixed characters (letters and digits) a template needs over all its messages.
    static let minimumFixedContent = 6
    /// Fixed characters outside a message that is one slot, for that message to be an input.
    static let minimumInstruction = 10
    /// Values longer than this on average are inputs, whatever words they begin with.
    static let instructionLength = 160

    /// Whether the template is one prompt. `newcomer`: the template is one already accepted, seen from
    /// one earlier member and a new one; only the new member's values are checked (instructions in
    /// them), as a slot that was not trivial cannot become so.
    static func accepts(_ messages: [[MessageAlignment.Segment]], roles: [ChatMessage.Role], trusted: Bool, newcomer: Bool = false) -> Bool {
        if newcomer { return trusted || !bringsInstruction(messages, roles: roles) }
        for segments in messages {
            for case .slot(let values, _) in segments where isTrivial(values) { return false }
        }
        if trusted { return true }
        let fixed = messages.map { segments in segments.reduce(0) { total, segment in
            if case .fixed(let text) = segment { total + contentCount(text) } else { total }
        } }
        guard fixed.reduce(0, +) >= minimumFixedContent else { return false }
        for (i, segments) in messages.enumerated() where roles[i] != .system {
            for (k, segment) in segments.enumerated() {
                guard case .slot(let values, let facts) = segment else { continue }
                if facts.allSatisfy({ $0 != nil }) { continue }
                if segments.count == 1 {
                    let instruction = fixed.enumerated().reduce(0) { $0 + ($1.offset == i ? 0 : $1.element) }
                    if instruction < minimumInstruction || values.contains(where: readsAsPrompt) { return false }
                    continue
                }
                let before: String? = if k > 0, case .fixed(let text) = segments[k - 1] { text } else { nil }
                if !(before.map(isLabel) ?? false), beginsDifferently(values) { return false }
                if k == 0, case .fixed(let after) = segments[1], !refersBack(after) { return false }
            }
        }
        return true
    }

    /// The last member's values begin with another instruction than the first member's, or (in a message
    /// that is one slot) read as a prompt.
    static func bringsInstruction(_ messages: [[MessageAlignment.Segment]], roles: [ChatMessage.Role]) -> Bool {
        for (i, segments) in messages.enumerated() where roles[i] != .system {
            for (k, segment) in segments.enumerated() {
                guard case .slot(let values, let facts) = segment, facts.contains(where: { $0 == nil }) else { continue }
                if segments.count == 1 {
                    if values.last.map(readsAsPrompt) == true { return true }
                    continue
                }
                let before: String? = if k > 0, case .fixed(let text) = segments[k - 1] { text } else { nil }
                if !(before.map(isLabel) ?? false), beginsDifferently(values) { return true }
            }
        }
        return false
    }

    /// Letters and digits only.
    static func contentCount(_ text: String) -> Int {
        text.unicodeScalars.reduce(0) { $0 + ($1.properties.isAlphabetic || $1.properties.numericType != nil ? 1 : 0) }
    }

    /// Every value at most one letter or digit (a number aside), or nothing but whitespace and punctuation.
    static func isTrivial(_ values: [String]) -> Bool {
        let contents = values.map { value in value.unicodeScalars.filter { $0.properties.isAlphabetic || $0.properties.numericType != nil } }
        if contents.allSatisfy({ !$0.isEmpty && $0.allSatisfy { $0.properties.numericType != nil } }) { return false }
        return contents.allSatisfy { $0.count <= 1 }
    }

    /// Short values that begin with different instruction words.
    static func beginsDifferently(_ values: [String]) -> Bool {
        guard values.reduce(0, { $0 + $1.count }) / max(values.count, 1) <= instructionLength else { return false }
        let cues = values.map { ImportVocabulary.leadingCues($0) }
        return cues.contains { !$0.isEmpty } && Set(cues).count > 1
    }

    /// A whole message that is itself a prompt: it begins with an instruction word, or has a label line
    /// (`评论：…`, `Text: …`) after its first line.
    static func readsAsPrompt(_ value: String) -> Bool {
        if !ImportVocabulary.leadingCues(value).isEmpty { return true }
        for line in value.prefix(200).split(separator: "\n").dropFirst().prefix(4) {
            guard let colon = line.firstIndex(where: { $0 == "：" || $0 == ":" }) else { continue }
            let label = line[..<colon]
            if !label.isEmpty, label.count <= 12, contentCount(String(label)) == label.filter({ !$0.isWhitespace }).count {
                return true
            }
        }
        return false
    }

    /// Fixed text that ends in a label (`评论：`, `Text: """`, an opening fence or quote): what follows
    /// it is an input, whatever words it begins with.
    static func isLabel(_ text: String) -> Bool {
        var trimmed = Substring(text)
        var quoted = false
        while let last = trimmed.last, last.isWhitespace || "`\"'“‘「『《【[(（<".contains(last) {
            if !last.isWhitespace { quoted = true }
            trimmed = trimmed.dropLast()
        }
        return quoted || trimmed.last == "：" || trimmed.last == ":"
    }

    /// Fixed text after a slot that starts its message says it works on what came before.
    static func refersBack(_ text: String) -> Bool {
        let head = String(text.prefix(40)).lowercased()
        return ImportVocabulary.backReferences.contains { head.contains($0) }
    }
}
