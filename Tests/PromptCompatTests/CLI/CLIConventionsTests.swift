import Foundation
import Testing
import PromptCompat
import PromptCompatTestSupport

@Suite("promptcompat: command-line conventions (did you mean, version, help help, global options)")
struct CLIConventionsTests {
    @Test("an unknown option suggests the nearest one, and still lists what the command takes")
    func unknownOptionSuggests() async throws {
        let fixture = try RunFixture()
        let output = try await CLIProcess.run(["run", "--targt", "stub"], in: fixture.root)
        #expect(output.status == 2)
        #expect(output.stderr.contains("unknown option --targt; did you mean --target? This command takes: --prompts,"), "\(output.stderr)")
        #expect(output.stderr.contains("--record") && output.stderr.contains("--no-cache"))
        let far = try await CLIProcess.run(["run", "--zzzzzz"], in: fixture.root)
        #expect(far.status == 2)
        #expect(far.stderr.contains("unknown option --zzzzzz; this command takes:") && !far.stderr.contains("did you mean"), "\(far.stderr)")
        #expect(fixture.server.requests.isEmpty)
    }

    @Test("help text is printed as written: its own examples of key headers are not taken for keys")
    func helpIsNotRedacted() async throws {
        let output = try await CLIProcess.run(["help", "proxy"], in: FileManager.default.temporaryDirectory)
        #expect(output.stdout.contains("(Authorization: Bearer, or"), "\(output.stdout)")
        #expect(!output.stdout.contains("[redacted]"))
    }

    @Test("an unknown command suggests the nearest one; one nothing is close to lists the commands")
    func unknownCommandSuggests() async throws {
        let directory = FileManager.default.temporaryDirectory
        let typo = try await CLIProcess.run(["rnu"], in: directory)
        #expect(typo.status == 2)
        #expect(typo.stderr.contains("no command \"rnu\"; did you mean \"run\"?"), "\(typo.stderr)")
        let withHelp = try await CLIProcess.run(["lnit", "--help"], in: directory)
        #expect(withHelp.status == 2 && withHelp.stderr.contains("no command \"lnit\"; did you mean \"lint\"?"), "\(withHelp.stderr)")
        let far = try await CLIProcess.run(["deploy"], in: directory)
        #expect(far.status == 2)
        #expect(far.stderr.contains("no command \"deploy\"; commands: run, retune, lint,"), "\(far.stderr)")
    }

    @Test("an unknown target suggests the nearest one the suite config declares")
    func unknownTargetSuggests() async throws {
        let fixture = try RunFixture()
        let output = try await CLIProcess.run(["run", "--target", "stbu"], in: fixture.root)
        #expect(output.status == 2)
        #expect(output.stderr.contains("unknown target \"stbu\"; the suite config declares: stub, other, streamer, keyed; did you mean \"stub\"?"), "\(output.stderr)")
        #expect(fixture.server.requests.isEmpty)
    }

    @Test("--version, -V and version all print the version and exit 0")
    func version() async throws {
        let directory = FileManager.default.temporaryDirectory
        var printed: [String] = []
        for spelling in [["--version"], ["-V"], ["version"]] {
            let output = try await CLIProcess.run(spelling, in: directory)
            #expect(output.status == 0, "\(spelling): \(output.stderr)")
            #expect(output.stdout.range(of: #"^promptcompat \d+\.\d+\.\d+\n$"#, options: .regularExpression) != nil, "\(spelling): \(output.stdout)")
            printed.append(output.stdout)
        }
        #expect(Set(printed).count == 1)
        let help = try await CLIProcess.run(["help", "version"], in: directory)
        #expect(help.status == 0 && help.stdout.contains("USAGE: promptcompat version"))
        let extra = try await CLIProcess.run(["version", "--verbose"], in: directory)
        #expect(extra.status == 2 && extra.stderr.contains("unknown option --verbose"))
    }

