import Foundation
import Testing
@testable import PromptCompat

/// `defaults.retries` in the suite config: how often and how patiently a run retries rate limits,
/// server errors, network faults and timeouts. Mistakes are reported like every other config mistake.
@Suite("Suite config: defaults.retries")
struct SuiteConfigRetriesTests {
    static let file = "prompts/promptcompat.json"

    /// A suite config whose `defaults` member is `defaults`, on line 3.
    static func config(defaults: String) -> String {
        """
        {
          "baseline": "local",
          "defaults": \(defaults),
          "providers": { "local": { "baseURL": "http://127.0.0.1:8701/v1", "model": "m" } }
        }
        """
    }

    func decodeError(_ defaults: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> LibraryDiagnostic {
        try #require(throws: LibraryDiagnostic.self, sourceLocation: sourceLocation) {
            try SuiteConfig.decode(Self.config(defaults: defaults), file: Self.file)
        }
    }

    @Test("every retries setting is read")
    func everySettingIsRead() throws {
        let config = try SuiteConfig.decode(Self.config(defaults: """
            { "concurrency": 3, "retries": { "maxAttempts": 5, "baseDelaySeconds": 0.25, "maxDelaySeconds": 8, "budget": 40 } }
            """), file: Self.file)
        #expect(config.defaults.retry == RetryPolicy(maxAttempts: 5, baseDelay: 0.25, maxDelay: 8, budget: 40))
        #expect(config.defaults.concurrency == 3)
    }

    @Test("without retries: 7 attempts, 1 s base, 30 s cap, 100 retries per target per run")
    func defaultsWhenAbsent() throws {
        let config = try SuiteConfig.decode(Self.config(defaults: #"{ "concurrency": 1 }"#), file: Self.file)
        #expect(config.defaults.retry == RetryPolicy(maxAttempts: 7, baseDelay: 1, maxDelay: 30, budget: 100))
    }

    @Test("a partial retries object keeps the defaults for the keys it leaves out")
    func partialObjectKeepsDefaults() throws {
        let config = try SuiteConfig.decode(Self.config(defaults: #"{ "retries": { "maxAttempts": 1 } }"#), file: Self.file)
        #expect(config.defaults.retry == RetryPolicy(maxAttempts: 1, baseDelay: 1, maxDelay: 30, budget: 100))
    }

    @Test("budget 0 and zero delays are allowed")
    func zeroesAreAllowed() throws {
        let config = try SuiteConfig.decode(Self.config(defaults: """
            { "retries": { "budget": 0, "baseDelaySeconds": 0, "maxDelaySeconds": 0 } }
            """), file: Self.file)
        #expect(config.defaults.retry.budget == 0)
        #expect(config.defaults.retry.baseDelay == 0)
        #expect(config.defaults.retry.maxDelay == 0)
    }

    @Test("a wrong type is reported with file:line:column, the JSON path and what was expected")
    func wrongTypeNamesFileLineAndPath() throws {
        let error = try decodeError(#"{ "retries": { "maxAttempts": "three" } }"#)
        #expect(error.jsonPath == "$.defaults.retries.maxAttempts")
        #expect(error.position == SourcePosition(line: 3, column: 45))
        #expect(error.description == #"prompts/promptcompat.json:3:45: error: $.defaults.retries.maxAttempts: expected a whole number, found a string"#)
    }

    @Test("retries that is not an object is refused at its path")
    func notAnObject() throws {
        let error = try decodeError(#"{ "retries": 3 }"#)
        #expect(error.description == "prompts/promptcompat.json:3:28: error: $.defaults.retries: expected an object, found a number")
    }

    @Test("values out of range are refused with the value found", arguments: [
        (#""maxAttempts": 0"#, "$.defaults.retries.maxAttempts", "expected a whole number ≥ 1, found 0"),
        (#""budget": -1"#, "$.defaults.retries.budget", "expected a whole number ≥ 0, found -1"),
        (#""baseDelaySeconds": -0.5"#, "$.defaults.retries.baseDelaySeconds", "expected a number of seconds ≥ 0, found -0.5"),
        (#""maxDelaySeconds": "30s""#, "$.defaults.retries.maxDelaySeconds", "expected a number of seconds ≥ 0, found a string"),
    ])
    func outOfRange(member: String, path: String, message: String) throws {
        let error = try decodeError("{ \"retries\": { \(member) } }")
        #expect(error.file == Self.file)
        #expect(error.jsonPath == path)
        #expect(error.position?.line == 3)
        #expect(error.message == message)
    }

    @Test("an unknown key inside retries lists the keys it knows")
    func unknownKey() throws {
        let error = try decodeError(#"{ "retries": { "attempts": 2 } }"#)
        #expect(error.jsonPath == "$.defaults.retries.attempts")
        #expect(error.message == #"unknown key "attempts"; expected one of: maxAttempts, baseDelaySeconds, maxDelaySeconds, budget"#)
    }

    @Test("retries is a known defaults key")
    func retriesIsAKnownDefaultsKey() throws {
        let error = try decodeError(#"{ "retry": {} }"#)
        #expect(error.message == #"unknown key "retry"; expected one of: similarity, timeoutSeconds, concurrency, retries, maxResponseBytes"#)
    }
}
