import Foundation

extension GatewayLogEntry {
    /// What a gateway recorded about a call besides the request: the prompt's name, the product route
    /// that made it, tags and the end user. Read from the line's `metadata` or `properties` (Portkey,
    /// Helicone, LiteLLM), the request body's `metadata` (OpenAI stored completions) and top-level keys.
    ///
    /// ```
    /// {"metadata": {"prompt_name": "review-sentiment", "route": "/api/reviews/sentiment"}, "tags": ["prod"], "request": {…, "user": "u_1"}, …}
    /// ```
    ///
    /// A prompt name or route groups requests (two names are never one prompt) and names the prompt;
    /// tags only name it. The end user never groups: the same prompt serves every user.
    public struct LogMetadata: Sendable, Equatable {
        /// `prompt_name`, `prompt_id`, `prompt`, `template_name` or `template`.
        public var promptName: String?
        /// `route` or `feature` (an API endpoint such as `/v1/chat/completions` is not a route).
        public var route: String?
        /// `tags` or `request_tags`: a list of strings, or one comma-separated string.
        public var tags: [String]
        /// The request's `user`, or `user`/`user_id` in the metadata.
        public var user: String?

        /// Metadata as given (all empty by default).
        public init(promptName: String? = nil, route: String? = nil, tags: [String] = [], user: String? = nil) {
            self.promptName = promptName
            self.route = route
            self.tags = tags
            self.user = user
        }

        static let promptNameKeys = ["prompt_name", "promptName", "prompt_id", "prompt", "template_name", "template"]
        static let routeKeys = ["route", "feature"]
        static let tagKeys = ["tags", "request_tags"]

        /// Reads the metadata of a log line and its request body.
        init(line: JSONObject, request: JSONObject) {
            let sources = [line["metadata"], line["properties"], request["metadata"]].compactMap { $0?.objectValue } + [line]
            func first(_ keys: [String]) -> String? {
                for source in sources {
                    for key in keys {
                        if let text = source[key]?.stringValue?.trimmingCharacters(in: .whitespaces), !text.isEmpty { return text }
                    }
                }
                return nil
            }
            promptName = first(Self.promptNameKeys)
            route = first(Self.routeKeys).flatMap { $0.contains("chat/completions") ? nil : $0 }
            tags = sources.lazy.compactMap { source in Self.tagKeys.lazy.compactMap { source[$0] }.first }.first.map(Self.tags) ?? []
            user = request["user"]?.stringValue ?? first(["user", "user_id"])
        }

        static func tags(_ value: JSONValue) -> [String] {
            let raw = value.arrayValue?.compactMap(\.stringValue) ?? value.stringValue.map { $0.split(separator: ",").map(String.init) } ?? []
            return raw.map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        }

        /// The key that keeps requests of differently named prompts apart: the prompt name, else the route.
        var groupKey: String? { promptName ?? route }
    }
}
