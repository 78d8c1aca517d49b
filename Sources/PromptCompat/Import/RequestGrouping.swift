/// Logged requests that are one prompt: the same parameters, message skeleton, system messages and
/// gateway prompt name, and texts that align into a template ``GroupingRules`` accepts.
struct RequestGroup: Sendable {
    /// Indices into the requests given to ``RequestGrouping/groups(of:keys:)``, in log order.
    var members: [Int]
    /// One alignment per message position.
    var alignments: [MessageAlignment]
    /// ``RequestGrouping/partition(of:key:)``: requests of other partitions never join.
    var skeleton: String
    /// The gateway named the prompt: its requests are one prompt unless their wording differs.
    var trusted: Bool
    /// Per message position, text → ``MessageAlignment/sharedLimit(with:)``; valid while that position's
    /// shared tokens stay the same (a system message repeated in every request is measured once).
    var limits: [[String: Int]]

    init(member: Int, alignments: [MessageAlignment], skeleton: String, trusted: Bool = false) {
        members = [member]
        self.alignments = alignments
        self.skeleton = skeleton
        self.trusted = trusted
        limits = alignments.map { _ in [:] }
    }

    /// Tokens every member shares, over all messages.
    var sharedCount: Int { alignments.reduce(0) { $0 + $1.sharedCount } }

    /// The template's messages, slot edges snapped (``SlotBoundaries``).
    var segments: [[MessageAlignment.Segment]] { alignments.map { SlotBoundaries.snap($0.segments) } }

    /// An upper bound of the tokens that stay shared if `texts` join.
    mutating func sharedLimit(_ texts: [String], ids: [[Int]]) -> Int {
        var total = 0
        for i in alignments.indices {
            if let cached = limits[i][texts[i]] {
                total += cached
            } else {
                let limit = alignments[i].sharedLimit(with: ids[i])
                limits[i][texts[i]] = limit
                total += limit
            }
        }
        return total
    }

    mutating func add(_ member: Int, alignments joined: [MessageAlignment]) {
        for i in alignments.indices where joined[i].sharedCount != alignments[i].sharedCount { limits[i] = [:] }
        members.append(member)
        alignments = joined
    }
}

/// Groups logged requests into prompts, in one pass over the log.
///
/// Requests are candidates for one prompt when they have the same parameters, message skeleton (roles,
/// count, extra members), system messages (facts such as a date aside) and gateway prompt name or route.
/// A request joins the candidate group whose template, with it, ``GroupingRules`` accept and that keeps
/// the largest share of its fixed text; a group of two or more keeps at least ``keptShare`` of its fixed
/// tokens (a template once seen twice is not worn down). However long the inputs, the instruction
/// decides. Otherwise the request starts a group of its own.
///
/// ```swift
/// let groups = RequestGrouping.groups(of: log.entries.map(\.request), keys: log.entries.map(\.metadata.groupKey))
/// groups.map(\.members)   // [[0, 1, 3], [2], [4, 5]]
/// ```
enum RequestGrouping {
    static let keptShare = 0.8

    static func groups(of requests: [ChatRequest], keys: [String?] = []) -> [RequestGroup] {
        var table = ImportTokenTable()
        var tokenized: [String: (tokens: [ImportToken], ids: [Int])] = [:]
        var groups: [RequestGroup] = []
        for (index, request) in requests.enumerated() {
            let key = index < keys.count ? keys[index] : nil
            let partition = partition(of: request, key: key)
            let texts = request.messages.map(\.content)
            let pieces = texts.map { text in
                if let known = tokenized[text] { return known }
                let tokens = ImportTokenizer.tokens(text)
                tokenized[text] = (tokens, table.ids(tokens))
                return tokenized[text]!
            }
            let size = pieces.reduce(0) { $0 + $1.tokens.count }
            var best: (group: Int, share: Double, alignments: [MessageAlignment])?
            for g in groups.indices where groups[g].skeleton == partition {
                let established = groups[g].members.count > 1
                let needed = established ? Int((keptShare * Double(groups[g].sharedCount)).rounded(.up)) : 1
                guard groups[g].sharedLimit(texts, ids: pieces.map(\.ids)) >= needed else { continue }
                let joined = zip(groups[g].alignments, pieces).map { $0.adding($1.tokens, ids: $1.ids) }
                let kept = joined.reduce(0) { $0 + $1.sharedCount }
                guard kept >= needed else { continue }
                // A template the new member leaves as it was needs checking only for what that member brings.
                let unchanged = established && kept == groups[g].sharedCount
                let members = joined[0].tokens.count
                let seen = unchanged ? joined.map { $0.view([0, members - 1]) } : joined
                let segments = seen.map { SlotBoundaries.snap($0.segments) }
                guard GroupingRules.accepts(segments, roles: request.messages.map(\.role), trusted: groups[g].trusted, newcomer: unchanged) else { continue }
                let share = Double(kept) / Double(max(min(groups[g].sharedCount, size), 1))
                if share > best?.share ?? -1 { best = (g, share, joined) }
            }
            if let best {
                groups[best.group].add(index, alignments: best.alignments)
            } else {
                let alignments = pieces.map { MessageAlignment($0.tokens, ids: $0.ids) }
                groups.append(RequestGroup(member: index, alignments: alignments, skeleton: partition, trusted: key != nil))
            }
        }
        return groups
    }

    /// The requests' parameters and skeleton, their system messages with facts (a date, an id) blanked,
    /// and the gateway's prompt name or route.
    static func partition(of request: ChatRequest, key: String?) -> String {
        let systems = request.messages.filter { $0.role == .system }.map { message in
            ImportTokenizer.tokens(message.content).map { $0.fact.map { "\u{1}\($0.rawValue)\u{1}" } ?? $0.text }.joined()
        }
        return ([RequestFingerprint.skeleton(of: request), key ?? ""] + systems).joined(separator: "\u{0}")
    }

    /// One group of all `members`, whatever their texts (a person merged them).
    static func forced(_ members: [Int], of requests: [ChatRequest]) -> RequestGroup {
        var table = ImportTokenTable()
        func alignment(_ text: String) -> (tokens: [ImportToken], ids: [Int]) {
            let tokens = ImportTokenizer.tokens(text)
            return (tokens, table.ids(tokens))
        }
        let first = requests[members[0]]
        var group = RequestGroup(member: members[0], alignments: first.messages.map { message in
            let piece = alignment(message.content)
            return MessageAlignment(piece.tokens, ids: piece.ids)
        }, skeleton: partition(of: first, key: nil), trusted: true)
        for member in members.dropFirst() {
            let joined = zip(group.alignments, requests[member].messages).map { current, message in
                let piece = alignment(message.content)
                return current.adding(piece.tokens, ids: piece.ids)
            }
            group.add(member, alignments: joined)
        }
        return group
    }
}