    @Test("help help shows help's own usage; help of an unknown command is an error with a suggestion")
    func helpHelp() async throws {
        let directory = FileManager.default.temporaryDirectory
        let output = try await CLIProcess.run(["help", "help"], in: directory)
        #expect(output.status == 0, "\(output.stderr)")
        #expect(output.stdout.contains("USAGE: promptcompat help [COMMAND]"), "\(output.stdout)")
        let flag = try await CLIProcess.run(["help", "--help"], in: directory)
        #expect(flag.status == 0 && flag.stdout == output.stdout)
        let unknown = try await CLIProcess.run(["help", "retnue"], in: directory)
        #expect(unknown.status == 2)
        #expect(unknown.stderr.contains("no command \"retnue\"; did you mean \"retune\"?"), "\(unknown.stderr)")
        let main = try await CLIProcess.run(["help"], in: directory)
        #expect(main.status == 0 && main.stdout.contains("COMMANDS:"))
    }

    @Test("--prompts, --snapshots, --reports and --quiet may come before the command word")
    func globalOptionsBeforeTheCommand() async throws {
        let fixture = try RunFixture()
        try FileManager.default.moveItem(at: fixture.root.appendingPathComponent("prompts"), to: fixture.root.appendingPathComponent("library"))

        let output = try await CLIProcess.run(
            ["--prompts", "library", "--snapshots=accepted", "--reports", "out", "--quiet", "run", "--target", "stub"], in: fixture.root)

        #expect(output.status == 1, "recorded: \(output.stderr)")
        #expect(output.stdout.contains("recorded 2 snapshots"), "\(output.stdout)")
        #expect(!output.stderr.contains("[1/2]") && !output.stderr.contains("[2/2]"), "--quiet reached run: \(output.stderr)")
        let manager = FileManager.default
        #expect(manager.fileExists(atPath: fixture.root.appendingPathComponent("accepted/stub/support/order-status/late/meta.json").path))
        #expect(manager.fileExists(atPath: fixture.root.appendingPathComponent("out/stub/report.md").path))
        #expect(!manager.fileExists(atPath: fixture.root.appendingPathComponent("reports").path))

        let after = try await CLIProcess.run(["--prompts", "library", "--snapshots", "accepted", "run", "--reports", "out", "--quiet"], in: fixture.root)
        #expect(after.status == 0 && after.stdout.contains("stub: 100% ready (1/1 prompts)"), "\(after.stdout)\(after.stderr)")
    }

    @Test("an option before the command that only a command takes says where it goes; a typo of a global one is suggested")
    func misplacedOptionBeforeTheCommand() async throws {
        let fixture = try RunFixture()
        let misplaced = try await CLIProcess.run(["--target", "stub", "run"], in: fixture.root)
        #expect(misplaced.status == 2)
        #expect(misplaced.stderr.contains("--target goes after the command word"), "\(misplaced.stderr)")
        let typo = try await CLIProcess.run(["--promts", "prompts", "run"], in: fixture.root)
        #expect(typo.status == 2 && typo.stderr.contains("unknown option --promts; did you mean --prompts?"), "\(typo.stderr)")
        let noCommand = try await CLIProcess.run(["--quiet"], in: fixture.root)
        #expect(noCommand.status == 2 && noCommand.stderr.contains("no command after --quiet"), "\(noCommand.stderr)")
        let helpFirst = try await CLIProcess.run(["--help", "lint"], in: fixture.root)
        #expect(helpFirst.status == 0 && helpFirst.stdout.contains("USAGE: promptcompat lint"))
        #expect(fixture.server.requests.isEmpty)
    }

    @Test("help run and run --help name every file a run writes")
    func runHelpListsEveryFile() async throws {
        let fixture = try RunFixture()
        _ = try await CLIProcess.run(["run", "--quiet"], in: fixture.root)
        let whole = try await CLIProcess.run(["run", "--quiet"], in: fixture.root)
        #expect(whole.status == 0, "\(whole.stderr)")
        let reports = fixture.root.appendingPathComponent("reports/stub")
        let written = try FileManager.default.contentsOfDirectory(atPath: reports.path).sorted()
        #expect(written.contains("report.html") && written.contains("junit.xml") && written.contains("summary.md"), "\(written)")
        let history = fixture.root.appendingPathComponent(".promptcompat/history.jsonl")
        #expect(FileManager.default.fileExists(atPath: history.path))

        for words in [["help", "run"], ["run", "--help"]] {
            let help = try await CLIProcess.run(words, in: fixture.root)
            #expect(help.status == 0)
            for file in written + [".promptcompat/history.jsonl", "compare.md", "compare.json"] {
                #expect(help.stdout.contains(file), "\(words.joined(separator: " ")) does not name \(file)")
            }
        }
    }
}
