/// The texts at one message position of a group of logged requests, aligned on the tokens they all
/// share: what every text has, in the same order, is the template's fixed text; every stretch where they
/// differ is a slot, which becomes a `{{variable}}`.
///
/// Texts are added one at a time: the shared tokens so far are aligned with the new text by their
/// longest common subsequence, and only the tokens the new text also has stay shared. A shared run too
/// short to trust (an accidental `，` or `的` in two reviews) is folded into the slot around it.
///
/// ```swift
/// var table = ImportTokenTable()
/// let (a, b) = (ImportTokenizer.tokens("订单号：YX001，请查询"), ImportTokenizer.tokens("订单号：YX002，请查询"))
/// let alignment = MessageAlignment(a, ids: table.ids(a)).adding(b, ids: table.ids(b))
/// alignment.segments   // [.fixed("订单号："), .slot(values: ["YX001", "YX002"], …), .fixed("，请查询")]
/// ```
struct MessageAlignment: Sendable {
    /// A fixed run next to one slot (at the start or end of the text) needs this many characters to stay
    /// fixed; between two slots it needs ``minimumInnerRun``.
    static let minimumEdgeRun = 3
    static let minimumInnerRun = 4

    /// One piece of the template of a message.
    enum Segment: Sendable, Equatable {
        case fixed(String)
        /// What each member has here (in member order), and the fact kind when a member's value is one fact.
        case slot(values: [String], facts: [Fact.Kind?])
    }

    private(set) var tokens: [[ImportToken]]
    private(set) var ids: [[Int]]
    /// `offsets[m][i]`: the characters of member `m`'s tokens before token `i` (one more entry than tokens).
    private var offsets: [[Int]]
    /// `positions[m][k]`: the index in member `m` of the `k`-th shared token.
    private var positions: [[Int]]
    /// The shared tokens' ids.
    private var sharedIDs: [Int]
    /// `gapAfter[k]`: some member has tokens between shared tokens `k` and `k + 1` (a run ends at `k`).
    private var gapAfter: [Bool]

    /// A group of one text; `ids` are its tokens' ids from one ``ImportTokenTable``.
    init(_ tokens: [ImportToken], ids: [Int]) {
        self.tokens = [tokens]
        offsets = [Self.offsets(tokens)]
        self.ids = [ids]
        positions = [Array(ids.indices)]
        sharedIDs = ids
        gapAfter = Array(repeating: false, count: ids.count)
    }

    /// How many tokens every member shares.
    var sharedCount: Int { sharedIDs.count }

    /// At least as many as ``adding(_:ids:)`` would keep shared, computed in a fraction of the time
    /// (bit-parallel LCS length): a group that cannot keep enough is not aligned at all.
    func sharedLimit(with newIDs: [Int]) -> Int {
        BitParallel.lcsLength(sharedIDs.map { UInt32($0) }, newIDs.map { UInt32($0) })
    }

    /// This alignment with one more text. When the new text keeps every shared token (the usual case
    /// once a group has a few members) only its own column is added, so a large group stays cheap.
    func adding(_ newTokens: [ImportToken], ids newIDs: [Int]) -> MessageAlignment {
        let pairs = CommonSubsequence.pairs(sharedIDs, newIDs)
        var next = self
        next.tokens.append(newTokens)
        next.offsets.append(Self.offsets(newTokens))
        next.ids.append(newIDs)
        if pairs.count == sharedIDs.count {
            next.positions.append(pairs.map(\.1))
            for k in pairs.indices.dropLast() where pairs[k + 1].1 != pairs[k].1 + 1 { next.gapAfter[k] = true }
        } else {
            next.positions = positions.map { column in pairs.map { column[$0.0] } } + [pairs.map(\.1)]
            next.sharedIDs = pairs.map { sharedIDs[$0.0] }
            next.findGaps()
        }
        next.dropShortRuns()
        return next
    }

    private mutating func findGaps() {
        gapAfter = sharedIDs.indices.map { k in
            k < sharedIDs.count - 1 && positions.contains { $0[k + 1] != $0[k] + 1 }
        }
    }

    /// The runs of shared tokens that sit next to each other in every member, as ranges of shared indices.
    var runs: [Range<Int>] {
        var runs: [Range<Int>] = []
        var start = 0
        for k in sharedIDs.indices where k == sharedIDs.count - 1 || gapAfter[k] {
            runs.append(start..<(k + 1))
            start = k + 1
        }
        return runs
    }

