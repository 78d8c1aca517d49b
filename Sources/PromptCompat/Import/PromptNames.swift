import Foundation

/// Ids for proposed prompts that say what the prompt is: the gateway's prompt name, route or a tag
/// every request carries, else a slug of the task its instruction sets (`review-sentiment`,
/// `article-summary`, read in Chinese and English), else the model (`gpt-4o`). Prompt ids allow only
/// `A-Z a-z 0-9 - _ .` (``SafeName``), so a Chinese instruction is named by the words it uses, not
/// transliterated.
///
/// ```swift
/// PromptNames.slug("Review Sentiment (v2)")            // "review-sentiment-v2"
/// PromptNames.taskSlug("请判断下面这条评论的情感倾向")     // "review-sentiment"
/// ```
enum PromptNames {
    static let maximumLength = 48
    /// Tags that say where a call ran, not what it was.
    static let environmentTags: Set<String> = ["prod", "production", "staging", "dev", "development", "test", "testing", "live", "beta", "canary"]

    /// What a prompt works on, when its first variable says it (`{{review}}` → `review-…`).
    static let subjectVariables: Set<String> = ["review", "article", "email", "resume", "transcript", "ticket", "dialogue", "code", "product", "contract", "invoice"]

    /// The base of a proposed prompt's id (no prefix, no number).
    static func base(entries: [GatewayLogEntry], messages: [ChatMessage], variables: [String] = []) -> String {
        let metadata = entries.map(\.metadata)
        if let name = shared(metadata.map(\.promptName)), let slug = slug(name) ?? taskSlug(name) { return slug }
        if let route = shared(metadata.map(\.route)), let slug = slug(route.split(separator: "/").suffix(2).joined(separator: "-")) { return slug }
        let tags = metadata.dropFirst().reduce(Set(metadata[0].tags)) { $0.intersection($1.tags) }
        if let tag = metadata[0].tags.first(where: { tags.contains($0) && !environmentTags.contains($0.lowercased()) }), let slug = slug(tag) {
            return slug
        }
        let strip = { (text: String) in text.replacingOccurrences(of: #"\{\{[^}]*\}\}"#, with: " ", options: .regularExpression) }
        let user = messages.filter { $0.role != .system }.map { strip($0.content) }.joined(separator: "\n")
        let system = messages.filter { $0.role == .system }.map { strip($0.content) }.joined(separator: "\n")
        let subject = variables.first.flatMap { subjectVariables.contains($0) ? $0 : nil }
        return taskSlug(instruction(user, labels: false), subject: subject, subjectText: instruction(user, labels: true), fallback: system)
            ?? slug(entries[0].request.model) ?? "prompt"
    }

    /// A message without the inputs it carries: a line with a label (`评论：…`) is only its label, or
    /// is left out with `labels: false` (a label names an input, not the task).
    static func instruction(_ text: String, labels: Bool) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false).compactMap { line in
            guard let colon = line.firstIndex(where: { $0 == "：" || $0 == ":" }), line.distance(from: line.startIndex, to: colon) <= 12 else { return String(line) }
            return labels ? String(line[..<colon]) : nil
        }.joined(separator: "\n")
    }

    /// The value every member has, if they all have the same one.
    private static func shared(_ values: [String?]) -> String? {
        guard let first = values.first ?? nil, values.allSatisfy({ $0 == first }) else { return nil }
        return first
    }

    /// `<subject>-<task>` from the words of an instruction (the user's fixed text first, then `fallback`,
    /// the system message), or `nil` when it names neither.
    static func taskSlug(_ text: String, subject known: String? = nil, subjectText: String? = nil, fallback: String = "") -> String? {
        let task = firstTask(in: text) ?? firstTask(in: fallback)
        let subject = known ?? ImportVocabulary.earliest(ImportVocabulary.subjects, in: subjectText ?? text) ?? ImportVocabulary.earliest(ImportVocabulary.subjects, in: fallback)
        let parts = [subject, task].compactMap { $0 }
        if !parts.isEmpty { return parts.joined(separator: "-") }
        return slug(text.split(whereSeparator: \.isNewline).first.map(String.init) ?? "", words: 4)
    }

    /// The task of highest priority (table order) the text names.
    private static func firstTask(in text: String) -> String? {
        let lower = text.lowercased()
        return ImportVocabulary.tasks.first { $0.words.contains(where: lower.contains) }?.name
    }

    /// Lower-case ASCII words joined by `-` (at most `words` of them and ``maximumLength`` characters),
    /// or `nil` when the text has none.
    static func slug(_ text: String, words limit: Int = 8) -> String? {
        let words = text.lowercased().split { !($0.isASCII && ($0.isLetter || $0.isNumber)) }.prefix(limit)
        var out = ""
        for word in words where out.count + word.count < maximumLength {
            out += (out.isEmpty ? "" : "-") + word
        }
        return out.isEmpty || SafeName.problem(with: out) != nil ? nil : out
    }
}
