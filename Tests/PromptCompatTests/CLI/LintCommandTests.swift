import Foundation
import Testing
import PromptCompat

/// `promptcompat lint` as a user runs it, in a folder holding `prompts/` (base URLs are fake: lint never calls).
@Suite("promptcompat lint: findings as compiler diagnostics, and exit codes CI understands")
final class LintCommandTests {
    let root: URL

    static let config = """
        {
          "baseline": "local",
          "providers": {
            "local": { "profile": "llama-cpp", "baseURL": "http://127.0.0.1:8701/v1", "model": "smollm2-135m-instruct" },
            "glm": { "profile": "zhipu", "baseURL": "https://zhipu.invalid/v4", "model": "glm-4-air", "apiKeyEnv": "ZHIPUAI_API_KEY" },
            "qwen": { "profile": "dashscope", "baseURL": "https://dashscope.invalid/v1", "model": "qwen-plus", "apiKeyEnv": "DASHSCOPE_API_KEY" }
          }
        }
        """

    static let intent = """
        {
          "model": "gpt-4o",
          "temperature": 0,
          "max_tokens": 16,
          "messages": [ { "role": "user", "content": "{{text}}" } ],
          "cases": [ { "name": "a", "vars": { "text": "查快递" } } ]
        }
        """

    init() throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("promptcompat-lint-\(UUID().uuidString)")
        try write("prompts/promptcompat.json", Self.config)
        try write("prompts/classify/intent.json", Self.intent)
    }

    deinit { try? FileManager.default.removeItem(at: root) }

    func write(_ path: String, _ text: String) throws {
        let file = root.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: file)
    }

    @Test("warnings only: one diagnostic line per finding, a summary with the cost, exit 0 without any API key")
    func warningsExitZero() async throws {
        let output = try await CLIProcess.run(["lint", "--target", "glm"], in: root, environment: ["ZHIPUAI_API_KEY": ""])
        #expect(output.status == 0, "\(output.stderr)")
        #expect(output.stdout.contains("prompts/classify/intent.json:3:18: warning: temperature 0 → 0.01 (Zhipu GLM accepts (0,1]) — hint: set temperature to 0.01 in an override for glm, or accept the adaptation\n"))
        #expect(output.stdout.contains("glm: 0 errors, 1 warning, 0 info — estimated cost of one full run: "))
        #expect(output.stdout.contains("at glm-4-air prices taken 2024-07)"), "the prompt's gpt-4o is not mapped: the target's model is asked")
    }

    @Test("without --target every provider but the baseline is linted")
    func defaultTargets() async throws {
        let output = try await CLIProcess.run(["lint"], in: root)
        #expect(output.status == 0)
        #expect(output.stdout.contains("\nglm: 0 errors, 1 warning") && output.stdout.contains("\nqwen: 0 errors, 0 warnings"))
        #expect(!output.stdout.contains("local:"))
    }

    @Test("an error-level finding exits 1: a conversation Qianfan would reject, linted by --profile without configuring it")
    func errorsExitOne() async throws {
        try write("prompts/support/greeting.json", """
            {
              "messages": [ { "role": "assistant", "content": "您好！" }, { "role": "user", "content": "开发票" } ],
              "cases": [ { "name": "a" } ]
            }
            """)
        let output = try await CLIProcess.run(["lint", "--profile", "qianfan"], in: root)
        #expect(output.status == 1)
        #expect(output.stdout.contains("prompts/support/greeting.json:2:15: error: the conversation starts with the assistant; Baidu Qianfan (ERNIE) wants the user first"))
        #expect(output.stdout.contains("prompts/support/greeting.json:1:1: warning: no max_tokens: Baidu Qianfan (ERNIE)'s own default decides how long an answer may run"))
        #expect(output.stdout.contains("qianfan: 1 error, 2 warnings, 0 info"))
    }

    @Test("an unknown target or profile, or an unknown option, exits 2 naming what exists")
    func usageErrorsExitTwo() async throws {
        let target = try await CLIProcess.run(["lint", "--target", "gml"], in: root)
        #expect(target.status == 2)
        #expect(target.stderr.contains("no provider \"gml\" in the suite config; providers: local, glm, qwen; did you mean \"glm\"?"))
        let profile = try await CLIProcess.run(["lint", "--profile", "ernie"], in: root)
        #expect(profile.status == 2 && profile.stderr.contains("no profile \"ernie\"; profiles: openai-compatible"))
        let option = try await CLIProcess.run(["lint", "--strict"], in: root)
        #expect(option.status == 2 && option.stderr.contains("unknown option --strict"))
    }

    @Test("lint is listed in the main help and has its own help")
    func help() async throws {
        let main = try await CLIProcess.run(["--help"], in: root)
        #expect(main.stdout.contains("  lint "))
        let lint = try await CLIProcess.run(["help", "lint"], in: root)
        #expect(lint.status == 0 && lint.stdout.contains("USAGE: promptcompat lint") && lint.stdout.contains("EXAMPLES:"))
    }
}
