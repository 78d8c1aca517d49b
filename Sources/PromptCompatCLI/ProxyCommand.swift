import Foundation
import PromptCompat
import PromptCompatServer

/// `promptcompat proxy`: a quirk proxy in front of a real model that behaves like a provider profile, until
/// SIGINT or SIGTERM; one line per request on standard output.
enum ProxyCommand {
    static let options = ["profile", "upstream", "port", "key-env", "sensitive", "max-concurrency", "upstream-model"]

    static func main(_ arguments: [String]) async throws -> ExitCode {
        let args = try Arguments(arguments, options: options, switches: [])
        let (proxyOptions, port) = try parse(args, environment: ProcessInfo.processInfo.environment)
        let proxy: QuirkProxy
        do {
            proxy = try QuirkProxy(proxyOptions, port: port) { entry in
                FileHandle.standardOutput.write(Data("\(timestamp()) \(entry)\n".utf8))
            }
        } catch {
            Console.error("error: cannot listen on 127.0.0.1:\(port): \(error)")
            return .usage
        }
        let profile = proxyOptions.profile
        var lines = ["promptcompat proxy: \(proxy.baseURL.absoluteString) behaves like \(profile.displayName) (profile \(profile.id)) in front of \(proxyOptions.upstream.absoluteString)"]
        lines.append("  " + ProvidersCommand.summary(profile))
        lines.append("  key: \(proxyOptions.apiKey == nil ? "none required" : "required (from --key-env)")"
            + " · sensitive words: \(proxyOptions.sensitiveWords.isEmpty ? "none" : proxyOptions.sensitiveWords.joined(separator: ", "))"
            + " · max concurrency: \(proxyOptions.maxConcurrency.map(String.init) ?? "unlimited")"
            + (profile.streamKeepAlive ? " · keep-alives in streams" : ""))
        lines.append("  Ctrl-C stops it.")
        FileHandle.standardOutput.write(Data((lines.joined(separator: "\n") + "\n").utf8))

        let received = await SignalWaiter.wait(for: [SIGINT, SIGTERM])
        proxy.stop()
        FileHandle.standardOutput.write(Data("\(timestamp()) stopped (\(received == SIGINT ? "SIGINT" : "SIGTERM"))\n".utf8))
        return .ready
    }

    /// The proxy's options and port from the arguments; usage errors name the flag.
    static func parse(_ args: Arguments, environment: [String: String]) throws(UsageError) -> (QuirkProxy.Options, Int) {
        guard let id = args.value("profile") else {
            throw UsageError("--profile is required; profiles: \(ProviderProfile.catalog.map(\.id).joined(separator: ", "))")
        }
        guard let profile = ProviderProfile.named(id) else {
            throw UsageError("no profile \"\(id)\"; profiles: \(ProviderProfile.catalog.map(\.id).joined(separator: ", "))")
        }
        let upstreamText = args.value("upstream") ?? "http://127.0.0.1:8701/v1"
        guard let upstream = URL(string: upstreamText), ["http", "https"].contains(upstream.scheme ?? ""), upstream.host != nil else {
            throw UsageError("--upstream \(upstreamText) is not an http(s) URL such as http://127.0.0.1:8701/v1")
        }
        let portText = args.value("port") ?? "8711"
        guard let port = Int(portText), (0...65535).contains(port) else {
            throw UsageError("--port \(portText) is not a port number (0-65535; 0 picks a free one)")
        }
        var key: String?
        if let variable = args.value("key-env") {
            guard let value = environment[variable], !value.isEmpty else {
                throw UsageError("--key-env \(variable): the environment variable \(variable) is not set")
            }
            key = value
        }
        var maxConcurrency: Int?
        if let text = args.value("max-concurrency") {
            guard let value = Int(text), value >= 1 else { throw UsageError("--max-concurrency \(text) is not a whole number of at least 1") }
            maxConcurrency = value
        }
        let options = QuirkProxy.Options(
            profile: profile, upstream: upstream, upstreamModel: args.value("upstream-model"), apiKey: key,
            sensitiveWords: args.all("sensitive"), maxConcurrency: maxConcurrency
        )
        return (options, port)
    }

    static func timestamp() -> String {
        let now = Date()
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = .current
        let parts = calendar.dateComponents([.hour, .minute, .second], from: now)
        return String(format: "%02d:%02d:%02d", parts.hour ?? 0, parts.minute ?? 0, parts.second ?? 0)
    }
}

/// Waits for the first of some signals, handling them instead of dying from them.
final class SignalWaiter: @unchecked Sendable {
    // Guarded by `lock`; the signal sources fire on a global queue.
    private let lock = NSLock()
    private var continuation: CheckedContinuation<Int32, Never>?
    private var sources: [any DispatchSourceSignal] = []
    private var numbers: [Int32] = []

    static func wait(for signals: [Int32]) async -> Int32 {
        let waiter = SignalWaiter()
        return await withCheckedContinuation { continuation in
            waiter.lock.lock()
            waiter.continuation = continuation
            for number in signals {
                signal(number, SIG_IGN)
                let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
                source.setEventHandler { waiter.fire(number) }
                source.resume()
                waiter.sources.append(source)
                waiter.numbers.append(number)
            }
            waiter.lock.unlock()
        }
    }

    private func fire(_ number: Int32) {
        lock.lock()
        let continuation = self.continuation
        self.continuation = nil
        sources.forEach { $0.cancel() }
        numbers.forEach { signal($0, SIG_DFL) }  // a second Ctrl-C ends the process even if stopping hangs
        lock.unlock()
        continuation?.resume(returning: number)
    }
}
