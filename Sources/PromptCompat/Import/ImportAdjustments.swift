import Foundation

/// Corrections a person makes to the import's grouping after reading a `--dry-run`: proposed prompts to
/// split into one prompt per request, and pairs to merge into one. Ids are those the plan proposes, with
/// or without the prefix (`imported/review-sentiment` or `review-sentiment`); splits come first, so a
/// merge can name a split's parts (`review-reply-1`, `review-reply-2`, … in request order — unless a
/// name is already taken by another proposal, when the part gets the next free suffix: read the parts'
/// ids in a `--dry-run` before merging them).
///
/// ```swift
/// let adjust = ImportAdjustments(splits: ["imported/review-reply"], merges: [("review-summary", "review-summary-2")])
/// let plan = try LogImport.plan(log, library: library, provider: "openai", snapshots: store, adjust: adjust)
/// ```
public struct ImportAdjustments: Sendable {
    /// Proposed prompts whose requests become one prompt each.
    public var splits: [String]
    /// Pairs of proposed prompts that become one (the first one's id); they need the same parameters
    /// and message roles.
    public var merges: [(String, String)]

    /// Splits and merges as given (none by default).
    public init(splits: [String] = [], merges: [(String, String)] = []) {
        self.splits = splits
        self.merges = merges
    }

    /// No split and no merge.
    public var isEmpty: Bool { splits.isEmpty && merges.isEmpty }
}

/// A new prompt the import proposes: its id and the group of log entries it is made from.
struct ProposedPrompt {
    var id: String
    var group: RequestGroup
}

extension Planner {
    /// The new prompts for `entries` (requests not in the library): grouped, named, then adjusted.
    mutating func proposals(for entries: [GatewayLogEntry], adjust: ImportAdjustments) throws(LogImport.SetupError) -> [ProposedPrompt] {
        let requests = entries.map(\.request)
        var proposals = RequestGrouping.groups(of: requests, keys: entries.map(\.metadata.groupKey)).map { group in
            let template = ExtractedTemplate(group, requests: requests)
            let base = PromptNames.base(entries: group.members.map { entries[$0] }, messages: template.messages, variables: template.variables)
            return ProposedPrompt(id: uniqueID(base), group: group)
        }
        let proposed = proposals.map(\.id)
        for id in adjust.splits {
            let i = try index(of: id, in: proposals, proposed: proposed)
            let whole = proposals.remove(at: i)
            let parts = whole.group.members.enumerated().map { n, member in
                ProposedPrompt(id: uniqueID(String(whole.id.dropFirst(prefix.count + 1)) + "-\(n + 1)"), group: RequestGrouping.forced([member], of: requests))
            }
            proposals.insert(contentsOf: parts, at: i)
        }
        for (a, b) in adjust.merges {
            let first = try index(of: a, in: proposals, proposed: proposed)
            let second = try index(of: b, in: proposals, proposed: proposed)
            guard first != second else { throw LogImport.SetupError(description: "--merge \(a) \(b): that is one prompt twice") }
            let (x, y) = (requests[proposals[first].group.members[0]], requests[proposals[second].group.members[0]])
            guard RequestFingerprint.skeleton(of: x) == RequestFingerprint.skeleton(of: y) else {
                throw LogImport.SetupError(description: "--merge \(proposals[first].id) \(proposals[second].id): their requests differ in parameters or message roles, so they cannot be one prompt file")
            }
            let members = (proposals[first].group.members + proposals[second].group.members).sorted()
            proposals[first].group = RequestGrouping.forced(members, of: requests)
            proposals.remove(at: second)
        }
        return proposals
    }

    /// Where the proposal `id` is, or an error naming the nearest proposed id.
    private func index(of id: String, in proposals: [ProposedPrompt], proposed: [String]) throws(LogImport.SetupError) -> Int {
        let full = id.hasPrefix(prefix + "/") ? id : "\(prefix)/\(id)"
        if let i = proposals.firstIndex(where: { $0.id == full }) { return i }
        var message = "no proposed prompt \"\(id)\" in this import"
        if proposed.contains(full) {
            message += " any more (an earlier --merge or --split took it)"
        } else if let near = Suggestion.closest(to: full, among: proposals.map(\.id)) {
            message += "; did you mean \"\(near)\"?"
        } else if proposals.isEmpty {
            message += "; it proposes no new prompt"
        } else {
            message += "; proposed: " + proposals.prefix(12).map(\.id).joined(separator: ", ") + (proposals.count > 12 ? ", …" : "")
        }
        throw LogImport.SetupError(description: message)
    }

    /// `<prefix>/<base>`, else `-2`, `-3`, … whichever no prompt or file has.
    mutating func uniqueID(_ base: String) -> String {
        func free(_ id: String) -> Bool {
            !takenIDs.contains(id) && !FileManager.default.fileExists(atPath: library.root.appendingPathComponent(id + ".json").path)
        }
        var id = "\(prefix)/\(base)"
        var n = 2
        while !free(id) {
            id = "\(prefix)/\(base)-\(n)"
            n += 1
        }
        takenIDs.insert(id)
        return id
    }
}
