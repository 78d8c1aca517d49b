import Foundation
import PromptCompat

/// Dispatches to a command; maps every error to a message and an exit code CI understands.
func runCLI(_ arguments: [String]) async -> ExitCode {
    guard let command = arguments.first, !["--help", "-h", "help"].contains(command) || arguments.count > 1 && command == "help" else {
        print(Help.main)
        return .ready
    }
    let rest = Array(arguments.dropFirst())
    if command == "--version" { print(Help.version); return .ready }
    if command == "help" {
        guard let text = Help.text(for: rest[0]) else { Console.error("no command \"\(rest[0])\"\n\n\(Help.main)"); return .usage }
        print(text)
        return .ready
    }
    if rest.contains("--help") || rest.contains("-h") {
        print(Help.text(for: command) ?? Help.main)
        return .ready
    }
    do {
        switch command {
        case "run": return try await RunCommand.main(rest)
        case "lint": return try LintCommand.main(rest)
        case "snapshots": return try SnapshotsCommand.main(rest)
        case "providers": return try ProvidersCommand.main(rest)
        case "proxy": return try await ProxyCommand.main(rest)
        case "retune": return try await RetuneCommand.main(rest)
        case "import": return try ImportCommand.main(rest)
        case "report": return try ReportCommand.main(rest)
        default: throw UsageError("unknown command \"\(command)\"; commands: run, report, lint, snapshots, providers, proxy, retune, import, help")
        }
    } catch let error as UsageError {
        Console.error("error: \(error.description)\n\n\(Help.text(for: command) ?? Help.main)")
        return .usage
    } catch {
        Console.error("error: \(FileErrorWords.describe(error))")
        return .usage
    }
}

exit(await runCLI(Array(CommandLine.arguments.dropFirst())).rawValue)
