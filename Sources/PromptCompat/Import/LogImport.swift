import Foundation

/// Turns a gateway log into prompt files and baseline snapshots (`promptcompat import`).
///
/// Each logged request is, in this order: **already present** (its body's ``RequestFingerprint`` is a
/// case of the library or an earlier line; only a missing snapshot is filled in), **a new case of an
/// imported prompt** under `prefix` whose template it fits (``TemplateMatch``), or **part of a new
/// prompt** (``RequestGrouping``, ``ExtractedTemplate``) named from the log's metadata or its task
/// (``PromptNames``: `<prefix>/review-sentiment`), as ``ImportAdjustments`` split or merge them.
/// Hand-written prompts are never rewritten. See `docs/import.md`.
///
/// ```swift
/// let library = try PromptLibrary.load(from: URL(fileURLWithPath: "prompts"))
/// let log = try GatewayLog.read(contentsOf: URL(fileURLWithPath: "logs.jsonl"))
/// let plan = try LogImport.plan(log, library: library, provider: library.config.baseline, prefix: "imported",
///                               snapshots: SnapshotStore(root: URL(fileURLWithPath: "snapshots")))
/// try plan.write()
/// ```
public enum LogImport {
    /// A provider or prefix the import cannot use.
    public struct SetupError: Error, Sendable, CustomStringConvertible {
        public var description: String
    }

    /// The plan for importing `log` into `library`: the answers become `provider`'s snapshots, new prompts
    /// go under `prefix`, `adjust` splits or merges proposed prompts. Throws for a provider the suite
    /// config lacks, an unsafe provider name or prefix, or an id in `adjust` that is not proposed.
    public static func plan(
        _ log: GatewayLog, library: PromptLibrary, provider: String, prefix: String = "imported",
        snapshots: SnapshotStore, environment: [String: String] = ProcessInfo.processInfo.environment,
        adjust: ImportAdjustments = ImportAdjustments()
    ) throws(SetupError) -> ImportPlan {
        guard library.config.provider(named: provider) != nil else {
            throw SetupError(description: "provider \"\(provider)\" is not in \(SuiteConfig.fileName); declared: \(library.config.providers.map(\.name).joined(separator: ", "))")
        }
        if let problem = SafeName.problem(with: provider) { throw SetupError(description: "provider name \"\(provider)\" \(problem)") }
        if let problem = SafeName.problem(withID: prefix) { throw SetupError(description: "--prefix \"\(prefix)\" \(problem)") }
        let policy = snapshotPolicy(environment)
        var planner = Planner(library: library, provider: provider, prefix: prefix, store: snapshots)
        planner.secrets = SecretRedaction.keys(of: library.config, in: environment)  // no imported answer carries a key
        var plan = ImportPlan(linesRead: log.linesRead, skipped: log.skipped, malformed: log.malformed, provider: provider, snapshotStore: snapshots, policy: policy)
        try planner.place(log.entries, into: &plan, adjust: adjust)
        return plan
    }


    /// Import writes the snapshots that are missing — except under CI, like a run: `CI` set means none,
    /// unless `PROMPTCOMPAT_RECORD_IN_CI` is set too. `PROMPTCOMPAT_RECORD` does not apply.
    static func snapshotPolicy(_ environment: [String: String]) -> RecordPolicy {
        var environment = environment
        environment[RecordPolicy.environmentVariable] = nil
        let policy = (try? RecordPolicy.resolve(explicit: nil, environment: environment)) ?? RecordPolicy(mode: .missing, explanation: "")
        return policy.mode == .never ? policy : RecordPolicy(mode: .missing, explanation: "import writes the snapshots that are missing")
    }
}

/// The state of one planning pass.
struct Planner {
    let library: PromptLibrary
    let provider: String
    let prefix: String
    let store: SnapshotStore
    /// Key values taken out of every logged answer before it becomes a snapshot.
    var secrets: [String] = []
    /// Fingerprint → where that request already is.
    var known: [String: String] = [:]
    /// Existing cases by fingerprint, to fill in a missing snapshot.
    var existingCases: [String: SnapshotKey] = [:]
    /// Imported prompts that may get more cases, by id.
    var extensions: [String: PromptExtension] = [:]
    var extensionIDs: [String] { extensions.keys.sorted() }
    var takenIDs: Set<String>

