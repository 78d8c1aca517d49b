import Foundation
import Testing
@testable import PromptCompat

/// Seeded mutation fuzzing of every parser that reads what a user or a provider wrote: thousands of
/// broken prompt files, suite configs, snapshot `meta.json`s, provider answers (JSON and SSE), gateway
/// log lines and `results.jsonl` lines. Each must load or fail with an error that names its file and a
/// place (line:column or a JSON path) — never crash, never hang (each input has a time bound).
///
/// 3,000 inputs by default, shared out by parser; `PROMPTCOMPAT_FUZZ_ITERATIONS=100000 swift test
/// --filter FuzzTests` runs more. A failure names the input's seed: `Mutator(seed:)` makes it again.
@Suite("Fuzz: broken inputs to every parser are reported at a place, never a crash or a hang")
struct FuzzTests {
    /// Inputs made by mutating the corpus entries in turn, from `seed`.
    static func mutated(_ corpus: [String]) -> @Sendable (UInt64) -> [UInt8] {
        let seeds = corpus.map { Array($0.utf8) }
        return { seed in
            var mutator = Mutator(seed: seed)
            return mutator.mutate(seeds[Int(seed % UInt64(seeds.count))])
        }
    }

    static func expectClean(_ outcome: FuzzHarness.Outcome, count: Int, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(outcome.inputs == count, "only \(outcome.inputs) of \(count) inputs ran", sourceLocation: sourceLocation)
        #expect(outcome.problems.isEmpty, "\(outcome.problems.joined(separator: "\n"))", sourceLocation: sourceLocation)
    }

    /// A diagnostic is placed when it names `file` and has a line:column or a JSON path.
    static func misplaced(_ diagnostic: LibraryDiagnostic, file: String) -> String? {
        if diagnostic.file != file { return "names \(diagnostic.file), not \(file): \(diagnostic)" }
        if diagnostic.position == nil && diagnostic.jsonPath == nil { return "no line:column or JSON path: \(diagnostic)" }
        return nil
    }

    static let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("promptcompat-fuzz-\(UUID().uuidString)")

    @Test("the corpus itself reads cleanly, so every error the fuzzer sees comes from a mutation")
    func corpusIsValid() throws {
        let config = try SuiteConfig.decode(FuzzCorpus.configs[0], file: "c.json")
        #expect(config.providers.count == 2)
        for text in FuzzCorpus.prompts {
            var warnings: [LibraryDiagnostic] = []
            let prompt = try Prompt.decode(text, id: "p", file: URL(fileURLWithPath: "/p.json"), displayPath: "p.json", providers: ["stub", "other"], warnings: &warnings)
            #expect(!prompt.cases.isEmpty)
        }
        for body in FuzzCorpus.responses.prefix(2) {
            let client = OpenAICompatibleClient(config: ProviderConfig(name: "f", baseURL: URL(string: "http://127.0.0.1:9/v1")!, model: "m"))
            _ = try client.completion(status: 200, headers: [:], body: Data(body.utf8))
        }
        #expect(GatewayLog.read(FuzzCorpus.gatewayLogs[0], file: "g.jsonl").entries.count == 2)
        for line in FuzzCorpus.resultLines { _ = try CaseResult(json: JSONValue(parsing: line)) }
    }

