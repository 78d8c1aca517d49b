import Foundation
import Testing
import PromptCompat
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
                && text.contains("-完全不同的回答") && text.contains("drift")
        }
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
