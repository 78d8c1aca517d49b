import Testing
@testable import PromptCompat

/// A unified line diff, as `diff -u` prints it.
@Suite("Line diff")
struct LineDiffTests {
    @Test("equal texts have an empty diff")
    func equalTextsHaveNoDiff() {
        #expect(LineDiff.unified(from: "a\nb", to: "a\nb", fromName: "x", toName: "y") == "")
        #expect(LineDiff.unified(from: "", to: "", fromName: "x", toName: "y") == "")
    }

    @Test("a changed line is shown as the old line removed, then the new line added, with context")
    func changedLine() {
        #expect(LineDiff.unified(from: "a\nb\nc", to: "a\nB\nc", fromName: "baseline", toName: "target") == """
            --- baseline
            +++ target
            @@ -1,3 +1,3 @@
             a
            -b
            +B
             c
            """)
    }

    @Test("a block of changed lines: all removals first, then all additions")
    func changedBlock() {
        #expect(LineDiff.unified(from: "a\nb\nc\nd", to: "a\nB\nC\nd", fromName: "old", toName: "new") == """
            --- old
            +++ new
            @@ -1,4 +1,4 @@
             a
            -b
            -c
            +B
            +C
             d
            """)
    }

    @Test("lines added at the end")
    func addedAtTheEnd() {
        #expect(LineDiff.unified(from: "a\nb", to: "a\nb\nc", fromName: "old", toName: "new") == """
            --- old
            +++ new
            @@ -1,2 +1,3 @@
             a
             b
            +c
            """)
    }

    @Test("lines removed at the end")
    func removedAtTheEnd() {
        #expect(LineDiff.unified(from: "a\nb\nc", to: "a", fromName: "old", toName: "new") == """
            --- old
            +++ new
            @@ -1,3 +1,1 @@
             a
            -b
            -c
            """)
    }

    @Test("an empty side is counted as line 0 with no lines, as diff -u does")
    func emptySide() {
        #expect(LineDiff.unified(from: "", to: "x", fromName: "old", toName: "new") == "--- old\n+++ new\n@@ -0,0 +1,1 @@\n+x")
        #expect(LineDiff.unified(from: "x\ny", to: "", fromName: "old", toName: "new") == "--- old\n+++ new\n@@ -1,2 +0,0 @@\n-x\n-y")
    }

    @Test("changes far apart get separate hunks with their own line numbers")
    func separateHunks() {
        let old = (1...10).map(String.init).joined(separator: "\n")
        let new = ["1", "3", "4", "5", "6", "7", "8", "X", "9", "10"].joined(separator: "\n")
        #expect(LineDiff.unified(from: old, to: new, fromName: "old", toName: "new", context: 1) == """
            --- old
            +++ new
            @@ -1,3 +1,2 @@
             1
            -2
             3
            @@ -8,2 +7,3 @@
             8
            +X
             9
            """)
    }

    @Test("changes whose context windows touch share one hunk")
    func nearbyChangesShareAHunk() {
        let old = (1...8).map(String.init).joined(separator: "\n")
        let new = ["1", "3", "4", "5", "X", "6", "7", "8"].joined(separator: "\n")
        #expect(LineDiff.unified(from: old, to: new, fromName: "old", toName: "new", context: 2) == """
            --- old
            +++ new
            @@ -1,7 +1,7 @@
             1
            -2
             3
             4
             5
            +X
             6
             7
            """)
    }

    @Test("the default context is three lines")
    func defaultContext() {
        let old = (1...20).map(String.init).joined(separator: "\n")
        let new = old.replacingOccurrences(of: "\n10\n", with: "\n")
        #expect(LineDiff.unified(from: old, to: new, fromName: "old", toName: "new") == """
            --- old
            +++ new
            @@ -7,7 +7,6 @@
             7
             8
             9
            -10
             11
             12
             13
            """)
    }
}