    @Test("prompt files: loaded, or an error at file:line:column or a JSON path")
    func promptFiles() async throws {
        let count = FuzzHarness.iterations(share: 0.3)
        let directory = Self.scratch.appendingPathComponent("prompts/fuzz")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let file = directory.appendingPathComponent("prompt.json")
        let config = try SuiteConfig.decode(FuzzCorpus.configs[0], file: "c.json")
        let outcome = await FuzzHarness.run("prompt", count: count, baseSeed: 1_000_000, makeInput: Self.mutated(FuzzCorpus.prompts)) { bytes in
            let path = PromptLibrary.displayPath(file)
            do {
                try Data(bytes).write(to: file)
                var warnings: [LibraryDiagnostic] = []
                let prompt = try PromptLibrary.loadPrompt(file: file, id: "fuzz/prompt", config: config, warnings: &warnings)
                if let bad = warnings.lazy.compactMap({ Self.misplaced($0, file: path) }).first { return "warning: \(bad)" }
                for promptCase in prompt.cases {  // what a run does next with a loaded prompt
                    for provider in config.providers { _ = (try? prompt.adaptedRequest(for: promptCase, provider: provider))?.request.body().serialized() }
                }
                return nil
            } catch let diagnostic as LibraryDiagnostic {
                return Self.misplaced(diagnostic, file: path)
            } catch {
                return "not a diagnostic: \(error)"
            }
        }
        Self.expectClean(outcome, count: count)
    }

    @Test("suite configs: read, or an error at file:line:column or a JSON path")
    func suiteConfigs() async {
        let count = FuzzHarness.iterations(share: 0.15)
        let outcome = await FuzzHarness.run("config", count: count, baseSeed: 2_000_000, makeInput: Self.mutated(FuzzCorpus.configs)) { bytes in
            do throws(LibraryDiagnostic) {
                _ = try SuiteConfig.decode(LibraryDiagnostic.utf8Text(Data(bytes), file: "prompts/promptcompat.json"), file: "prompts/promptcompat.json")
                return nil
            } catch {
                return Self.misplaced(error, file: "prompts/promptcompat.json")
            }
        }
        Self.expectClean(outcome, count: count)
    }

    @Test("snapshot meta.json: loaded, or an error naming meta.json with line:column or $")
    func snapshotMetadata() async throws {
        let count = FuzzHarness.iterations(share: 0.1)
        let store = SnapshotStore(root: Self.scratch.appendingPathComponent("snapshots"))
        let key = SnapshotKey(provider: "stub", promptID: "support/order-status", caseName: "late")
        try store.write(Snapshot(samples: ["已发货"], metadata: .init(provider: "stub", model: "m", parameters: JSONObject())), for: key)
        let meta = try store.directory(for: key).appendingPathComponent("meta.json")
        let placed = try NSRegularExpression(pattern: #"meta\.json(:\d+:\d+: |: \$: )"#)
        let outcome = await FuzzHarness.run("meta.json", count: count, baseSeed: 3_000_000, makeInput: Self.mutated(FuzzCorpus.metadata)) { bytes in
            do {
                try Data(bytes).write(to: meta)
                _ = try store.load(key)
                return nil
            } catch let error as SnapshotError {
                let text = error.description
                return placed.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) == nil ? "not placed: \(text)" : nil
            } catch {
                return "not a snapshot error: \(error)"
            }
        }
        Self.expectClean(outcome, count: count)
    }

    @Test("provider answers (JSON): a completion, or a classified failure; a syntax error says line and column")
    func providerResponses() async {
        let count = FuzzHarness.iterations(share: 0.15)
        let client = OpenAICompatibleClient(config: ProviderConfig(name: "f", profile: "zhipu", baseURL: URL(string: "http://127.0.0.1:9/v1")!, model: "m", apiKeyEnv: "K"))
        let outcome = await FuzzHarness.run("response", count: count, baseSeed: 4_000_000, makeInput: Self.mutated(FuzzCorpus.responses)) { bytes in
            let body = Data(bytes)
            let error = FailureClassifier.classify(status: [400, 401, 429, 500, 503][bytes.count % 5], headers: ["retry-after": "x"], body: body, keyVariable: "K", errorShape: "zhipu")
            if error.message.isEmpty { return "a classified error without a message" }
            do throws(ProviderFailure) {
                _ = try client.completion(status: 200, headers: [:], body: body)
                return nil
            } catch {
                if error.message.isEmpty { return "\(error.causeName) without a message" }
                // At most the limit in bytes, then the "… N bytes more" note where it was cut.
                let kept = (error.evidence ?? "").replacing(/… \d+ bytes more$/, with: "")
                if kept.utf8.count > ProviderFailure.evidenceLimit { return "evidence of \(kept.utf8.count) bytes before its note" }
                if error.message.contains("not JSON"), error.message.range(of: #"line \d+, column \d+"#, options: .regularExpression) == nil {
                    return "a syntax error without its place: \(error.message)"
                }
                return nil
            }
        }
        Self.expectClean(outcome, count: count)
    }

