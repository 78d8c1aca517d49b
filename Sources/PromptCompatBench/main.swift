import Foundation

// PromptCompatBench: benchmarks of the comparison metrics. Not a test: run it in release mode
// (scripts/bench scoring) and read the figures.

let usage = """
    usage: PromptCompatBench scoring [--pairs N] [--seed S] [--length CHARS] [--only METRIC] [--write-pairs FILE]

    scoring   generates N deterministic Chinese answer pairs (default 10000: a reference of about 500
              characters, a candidate with ~15% of its characters edited), scores every pair with ROUGE-L F1,
              normalized Levenshtein and chrF on one thread, and prints pairs/second and the sum of the
              scores (a checksum) for each.
    --only METRIC
              times one metric only: rouge-l, levenshtein or chrF (for a profiler).
    --write-pairs FILE
              writes the same pairs to FILE instead, one JSON object a line: id, reference, candidate, and
              this package's scores (rouge-l, levenshtein, chrF), for a Python reference tool to score too.
    """

func runBench(_ arguments: [String]) -> Int32 {
    guard let mode = arguments.first, mode == "scoring" else {
        print(usage)
        return arguments.first.map { ["-h", "--help", "help"].contains($0) } == true ? 0 : 2
    }
    var bench = ScoringBench()
    var pairsFile: String?
    var rest = arguments.dropFirst()
    while let option = rest.popFirst() {
        let value = rest.popFirst()
        switch (option, value) {
        case ("--pairs", let v?) where Int(v).map({ $0 > 0 }) == true: bench.pairs = Int(v)!
        case ("--seed", let v?) where UInt64(v) != nil: bench.seed = UInt64(v)!
        case ("--length", let v?) where Int(v).map({ $0 >= 10 }) == true: bench.length = Int(v)!
        case ("--write-pairs", let v?): pairsFile = v
        case ("--only", let v?) where ScoringBench.metrics.contains(where: { $0.metric.name == v }): bench.only = v
        default:
            FileHandle.standardError.write(Data("error: unexpected \(option) \(value ?? "")\n\n\(usage)\n".utf8))
            return 2
        }
    }
    guard let pairsFile else {
        bench.run()
        return 0
    }
    do {
        try bench.writePairs(to: pairsFile)
        return 0
    } catch {
        FileHandle.standardError.write(Data("error: cannot write \(pairsFile): \(error)\n".utf8))
        return 1
    }
}

exit(runBench(Array(CommandLine.arguments.dropFirst())))
