import Foundation
import PromptCompat

// Prints precision and recall of PromptCompat's default offline comparison — the verdict a run gives
// with the suite's default similarity bar, the built-in checks and `expect` as the pair declares it, no
// judge — for the class "re-tune" on the labeled pairs of eval/labeled-pairs.jsonl.
//
//   swift run PromptCompatEval [FILE] [--similarity BAR] [--misses]

let usage = """
    usage: PromptCompatEval [FILE] [--similarity BAR] [--misses]
      FILE            labeled pairs, one JSON object a line (default: eval/labeled-pairs.jsonl)
      --similarity    the similarity bar (default: the suite default, \(SuiteConfig.Defaults().similarity))
      --misses        list every pair the comparison gets wrong, with its reasons
      --split S       with --misses: only the dev or the test split's (tune on dev without reading test)
      --scores        print min / median / max of each similarity metric per category
      --all           list every pair with the comparison's decision and reasons
      --time-checks   also the CPU time each built-in check takes a pair, over every pair (debug build: compare, don't quote)
    """

var arguments = Array(CommandLine.arguments.dropFirst())
var file = URL(fileURLWithPath: "eval/labeled-pairs.jsonl")
var similarity = SuiteConfig.Defaults().similarity
var showMisses = false
var showScores = false
var showAll = false
var onlySplit: String?
var timeChecks = false
while let argument = arguments.first {
    arguments.removeFirst()
    switch argument {
    case "--help", "-h":
        print(usage)
        exit(0)
    case "--misses":
        showMisses = true
    case "--scores":
        showScores = true
    case "--all":
        showAll = true
    case "--time-checks":
        timeChecks = true
    case "--split":
        guard let value = arguments.first, ["dev", "test"].contains(value) else {
            FileHandle.standardError.write(Data("--split needs dev or test\n\(usage)\n".utf8))
            exit(2)
        }
        onlySplit = value
        arguments.removeFirst()
    case "--similarity":
        guard let value = arguments.first.flatMap(Double.init), (0...1).contains(value) else {
            FileHandle.standardError.write(Data("--similarity needs a number 0…1\n\(usage)\n".utf8))
            exit(2)
        }
        similarity = value
        arguments.removeFirst()
    default:
        guard !argument.hasPrefix("-") else {
            FileHandle.standardError.write(Data("unknown option \(argument)\n\(usage)\n".utf8))
            exit(2)
        }
        file = URL(fileURLWithPath: argument)
    }
}

do {
    let pairs = try LabeledPair.load(file)
    let outcomes = pairs.map { pair in
        let comparison = CaseComparison.compare(
            output: pair.target, samples: [pair.baseline], expect: pair.expect, defaultSimilarity: similarity,
            referenceName: "baseline", targetName: "target", instructions: pair.instructions, wholePrompt: pair.hasMessages
        )
        return Outcome(pair: pair, flagged: !comparison.passed, reasons: VerdictReasons.reasons(for: comparison))
    }
    print("PromptCompat default comparison on \(file.relativePath): \(pairs.count) labeled pairs, similarity bar \(JSONValue.format(similarity)), no judge")
    print("positive class: re-tune\n")
    print(Outcome.table(outcomes))
    print("\nby language, and by how the prompt is given:\n")
    print(Outcome.languageTable(outcomes))
    print("\nby category (share judged right):")
    print(Outcome.categories(outcomes))
    if showScores { print("\nsimilarity per category (min median max):\n" + ScoreSpread.table(pairs)) }
    if timeChecks { print("\ntime per pair, each built-in check alone (µs):\n" + CheckTimes.table(pairs)) }
    if showMisses { print("\nmisses:\n" + Outcome.list(outcomes.filter { !$0.right && (onlySplit == nil || $0.pair.split == onlySplit) })) }
    if showAll { print("\nall pairs:\n" + Outcome.list(outcomes)) }
} catch {
    FileHandle.standardError.write(Data("PromptCompatEval: \(error)\n".utf8))
    exit(2)
}
