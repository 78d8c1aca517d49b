/// Logged requests that are one prompt: the same parameters and message skeleton, and texts that
/// align (see ``MessageAlignment``).
struct RequestGroup: Sendable {
    /// Indices into the requests given to ``RequestGrouping/groups(of:)``, in log order.
    var members: [Int]
    /// One alignment per message position.
    var alignments: [MessageAlignment]
    var skeleton: String
    /// Per message position, text → ``MessageAlignment/sharedLimit(with:)``; valid while that position's
    /// shared tokens stay the same (a system message repeated in every request is measured once).
    var limits: [[String: Int]]

    init(member: Int, alignments: [MessageAlignment], skeleton: String) {
        members = [member]
        self.alignments = alignments
        self.skeleton = skeleton
        limits = alignments.map { _ in [:] }
    }

    /// Tokens every member shares, over all messages.
    var sharedCount: Int { alignments.reduce(0) { $0 + $1.sharedCount } }

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
/// A request joins a group with the same parameters and message skeleton (roles, count, extra message
/// members) when, aligned with the group, at least half of its tokens — or of the group's shared
/// tokens, if those are fewer — stay shared; among several such groups it joins the one that keeps the
/// largest share. Otherwise it starts a group of its own.
///
/// ```swift
/// let groups = RequestGrouping.groups(of: log.entries.map(\.request))
/// groups.map(\.members)   // [[0, 1, 3], [2], [4, 5]]
/// ```
enum RequestGrouping {
    static func groups(of requests: [ChatRequest]) -> [RequestGroup] {
        var table = ImportTokenTable()
        var tokenized: [String: (tokens: [ImportToken], ids: [Int])] = [:]
        var groups: [RequestGroup] = []
        for (index, request) in requests.enumerated() {
            let skeleton = RequestFingerprint.skeleton(of: request)
            let texts = request.messages.map(\.content)
            let pieces = texts.map { text in
                if let known = tokenized[text] { return known }
                let tokens = ImportTokenizer.tokens(text)
                tokenized[text] = (tokens, table.ids(tokens))
                return tokenized[text]!
            }
            let size = pieces.reduce(0) { $0 + $1.tokens.count }
            var best: (group: Int, share: Double, alignments: [MessageAlignment])?
            for g in groups.indices where groups[g].skeleton == skeleton {
                let base = min(groups[g].sharedCount, size)
                let limit = groups[g].sharedLimit(texts, ids: pieces.map(\.ids))
                guard limit > 0, limit * 2 >= base else { continue }
                let joined = zip(groups[g].alignments, pieces).map { $0.adding($1.tokens, ids: $1.ids) }
                let kept = joined.reduce(0) { $0 + $1.sharedCount }
                guard kept > 0, kept * 2 >= base else { continue }
                let share = Double(kept) / Double(max(base, 1))
                if share > best?.share ?? -1 { best = (g, share, joined) }
            }
            if let best {
                groups[best.group].add(index, alignments: best.alignments)
            } else {
                groups.append(RequestGroup(member: index, alignments: pieces.map { MessageAlignment($0.tokens, ids: $0.ids) }, skeleton: skeleton))
            }
        }
        return groups
    }
}
