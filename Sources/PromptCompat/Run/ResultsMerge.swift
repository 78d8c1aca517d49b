import Foundation

/// The results of several runs of one target — the shards of a CI matrix — read back from their
/// `results.jsonl` files and put together, every case once.
///
/// ```swift
/// let files = ["reports/qwen/shard-1-of-2", "reports/qwen/shard-2-of-2"].flatMap { ResultsMerge.resultFiles(in: URL(fileURLWithPath: $0)) }
/// let merge = try ResultsMerge.read(files)
/// let report = ReadinessReport(library: library, target: merge.target, results: merge.results(orderedBy: library))
/// ```
public struct ResultsMerge: Sendable {
    /// The one target every result ran against.
    public var target: String
    /// The cases, in the order the files were given and each file's lines.
    public var results: [CaseResult]
    /// The files read.
    public var files: [URL]

    /// Reads every file; refuses lines that are not cases, results of more than one target, and a case
    /// that appears twice, naming the files. Empty files (a shard that got no case) are fine.
    public static func read(_ files: [URL]) throws(ResultsMergeError) -> ResultsMerge {
        var results: [CaseResult] = []
        var origin: [String: String] = [:]
        var targets: [(target: String, file: String)] = []
        var duplicates: [String] = []
        for file in files {
            let path = PromptLibrary.displayPath(file)
            for (line, result) in try cases(in: file, path: path) {
                if !targets.contains(where: { $0.target == result.target }) { targets.append((result.target, path)) }
                let key = "\(result.promptID)/\(result.caseName)"
                if let first = origin[key] {
                    duplicates.append("\(result.displayName) is in \(first) and in \(path):\(line)")
                    continue
                }
                origin[key] = "\(path):\(line)"
                results.append(result)
            }
        }
        guard targets.count <= 1 else {
            throw ResultsMergeError("the results are for different targets (\(targets.map { "\($0.target) in \($0.file)" }.joined(separator: ", "))): merge one target at a time")
        }
        guard duplicates.isEmpty else {
            let shown = duplicates.prefix(5).joined(separator: "; ")
            let more = duplicates.count > 5 ? "; and \(duplicates.count - 5) more" : ""
            throw ResultsMergeError("\(duplicates.count) case\(duplicates.count == 1 ? " is" : "s are") in more than one file: \(shown)\(more) — give each shard's results once")
        }
        guard let target = targets.first?.target else {
            throw ResultsMergeError("no case in \(files.map { PromptLibrary.displayPath($0) }.joined(separator: ", ")): nothing to merge")
        }
        if let problem = SafeName.problem(with: target) {  // it names the merged report's folder
            throw ResultsMergeError("the target \"\(target)\" in \(targets[0].file) \(problem): not a provider name")
        }
        return ResultsMerge(target: target, results: results, files: files)
    }

    private static func cases(in file: URL, path: String) throws(ResultsMergeError) -> [(line: Int, result: CaseResult)] {
        let text: String
        do {
            text = try String(contentsOf: file, encoding: .utf8)
        } catch {
            throw ResultsMergeError("cannot read \(path): \(error.localizedDescription)")
        }
        var cases: [(Int, CaseResult)] = []
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated()
        where !line.trimmingCharacters(in: .whitespaces).isEmpty {
            do {
                cases.append((index + 1, try CaseResult(json: JSONValue(parsing: String(line)))))
            } catch {
                throw ResultsMergeError("\(path):\(index + 1): not a case line of results.jsonl: \(error)")
            }
        }
        return cases
    }

    /// `results.jsonl` in `location` (a folder, or the file itself); when the folder has none, every
    /// `results.jsonl` below it, sorted by path (a folder of downloaded CI artifacts) — except those of
    /// filtered runs (a `filtered` folder), which are not the suite's. Empty when there is none.
    public static func resultFiles(in location: URL) -> [URL] {
        let fileManager = FileManager.default
        var isDirectory: ObjCBool = false
        guard fileManager.fileExists(atPath: location.path, isDirectory: &isDirectory) else { return [] }
        guard isDirectory.boolValue else { return [location] }
        let direct = location.appendingPathComponent("results.jsonl")
        if fileManager.fileExists(atPath: direct.path) { return [direct] }
        let root = location.standardizedFileURL.resolvingSymlinksInPath()
        let found = fileManager.enumerator(at: root, includingPropertiesForKeys: nil)?.compactMap { $0 as? URL }
            .filter { $0.lastPathComponent == "results.jsonl" && $0.deletingLastPathComponent().lastPathComponent != "filtered" } ?? []
        return found.sorted { $0.path < $1.path }
    }

    /// The results in library order (prompts by id, cases as in the prompt file; cases the library no
    /// longer has last), each with the note of its prompt's override for the target, which the JSON lines
    /// do not carry.
    public func results(orderedBy library: PromptLibrary) -> [CaseResult] {
        var rank: [String: Int] = [:]
        for prompt in library.prompts {
            for promptCase in prompt.cases { rank["\(prompt.id)/\(promptCase.name)"] = rank.count }
        }
        let ordered = results.enumerated().sorted { a, b in
            let (ra, rb) = (rank["\(a.element.promptID)/\(a.element.caseName)"] ?? Int.max, rank["\(b.element.promptID)/\(b.element.caseName)"] ?? Int.max)
            return ra != rb ? ra < rb : a.offset < b.offset
        }
        return ordered.map { entry in
            var result = entry.element
            result.overrideNote = library.prompt(id: result.promptID)?.overrides[target].map { $0.note ?? "override for \(target)" }
            return result
        }
    }

    /// The shards missing from a complete set, judged by the `shard-i-of-n` folders the files are in:
    /// `["3/4"]` when shards 1, 2 and 4 of 4 were given. Empty when no file is in a shard folder.
    public var missingShards: [Shard] {
        let shards = files.compactMap { Shard(directoryName: $0.deletingLastPathComponent().lastPathComponent) }
        let counts = Set(shards.map(\.count)).sorted()
        return counts.flatMap { count in
            (1...count).compactMap { index in
                shards.contains { $0.count == count && $0.index == index } ? nil : try? Shard(index: index, count: count)
            }
        }
    }
}

/// Results that cannot be merged: a line that is not a case, two targets, a case given twice.
public struct ResultsMergeError: Error, Sendable, Equatable, CustomStringConvertible {
    public var description: String
    public init(_ description: String) { self.description = description }
}
