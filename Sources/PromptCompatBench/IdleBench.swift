import Foundation
import PromptCompat

/// `idle`: what waiting for a slow model costs. 16 requests at once to a stub that answers after 5 s, then
/// one request that waits 30 s, through the socket transport and, in the same run, through URLSession (the
/// reference): the process's CPU time (user + system) while the requests wait, as a share of the wall time.
struct IdleBench {
    var concurrent = 16
    var shortWait: Duration = .seconds(5)
    var longWait: Duration = .seconds(30)

    struct Figure {
        var label: String
        var wall: Double
        var cpu: Double
        var connections: Int
        var failures: Int
        var share: Double { cpu / wall * 100 }
    }

    func run() async throws {
        print("idle: \(concurrent) requests at once to a stub answering after \(format(shortWait.seconds, 0)) s, then 1 request waiting \(format(longWait.seconds, 0)) s; load average before: \(loadAverage())")
        var figures: [Figure] = []
        for transport in [HTTPTransportChoice.sockets, .urlSession] {
            figures.append(try await measure(transport: transport, requests: concurrent, wait: shortWait))
            figures.append(try await measure(transport: transport, requests: 1, wait: longWait))
        }
        for figure in figures {
            print("  \(pad(figure.label, 44)) wall \(format(figure.wall, 2)) s, CPU \(format(figure.cpu, 3)) s = \(format(figure.share, 2))% of the wall time; \(figure.connections) connections\(figure.failures > 0 ? ", \(figure.failures) failed" : "")")
        }
        table(figures.map { ($0.label, format($0.share, 2) + "% CPU while waiting" + ($0.label.hasPrefix("sockets") ? "  (goal < 2%)" : "  (reference)")) })
        print("load average after: \(loadAverage())")
    }

    /// `requests` calls at once to a stub answering after `wait`, through `transport`.
    private func measure(transport: HTTPTransportChoice, requests: Int, wait: Duration) async throws -> Figure {
        let stub = try StubServer(answer: "好的", latency: wait)
        defer { stub.stop() }
        let config = ProviderConfig(name: "idle", profile: "openai-compatible", baseURL: stub.baseURL, model: "m")
        let client = OpenAICompatibleClient(config: config, timeout: wait.seconds + 30, environment: [:], connectionsPerHost: requests, transport: transport)
        let request = ChatRequest(model: "m", messages: [ChatMessage(role: .user, content: "hi")], parameters: JSONObject())
        let clock = ContinuousClock()
        let start = clock.now, cpuStart = cpuSeconds()
        let failures = await withTaskGroup(of: Int.self) { group in
            for _ in 0..<requests {
                group.addTask { (try? await client.complete(request)) == nil ? 1 : 0 }
            }
            return await group.reduce(0, +)
        }
        let wall = (clock.now - start).seconds, cpu = cpuSeconds() - cpuStart
        let name = transport == .sockets ? "sockets" : "URLSession"
        return Figure(label: "\(name): \(requests) × \(format(wait.seconds, 0)) s", wall: wall, cpu: cpu, connections: stub.connections, failures: failures)
    }
}
