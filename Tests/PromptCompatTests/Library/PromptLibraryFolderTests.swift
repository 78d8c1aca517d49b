import Foundation
import Testing
@testable import PromptCompat

/// Which files of the library folder are prompts, however the folder is named, and loading one prompt by id.
@Suite("Prompt library folder")
struct PromptLibraryFolderTests {
    @Test("a folder given with a trailing slash or a ./ segment loads with the same ids")
    func spelledDifferently() throws {
        let folder = try ScratchLibrary(files: ["support/refund-reply.json": ScratchLibrary.validPrompt])
        defer { folder.delete() }

        for spelling in [folder.root.path + "/", folder.root.path + "/./", folder.root.path + "/support/.."] {
            let library = try PromptLibrary.load(from: URL(fileURLWithPath: spelling))
            #expect(library.prompts.map(\.id) == ["support/refund-reply"], "\(spelling)")
        }
    }

    @Test("a library folder reached through a symbolic link loads its prompts")
    func symlinkedFolder() throws {
        let folder = try ScratchLibrary(files: ["support/refund-reply.json": ScratchLibrary.validPrompt])
        defer { folder.delete() }
        let link = folder.root.deletingLastPathComponent().appendingPathComponent("link-\(UUID().uuidString)")
        try FileManager.default.createSymbolicLink(at: link, withDestinationURL: folder.root)
        defer { try? FileManager.default.removeItem(at: link) }

        let library = try PromptLibrary.load(from: link)

        #expect(library.prompts.map(\.id) == ["support/refund-reply"])
    }

    @Test("a link inside the library to a file outside it is refused with an error naming the link")
    func linkLeavingTheLibraryIsRefused() throws {
        let outside = try ScratchLibrary(config: nil, files: ["secret.json": ScratchLibrary.validPrompt])
        defer { outside.delete() }
        let folder = try ScratchLibrary(files: ["support/refund-reply.json": ScratchLibrary.validPrompt])
        defer { folder.delete() }
        try FileManager.default.createSymbolicLink(
            at: folder.root.appendingPathComponent("support/stolen.json"), withDestinationURL: outside.root.appendingPathComponent("secret.json"))

        let error = try folder.loadError()

        #expect(error.file == folder.path("support/stolen.json"))
        #expect(error.message.hasPrefix("is a link to \(outside.root.resolvingSymlinksInPath().path)/secret.json, outside the library folder"))
        #expect(error.message.contains("move or copy the files into the library"))
    }

    @Test("a linked folder of shared prompts outside the library is refused, not silently skipped")
    func linkedFolderOutsideIsRefused() throws {
        let shared = try ScratchLibrary(config: nil, files: ["faq.json": ScratchLibrary.validPrompt, "refunds.json": ScratchLibrary.validPrompt])
        defer { shared.delete() }
        let folder = try ScratchLibrary(files: ["support/refund-reply.json": ScratchLibrary.validPrompt])
        defer { folder.delete() }
        try FileManager.default.createSymbolicLink(at: folder.root.appendingPathComponent("shared"), withDestinationURL: shared.root)

        let error = try folder.loadError()

        #expect(error.file == folder.path("shared"))
        #expect(error.message.contains("outside the library folder"))
    }

    @Test("a link to a folder inside the library is followed, its prompts named by the link's path")
    func linkInsideIsFollowed() throws {
        let folder = try ScratchLibrary(files: ["support/refund-reply.json": ScratchLibrary.validPrompt])
        defer { folder.delete() }
        try FileManager.default.createSymbolicLink(at: folder.root.appendingPathComponent("kefu"), withDestinationURL: folder.root.appendingPathComponent("support"))
        try FileManager.default.createSymbolicLink(at: folder.root.appendingPathComponent("reply.json"), withDestinationURL: folder.root.appendingPathComponent("support/refund-reply.json"))

        let library = try folder.load()

        #expect(library.prompts.map(\.id) == ["kefu/refund-reply", "reply", "support/refund-reply"])
    }

    @Test("a link back to a folder being walked does not loop")
    func linkLoopEnds() throws {
        let folder = try ScratchLibrary(files: ["support/refund-reply.json": ScratchLibrary.validPrompt])
        defer { folder.delete() }
        try FileManager.default.createSymbolicLink(at: folder.root.appendingPathComponent("support/up"), withDestinationURL: folder.root)

        let library = try folder.load()

        #expect(library.prompts.map(\.id) == ["support/refund-reply"])
    }

