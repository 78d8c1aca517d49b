import Foundation

extension PromptLibrary {
    /// Adds a skeleton override for `target` to the prompt's file (``OverrideInsertion``: a TODO note
    /// and a copy of the prompt's messages, every other byte unchanged), then loads the file again to
    /// prove it is still a valid prompt whose new override equals the prompt's messages. If it is not,
    /// the original bytes are written back.
    ///
    /// ```swift
    /// let position = try library.addOverrideSkeleton(promptID: "support/refund-reply", target: "qwen")
    /// print("edit prompts/support/refund-reply.json:\(position.line)")
    /// ```
    ///
    /// - Returns: where the new override's `messages` starts in the file.
    /// - Throws: ``LibraryDiagnostic`` naming the file when the prompt cannot be loaded, already has an
    ///   override for `target`, or the edited file would not load (the file is then restored).
    @discardableResult
    public func addOverrideSkeleton(promptID: String, target: String) throws(LibraryDiagnostic) -> SourcePosition {
        let prompt = try loadPrompt(id: promptID)
        let path = Self.displayPath(prompt.file)
        func failure(_ message: String) -> LibraryDiagnostic { LibraryDiagnostic(.error, file: path, message: message) }
        guard config.provider(named: target) != nil else {
            throw failure("no provider \"\(target)\" in the suite config; providers: \(config.providers.map(\.name).joined(separator: ", "))")
        }
        guard let original = try? Data(contentsOf: prompt.file), let text = String(data: original, encoding: .utf8) else {
            throw failure("cannot read the prompt file as UTF-8 text")
        }
        let edit: OverrideInsertion
        do { edit = try OverrideInsertion.insert(into: text, target: target) } catch { throw failure("cannot add an override for \(target): \(error)") }
        do {
            try Data(edit.text.utf8).write(to: prompt.file, options: .atomic)
        } catch {
            throw failure("cannot write the prompt file: \(error.localizedDescription)")
        }
        let problem: String?
        do {
            let reloaded = try loadPrompt(id: promptID)
            problem = reloaded.overrides[target]?.messages == prompt.messages ? nil : "the added override did not read back as the prompt's messages"
        } catch {
            problem = error.description
        }
        if let problem {
            try? original.write(to: prompt.file, options: .atomic)
            throw failure("the file would not load with the added override, so it was left as it was: \(problem)")
        }
        return edit.messagesPosition
    }
}
