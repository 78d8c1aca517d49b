import Foundation
import PromptCompat

/// `scoring`: times each metric over the same generated pairs, one thread, and prints pairs per second and
/// a checksum (the sum of all scores, so a faster version can be checked to compute the same thing).
struct ScoringBench {
    var pairs = 10_000
    var seed: UInt64 = 20_240_709
    var length = 500
    var editRate = 0.15
    /// Only the metric with this name (`rouge-l`, `levenshtein`, `chrF`), for profiling one.
    var only: String?

    static let metrics: [(label: String, metric: any Metric)] = [
        ("rouge-l F1", RougeLMetric()),
        ("levenshtein", LevenshteinSimilarity()),
        ("chrF", CharNGramF1.chrF),
    ]

    func generate() -> [(reference: String, candidate: String)] {
        var generator = PairGenerator(seed: seed, length: length, editRate: editRate)
        return (0..<pairs).map { _ in generator.pair() }
    }

    /// Parses the `scoring` options and runs it (or writes the pairs).
    static func main(_ arguments: ArraySlice<String>) -> Int32 {
        guard let values = options(arguments, allowed: ["pairs", "seed", "length", "write-pairs", "only"]) else { return 2 }
        var bench = ScoringBench()
        bench.pairs = positive(values, "pairs", bench.pairs)
        bench.seed = values["seed"].flatMap(UInt64.init) ?? bench.seed
        bench.length = max(10, positive(values, "length", bench.length))
        bench.only = values["only"]
        if let only = bench.only, !metrics.contains(where: { $0.metric.name == only }) {
            FileHandle.standardError.write(Data("error: --only \(only): expected one of \(metrics.map(\.metric.name).joined(separator: ", "))\n".utf8))
            return 2
        }
        guard let file = values["write-pairs"] else {
            bench.run()
            return 0
        }
        do {
            try bench.writePairs(to: file)
            return 0
        } catch {
            FileHandle.standardError.write(Data("error: cannot write \(file): \(error)\n".utf8))
            return 1
        }
    }

    /// One metric's timing: pairs per second and the sum of its scores.
    struct Timing {
        var label: String
        var name: String
        var pairsPerSecond: Double
        var checksum: Double
    }

    @discardableResult
    func run() -> [Timing] {
        var timings: [Timing] = []
        let clock = ContinuousClock()
        var data: [(reference: String, candidate: String)] = []
        let generation = clock.measure { data = generate() }
        let characters = data.reduce(0) { $0 + $1.reference.count } / max(1, data.count)
        print("scoring: \(data.count) Chinese pairs, seed \(seed), reference ≈\(characters) characters, ~\(Int(editRate * 100))% edits; generated in \(format(generation.seconds, 3)) s")
        print(pad("metric", 12) + pad("pairs/s", 12, right: true) + pad("µs/pair", 10, right: true) + pad("seconds", 10, right: true) + "  checksum (Σ score)")
        for (label, metric) in Self.metrics where only == nil || only == metric.name {
            var checksum = 0.0
            let elapsed = clock.measure {
                for pair in data { checksum += metric.score(pair.reference, pair.candidate) }
            }
            let seconds = elapsed.seconds
            timings.append(Timing(label: label, name: metric.name, pairsPerSecond: Double(data.count) / seconds, checksum: checksum))
            print(
                pad(label, 12) + pad(format(Double(data.count) / seconds, 0), 12, right: true)
                    + pad(format(seconds / Double(data.count) * 1e6, 1), 10, right: true) + pad(format(seconds, 3), 10, right: true)
                    + "  " + format(checksum, 9)
            )
        }
        return timings
    }

    /// One JSON line a pair: id, reference, candidate, and this package's scores for a reference tool to
    /// compare with.
    func writePairs(to path: String) throws {
        var lines = ""
        for (id, pair) in generate().enumerated() {
            var object: [(String, JSONValue)] = [("id", .number(Double(id))), ("reference", .string(pair.reference)), ("candidate", .string(pair.candidate))]
            for (_, metric) in Self.metrics { object.append((metric.name, .number(metric.score(pair.reference, pair.candidate)))) }
            lines += JSONValue.object(JSONObject(object)).serialized() + "\n"
        }
        try lines.write(toFile: path, atomically: true, encoding: .utf8)
        print("wrote \(pairs) pairs to \(path) (fields: id, reference, candidate, \(Self.metrics.map(\.metric.name).joined(separator: ", ")))")
    }
}

extension Duration {
    var seconds: Double { Double(components.seconds) + Double(components.attoseconds) * 1e-18 }
}

func format(_ value: Double, _ decimals: Int) -> String { String(format: "%.\(decimals)f", value) }

func pad(_ text: String, _ width: Int, right: Bool = false) -> String {
    let padding = String(repeating: " ", count: max(0, width - text.count))
    return right ? padding + text : text + padding
}
