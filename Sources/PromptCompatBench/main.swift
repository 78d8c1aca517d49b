import Foundation
import PromptCompat

// PromptCompatBench: benchmarks of the comparison metrics and the runner. Not a test: run it in release
// mode (scripts/bench MODE) and read the figures. Each mode prints its figure beside a reference measured
// in the same run.

let usage = """
    usage: PromptCompatBench scoring [--pairs N] [--seed S] [--length CHARS] [--only METRIC] [--write-pairs FILE]
           PromptCompatBench scoring-reference --python PATH --script FILE [--pairs N] [--rouge-pairs N]
           PromptCompatBench runner [--cases N] [--concurrency C] [--prompt-files F] [--wrk-seconds S] [--profile PHASE]
                                    [--repeat R] [--order runner-first|offline-first|offline-only] [--write-cases FILE]
           PromptCompatBench peers --python PATH --script FILE [--cases N] [--samples N] [--concurrency C]
           PromptCompatBench latency [--cases N] [--concurrency C] [--latency-ms MS]
           PromptCompatBench cached [--cases N] [--concurrency C] [--latency-ms MS]
           PromptCompatBench cli --promptcompat PATH [--cases N]
           PromptCompatBench oversize [--cases N] [--transport sockets|urlSession]
           PromptCompatBench idle [--requests N] [--wait-seconds S] [--long-wait-seconds S]

    scoring   generates N deterministic Chinese answer pairs (default 10000: a reference of about 500
              characters, a candidate with ~15% of its characters edited), scores every pair with ROUGE-L F1,
              normalized Levenshtein and chrF on one thread, and prints pairs/second and the sum of the
              scores (a checksum) for each.
              --only METRIC: one metric only (rouge-l, levenshtein or chrF), for a profiler.
              --write-pairs FILE: the same pairs as JSON lines instead (id, reference, candidate, and this
              package's scores rouge-l, levenshtein, chrF), for a Python reference tool to score too.
    scoring-reference
              the scoring pairs scored here and by Python reference tools (rouge-score, rapidfuzz,
              sacrebleu) through scripts/bench-reference.py: pairs/s side by side and the largest score
              difference. rouge-score is slow: it scores the first --rouge-pairs pairs (default 1000).
    runner    a generated library (default 10000 cases, accepted snapshots for all) run by SuiteRunner at
              concurrency 16 against a keep-alive loopback stub that answers at once; cases/s beside wrk's
              requests/s against the same stub (16 connections, 10 s). In the same run, where the time goes:
              the same cases with answers from memory (the runner without the network) and the same
              requests through the HTTP client alone. --profile runner|offline|client: the phase a
              `perf record --control` sees (docs/performance.md, Profiling). The runner without the network
              runs --repeat times (default 3): each run (CPU a case, others' load and steal from /proc/stat,
              page faults, switches), then min / median / max and the spread. --order offline-first runs
              those before the runner on the stub; offline-only runs nothing else. --write-cases FILE
              writes the first --cases comparisons as labeled-pair lines instead (for PromptCompatEval
              under callgrind: the runner's comparison counted the same on every machine).
    peers     the runner over a generated library (default 2000 cases) on the stub, then in the same run
              inspect_ai (`inspect eval`, its OpenAI-compatible provider openai-api/bench/bench-model,
              --max-connections C) and a plain AsyncOpenAI loop over the same cases' messages
              (scripts/bench-peers.py in the bench venv): cases/s beside samples/s.
              --samples N: how many cases the peers run (default all).
    latency   1000 cases against the stub answering after 200 ms: wall time beside the ideal
              cases × latency / concurrency.
    cached    10000 cases run twice with a response cache against the 200 ms stub: the second run's time as
              a share of the first, and the process's peak memory.
    cli       the whole `promptcompat run --offline` (runner, four reports, history) as a child process over
              the 10000-case library, every answer from a cache one run filled first: wall time and the
              child's peak memory.
    oversize  runaway answers: N (default 10) non-stream answers of 50 MiB at once, refused at the 8 MiB
              cap, then 4N streams broken after 6 MiB: the peak memory each adds, beside the floor of N
              bodies held to the cap, and the largest evidence one failure keeps. --transport: the HTTP
              stack (default: the client's automatic choice).
    idle      16 requests at once to a stub answering after 5 s, then 1 request waiting 30 s, through the
              socket transport and through URLSession (the reference), in the same run: the process's CPU
              time while the requests wait, as a share of the wall time (goal < 2% for the socket transport).
    """

/// `--name value` pairs after the mode; `nil` (after printing why) on anything unexpected.
func options(_ arguments: ArraySlice<String>, allowed: Set<String>) -> [String: String]? {
    var values: [String: String] = [:]
    var rest = arguments
    while let option = rest.popFirst() {
        guard option.hasPrefix("--"), allowed.contains(String(option.dropFirst(2))), let value = rest.popFirst() else {
            FileHandle.standardError.write(Data("error: unexpected \(option)\n\n\(usage)\n".utf8))
            return nil
        }
        values[String(option.dropFirst(2))] = value
    }
    return values
}

