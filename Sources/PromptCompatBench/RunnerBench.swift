import Foundation
import PromptCompat

/// `runner`, `latency` and `cached`: the real ``SuiteRunner`` (request building, the HTTP client, the
/// comparison, `results.jsonl`) over a generated library against a ``StubServer`` on loopback.
struct RunnerBench {
    var cases = 10_000
    var promptFiles = 10
    var concurrency = 16
    /// The stub's delay before each answer.
    var latency: Duration = .zero
    /// How long `wrk` runs against the stub for the reference figure.
    var wrkSeconds = 10
    /// The phase of `runner` that `perf` sees (``Profiler``): the whole runner, the runner without the
    /// network, or the HTTP client alone.
    var profiled = Phase.runner
    /// How many times `runner` runs the library without the network (its spread is printed).
    var offlineRepeats = 3
    /// Which phases of `runner` run, and in what order.
    var order = Order.runnerFirst

    enum Phase: String { case runner, offline, client }

    /// `runner-first` (the default): the runner on the stub, then the runs without the network, then the HTTP
    /// client alone and wrk. `offline-first`: the runs without the network before anything else, to tell a
    /// first-run effect from a later-run one. `offline-only`: the runs without the network and nothing else.
    enum Order: String { case runnerFirst = "runner-first", offlineFirst = "offline-first", offlineOnly = "offline-only" }

    /// One timed run of the whole library.
    struct Measurement {
        var seconds: Double
        /// User + system CPU seconds of the whole process (runner and stub) during the run.
        var cpuSeconds: Double
        var results: [CaseResult]
        var cache: (hits: Int, calls: Int)?
        /// The process's and the machine's use during the run (``UsageSample``).
        var usage: UsageDelta
        var casesPerSecond: Double { Double(results.count) / seconds }
        /// The mean of the client-measured request latencies, in milliseconds: with `concurrency` cases in
        /// flight, concurrency ÷ cases/s is the mean time a case takes, and this is how much of it is the call.
        var meanRequestMilliseconds: Double {
            let latencies = results.compactMap(\.completion?.latency)
            return latencies.reduce(0, +) / Double(max(1, latencies.count)) * 1000
        }
        /// `pass 9,512 · drift 488`
        var verdicts: String {
            let counts = Dictionary(grouping: results, by: \.verdict.rawValue).mapValues(\.count)
            return counts.sorted { $0.value > $1.value }.map { "\($0.key) \($0.value)" }.joined(separator: " · ")
        }
    }

    /// Starts the stub, writes the library, and hands both to `body`; cleans up after.
    func withLibrary<T>(_ body: (StubServer, BenchLibrary, PromptLibrary) async throws -> T) async throws -> T {
        let stub = try StubServer(answer: BenchLibrary.answer, latency: latency)
        defer { stub.stop() }
        let clock = ContinuousClock()
        var made: BenchLibrary?
        let writing = try clock.measure { made = try BenchLibrary.make(cases: cases, promptFiles: promptFiles, concurrency: concurrency, baseURL: stub.baseURL) }
        let bench = made!
        defer { if ProcessInfo.processInfo.environment["PROMPTCOMPAT_BENCH_KEEP"] == nil { bench.remove() } }
        let start = clock.now
        let library = try PromptLibrary.load(from: bench.prompts)
        print("library: \(cases) cases in \(promptFiles) prompt files, snapshots for all (written in \(format(writing.seconds, 1)) s, loaded in \(format((clock.now - start).seconds, 2)) s) at \(PromptLibrary.displayPath(bench.root))")
        print("stub: 127.0.0.1:\(stub.port), keep-alive HTTP/1.1, \(latency == .zero ? "answers at once" : "answers after \(format(latency.seconds * 1000, 0)) ms"); concurrency \(concurrency)")
        print("load average before: \(loadAverage()) (2 cores: other processes take CPU from the run)")
        let result = try await body(stub, bench, library)
        print("load average after: \(loadAverage())")
        return result
    }

    /// Runs every case through a new ``SuiteRunner`` (record never: compare only), appending each result to
    /// `results.jsonl` as the CLI does.
    ///
    /// - Parameter provider: answers instead of the HTTP client (``InstantProvider``: the runner without the network).
    func run(_ library: PromptLibrary, _ bench: BenchLibrary, cache: ResponseCache? = nil, provider: (any Provider)? = nil, profiled: Bool = true) async throws -> Measurement {
        var makeProvider: (@Sendable (ProviderConfig) -> any Provider)?
        if let provider { makeProvider = { _ in provider } }
        let runner = try SuiteRunner(
            library: library, snapshots: bench.snapshots, target: BenchLibrary.provider, record: .never, environment: [:],
            cache: cache.map { ($0, .use) }, makeProvider: makeProvider
        )
        let log = try ResultsLog(file: bench.reports.appendingPathComponent("results.jsonl"))
        let clock = ContinuousClock()
        if profiled { Profiler.enable() }
        let before = UsageSample.now()
        let start = clock.now, cpuStart = cpuSeconds()
        let results = await runner.run { result, _, _ in log.append(result) }
        let seconds = (clock.now - start).seconds, cpu = cpuSeconds() - cpuStart
        let usage = UsageSample.now().since(before)
        Profiler.disable()
        return Measurement(seconds: seconds, cpuSeconds: cpu, results: results, cache: await runner.caching?.statistics, usage: usage)
    }

