import Foundation

/// Reads a prompt's `{{variables}}` back out of a request: the values that render the prompt's messages
/// into the request's messages, byte for byte, or `nil` when the request is not an instance of the
/// prompt. Made once per prompt (its patterns compiled once), asked once per logged request.
///
/// ```swift
/// TemplateMatch.variables("订单 {{order_id}} 到哪了？", matching: "订单 YX001 到哪了？")   // ["order_id": "YX001"]
/// ```
struct TemplateMatch: Sendable {
    let skeleton: String
    let messages: [MessagePattern]

    init(_ prompt: Prompt) {
        skeleton = RequestFingerprint.skeleton(of: Self.templateRequest(of: prompt))
        messages = prompt.messages.map { MessagePattern($0.content) }
    }

    /// The variables that give `request`: same parameters and skeleton, every message matched, a
    /// variable used in two messages with one value.
    func variables(matching request: ChatRequest) -> [String: String]? {
        guard RequestFingerprint.skeleton(of: request) == skeleton else { return nil }
        var values: [String: String] = [:]
        for (pattern, message) in zip(messages, request.messages) {
            guard let found = pattern.variables(matching: message.content) else { return nil }
            for (name, value) in found {
                if let earlier = values[name], earlier != value { return nil }
                values[name] = value
            }
        }
        return values
    }

    /// The prompt as a request with its templates unfilled, for comparing skeletons.
    static func templateRequest(of prompt: Prompt) -> ChatRequest {
        var parameters = prompt.parameters
        parameters["model"] = nil
        return ChatRequest(model: prompt.parameters["model"]?.stringValue ?? "", messages: prompt.messages, parameters: parameters)
    }

    static func variables(_ template: String, matching text: String) -> [String: String]? {
        MessagePattern(template).variables(matching: text)
    }

    /// One message template as an anchored regular expression: its text literally, each variable a lazy
    /// group (a variable used twice, a back-reference).
    struct MessagePattern: Sendable {
        /// A `{{name}}` as ``Template`` reads it (the render check below catches any difference).
        private static let placeholder = try! NSRegularExpression(pattern: #"\{\{\s*([\p{L}\p{N}_.\-]+)\s*\}\}"#)

        let template: String
        let regex: NSRegularExpression?
        /// Variable name → capture group.
        let groups: [String: Int]

        init(_ template: String) {
            self.template = template
            let nsTemplate = template as NSString
            var pattern = "\\A"
            var groups: [String: Int] = [:]
            var cursor = 0
            for match in Self.placeholder.matches(in: template, range: NSRange(location: 0, length: nsTemplate.length)) {
                pattern += NSRegularExpression.escapedPattern(for: nsTemplate.substring(with: NSRange(location: cursor, length: match.range.location - cursor)))
                let name = nsTemplate.substring(with: match.range(at: 1))
                if let group = groups[name] {
                    pattern += "(?:\\\(group))"
                } else {
                    groups[name] = groups.count + 1
                    pattern += "([\\s\\S]*?)"
                }
                cursor = match.range.location + match.range.length
            }
            pattern += NSRegularExpression.escapedPattern(for: nsTemplate.substring(from: cursor)) + "\\z"
            regex = try? NSRegularExpression(pattern: pattern)
            self.groups = groups
        }

        func variables(matching text: String) -> [String: String]? {
            let nsText = text as NSString
            guard let match = regex?.firstMatch(in: text, range: NSRange(location: 0, length: nsText.length)) else { return nil }
            var values: [String: String] = [:]
            for (name, group) in groups { values[name] = nsText.substring(with: match.range(at: group)) }
            guard let rendered = try? Template.render(template, with: values), Array(rendered.utf8) == Array(text.utf8) else { return nil }
            return values
        }
    }
}
