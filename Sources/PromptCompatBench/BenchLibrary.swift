import Foundation
import PromptCompat

/// A generated prompt library for the runner benchmarks, in a temporary folder: `prompts/` with a suite
/// config whose provider `bench` (the baseline and the target) points at the stub, a few prompt files of
/// many cases each, and an accepted snapshot for every case in `snapshots/`, so every case is called and
/// compared (nothing is recorded, nothing is missing).
///
/// The stub answers every request with the same Chinese text; each case's accepted snapshot is that text
/// with ~5% of its characters edited (its own seed), so the comparison does real work and most cases pass.
struct BenchLibrary {
    let root: URL
    let cases: Int
    var prompts: URL { root.appendingPathComponent("prompts") }
    var snapshots: URL { root.appendingPathComponent("snapshots") }
    var reports: URL { root.appendingPathComponent("reports") }

    /// The stub's answer: a sentence of facts (an order number, a date, an amount) and ~150 characters of
    /// generated Chinese prose.
    static let answer = facts + body

    /// Kept as it is in every accepted sample: an edited number is a changed fact, and the benchmark wants
    /// mostly passing cases, as a healthy run has.
    static let facts = "您的订单20240709已于7月9日发货，运费¥12.50，预计3天内送达。"

    /// Generated prose without digits, the part each accepted sample edits.
    static let body: String = {
        var generator = PairGenerator(seed: 7, length: 150)
        return String(generator.text(characters: 160).filter { !$0.isNumber }.prefix(149)) + "。"
    }()

    static let provider = "bench"

    /// Writes the library for a stub at `baseURL`: `cases` cases spread over `promptFiles` prompt files.
    static func make(cases: Int, promptFiles: Int = 10, concurrency: Int, baseURL: URL) throws -> BenchLibrary {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("promptcompat-bench-\(UUID().uuidString.prefix(8))")
        let library = BenchLibrary(root: root, cases: cases)
        try FileManager.default.createDirectory(at: library.prompts.appendingPathComponent("bench"), withIntermediateDirectories: true)
        try library.writeConfig(concurrency: concurrency, baseURL: baseURL)
        let perFile = (cases + promptFiles - 1) / promptFiles
        var made = 0
        for file in 0..<promptFiles where made < cases {
            let count = min(perFile, cases - made)
            try library.writePrompt(index: file, firstCase: made, count: count)
            made += count
        }
        return library
    }

    func remove() { try? FileManager.default.removeItem(at: root) }

    private func writeConfig(concurrency: Int, baseURL: URL) throws {
        let provider: JSONValue = ["profile": "openai-compatible", "baseURL": .string(baseURL.absoluteString), "model": "bench-model"]
        let config: JSONValue = [
            "baseline": .string(Self.provider), "samples": 1,
            "defaults": ["similarity": 0.25, "timeoutSeconds": 60, "concurrency": .number(Double(concurrency))],
            "providers": [Self.provider: provider],
        ]
        try config.data(pretty: true).write(to: prompts.appendingPathComponent(SuiteConfig.fileName))
    }

    static let system = "你是优选商城的售后客服。请用中文简短答复顾客，不超过200字。"

    /// Case `number`'s question (its `question` variable).
    static func question(_ number: Int) -> String { "第\(number)号工单：客户询问订单\(20_240_000 + number)的配送进度，请简短答复。" }

    /// Case `number`'s accepted sample: the answer with ~5% of its prose edited, seeded by the number.
    static func sample(_ number: Int) -> String {
        var generator = PairGenerator(seed: UInt64(number) &+ 1, editRate: 0.05)
        return facts + String(generator.edited(Array(body)))
    }

    /// The first `count` cases' comparisons as `eval/labeled-pairs.jsonl` lines (the messages as sent, the
    /// accepted sample as the baseline, the stub's answer as the target; `task` holds the same messages for
    /// an evaluator that reads only it), so the comparison the runner makes can be measured without the runner:
    /// `valgrind --tool=callgrind` on `PromptCompatEval` over them counts the same work on every machine.
    static func comparisonLines(count: Int) -> [JSONValue] {
        (0..<count).map { number in
            let messages: [JSONValue] = [["role": "system", "content": .string(system)], ["role": "user", "content": .string(question(number))]]
            return [
                "id": .string("bench-case-\(number)"), "split": "dev", "category": "bench", "language": "zh",
                "task": .string(system + "\n" + question(number)), "messages": .array(messages),
                "baseline": .string(sample(number)), "target": .string(answer), "label": "acceptable", "why": "the runner benchmark's case",
            ]
        }
    }

    /// One prompt file `bench/prompt-NN.json` with `count` cases, and their snapshots.
    private func writePrompt(index: Int, firstCase: Int, count: Int) throws {
        let id = "bench/prompt-\(String(format: "%02d", index))"
        var caseList: [JSONValue] = []
        let store = SnapshotStore(root: snapshots)
        for number in firstCase..<(firstCase + count) {
            let name = "case-\(number)"
            caseList.append(["name": .string(name), "vars": ["question": .string(Self.question(number))]])
            let sample = Self.sample(number)
            let metadata = Snapshot.Metadata(
                provider: Self.provider, model: "bench-model", parameters: JSONObject([("temperature", 0), ("max_tokens", 256)]),
                usage: [Usage(promptTokens: 40, completionTokens: 30)], latencySeconds: [0.2], finishReasons: ["stop"]
            )
            try store.write(Snapshot(samples: [sample], metadata: metadata), for: SnapshotKey(provider: Self.provider, promptID: id, caseName: name))
        }
        let prompt: JSONValue = [
            "description": "Generated for the runner benchmark.",
            "model": "gpt-4o", "temperature": 0, "max_tokens": 256,
            "messages": [
                ["role": "system", "content": .string(Self.system)],
                ["role": "user", "content": "{{question}}"],
            ],
            "cases": .array(caseList),
            "expect": ["maxLength": 400, "notContains": ["作为一个AI", "As an AI"]],
        ]
        try prompt.data(pretty: true).write(to: prompts.appendingPathComponent("\(id).json"))
    }
}