    /// `runner`: cases per second of the runner against the instant stub, beside `wrk`'s requests per second.
    func runner() async throws {
        try await withLibrary { stub, bench, library in
            var offline: [OfflineRun] = []
            if order != .runnerFirst { offline = try await offlineRuns(library, bench) }
            if order == .offlineOnly { return }
            // Only the figures are kept: the results are let go before the runs without the network, so
            // those runs start on the same heap whichever order they run in.
            let runnerRate = try await { () async throws -> Double in
                let measured = try await run(library, bench, profiled: profiled == .runner)
                print("connections opened to the stub by the runner: \(stub.connections) (concurrency \(concurrency))")
                print("runner: \(measured.results.count) cases in \(format(measured.seconds, 2)) s = \(format(measured.casesPerSecond, 0)) cases/s (\(measured.verdicts)); max RSS \(maxResidentMegabytes()) MB")
                let perCase = Double(concurrency) / measured.casesPerSecond * 1000
                print("  a case takes \(format(perCase, 2)) ms on average with \(concurrency) in flight; its request \(format(measured.meanRequestMilliseconds, 2)) ms of it (client-measured)")
                print("  \(measured.usage.line(per: measured.results.count, unit: "case")) (runner and stub)")
                return measured.casesPerSecond
            }()
            let runnerConnections = stub.connections
            // Where the time goes, in the same run: the same cases with the network taken out (answers from
            // memory), and the same requests through the HTTP client with nothing else.
            if order == .runnerFirst { offline = try await offlineRuns(library, bench) }
            let transport = try await clientOnly(library, stub: stub, profiled: profiled == .client)
            print("HTTP client alone: \(format(transport.requestsPerSecond, 0)) requests/s (OpenAICompatibleClient, its default transport, the same requests, concurrency \(concurrency), nothing else); \(format(transport.cpuMicroseconds, 0)) µs of CPU a request with the stub; \(stub.connections - runnerConnections) connections opened; others \(transport.usage.othersPercent.map { format($0, 0) } ?? "?")% of a core")
            let offlineMedian = OfflineRun.median(offline)
            guard wrkSeconds > 0 else { return }
            let body = try sampleBody(library)
            let beforeWrk = UsageSample.now(), wrkChildren = childrenCPUSeconds()
            guard let wrk = try Wrk.run(url: stub.baseURL.appendingPathComponent("chat/completions"), body: body, connections: concurrency, seconds: wrkSeconds) else {
                print("wrk: not found on PATH (scripts/bench installs it with apt-get); no reference figure")
                return
            }
            // Others' load while wrk ran: the machine's busy time less the stub's (this process) and wrk's (a child).
            let duringWrk = UsageSample.now().since(beforeWrk)
            let wrkOthers = duringWrk.machineBusy.map { max(0, $0 - duringWrk.cpu - (childrenCPUSeconds() - wrkChildren)) / duringWrk.seconds * 100 }
            print("wrk: \(concurrency) connections, 2 threads, \(wrkSeconds) s, the same POST body: \(format(wrk, 0)) requests/s; others \(wrkOthers.map { format($0, 0) } ?? "?")% of a core")
            table([
                ("runner (cases/s)", format(runnerRate, 0) + "  (goal ≥ 10,000)"),
                ("wrk (requests/s)", format(wrk, 0)),
                ("runner / wrk", format(runnerRate / wrk * 100, 1) + "%  (goal ≥ 10%)"),
                ("runner without the network / wrk", format(offlineMedian / wrk * 100, 1) + "%  (median of \(offline.count))"),
                ("HTTP client alone / wrk", format(transport.requestsPerSecond / wrk * 100, 1) + "%  (goal ≥ 25%)"),
                ("connections opened by the runner", "\(runnerConnections)  (concurrency \(concurrency))"),
            ])
        }
    }

    /// One run of the library without the network: its rate and what it used, without its results.
    struct OfflineRun {
        var casesPerSecond: Double
        var usage: UsageDelta

        static func median(_ runs: [OfflineRun]) -> Double {
            let rates = runs.map(\.casesPerSecond).sorted()
            guard !rates.isEmpty else { return 0 }
            return rates.count % 2 == 1 ? rates[rates.count / 2] : (rates[rates.count / 2 - 1] + rates[rates.count / 2]) / 2
        }
    }