    @Test("a link to a prompt file that does not exist is an error; a dangling link to anything else is ignored")
    func danglingLink() throws {
        let folder = try ScratchLibrary(files: ["support/refund-reply.json": ScratchLibrary.validPrompt])
        defer { folder.delete() }
        try FileManager.default.createSymbolicLink(atPath: folder.root.appendingPathComponent("gone.json").path, withDestinationPath: "nowhere.json")
        try FileManager.default.createSymbolicLink(atPath: folder.root.appendingPathComponent("NOTES.md").path, withDestinationPath: "nowhere.md")

        let error = try folder.loadError()

        #expect(error.file == folder.path("gone.json"))
        #expect(error.message == "is a link to nowhere.json, which does not exist; fix or remove the link")
    }

    @Test("a library with only its suite config loads (import fills it) but refuses to run")
    func emptyLibraryRefusesToRun() throws {
        let folder = try ScratchLibrary(files: ["notes/README.md": "shared prompts live elsewhere"])
        defer { folder.delete() }
        let library = try folder.load()

        let error = try #require(throws: PromptLibraryError.self) { try library.requirePrompts() }
        #expect(error.diagnostics.map(\.message) == ["the library has no prompt files, only promptcompat.json; add a prompt file (docs/prompt-format.md) or run `promptcompat import <gateway log>`"])
    }

    @Test("a file name that is not a safe id is an error asking to rename it")
    func unsafeFileName() throws {
        let folder = try ScratchLibrary(files: ["support/refund reply.json": ScratchLibrary.validPrompt])
        defer { folder.delete() }

        let error = try folder.loadError()
        #expect(error.file == folder.path("support/refund reply.json"))
        #expect(error.message == #"prompt id "support/refund reply" has a segment "refund reply" that may only contain A-Z a-z 0-9 - _ .; rename the file"#)
    }

    @Test("a variable used only in an override's messages must be defined by every case, naming the override's message")
    func overrideVariablesAreChecked() throws {
        let folder = try ScratchLibrary(files: ["tuned.json": """
            {
              "messages": [ { "role": "user", "content": "订单 {{order_id}}" } ],
              "cases": [ { "name": "late", "vars": { "order_id": "1" } } ],
              "overrides": {
                "local-b": { "messages": [ { "role": "user", "content": "例：{{example}}\\n订单 {{order_id}}" } ] }
              }
            }
            """])
        defer { folder.delete() }

        let error = try folder.loadError()
        #expect(error.jsonPath == "$.cases[0].vars")
        #expect(error.message == #"case "late" does not define "example", which $.overrides.local-b.messages[0].content uses as {{example}}"#)
    }

    @Test("a warning found in a prompt that then fails is reported with its error")
    func warningsOfFailedPrompts() throws {
        let folder = try ScratchLibrary(files: ["typo.json": #"{ "temprature": 0, "messages": [ { "role": "user", "content": "hi" } ] }"#])
        defer { folder.delete() }

        let diagnostics = folder.loadErrors()
        #expect(diagnostics.map(\.severity) == [.error, .warning])
        #expect(diagnostics.map(\.jsonPath) == ["$", "$.temprature"])
    }

    // MARK: - Loading one prompt by id

    @Test("a prompt id that would leave the library is refused before any file is read", arguments: [
        ("../secrets", #"prompt id "../secrets" has a segment ".." that is "..", which would leave its folder"#),
        ("/etc/passwd", #"prompt id "/etc/passwd" is an absolute path"#),
        ("support/../../secrets", #"prompt id "support/../../secrets" has a segment ".." that is "..", which would leave its folder"#),
        ("support/", #"prompt id "support/" has a segment "" that is empty"#),
    ])
    func escapingPromptIDIsRefused(id: String, reason: String) throws {
        let folder = try ScratchLibrary(files: ["support/refund-reply.json": ScratchLibrary.validPrompt])
        defer { folder.delete() }
        let library = try folder.load()

        let error = try #require(throws: LibraryDiagnostic.self) { try library.loadPrompt(id: id) }
        #expect(error.file == id)
        #expect(error.severity == .error)
        #expect(error.message.hasPrefix(reason + "; ids are paths inside "))
    }

    @Test("a prompt id inside the library loads that one file")
    func loadPromptByID() throws {
        let folder = try ScratchLibrary(files: ["support/refund-reply.json": ScratchLibrary.validPrompt])
        defer { folder.delete() }
        let library = try folder.load()

        let prompt = try library.loadPrompt(id: "support/refund-reply")
        #expect(prompt.id == "support/refund-reply")
        #expect(prompt.messages == [ChatMessage(role: .user, content: "订单 {{order_id}} 到哪了？")])
    }
}
