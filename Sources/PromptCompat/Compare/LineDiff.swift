import Foundation

/// A unified line diff, as `diff -u` prints it, for failure messages and reports.
///
/// ```swift
/// print(LineDiff.unified(from: "a\nb\nc", to: "a\nB\nc", fromName: "baseline", toName: "target"))
/// // --- baseline
/// // +++ target
/// // @@ -1,3 +1,3 @@
/// //  a
/// // -b
/// // +B
/// //  c
/// ```
public enum LineDiff {
    enum Edit: Equatable {
        case same(String)
        case removed(String)
        case added(String)
    }

    /// The diff, or an empty string when the texts are equal. `context` lines of unchanged text
    /// surround each change.
    public static func unified(from old: String, to new: String, fromName: String, toName: String, context: Int = 3) -> String {
        let oldLines = lines(old)
        let newLines = lines(new)
        guard oldLines != newLines else { return "" }
        let edits = self.edits(oldLines, newLines)
        var out = ["--- \(fromName)", "+++ \(toName)"]
        for hunk in hunks(edits, context: context) { out += hunk }
        return out.joined(separator: "\n")
    }

    static func lines(_ text: String) -> [String] {
        text.isEmpty ? [] : text.splitting(on: ["\n"], keepingEmpty: true).map(String.init)
    }

    /// The shortest edit script by longest common subsequence (texts here are model outputs: small).
    static func edits(_ a: [String], _ b: [String]) -> [Edit] {
        var table = [[Int]](repeating: [Int](repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in stride(from: a.count - 1, through: 0, by: -1) {
            for j in stride(from: b.count - 1, through: 0, by: -1) {
                table[i][j] = a[i] == b[j] ? table[i + 1][j + 1] + 1 : max(table[i + 1][j], table[i][j + 1])
            }
        }
        var edits: [Edit] = []
        var i = 0
        var j = 0
        while i < a.count || j < b.count {
            if i < a.count, j < b.count, a[i] == b[j] {
                edits.append(.same(a[i])); i += 1; j += 1
            } else if i < a.count, j == b.count || table[i + 1][j] >= table[i][j + 1] {
                edits.append(.removed(a[i])); i += 1
            } else {
                edits.append(.added(b[j])); j += 1
            }
        }
        return edits
    }

    private static func hunks(_ edits: [Edit], context: Int) -> [[String]] {
        let changed = edits.indices.filter { if case .same = edits[$0] { false } else { true } }
        guard !changed.isEmpty else { return [] }
        // Group changes whose context windows touch.
        var ranges: [ClosedRange<Int>] = []
        for index in changed {
            let range = max(0, index - context)...min(edits.count - 1, index + context)
            if let last = ranges.last, range.lowerBound <= last.upperBound + 1 {
                ranges[ranges.count - 1] = last.lowerBound...max(last.upperBound, range.upperBound)
            } else {
                ranges.append(range)
            }
        }
        return ranges.map { range in
            var oldStart = 1, newStart = 1
            for edit in edits[..<range.lowerBound] {
                switch edit {
                case .same: oldStart += 1; newStart += 1
                case .removed: oldStart += 1
                case .added: newStart += 1
                }
            }
            var oldCount = 0, newCount = 0
            var body: [String] = []
            for edit in edits[range] {
                switch edit {
                case .same(let line): body.append(" " + line); oldCount += 1; newCount += 1
                case .removed(let line): body.append("-" + line); oldCount += 1
                case .added(let line): body.append("+" + line); newCount += 1
                }
            }
            let oldHead = oldCount == 0 ? "\(oldStart - 1),0" : "\(oldStart),\(oldCount)"
            let newHead = newCount == 0 ? "\(newStart - 1),0" : "\(newStart),\(newCount)"
            return ["@@ -\(oldHead) +\(newHead) @@"] + body
        }
    }
}