    /// The runner without the network (answers from memory: request building, snapshot, comparison,
    /// `results.jsonl`), `offlineRepeats` times: each run, then min / median / max and the spread.
    func offlineRuns(_ library: PromptLibrary, _ bench: BenchLibrary) async throws -> [OfflineRun] {
        print("runner without the network (the same cases, answers from memory: request building, snapshot, comparison, results.jsonl), \(offlineRepeats) runs:")
        var runs: [OfflineRun] = []
        for index in 1...offlineRepeats {
            // Only the figures are kept: each run's results are let go before the next starts.
            let figures = try await { () async throws -> OfflineRun in
                let measured = try await run(library, bench, provider: InstantProvider(answer: BenchLibrary.answer), profiled: profiled == .offline)
                return OfflineRun(casesPerSecond: measured.casesPerSecond, usage: measured.usage)
            }()
            runs.append(figures)
            print("  run \(index): \(format(figures.casesPerSecond, 0)) cases/s in \(format(figures.usage.seconds, 2)) s; \(figures.usage.line(per: cases, unit: "case")); load \(loadAverage())")
        }
        let rates = runs.map(\.casesPerSecond)
        let median = OfflineRun.median(runs), low = rates.min() ?? 0, high = rates.max() ?? 0
        print("runner without the network: median \(format(median, 0)) cases/s (min \(format(low, 0)), max \(format(high, 0)); spread (max − min) / median \(format((high - low) / max(median, 1) * 100, 1))% over \(runs.count) runs)")
        // cases/s = cores the process got ÷ CPU a case: which of the two moved between the slowest and the fastest run.
        if runs.count > 1, let slow = runs.min(by: { $0.casesPerSecond < $1.casesPerSecond }), let fast = runs.max(by: { $0.casesPerSecond < $1.casesPerSecond }) {
            let slowCPU = slow.usage.cpu / Double(cases) * 1e6, fastCPU = fast.usage.cpu / Double(cases) * 1e6
            print("  fastest ÷ slowest \(format(fast.casesPerSecond / slow.casesPerSecond, 2))× = cores the process got \(format(fast.usage.coresPercent, 0))% ÷ \(format(slow.usage.coresPercent, 0))% (\(format(fast.usage.coresPercent / slow.usage.coresPercent, 2))×, others' load \(slow.usage.othersPercent.map { format($0, 0) } ?? "?")% → \(fast.usage.othersPercent.map { format($0, 0) } ?? "?")% of a core) × CPU a case \(format(slowCPU, 0)) ÷ \(format(fastCPU, 0)) µs (\(format(slowCPU / fastCPU, 2))×)")
        }
        return runs
    }

    /// `latency`: wall time against a stub that waits `latency` per answer, beside the ideal cases × latency / concurrency.
    func latencyRun() async throws {
        try await withLibrary { stub, bench, library in
            let measured = try await run(library, bench)
            print("connections opened to the stub: \(stub.connections) (concurrency \(concurrency))")
            let ideal = Double(cases) * latency.seconds / Double(concurrency)
            print("latency: \(measured.results.count) cases in \(format(measured.seconds, 2)) s (\(measured.verdicts))")
            table([
                ("wall time", format(measured.seconds, 2) + " s"),
                ("ideal \(cases) × \(format(latency.seconds, 3)) s / \(concurrency)", format(ideal, 2) + " s"),
                ("over the ideal", format((measured.seconds / ideal - 1) * 100, 1) + "%  (goal ≤ 5%, issue 16; ≤ 10% before it)"),
            ])
        }
    }

    /// `cached`: the same library twice with a ``ResponseCache``; the second run answers from the cache.
    func cachedRun() async throws {
        try await withLibrary { _, bench, library in
            let cache = ResponseCache(directory: bench.root.appendingPathComponent("cache"))
            // Only the figures of the first run are kept: its results are let go before the second run, so
            // the peak memory is that of one 10,000-case run, not of two held at once.
            let (firstSeconds, firstCache) = try await { let first = try await run(library, bench, cache: cache, profiled: false); return (first.seconds, first.cache) }()
            print("first run (cache empty): \(format(firstSeconds, 2)) s, \(firstCache.map { "\($0.hits) hits, \($0.calls) calls" } ?? "")")
            let second = try await run(library, bench, cache: cache)
            print("second run (cache full): \(format(second.seconds, 2)) s, \(second.cache.map { "\($0.hits) hits, \($0.calls) calls" } ?? "") (\(second.verdicts))")
            table([
                ("first run", format(firstSeconds, 2) + " s"),
                ("second run", format(second.seconds, 2) + " s"),
                ("second / first", format(second.seconds / firstSeconds * 100, 2) + "%  (goal ≤ 5%)"),
                ("max RSS (ru_maxrss)", "\(maxResidentMegabytes()) MB  (goal ≤ 150 MB)"),
            ])
        }
    }