    init(library: PromptLibrary, provider: String, prefix: String, store: SnapshotStore) {
        self.library = library
        self.provider = provider
        self.prefix = prefix
        self.store = store
        takenIDs = Set(library.prompts.map(\.id))
        for prompt in library.prompts {
            for promptCase in prompt.cases {
                guard let request = try? Self.rendered(prompt, promptCase) else { continue }
                let fingerprint = RequestFingerprint.of(request)
                known[fingerprint] = "\(prompt.id) · \(promptCase.name)"
                existingCases[fingerprint] = SnapshotKey(provider: provider, promptID: prompt.id, caseName: promptCase.name)
            }
            if prompt.id.hasPrefix(prefix + "/") { extensions[prompt.id] = PromptExtension(prompt: prompt) }
        }
    }

    /// A case's request as the log would hold it: the prompt's own model, variables filled in.
    static func rendered(_ prompt: Prompt, _ promptCase: PromptCase) throws -> ChatRequest {
        var request = TemplateMatch.templateRequest(of: prompt)
        for i in request.messages.indices {
            request.messages[i].content = try Template.render(request.messages[i].content, with: promptCase.variables)
        }
        return request
    }

    mutating func place(_ entries: [GatewayLogEntry], into plan: inout ImportPlan, adjust: ImportAdjustments) throws(LogImport.SetupError) {
        var leftovers: [GatewayLogEntry] = []
        for entry in entries {
            let fingerprint = RequestFingerprint.of(entry.request)
            if let existing = known[fingerprint] {
                plan.duplicates.append(.init(source: entry.location, existing: existing))
                fillSnapshot(existingCases[fingerprint], from: entry, into: &plan)
                continue
            }
            if let (id, name) = addToImportedPrompt(entry) {
                known[fingerprint] = "\(id) · \(name)"
                continue
            }
            known[fingerprint] = "line \(entry.line) of \(entry.file)"
            leftovers.append(entry)
        }
        for id in extensionIDs where !extensions[id]!.added.isEmpty {
            let extended = extensions[id]!
            plan.prompts.append(extended.file)
            plan.snapshots += extended.added.map { snapshotWrite(promptID: id, case: $0.name, entry: $0.entry) }
        }
        for proposal in try proposals(for: leftovers, adjust: adjust) {
            let members = proposal.group.members.map { leftovers[$0] }
            let file = library.root.appendingPathComponent(proposal.id + ".json")
            let template = ExtractedTemplate(proposal.group, requests: leftovers.map(\.request))
            let newPrompt = NewPromptFile(id: proposal.id, file: file, template: template, entries: members)
            plan.prompts.append(newPrompt.file)
            plan.snapshots += zip(newPrompt.caseNames, members).map { snapshotWrite(promptID: proposal.id, case: $0, entry: $1) }
        }
    }

    /// Adds the entry as a case of the first imported prompt (by id) whose template it fits.
    mutating func addToImportedPrompt(_ entry: GatewayLogEntry) -> (id: String, caseName: String)? {
        for id in extensionIDs {
            if let name = extensions[id]!.add(entry) { return (id, name) }
        }
        return nil
    }

    /// An existing case's snapshot when the store has none for the provider.
    func fillSnapshot(_ key: SnapshotKey?, from entry: GatewayLogEntry, into plan: inout ImportPlan) {
        guard let key, let directory = try? store.directory(for: key),
            !FileManager.default.fileExists(atPath: directory.appendingPathComponent("meta.json").path),
            !plan.snapshots.contains(where: { $0.key == key })
        else { return }
        plan.snapshots.append(snapshotWrite(promptID: key.promptID, case: key.caseName, entry: entry))
    }

    func snapshotWrite(promptID: String, case name: String, entry: GatewayLogEntry) -> ImportPlan.SnapshotWrite {
        // A logged answer that echoes a key (a gateway's debug line) is accepted without it.
        var snapshot = Snapshot(provider: provider, request: entry.request, completions: [entry.completion.redactingSecrets(secrets)])
        if let timestamp = entry.timestamp { snapshot.metadata.recordedAt = timestamp }
        if entry.latencySeconds == nil { snapshot.metadata.latencySeconds = [] }
        return .init(key: SnapshotKey(provider: provider, promptID: promptID, caseName: name), snapshot: snapshot, source: entry.location)
    }
}
