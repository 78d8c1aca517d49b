import Testing
@testable import PromptCompat

/// When a run may write snapshots: an explicit mode, else `PROMPTCOMPAT_RECORD`, else `missing` — and
/// under CI never, unless `PROMPTCOMPAT_RECORD_IN_CI=1` forces it.
@Suite("Record policy")
struct RecordPolicyTests {
    func resolve(_ environment: [String: String]) throws -> RecordPolicy {
        try RecordPolicy.resolve(explicit: nil, environment: environment)
    }

    func resolve(_ explicit: RecordMode?, _ environment: [String: String]) throws -> RecordPolicy {
        try RecordPolicy.resolve(explicit: explicit, environment: environment)
    }

    @Test("locally, with nothing set, missing snapshots are recorded")
    func defaultIsMissing() throws {
        let policy = try resolve([:])
        #expect(policy.mode == .missing)
        #expect(policy.explanation == "default: record missing snapshots (set PROMPTCOMPAT_RECORD=never to only compare)")
    }

    @Test("PROMPTCOMPAT_RECORD picks the mode, in any letter case", arguments: [
        ("never", RecordMode.never), ("missing", .missing), ("failed", .failed), ("all", .all), ("ALL", .all), ("Failed", .failed),
    ])
    func environmentPicksTheMode(value: String, mode: RecordMode) throws {
        let policy = try resolve(["PROMPTCOMPAT_RECORD": value])
        #expect(policy.mode == mode)
        #expect(policy.explanation == "PROMPTCOMPAT_RECORD=\(value)")
    }

    @Test("an empty PROMPTCOMPAT_RECORD is as if unset")
    func emptyEnvironmentValueIsUnset() throws {
        #expect(try resolve(["PROMPTCOMPAT_RECORD": ""]).mode == .missing)
    }

    @Test("an explicit mode beats the environment")
    func explicitBeatsEnvironment() throws {
        let policy = try resolve(.never, ["PROMPTCOMPAT_RECORD": "all"])
        #expect(policy.mode == .never)
        #expect(policy.explanation == "record mode never (set by the test or --record)")
    }

    @Test("an explicit mode makes an invalid PROMPTCOMPAT_RECORD irrelevant")
    func explicitIgnoresInvalidEnvironment() throws {
        #expect(try resolve(.all, ["PROMPTCOMPAT_RECORD": "sometimes"]).mode == .all)
    }

    @Test("under CI nothing is written, whatever the environment or the explicit mode ask for", arguments: [
        (nil, [:], "CI is set: no snapshot is written; set PROMPTCOMPAT_RECORD_IN_CI=1 to force"),
        (nil, ["PROMPTCOMPAT_RECORD": "all"], "CI is set: no snapshot is written (PROMPTCOMPAT_RECORD=all ignored); set PROMPTCOMPAT_RECORD_IN_CI=1 to force"),
        (RecordMode.all, [:], "CI is set: no snapshot is written (record mode all (set by the test or --record) ignored); set PROMPTCOMPAT_RECORD_IN_CI=1 to force"),
    ] as [(RecordMode?, [String: String], String)])
    func ciNeverWrites(explicit: RecordMode?, extra: [String: String], explanation: String) throws {
        let policy = try resolve(explicit, extra.merging(["CI": "true"]) { a, _ in a })
        #expect(policy.mode == .never)
        #expect(policy.explanation == explanation)
    }

    @Test("CI counts when set to anything but empty, 0, false or no", arguments: ["true", "1", "yes", "TRUE", "github-actions"])
    func ciValues(value: String) throws {
        #expect(try resolve(["CI": value, "PROMPTCOMPAT_RECORD": "all"]).mode == .never)
    }

    @Test("CI=false (or 0, no, empty) is not CI", arguments: ["false", "FALSE", "0", "no", ""])
    func ciFalseIsNotCI(value: String) throws {
        #expect(try resolve(["CI": value]).mode == .missing)
        #expect(try resolve(["CI": value, "PROMPTCOMPAT_RECORD": "all"]).mode == .all)
    }

    @Test("PROMPTCOMPAT_RECORD_IN_CI=1 lets CI record, in the mode asked for (missing by default)")
    func forceInCI() throws {
        #expect(try resolve(["CI": "true", "PROMPTCOMPAT_RECORD_IN_CI": "1"]).mode == .missing)
        #expect(try resolve(["CI": "true", "PROMPTCOMPAT_RECORD_IN_CI": "1", "PROMPTCOMPAT_RECORD": "all"]).mode == .all)
        #expect(try resolve(.failed, ["CI": "true", "PROMPTCOMPAT_RECORD_IN_CI": "1"]).mode == .failed)
        #expect(try resolve(["CI": "true", "PROMPTCOMPAT_RECORD_IN_CI": "0", "PROMPTCOMPAT_RECORD": "all"]).mode == .never)
    }

    @Test("an invalid PROMPTCOMPAT_RECORD throws, naming the variable, the value and the valid modes")
    func invalidEnvironmentValueThrows() throws {
        let error = try #require(throws: RecordPolicy.InvalidMode.self) {
            try RecordPolicy.resolve(explicit: nil, environment: ["PROMPTCOMPAT_RECORD": "sometimes"])
        }
        #expect(error.source == "PROMPTCOMPAT_RECORD")
        #expect(error.value == "sometimes")
        #expect(error.description == #"PROMPTCOMPAT_RECORD is "sometimes"; expected one of: never, missing, failed, all"#)
    }

    @Test("an invalid PROMPTCOMPAT_RECORD throws under CI too, rather than being silently ignored")
    func invalidEnvironmentValueThrowsUnderCI() throws {
        #expect(throws: RecordPolicy.InvalidMode.self) {
            try RecordPolicy.resolve(explicit: nil, environment: ["CI": "true", "PROMPTCOMPAT_RECORD": "al"])
        }
    }
}
