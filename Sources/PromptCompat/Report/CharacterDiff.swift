import Foundation

/// An inline diff of two short texts that reads well for Chinese: CJK text has no spaces, so every
/// character outside a Latin word is its own token, while a Latin word or number (`refund`, `2024`)
/// stays whole. The longest common subsequence of tokens decides what stayed; then a short run that
/// stayed between two larger changes is folded into them, so two unrelated answers do not show as
/// confetti of shared `的` and `，`.
///
/// ```swift
/// let segments = CharacterDiff.segments(from: "订单已发货", to: "订单未发货")
/// // [.equal "订单", .deleted "已", .inserted "未", .equal "发货"]
/// CharacterDiff.html(segments, side: .accepted)  // "订单<del>已</del>发货"
/// CharacterDiff.html(segments, side: .output)    // "订单<ins>未</ins>发货"
/// ```
public enum CharacterDiff {
    /// A run of text that both sides share, or that only the accepted (deleted) or only the new
    /// (inserted) side has.
    public struct Segment: Sendable, Equatable {
        public enum Kind: Sendable, Equatable { case equal, deleted, inserted }
        public var kind: Kind
        public var text: String

        public init(_ kind: Kind, _ text: String) {
            self.kind = kind
            self.text = text
        }
    }

    /// Which text an HTML rendering shows.
    public enum Side: Sendable { case accepted, output }

    /// Above this many table cells (tokens × tokens after the shared start and end are cut off) the
    /// middle is shown as replaced whole rather than diffed: 4M cells is 16 MB and well under a second.
    static let cellLimit = 4_000_000

    /// The segments that turn `old` into `new`, adjacent runs of one kind merged.
    public static func segments(from old: String, to new: String) -> [Segment] {
        let a = tokens(old)
        let b = tokens(new)
        var prefix = 0
        while prefix < a.count, prefix < b.count, a[prefix] == b[prefix] { prefix += 1 }
        var suffix = 0
        while suffix < a.count - prefix, suffix < b.count - prefix, a[a.count - 1 - suffix] == b[b.count - 1 - suffix] { suffix += 1 }
        let middleA = Array(a[prefix..<(a.count - suffix)])
        let middleB = Array(b[prefix..<(b.count - suffix)])
        var raw: [Segment] = a[..<prefix].map { Segment(.equal, $0) }
        if middleA.count * middleB.count > cellLimit {
            raw += middleA.map { Segment(.deleted, $0) } + middleB.map { Segment(.inserted, $0) }
        } else {
            raw += edits(middleA, middleB)
        }
        raw += a[(a.count - suffix)...].map { Segment(.equal, $0) }
        return foldingShortEquals(merged(raw))
    }

    /// The HTML of one side: shared text as is, the accepted side's deletions in `<del>`, the output's
    /// insertions in `<ins>`, everything escaped.
    public static func html(_ segments: [Segment], side: Side) -> String {
        segments.map { segment in
            switch (segment.kind, side) {
            case (.equal, _): HTMLText.escape(segment.text)
            case (.deleted, .accepted): "<del>\(HTMLText.escape(segment.text))</del>"
            case (.inserted, .output): "<ins>\(HTMLText.escape(segment.text))</ins>"
            default: ""
            }
        }.joined()
    }

    /// A Latin word or number is one token; every other character (a Chinese character, a space, a
    /// punctuation mark) is its own.
    static func tokens(_ text: String) -> [String] {
        var tokens: [String] = []
        var word = ""
        for character in text {
            if isWordCharacter(character) {
                word.append(character)
            } else {
                if !word.isEmpty { tokens.append(word); word = "" }
                tokens.append(String(character))
            }
        }
        if !word.isEmpty { tokens.append(word) }
        return tokens
    }

    /// Letters and digits below the CJK blocks (U+2E80 on): Latin, Greek, Cyrillic words and numbers.
    static func isWordCharacter(_ character: Character) -> Bool {
        guard let scalar = character.unicodeScalars.first, scalar.value < 0x2E80 else { return false }
        return character.isLetter || character.isNumber || character == "_"
    }

    /// The edit script by longest common subsequence over a flat table.
    static func edits(_ a: [String], _ b: [String]) -> [Segment] {
        let width = b.count + 1
        var table = [Int32](repeating: 0, count: (a.count + 1) * width)
        for i in stride(from: a.count - 1, through: 0, by: -1) {
            for j in stride(from: b.count - 1, through: 0, by: -1) {
                table[i * width + j] = a[i] == b[j] ? table[(i + 1) * width + j + 1] + 1 : max(table[(i + 1) * width + j], table[i * width + j + 1])
            }
        }
        var out: [Segment] = []
        var i = 0
        var j = 0
        while i < a.count || j < b.count {
            if i < a.count, j < b.count, a[i] == b[j] {
                out.append(Segment(.equal, a[i])); i += 1; j += 1
            } else if i < a.count, j == b.count || table[(i + 1) * width + j] >= table[i * width + j + 1] {
                out.append(Segment(.deleted, a[i])); i += 1
            } else {
                out.append(Segment(.inserted, b[j])); j += 1
            }
        }
        return out
    }

    /// Adjacent segments of one kind joined; between two equal runs, deletions come before insertions.
    static func merged(_ segments: [Segment]) -> [Segment] {
        var out: [Segment] = []
        var deleted = ""
        var inserted = ""
        func flushChanges() {
            if !deleted.isEmpty { out.append(Segment(.deleted, deleted)); deleted = "" }
            if !inserted.isEmpty { out.append(Segment(.inserted, inserted)); inserted = "" }
        }
        for segment in segments where !segment.text.isEmpty {
            switch segment.kind {
            case .deleted: deleted += segment.text
            case .inserted: inserted += segment.text
            case .equal:
                flushChanges()
                if let last = out.last, last.kind == .equal { out[out.count - 1].text += segment.text } else { out.append(segment) }
            }
        }
        flushChanges()
        return out
    }

    /// Folds an equal run into the changes around it when it is no longer than the change on each side
    /// (the rule of diff-match-patch's semantic clean-up), until nothing changes.
    static func foldingShortEquals(_ segments: [Segment]) -> [Segment] {
        var current = segments
        while true {
            var changed = false
            var out: [Segment] = []
            var index = 0
            while index < current.count {
                let segment = current[index]
                if segment.kind == .equal, index > 0, index < current.count - 1 {
                    let before = changeLength(current, from: index - 1, step: -1)
                    let after = changeLength(current, from: index + 1, step: 1)
                    let length = segment.text.count
                    if before > 0, after > 0, length <= before, length <= after {
                        out += [Segment(.deleted, segment.text), Segment(.inserted, segment.text)]
                        changed = true
                        index += 1
                        continue
                    }
                }
                out.append(segment)
                index += 1
            }
            current = merged(out)
            if !changed { return current }
        }
    }

    /// The longer of the deleted and inserted text in the run of changes starting at `index`.
    private static func changeLength(_ segments: [Segment], from index: Int, step: Int) -> Int {
        var deleted = 0
        var inserted = 0
        var i = index
        while i >= 0, i < segments.count, segments[i].kind != .equal {
            if segments[i].kind == .deleted { deleted += segments[i].text.count } else { inserted += segments[i].text.count }
            i += step
        }
        return max(deleted, inserted)
    }
}