    @Test("provider streams (SSE), cut anywhere: a completion or a classified failure")
    func providerStreams() async {
        let count = FuzzHarness.iterations(share: 0.15)
        let outcome = await FuzzHarness.run("sse", count: count, baseSeed: 5_000_000, makeInput: Self.mutated(FuzzCorpus.streams)) { bytes in
            var parser = SSEParser()
            var assembly = StreamAssembly()
            let step = bytes.count % 13 + 1  // deliveries of 1…13 bytes: events and characters split anywhere
            do throws(ProviderFailure) {
                for start in stride(from: 0, to: bytes.count, by: step) {
                    for event in parser.feed(Data(bytes[start..<min(bytes.count, start + step)])) { try assembly.add(event, keyVariable: "K") }
                }
                if let last = parser.finish() { try assembly.add(last, keyVariable: "K") }
                _ = try assembly.completion()
                return nil
            } catch {
                return error.message.isEmpty ? "\(error.causeName) without a message" : nil
            }
        }
        Self.expectClean(outcome, count: count)
    }

    @Test("gateway log lines: entries, or problems at file:line")
    func gatewayLogs() async {
        let count = FuzzHarness.iterations(share: 0.1)
        let outcome = await FuzzHarness.run("gateway log", count: count, baseSeed: 6_000_000, makeInput: Self.mutated(FuzzCorpus.gatewayLogs)) { bytes in
            let text = String(decoding: bytes, as: UTF8.self)
            let lines = text.unicodeScalars.split(separator: "\n", omittingEmptySubsequences: false).count
            let log = GatewayLog.read(text, file: "logs/fuzz.jsonl")
            let problems = log.skipped + log.malformed
            if let bad = problems.first(where: { $0.file != "logs/fuzz.jsonl" || !(1...lines).contains($0.line) || $0.message.isEmpty }) {
                return "misplaced: \(bad)"
            }
            return log.entries.count + problems.count == log.linesRead ? nil : "lines read \(log.linesRead), accounted for \(log.entries.count + problems.count)"
        }
        Self.expectClean(outcome, count: count)
    }

    @Test("results.jsonl lines (read back by --resume and report --merge): a case, or an error naming the member")
    func resultLines() async throws {
        let count = FuzzHarness.iterations(share: 0.05)
        let file = Self.scratch.appendingPathComponent("reports/stub/results.jsonl")
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        let outcome = await FuzzHarness.run("results.jsonl", count: count, baseSeed: 7_000_000, makeInput: Self.mutated(FuzzCorpus.resultLines)) { bytes in
            do {
                _ = try CaseResult(json: JSONValue(parsing: String(decoding: bytes, as: UTF8.self)))
            } catch let error as CaseResultDecodingError {
                if error.description.range(of: #"^(the case|[A-Za-z\[\].]+): "#, options: .regularExpression) == nil { return "no member named: \(error)" }
            } catch {
                if !(error is JSONSyntaxError) { return "unexpected error: \(error)" }
            }
            do {  // the same bytes as a whole file for --resume: every line not kept is named file:line
                try Data(bytes).write(to: file)
                let resume = try ResultsResume.read(file, target: "stub", selection: [])
                if let bad = resume.skipped.first(where: { $0.range(of: #"results\.jsonl:\d+: "#, options: .regularExpression) == nil }) { return "resume: \(bad)" }
            } catch {
                return "resume threw: \(error)"
            }
            return nil
        }
        Self.expectClean(outcome, count: count)
    }
}