func positive(_ values: [String: String], _ name: String, _ fallback: Int) -> Int {
    values[name].flatMap(Int.init).map { max(1, $0) } ?? fallback
}

func runBench(_ arguments: [String]) async -> Int32 {
    guard let mode = arguments.first else {
        print(usage)
        return 2
    }
    let rest = arguments.dropFirst()
    do {
        switch mode {
        case "scoring":
            return ScoringBench.main(rest)
        case "scoring-reference":
            guard let values = options(rest, allowed: ["pairs", "rouge-pairs", "python", "script", "seed"]) else { return 2 }
            var bench = ScoringBench()
            bench.pairs = positive(values, "pairs", bench.pairs)
            bench.seed = values["seed"].flatMap(UInt64.init) ?? bench.seed
            guard let python = values["python"], let script = values["script"] else {
                FileHandle.standardError.write(Data("error: scoring-reference needs --python PATH and --script FILE (scripts/bench passes both)\n".utf8))
                return 2
            }
            try ReferenceScoring(bench: bench, python: python, script: script, rougePairs: positive(values, "rouge-pairs", 1000)).run()
        case "runner", "latency", "cached", "cli", "peers":
            guard let values = options(rest, allowed: ["cases", "concurrency", "prompt-files", "wrk-seconds", "latency-ms", "profile", "promptcompat", "repeat", "order", "python", "script", "samples", "write-cases"]) else { return 2 }
            var bench = RunnerBench()
            bench.cases = positive(values, "cases", mode == "latency" || mode == "peers" ? (mode == "peers" ? 2000 : 1000) : 10_000)
            bench.offlineRepeats = positive(values, "repeat", 3)
            if let order = values["order"] {
                guard let parsed = RunnerBench.Order(rawValue: order) else {
                    FileHandle.standardError.write(Data("error: --order takes runner-first, offline-first or offline-only, not \(order)\n".utf8))
                    return 2
                }
                bench.order = parsed
            }
            bench.concurrency = positive(values, "concurrency", 16)
            bench.promptFiles = positive(values, "prompt-files", 10)
            bench.wrkSeconds = values["wrk-seconds"].flatMap(Int.init).map { max(0, $0) } ?? 10
            if let phase = values["profile"] {
                guard let profiled = RunnerBench.Phase(rawValue: phase) else {
                    FileHandle.standardError.write(Data("error: --profile takes runner, offline or client, not \(phase)\n".utf8))
                    return 2
                }
                bench.profiled = profiled
            }
            bench.latency = .milliseconds(values["latency-ms"].flatMap(Int.init) ?? (mode == "runner" || mode == "cli" || mode == "peers" ? 0 : 200))
            switch mode {
            case "runner":
                if let file = values["write-cases"] {
                    let lines = BenchLibrary.comparisonLines(count: bench.cases).map { String(decoding: $0.data(pretty: false), as: UTF8.self) }
                    try Data((lines.joined(separator: "\n") + "\n").utf8).write(to: URL(fileURLWithPath: file))
                    print("wrote \(lines.count) of the runner's comparisons to \(file)")
                } else {
                    try await bench.runner()
                }
            case "peers":
                guard let python = values["python"], let script = values["script"] else {
                    FileHandle.standardError.write(Data("error: peers needs --python PATH and --script FILE (scripts/bench passes both)\n".utf8))
                    return 2
                }
                try await PeersBench(bench: bench, python: python, script: script, samples: positive(values, "samples", bench.cases)).run()
            case "latency": try await bench.latencyRun()
            case "cli":
                guard let executable = values["promptcompat"] else {
                    FileHandle.standardError.write(Data("error: cli needs --promptcompat PATH (scripts/bench passes it)\n".utf8))
                    return 2
                }
                try await bench.cliRun(executable: executable)
            default: try await bench.cachedRun()
            }
        case "oversize":
            guard let values = options(rest, allowed: ["cases", "transport"]) else { return 2 }
            let transport = values["transport"].flatMap(HTTPTransportChoice.init(rawValue:)) ?? .automatic
            try await OversizeBench(cases: positive(values, "cases", 10), transport: transport).run()
        case "idle":
            guard let values = options(rest, allowed: ["requests", "wait-seconds", "long-wait-seconds"]) else { return 2 }
            var bench = IdleBench()
            bench.concurrent = positive(values, "requests", bench.concurrent)
            bench.shortWait = .seconds(positive(values, "wait-seconds", 5))
            bench.longWait = .seconds(positive(values, "long-wait-seconds", 30))
            try await bench.run()
        case "-h", "--help", "help":
            print(usage)
        default:
            print(usage)
            return 2
        }
        return 0
    } catch {
        FileHandle.standardError.write(Data("error: \(error)\n".utf8))
        return 1
    }
}

exit(await runBench(Array(CommandLine.arguments.dropFirst())))
