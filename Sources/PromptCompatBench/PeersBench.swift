import Foundation
import PromptCompat

/// `peers`: the runner beside other tools on the same stub and the same cases, in one run. The runner runs
/// the generated library (default 2,000 cases); then `scripts/bench-peers.py` runs inspect_ai's
/// OpenAI-compatible provider (`inspect eval`, `--max-connections` = the concurrency) and a plain
/// AsyncOpenAI loop over the same cases' messages (written to `peers.jsonl` in the library's folder).
struct PeersBench {
    var bench: RunnerBench
    /// The venv's interpreter, with inspect-ai and openai installed (`scripts/bench peers` passes it).
    var python: String
    /// `scripts/bench-peers.py`
    var script: String
    /// How many of the library's cases the peers run (inspect is slow).
    var samples: Int

    /// What the script prints for one peer.
    struct PeerResult {
        var tool: String
        var samples: Int
        var seconds: Double
        var perSecond: Double
        var cpuSeconds: Double
        var wallSeconds: Double?
        var note: String
    }

    func run() async throws {
        try await bench.withLibrary { stub, library, prompts in
            let runner = try await { () async throws -> (rate: Double, count: Int, cpu: Double) in
                let measured = try await bench.run(prompts, library)
                print("runner: \(measured.results.count) cases in \(format(measured.seconds, 2)) s = \(format(measured.casesPerSecond, 0)) cases/s (\(measured.verdicts)); \(stub.connections) connections opened (concurrency \(bench.concurrency))")
                print("  \(measured.usage.line(per: measured.results.count, unit: "case")) (runner and stub)")
                return (measured.casesPerSecond, measured.results.count, measured.cpuSeconds)
            }()
            let dataset = library.root.appendingPathComponent("peers.jsonl")
            let written = try writeDataset(prompts, to: dataset)
            print("peers: \(written) cases' messages (the requests the runner sent) in \(PromptLibrary.displayPath(dataset)); stub \(stub.baseURL.absoluteString)")
            var peers: [PeerResult] = []
            for peer in ["inspect", "openai"] {
                let connections = stub.connections
                let result = try runPeer(peer, dataset: dataset, base: stub.baseURL)
                if peer == "inspect" {
                    print("inspect_ai, per sample: the case's messages as a Sample, generate() (one chat completion through the openai SDK's AsyncOpenAI over httpx, inside inspect's retry and connection limits), the sample's events recorded, the includes() scorer (a substring test), the sample written to the .eval log")
                }
                let cpuScope = peer == "inspect" ? "the whole inspect command, start-up and log included" : "the loop's process"
                print("\(result.tool): \(result.samples) samples in \(format(result.seconds, 2)) s = \(format(result.perSecond, 1))/s; CPU \(format(result.cpuSeconds / Double(max(1, result.samples)) * 1e6, 0)) µs a sample (\(cpuScope); not the stub)\(result.wallSeconds.map { "; whole command \(format($0, 1)) s" } ?? ""); \(stub.connections - connections) connections opened; \(result.note)")
                peers.append(result)
            }
            print("")
            print("| tool (same stub, same cases, concurrency \(bench.concurrency)) | cases | per second | CPU a case | runner ÷ tool |")
            print("|---|---:|---:|---:|---:|")
            print("| promptcompat runner (request, HTTP, full comparison, results.jsonl) | \(runner.count) | \(format(runner.rate, 0)) | \(format(runner.cpu / Double(max(1, runner.count)) * 1e6, 0)) µs (with the stub) | — |")
            for peer in peers {
                print("| \(peer.tool) | \(peer.samples) | \(format(peer.perSecond, 1)) | \(format(peer.cpuSeconds / Double(max(1, peer.samples)) * 1e6, 0)) µs | \(format(runner.rate / peer.perSecond, 1))× |")
            }
        }
    }

    /// Each case's messages, exactly as the runner sends them, one JSON line a case; the target is the
    /// order number the stub's answer carries (inspect's `includes()` scorer looks for it).
    func writeDataset(_ library: PromptLibrary, to file: URL) throws -> Int {
        let provider = library.config.providers[0]
        var lines: [String] = []
        outer: for prompt in library.prompts {
            for item in prompt.cases {
                guard lines.count < samples else { break outer }
                let body = try prompt.adaptedRequest(for: item, provider: provider).request.body()
                let line: JSONValue = ["id": .string("\(prompt.id)/\(item.name)"), "messages": body["messages"] ?? .array([]), "target": "20240709"]
                lines.append(line.serialized())
            }
        }
        try Data((lines.joined(separator: "\n") + "\n").utf8).write(to: file)
        return lines.count
    }

    /// Runs `bench-peers.py PEER` and reads the JSON object on its last line.
    func runPeer(_ peer: String, dataset: URL, base: URL) throws -> PeerResult {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: python)
        process.arguments = [script, peer, dataset.path, "--base-url", base.absoluteString, "--max-connections", String(bench.concurrency), "--concurrency", String(bench.concurrency)]
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let text = String(decoding: data, as: UTF8.self)
        guard process.terminationStatus == 0, let last = text.split(separator: "\n").last else {
            throw StubError("\(script) \(peer) exited with \(process.terminationStatus):\n\(text)")
        }
        let json = try JSONValue(parsing: String(last))
        guard let tool = json["tool"]?.stringValue, let samples = json["samples"]?.intValue,
            let seconds = json["eval_seconds"]?.numberValue, let rate = json["samples_per_second"]?.numberValue,
            let cpu = json["cpu_seconds"]?.numberValue
        else { throw StubError("unexpected line from \(script) \(peer): \(last)") }
        var note: String
        if peer == "inspect" {
            note = "status \(json["status"]?.stringValue ?? "?"), includes() accuracy \(json["accuracy"]?.numberValue.map { format($0, 3) } ?? "?"), log \(format((json["log_bytes"]?.numberValue ?? 0) / 1e6, 1)) MB"
        } else {
            note = "\(json["matched"]?.intValue ?? 0) replies carried the target"
        }
        return PeerResult(tool: tool, samples: samples, seconds: seconds, perSecond: rate, cpuSeconds: cpu, wallSeconds: json["wall_seconds"]?.numberValue, note: note)
    }
}
