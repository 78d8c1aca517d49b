import Foundation
import Testing
@testable import PromptCompat

@Suite("promptcompat import: the command as a user runs it")
struct ImportCommandTests {
    typealias F = ImportFixtures

    func scratchWithLog(_ lines: [String] = F.shopLog) throws -> ImportScratch {
        let scratch = try ImportScratch()
        try scratch.write("logs.jsonl", lines.joined(separator: "\n") + "\n")
        return scratch
    }

    @Test("--dry-run prints the plan and writes nothing")
    func dryRun() async throws {
        let scratch = try scratchWithLog()
        defer { scratch.delete() }
        let before = scratch.files()
        let output = try await CLIProcess.run(["import", "logs.jsonl", "--dry-run"], in: scratch.root)
        #expect(output.status == 0, "\(output.stderr)")
        #expect(output.stdout.hasPrefix("dry run, nothing written. 12 lines read: 3 prompts (3 new, 0 extended), 9 cases, 9 snapshots to write"))
        #expect(output.stdout.contains("""
              new prompts/imported/order-answer.json: 4 cases (logs.jsonl lines 1, 3, 6, 9); variables order_id, date
                system:   \(F.orderSystem)
                user:     订单号：{{order_id}}\\n下单日期：{{date}}\\n顾客问题：我的包裹现在到哪里了？什么时候能送到？
                e.g. case-001 (line 1): order_id = "YX20240628017"; date = "2024年6月28日"
                     case-002 (line 3): order_id = "YX20240629104"; date = "2024年6月29日"
              new prompts/imported/review-classification.json: 4 cases (logs.jsonl lines 2, 4, 7, 10); variables review
            """))
        #expect(output.stdout.contains("already present: 1 request (logs.jsonl line 12)"))
        #expect(output.stdout.contains("logs.jsonl:5: error response (HTTP 429): Rate limit reached for gpt-4"))
        #expect(output.stdout.contains("logs.jsonl:11: the response has no choices"))
        #expect(scratch.files() == before)
    }

    @Test("--split ID and --merge ID ID change the plan --dry-run shows; an unknown id is a usage error with a did-you-mean")
    func splitAndMerge() async throws {
        let scratch = try scratchWithLog()
        defer { scratch.delete() }
        let split = try await CLIProcess.run(["import", "logs.jsonl", "--dry-run", "--split", "review-classification"], in: scratch.root)
        #expect(split.status == 0, "\(split.stderr)")
        #expect(split.stdout.hasPrefix("dry run, nothing written. 12 lines read: 6 prompts (6 new, 0 extended), 9 cases"))
        #expect(split.stdout.contains("new prompts/imported/review-classification-4.json: 1 case (logs.jsonl line 10); no variables"))
        let unknown = try await CLIProcess.run(["import", "logs.jsonl", "--dry-run", "--merge", "order-answr", "review-classification"], in: scratch.root)
        #expect(unknown.status == 2)
        #expect(unknown.stderr.contains(#"no proposed prompt "order-answr" in this import; did you mean "imported/order-answer"?"#))
        let odd = try await CLIProcess.run(["import", "logs.jsonl", "--merge", "order-answer"], in: scratch.root)
        #expect(odd.status == 2 && odd.stderr.contains("--merge takes two prompt ids"))
        // Split first, then merge two of the parts back: written as shown.
        let merged = try await CLIProcess.run(["import", "logs.jsonl", "--merge", "review-classification-1", "review-classification-2", "--split", "review-classification"], in: scratch.root)
        #expect(merged.status == 0, "\(merged.stderr)")
        #expect(merged.stdout.contains("new prompts/imported/review-classification-1.json: 2 cases (logs.jsonl lines 2, 4); variables review"))
        #expect(try scratch.library().prompts.count == 5)
    }

    @Test("a real run writes the prompt files and snapshots and exits 0; running it again changes no file")
    func realRun() async throws {
        let scratch = try scratchWithLog()
        defer { scratch.delete() }
        let first = try await CLIProcess.run(["import", "logs.jsonl", "--provider", "openai"], in: scratch.root)
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stdout.hasPrefix("12 lines read: 3 prompts (3 new, 0 extended), 9 cases, 9 snapshots written"))
        #expect(first.stdout.contains("snapshots: snapshots/openai/ (provider openai)"))
        let library = try scratch.library()
        #expect(library.prompts.map(\.id) == ["imported/order-answer", "imported/product-translation", "imported/review-classification"])
        #expect(scratch.store.allKeys().count == 9)
        let written = scratch.files()
        let second = try await CLIProcess.run(["import", "logs.jsonl"], in: scratch.root)
        #expect(second.status == 0)
        #expect(second.stdout.hasPrefix("12 lines read: 0 prompts (0 new, 0 extended), 0 cases, 0 snapshots written"))
        #expect(second.stdout.contains("already present: 10 requests (logs.jsonl lines 1-4, 6-10, 12)"))
        #expect(scratch.files() == written)
    }

    @Test("a malformed line stops the import with exit 2 before anything is written; --keep-going skips it and exits 1")
    func malformedLine() async throws {
        var lines = F.shopLog
        lines[2] = #"{"request": {"model": "gpt-4o"}, "response": {"choices": []}}"#
        let scratch = try scratchWithLog(lines)
        defer { scratch.delete() }
        let before = scratch.files()
        let stopped = try await CLIProcess.run(["import", "logs.jsonl"], in: scratch.root)
        #expect(stopped.status == 2)
        #expect(stopped.stderr.contains(#"logs.jsonl:3: "request.messages" is missing"#))
        #expect(stopped.stderr.contains("nothing was written"))
        #expect(scratch.files() == before)
        let skipped = try await CLIProcess.run(["import", "logs.jsonl", "--keep-going"], in: scratch.root)
        #expect(skipped.status == 1)
        #expect(skipped.stdout.contains("malformed, skipped 1 line:\n  logs.jsonl:3: \"request.messages\" is missing"))
        #expect(try scratch.library().prompts.count == 3)
    }

    @Test("CI=true imports the prompts but writes no snapshot, and says so")
    func underCI() async throws {
        let scratch = try scratchWithLog()
        defer { scratch.delete() }
        let output = try await CLIProcess.run(["import", "logs.jsonl"], in: scratch.root, environment: ["CI": "true"])
        #expect(output.status == 0)
        #expect(output.stdout.contains("0 snapshots written"))
        #expect(output.stdout.contains("snapshots: none written, CI is set"))
        #expect(!FileManager.default.fileExists(atPath: scratch.snapshots.path))
    }

    @Test("no log file, or an unknown option, is a usage error (exit 2)")
    func usage() async throws {
        let scratch = try scratchWithLog()
        defer { scratch.delete() }
        let none = try await CLIProcess.run(["import"], in: scratch.root)
        #expect(none.status == 2 && none.stderr.contains("name the log file(s) to import"))
        let unknown = try await CLIProcess.run(["import", "logs.jsonl", "--provder", "openai"], in: scratch.root)
        #expect(unknown.status == 2 && unknown.stderr.contains("unknown option --provder"))
        let help = try await CLIProcess.run(["import", "--help"], in: scratch.root)
        #expect(help.status == 0 && help.stdout.contains("USAGE: promptcompat import LOG.jsonl"))
    }
}