    /// Every case's adapted request sent through an ``OpenAICompatibleClient`` on the stub, `concurrency`
    /// at a time, and nothing else: what the HTTP client costs on its own.
    func clientOnly(_ library: PromptLibrary, stub: StubServer, profiled: Bool) async throws -> (requestsPerSecond: Double, cpuMicroseconds: Double, usage: UsageDelta) {
        let provider = library.config.providers[0]
        let requests = try library.prompts.flatMap { prompt in try prompt.cases.map { try prompt.adaptedRequest(for: $0, provider: provider).request } }
        let client = OpenAICompatibleClient(config: provider, environment: [:], connectionsPerHost: concurrency)
        let clock = ContinuousClock()
        if profiled { Profiler.enable() }
        defer { Profiler.disable() }
        let before = UsageSample.now()
        let start = clock.now, cpuStart = cpuSeconds()
        await withTaskGroup(of: Void.self) { group in
            var next = 0
            func add() {
                let request = requests[next]
                next += 1
                group.addTask { _ = try? await client.complete(request) }
            }
            while next < min(concurrency, requests.count) { add() }
            while await group.next() != nil { if next < requests.count { add() } }
        }
        let seconds = (clock.now - start).seconds, cpu = cpuSeconds() - cpuStart
        return (Double(requests.count) / seconds, cpu / Double(requests.count) * 1e6, UsageSample.now().since(before))
    }

    /// The body the runner sends for the first case, for `wrk` to send the same bytes.
    func sampleBody(_ library: PromptLibrary) throws -> String {
        let prompt = library.prompts[0]
        let adapted = try prompt.adaptedRequest(for: prompt.cases[0], provider: library.config.providers[0])
        return adapted.request.body().serialized()
    }
}

/// The process's peak resident memory so far, or with `children` that of the largest child waited for, in
/// MB (`ru_maxrss` is in KB on Linux, bytes on macOS).
func maxResidentMegabytes(children: Bool = false) -> Int {
    #if os(Linux)
    return resourceUsage(children: children).ru_maxrss / 1024
    #else
    return resourceUsage(children: children).ru_maxrss / 1_048_576
    #endif
}

/// `getrusage` of the process, or with `children` of the children waited for so far.
func resourceUsage(children: Bool = false) -> rusage {
    var usage = rusage()
    #if os(Linux)
    getrusage(children ? RUSAGE_CHILDREN.rawValue : RUSAGE_SELF.rawValue, &usage)
    #else
    getrusage(children ? RUSAGE_CHILDREN : RUSAGE_SELF, &usage)
    #endif
    return usage
}

extension rusage {
    /// User + system CPU time, in seconds.
    var cpuSeconds: Double { ru_utime.seconds + ru_stime.seconds }
}

extension timeval {
    var seconds: Double { Double(tv_sec) + Double(tv_usec) / 1e6 }
}

/// The 1-, 5- and 15-minute load averages, `1.02 0.87 0.55`.
func loadAverage() -> String {
    var loads = [Double](repeating: 0, count: 3)
    guard getloadavg(&loads, 3) == 3 else { return "unknown" }
    return loads.map { format($0, 2) }.joined(separator: " ")
}

/// User + system CPU time of the process so far, in seconds.
func cpuSeconds() -> Double { resourceUsage().cpuSeconds }

/// User + system CPU time of the children waited for so far, in seconds.
func childrenCPUSeconds() -> Double { resourceUsage(children: true).cpuSeconds }

/// A two-column table of figures.
func table(_ rows: [(String, String)]) {
    let width = rows.map(\.0.count).max() ?? 0
    for (label, value) in rows { print("  " + pad(label, width + 2) + value) }
}

/// Profiles the timed runs only: with `PROMPTCOMPAT_BENCH_PERF_CTL` naming the control FIFO of
/// `perf record --control=fifo:FIFO -D -1`, sampling starts when a run starts and stops when it ends, so
/// writing the library is not in the profile.
enum Profiler {
    static let control = ProcessInfo.processInfo.environment["PROMPTCOMPAT_BENCH_PERF_CTL"].flatMap { FileHandle(forWritingAtPath: $0) }

    static func enable() { control?.write(Data("enable\n".utf8)) }
    static func disable() { control?.write(Data("disable\n".utf8)) }
}

/// Answers every request at once with the same text, from memory: the runner with the network taken out.
struct InstantProvider: Provider {
    let answer: String
    var name: String { BenchLibrary.provider }

    func complete(_ request: ChatRequest) async throws(ProviderFailure) -> Completion {
        Completion(text: answer, finishReason: "stop", model: "bench-model", usage: Usage(promptTokens: 40, completionTokens: 30))
    }
}
