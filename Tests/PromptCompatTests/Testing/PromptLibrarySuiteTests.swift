import Foundation
import Testing
@testable import PromptCompat
@testable import PromptCompatTesting
import PromptCompatTestSupport

@Suite("PromptLibrarySuite: the Swift Testing integration")
struct PromptLibrarySuiteTests {
    func suite(_ fixture: RunFixture, _ environment: [String: String] = [:]) -> PromptLibrarySuite {
        PromptLibrarySuite(fixture.prompts.path, snapshots: fixture.snapshots.path, environment: environment)
    }

    @Test("one argument per (prompt, case), shown as 'prompt-id · case'")
    func argumentsNameTheCase() throws {
        let fixture = try RunFixture()
        let cases = suite(fixture).cases
        #expect(cases.map(\.testDescription) == ["support/order-status · late", "support/order-status · lost"])
        #expect(cases[0].tags == ["support", "zh"])
    }

    @Test("PROMPTCOMPAT_FILTER and PROMPTCOMPAT_TAGS select cases")
    func selection() throws {
        let fixture = try RunFixture()
        #expect(suite(fixture, ["PROMPTCOMPAT_FILTER": "lost"]).cases.map(\.caseName) == ["lost"])
        #expect(suite(fixture, ["PROMPTCOMPAT_TAGS": "json, en"]).cases.isEmpty)
        #expect(suite(fixture, ["PROMPTCOMPAT_TAGS": "zh"]).cases.count == 2)
        #expect(suite(fixture).cases(tagged: "support").count == 2)
    }

    @Test("a drifted case records an issue at the case's line in the prompt file, with the diff")
    func driftPointsAtThePromptFile() async throws {
        let fixture = try RunFixture()
        let library = suite(fixture)
        _ = try await fixture.runner(record: .missing).run()
        try fixture.write("snapshots/stub/support/order-status/late/sample-1.txt", "完全不同的回答\n")
        let promptFile = fixture.prompts.appendingPathComponent("support/order-status.json").path
        // The case "late" is the first element of "cases": line 10 of RunFixture.promptFile.
        await withKnownIssue {
            await library.check(library.cases[0], record: .never)
        } matching: { issue in
            let text = issue.comments.map(\.rawValue).joined()
            return issue.sourceLocation?.filePath == promptFile && issue.sourceLocation?.line == 10
                && issue.sourceLocation?.fileID == "prompts/support/order-status.json"  // the folder too, not the file name alone
                && text.contains("-完全不同的回答") && text.contains("drift")
        }
    }

    @Test("the CLI's response cache answers a test run too; PROMPTCOMPAT_ANSWER_CACHE=refresh asks again, off skips it, a typo is an issue")
    func responseCacheIsShared() async throws {
        let fixture = try RunFixture()
        _ = try await CLIProcess.run(["run", "--quiet"], in: fixture.root)  // records, and fills .promptcompat/cache
        let afterCLI = fixture.server.requests.count
        let library = suite(fixture)
        await library.check(library.cases[0], record: .never)
        #expect(fixture.server.requests.count == afterCLI, "answered from the cache the CLI filled")
        let refreshing = suite(fixture, ["PROMPTCOMPAT_ANSWER_CACHE": "refresh"])
        await refreshing.check(refreshing.cases[0], record: .never)
        #expect(fixture.server.requests.count == afterCLI + 1)
        let uncached = suite(fixture, ["PROMPTCOMPAT_ANSWER_CACHE": "off"])
        await uncached.check(uncached.cases[0], record: .never)
        #expect(fixture.server.requests.count == afterCLI + 2)
        let typo = suite(fixture, ["PROMPTCOMPAT_ANSWER_CACHE": "refesh"])
        await withKnownIssue {
            await typo.check(typo.cases[0], record: .never)
        } matching: { issue in
            issue.comments.map(\.rawValue).joined().contains(#"PROMPTCOMPAT_ANSWER_CACHE is "refesh"; expected use, refresh, offline or off"#)
        }
    }

    @Test("a failure message prints at most 60 lines of a long diff and says where the rest is")
    func longDiffIsCut() {
        var result = CaseResult(promptID: "p", caseName: "c", target: "t", verdict: .drift, reasons: ["similarity below the bar"])
        result.comparison = CaseComparison(metric: "rouge-l", score: 0.1, threshold: 0.3, configuredThreshold: 0.3, noiseFloor: nil,
                                           assertionFailures: [], findings: [], jsonDifferences: [],
                                           diff: (1...650).map { "-line \($0)" }.joined(separator: "\n"))
        let text = FailureMessage.text(for: result)
        #expect(text.contains("-line 60\n… 590 more lines of the diff"))
        #expect(!text.contains("-line 61\n"))
        #expect(text.split(separator: "\n").count < 70)
    }

    @Test("writing a snapshot fails the test with what was written and how to re-run")
    func recordingFailsTheTest() async throws {
        let fixture = try RunFixture()
        let library = suite(fixture)
        await withKnownIssue {
            await library.check(library.cases[1], record: .missing)
        } matching: { issue in
            let text = issue.comments.map(\.rawValue).joined()
            return text.contains("recorded 1 sample to") && text.contains("re-run to compare")
        }
        await library.check(library.cases[1], record: .never)  // now passes: no issue
    }

    @Test("the record trait sets the mode for the test", .recordSnapshots(.never))
    func recordTrait() async throws {
        let fixture = try RunFixture()
        let library = suite(fixture)
        await withKnownIssue {
            await library.check(library.cases[0])
        } matching: { issue in
            issue.comments.map(\.rawValue).joined().contains("missing-snapshot")
        }
        #expect(!FileManager.default.fileExists(atPath: fixture.snapshots.path))
    }

    @Test("a library that cannot load yields one argument whose test reports the loader's errors")
    func brokenLibrary() async throws {
        let fixture = try RunFixture()
        try fixture.write("prompts/broken.json", #"{ "messages": [ { "role": "robot", "content": "x" } ], "cases": [] }"#)
        let library = suite(fixture)
        #expect(library.cases == [.libraryFailedToLoad])
        await withKnownIssue {
            await library.check(library.cases[0])
        } matching: { issue in
            issue.comments.map(\.rawValue).joined().contains("unknown role \"robot\"")
        }
    }
}
