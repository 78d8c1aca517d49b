import Foundation

extension Prompt {
    /// The request a provider receives for one case: the provider's override applied (messages replaced,
    /// parameters replaced or added), variables filled in, the model mapped to the provider's model.
    ///
    /// ```swift
    /// let request = try prompt.request(for: prompt.cases[0], provider: qwen)
    /// request.model   // "qwen-plus" (the prompt says "gpt-4o"; the config maps it)
    /// ```
    public func request(for promptCase: PromptCase, provider: ProviderConfig) throws(LibraryDiagnostic) -> ChatRequest {
        let override = overrides[provider.name]
        var parameters = self.parameters
        for member in override?.parameters ?? JSONObject() { parameters[member.key] = member.value }
        // A model named in the override is this provider's own; the prompt's goes through the model map.
        let model = override?.parameters["model"]?.stringValue ?? provider.model(for: self.parameters["model"]?.stringValue)
        parameters["model"] = nil
        var messages = override?.messages ?? self.messages
        for i in messages.indices {
            do {
                messages[i].content = try Template.render(messages[i].content, with: promptCase.variables)
            } catch {
                throw LibraryDiagnostic(.error, file: file.path, jsonPath: "\(promptCase.jsonPath).vars", message: "case \"\(promptCase.name)\" does not define \"\(error.name)\"")
            }
        }
        return ChatRequest(model: model, messages: messages, parameters: parameters)
    }

    /// The request exactly as a run sends it to `provider`: ``request(for:provider:)`` adapted to the
    /// provider's profile, with every change recorded. `promptcompat run` and `promptcompat lint` both
    /// call this, so what the lint reports is what the run does.
    public func adaptedRequest(for promptCase: PromptCase, provider: ProviderConfig) throws(LibraryDiagnostic) -> AdaptedRequest {
        RequestAdapter.adapt(try request(for: promptCase, provider: provider), promptModel: mappedModel(for: provider), to: provider.resolvedProfile)
    }

    /// The prompt's `model` when it goes through the provider's model map; `nil` when the provider's
    /// override names its own model, which is sent as is.
    func mappedModel(for provider: ProviderConfig) -> String? {
        overrides[provider.name]?.parameters["model"] == nil ? parameters["model"]?.stringValue : nil
    }

    /// How many baseline samples to record for each case.
    public func sampleCount(in config: SuiteConfig) -> Int { samples ?? config.samples }
}