    /// Folds shared runs too short to trust into the slots around them. Between two slots a run must
    /// also be at least ``innerRunShare`` of the longer slot's average length, or of the shorter one's
    /// if it holds a line break or colon: two long texts share a `人工智能` or `the ` by chance, a
    /// template's `\n正文：` separates a short title from a long text.
    private mutating func dropShortRuns() {
        var keep: [Int] = []
        let all = runs
        for (r, run) in all.enumerated() {
            let atStart = positions.allSatisfy { $0[run.lowerBound] == 0 }
            let atEnd = zip(positions, ids).allSatisfy { $0[run.upperBound - 1] == $1.count - 1 }
            let characters = run.reduce(0) { $0 + tokens[0][positions[0][$1]].text.count }
            var needed = atStart && atEnd ? 0 : (atStart || atEnd ? Self.minimumEdgeRun : Self.minimumInnerRun)
            if !atStart, !atEnd {
                let before = averageGap(from: r == 0 ? nil : all[r - 1].upperBound - 1, to: run.lowerBound)
                let after = averageGap(from: run.upperBound - 1, to: r + 1 < all.count ? all[r + 1].lowerBound : nil)
                let text = run.map { tokens[0][positions[0][$0]].text }.joined()
                let separates = text.contains(where: { $0.isNewline || $0 == ":" || $0 == "：" })
                needed = max(needed, Int(Self.innerRunShare * Double(separates ? min(before, after) : max(before, after))))
            }
            if characters >= needed { keep += run }
        }
        guard keep.count < sharedIDs.count else { return }
        positions = positions.map { column in keep.map { column[$0] } }
        sharedIDs = keep.map { sharedIDs[$0] }
        findGaps()
        // The slots around a folded run are longer now: the runs next to them are measured again.
        dropShortRuns()
    }

    static let innerRunShare = 0.25

    /// The average length in characters of what the members have between shared token `from` and
    /// shared token `to` (`nil`: the text's start or end).
    private func averageGap(from: Int?, to: Int?) -> Int {
        var total = 0
        for m in tokens.indices {
            let start = from.map { positions[m][$0] + 1 } ?? 0
            let end = to.map { positions[m][$0] } ?? tokens[m].count
            if start < end { total += offsets[m][end] - offsets[m][start] }
        }
        return total / max(tokens.count, 1)
    }

    private static func offsets(_ tokens: [ImportToken]) -> [Int] {
        var result = [0]
        result.reserveCapacity(tokens.count + 1)
        for token in tokens { result.append(result[result.count - 1] + token.text.count) }
        return result
    }

    /// The same alignment seen from some members only (the runs stay those of all members): to check
    /// what one more member brings to a template that did not change.
    func view(_ members: [Int]) -> MessageAlignment {
        var view = self
        view.tokens = members.map { tokens[$0] }
        view.ids = members.map { ids[$0] }
        view.offsets = members.map { offsets[$0] }
        view.positions = members.map { positions[$0] }
        return view
    }

    /// The template of this message: fixed runs and the slots between them.
    var segments: [Segment] {
        var segments: [Segment] = []
        var previousEnd = Array(repeating: -1, count: tokens.count)
        func slot(upTo ends: [Int]) {
            let ranges = tokens.indices.map { (previousEnd[$0] + 1)..<ends[$0] }
            guard ranges.contains(where: { !$0.isEmpty }) else { return }
            let values = tokens.indices.map { m in ranges[m].map { tokens[m][$0].text }.joined() }
            let facts = tokens.indices.map { m in ranges[m].count == 1 ? tokens[m][ranges[m].lowerBound].fact : nil }
            segments.append(.slot(values: values, facts: facts))
        }
        for run in runs {
            slot(upTo: positions.map { $0[run.lowerBound] })
            segments.append(.fixed(run.map { tokens[0][positions[0][$0]].text }.joined()))
            previousEnd = positions.map { $0[run.upperBound - 1] }
        }
        slot(upTo: tokens.map(\.count))
        return segments
    }
}

/// Equal token texts get equal ids (compared by their UTF-8 bytes, so canonically equal but differently
/// written texts stay apart and every member renders back byte for byte).
struct ImportTokenTable: Sendable {
    private var table: [[UInt8]: Int] = [:]

    mutating func ids(_ tokens: [ImportToken]) -> [Int] { tokens.map { id($0.text) } }

    mutating func id(_ text: String) -> Int {
        let key = Array(text.utf8)
        if let id = table[key] { return id }
        table[key] = table.count
        return table.count - 1
    }
}
