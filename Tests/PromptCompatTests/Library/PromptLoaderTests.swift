import Foundation
import Testing
@testable import PromptCompat

/// Loading a prompt library: every problem is reported like a compiler diagnostic — which file, which
/// JSON path, which line and column, and what was expected — and a valid library loads with ids taken
/// from relative paths.
@Suite("Prompt loader")
struct PromptLoaderTests {
    // MARK: - Syntax and structure

    @Test("invalid JSON names the file and the line and column of the syntax error")
    func invalidJSONPointsAtTheSyntaxError() throws {
        let folder = try ScratchLibrary(files: ["broken.json": """
            {
              "messages": [ { "role": "user", "content": "hi" } ]
              "cases": [ { "name": "a" } ]
            }
            """])
        defer { folder.delete() }

        let error = try folder.loadError()
        #expect(error.file == folder.path("broken.json"))
        #expect(error.jsonPath == nil)
        #expect(error.position == SourcePosition(line: 3, column: 3))
        #expect(error.message == "invalid JSON: expected ',' or '}', found '\"'")
        #expect(error.description == "\(folder.path("broken.json")):3:3: error: invalid JSON: expected ',' or '}', found '\"'")
    }

    @Test("a prompt without messages is reported at the top-level object")
    func missingMessages() throws {
        let folder = try ScratchLibrary(files: ["no-messages.json": #"{ "cases": [ { "name": "a" } ] }"#])
        defer { folder.delete() }

        let error = try folder.loadError()
        #expect(error.file == folder.path("no-messages.json"))
        #expect(error.jsonPath == "$")
        #expect(error.position == SourcePosition(line: 1, column: 1))
        #expect(error.message == #"missing "messages": the request's array of {"role", "content"} messages"#)
    }

    @Test("an unknown role lists the valid roles, at the role's position")
    func unknownRoleListsTheValidRoles() throws {
        let folder = try ScratchLibrary(files: ["robot.json": """
            {
              "messages": [
                { "role": "robot", "content": "hi" }
              ],
              "cases": [ { "name": "a" } ]
            }
            """])
        defer { folder.delete() }

        let error = try folder.loadError()
        #expect(error.file == folder.path("robot.json"))
        #expect(error.jsonPath == "$.messages[0].role")
        #expect(error.position == SourcePosition(line: 3, column: 15))
        #expect(error.message == #"unknown role "robot"; expected one of: system, user, assistant, tool"#)
    }

    // MARK: - Variables and cases

    @Test("a {{variable}} a case does not define names the case, the variable and the message using it")
    func undefinedVariableNamesCaseVariableAndUse() throws {
        let folder = try ScratchLibrary(files: ["late.json": """
            {
              "messages": [
                { "role": "system", "content": "Be brief." },
                { "role": "user", "content": "订单 {{order_id}} 已经 {{days}} 天没有更新" }
              ],
              "cases": [
                { "name": "late", "vars": { "order_id": "1", "days": "5" } },
                { "name": "very-late", "vars": { "order_id": "2" } }
              ]
            }
            """])
        defer { folder.delete() }

        let error = try folder.loadError()
        #expect(error.file == folder.path("late.json"))
        #expect(error.jsonPath == "$.cases[1].vars")
        #expect(error.position == SourcePosition(line: 8, column: 36))
        #expect(error.message == #"case "very-late" does not define "days", which $.messages[1].content uses as {{days}}"#)
    }

    @Test("a case variable no message uses is a warning; the library still loads")
    func unusedVariableIsAWarning() throws {
        let folder = try ScratchLibrary(files: ["reply.json": """
            {
              "messages": [ { "role": "user", "content": "订单 {{order_id}}" } ],
              "cases": [ { "name": "late", "vars": { "order_id": "1", "tone": "polite" } } ]
            }
            """])
        defer { folder.delete() }

        let library = try folder.load()
        #expect(library.prompts.map(\.id) == ["reply"])
        let warning = try #require(library.warnings.first)
        #expect(library.warnings.count == 1)
        #expect(warning.severity == .warning)
        #expect(warning.file == folder.path("reply.json"))
        #expect(warning.jsonPath == "$.cases[0].vars.tone")
        #expect(warning.position == SourcePosition(line: 3, column: 67))
        #expect(warning.message == #"case "late" defines "tone", which no message uses"#)
    }

    @Test("two cases with the same name: the second is reported, naming the first")
    func duplicateCaseNames() throws {
        let folder = try ScratchLibrary(files: ["dup.json": """
            {
              "messages": [ { "role": "user", "content": "hi" } ],
              "cases": [
                { "name": "late" },
                { "name": "late" }
              ]
            }
            """])
        defer { folder.delete() }

        let error = try folder.loadError()
        #expect(error.file == folder.path("dup.json"))
        #expect(error.jsonPath == "$.cases[1].name")
        #expect(error.position == SourcePosition(line: 5, column: 15))
        #expect(error.message == #"duplicate case name "late" (also at $.cases[0])"#)
    }

    @Test("an override for a provider the suite config does not declare lists the declared ones")
    func overrideForUndeclaredProvider() throws {
        let folder = try ScratchLibrary(files: ["override.json": """
            {
              "messages": [ { "role": "user", "content": "hi" } ],
              "cases": [ { "name": "a" } ],
              "overrides": {
                "gpt-5": { "temperature": 0.2 }
              }
            }
            """])
        defer { folder.delete() }

        let error = try folder.loadError()
        #expect(error.file == folder.path("override.json"))
        #expect(error.jsonPath == "$.overrides.gpt-5")
        #expect(error.position == SourcePosition(line: 5, column: 14))
        #expect(error.message == #"override for "gpt-5", which the suite config does not declare; declared providers: local-a, local-b, qwen"#)
    }

    // MARK: - Value types and keys

    struct WrongType: Sendable, CustomTestStringConvertible {
        var file: String
        var path: String
        var line: Int
        var column: Int
        var message: String
        var testDescription: String { path }
    }

    @Test("a value of the wrong type names its path, position and the type expected", arguments: [
        WrongType(file: """
            {
              "messages": [ { "role": "user", "content": "hi" } ],
              "expect": { "maxLength": "200" },
              "cases": [ { "name": "a" } ]
            }
            """, path: "$.expect.maxLength", line: 3, column: 28, message: "expected a whole number, found a string"),
        WrongType(file: """
            {
              "messages": [ { "role": "user", "content": "hi" } ],
              "cases": {}
            }
            """, path: "$.cases", line: 3, column: 12, message: "expected an array, found an object"),
        WrongType(file: """
            {
              "messages": [ { "role": "user", "content": "{{days}} 天" } ],
              "cases": [
                { "name": "a", "vars": { "days": 5 } }
              ]
            }
            """, path: "$.cases[0].vars.days", line: 4, column: 38, message: "expected a string, found a number"),
    ])
    func wrongValueType(_ wrong: WrongType) throws {
        let folder = try ScratchLibrary(files: ["typed.json": wrong.file])
        defer { folder.delete() }

        let error = try folder.loadError()
        #expect(error.file == folder.path("typed.json"))
        #expect(error.jsonPath == wrong.path)
        #expect(error.position == SourcePosition(line: wrong.line, column: wrong.column))
        #expect(error.message == wrong.message)
    }

    @Test("request parameters of the wrong type or out of range stop the load at their position", arguments: [
        (#""temperature": "hot""#, "$.temperature", 18, "expected a number from 0 to 2, found a string"),
        (#""max_tokens": "64""#, "$.max_tokens", 17, "expected an integer 1 or more, found a string"),
        (#""top_p": -3"#, "$.top_p", 12, "expected a number from 0 to 1, found a number"),
        (#""max_tokens": 0"#, "$.max_tokens", 17, "expected an integer 1 or more, found a number"),
        (#""stream": "yes""#, "$.stream", 13, "expected true or false, found a string"),
        (#""stop": ["\n", 3]"#, "$.stop", 11, "expected a string or an array of strings, found an array"),
    ])
    func parameterTypesAndRanges(member: String, path: String, column: Int, message: String) throws {
        let folder = try ScratchLibrary(files: ["params.json": """
            {
              \(member),
              "messages": [ { "role": "user", "content": "hi" } ],
              "cases": [ { "name": "a" } ]
            }
            """])
        defer { folder.delete() }
        let error = try folder.loadError()
        #expect(error.jsonPath == path)
        #expect(error.position == SourcePosition(line: 2, column: column))
        #expect(error.message == message)
    }

    @Test("an override's parameters are checked the same way; good ones load")
    func overrideParameters() throws {
        let bad = try ScratchLibrary(files: ["o.json": """
            {
              "temperature": 0.7,
              "messages": [ { "role": "user", "content": "hi" } ],
              "overrides": { "local-a": { "temperature": 3 } },
              "cases": [ { "name": "a" } ]
            }
            """])
        defer { bad.delete() }
        let error = try bad.loadError()
        #expect(error.jsonPath?.hasPrefix("$.overrides") == true && error.jsonPath?.contains("local-a") == true && error.jsonPath?.hasSuffix(".temperature") == true)
        #expect(error.message == "expected a number from 0 to 2, found a number")
        let good = try ScratchLibrary(files: ["g.json": #"{ "temperature": 0, "top_p": 1, "max_tokens": 64, "stop": ["\n"], "seed": 7, "messages": [ { "role": "user", "content": "hi" } ], "cases": [ { "name": "a" } ] }"#])
        defer { good.delete() }
        #expect(try good.load().prompts.count == 1)
    }

    @Test("an unknown expect key is an error listing the keys expect knows")
    func unknownExpectKey() throws {
        let folder = try ScratchLibrary(files: ["expect.json": """
            {
              "messages": [ { "role": "user", "content": "hi" } ],
              "expect": { "maxLen": 10 },
              "cases": [ { "name": "a" } ]
            }
            """])
        defer { folder.delete() }

        let error = try folder.loadError()
        #expect(error.file == folder.path("expect.json"))
        #expect(error.jsonPath == "$.expect.maxLen")
        #expect(error.position == SourcePosition(line: 3, column: 25))
        #expect(error.message == #"unknown key "maxLen"; expected one of: similarity, json, contains, containsAny, notContains, regex, notRegex, startsWith, endsWith, maxLength, minLength, language, schema, refusal, finishReason, toolCall, maxLatencySeconds, maxCostCNY, judge, semantic, metric"#)
    }

    @Test("an unknown top-level key is sent as a request parameter, with a warning naming it")
    func unknownParameterIsSentWithAWarning() throws {
        let folder = try ScratchLibrary(files: ["typo.json": """
            {
              "temprature": 0,
              "messages": [ { "role": "user", "content": "hi" } ],
              "cases": [ { "name": "a" } ]
            }
            """])
        defer { folder.delete() }

        let library = try folder.load()
        let prompt = try #require(library.prompt(id: "typo"))
        #expect(prompt.parameters["temprature"] == 0)
        let warning = try #require(library.warnings.first)
        #expect(warning.severity == .warning)
        #expect(warning.jsonPath == "$.temprature")
        #expect(warning.position == SourcePosition(line: 2, column: 17))
        #expect(warning.message == #""temprature" is not a Chat Completions parameter PromptCompat knows; it is sent as is"#)
    }

    // MARK: - The library as a whole

    @Test("several broken files are reported together, one diagnostic each, in path order")
    func everyBrokenFileIsReported() throws {
        let folder = try ScratchLibrary(files: [
            "a-syntax.json": "{ \"messages\": [ }",
            "b/missing-cases.json": #"{ "messages": [ { "role": "user", "content": "hi" } ] }"#,
            "c-good.json": ScratchLibrary.validPrompt,
            "d-role.json": #"{ "messages": [ { "role": "bot", "content": "hi" } ], "cases": [ { "name": "a" } ] }"#,
        ])
        defer { folder.delete() }

        let errors = folder.loadErrors().filter { $0.severity == .error }
        #expect(errors.map(\.file) == [folder.path("a-syntax.json"), folder.path("b/missing-cases.json"), folder.path("d-role.json")])
        #expect(errors.map(\.jsonPath) == [nil, "$", "$.messages[0].role"])
        #expect(errors[0].message == "invalid JSON: expected a value (object, array, string, number, true, false or null), found '}'")
        #expect(errors[0].position == SourcePosition(line: 1, column: 17))
        #expect(errors[1].message == #"missing "cases": an array of {"name", "vars"} objects, at least one"#)
        #expect(errors[2].message.hasPrefix(#"unknown role "bot""#))
    }

    @Test("a valid library loads every prompt, with ids from relative paths, sorted; the suite config is no prompt")
    func validLibraryLoads() throws {
        let folder = try ScratchLibrary(files: [
            "support/refund-reply.json": ScratchLibrary.validPrompt,
            "classify/intent.json": ScratchLibrary.validPrompt,
            "zeta.json": ScratchLibrary.validPrompt,
            "support/README.md": "not a prompt",
            ".drafts/unfinished.json": "{ not even JSON",
        ])
        defer { folder.delete() }

        let library = try folder.load()
        #expect(library.prompts.map(\.id) == ["classify/intent", "support/refund-reply", "zeta"])
        #expect(library.config.baseline == "local-a")
        #expect(library.warnings.isEmpty)
        let prompt = try #require(library.prompt(id: "support/refund-reply"))
        #expect(prompt.file.path == folder.path("support/refund-reply.json"))
        #expect(prompt.cases.map(\.name) == ["late"])
        #expect(prompt.cases[0].variables == ["order_id": "20240709"])
        #expect(prompt.cases[0].jsonPath == "$.cases[0]")
    }

    @Test("a library folder without a suite config is reported, naming the file to create")
    func missingSuiteConfig() throws {
        let folder = try ScratchLibrary(config: nil, files: ["a.json": ScratchLibrary.validPrompt])
        defer { folder.delete() }

        let error = try folder.loadError()
        #expect(error.file == folder.path("promptcompat.json"))
        #expect(error.message.hasPrefix("no suite config; create promptcompat.json"))
    }
}
