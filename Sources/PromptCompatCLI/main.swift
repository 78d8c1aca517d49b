import Foundation
import PromptCompat

/// Dispatches to a command; maps every error to a message and an exit code CI understands.
func runCLI(_ words: [String]) async -> ExitCode {
    let invocation: Invocation
    do {
        invocation = try Invocation(words)
    } catch {
        Console.error("error: \(error.description)")
        Console.help("\n" + Help.main, toError: true)
        return .usage
    }
    guard let command = invocation.command else {
        if invocation.global.isEmpty { Console.help(Help.main); return .ready }
        Console.error("error: no command after \(invocation.global.joined(separator: " ")); commands: \(Help.commands.joined(separator: ", "))")
        Console.help("\n" + Help.main, toError: true)
        return .usage
    }
    let rest = invocation.arguments
    switch command {
    case "help": return help(invocation.rest)
    case "version": return version(invocation.rest)
    default: break
    }
    guard let usage = Help.text(for: command) else { return unknownCommand(command) }
    if rest.contains("--help") || rest.contains("-h") {
        Console.help(usage)
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
        default: return unknownCommand(command)
        }
    } catch let error as UsageError {
        Console.error("error: \(error.description)")
        Console.help("\n" + usage, toError: true)
        return .usage
    } catch {
        Console.error("error: \(FileErrorWords.describe(error))")
        return .usage
    }
}

/// `promptcompat help [COMMAND]`: the main help, a command's help, or `help`'s own.
func help(_ arguments: [String]) -> ExitCode {
    guard let topic = arguments.first else { Console.help(Help.main); return .ready }
    if arguments.contains("--help") || arguments.contains("-h") { Console.help(Help.help); return .ready }
    guard arguments.count == 1 else {
        Console.error("error: help takes one command, e.g. promptcompat help run")
        Console.help("\n" + Help.help, toError: true)
        return .usage
    }
    guard let text = Help.text(for: topic) else { return unknownCommand(topic) }
    Console.help(text)
    return .ready
}

/// `promptcompat version` (`--version`, `-V`): the version on standard output.
func version(_ arguments: [String]) -> ExitCode {
    if arguments.contains("--help") || arguments.contains("-h") { Console.help(Help.versionCommand); return .ready }
    do {
        _ = try Arguments(arguments, options: [], switches: [])
    } catch {
        Console.error("error: \(error.description)")
        Console.help("\n" + Help.versionCommand, toError: true)
        return .usage
    }
    Console.help(Help.version)
    return .ready
}

/// `no command "rnu"; did you mean "run"?` (else the list of commands), then the main help; exit 2.
func unknownCommand(_ word: String) -> ExitCode {
    let near = Suggestion.didYouMean(word, among: Help.commands)
    Console.error("error: no command \"\(word)\"\(near.isEmpty ? "; commands: " + Help.commands.joined(separator: ", ") : near)")
        Console.help("\n" + Help.main, toError: true)
    return .usage
}

exit(await runCLI(Array(CommandLine.arguments.dropFirst())).rawValue)
