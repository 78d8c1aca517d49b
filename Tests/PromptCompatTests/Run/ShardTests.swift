import Foundation
import Testing
@testable import PromptCompat

@Suite("Shard: a stable slice of the cases for a CI matrix")
struct ShardTests {
    /// 300 case names: ASCII, Chinese and numbered, like a real library's.
    let names: [(prompt: String, caseName: String)] = (0..<300).map { i in
        (["support/refund-reply", "classify/意图", "extraction/invoice-json"][i % 3], "case-\(i)-\(["late", "退款", "usd"][i % 3])")
    }

    @Test("a case's shard is the same on every machine and run: pinned values")
    func pinned() {
        // Computed independently in Python: h = int.from_bytes(sha256("prompt · case".encode()).digest()[:8], "big"),
        // slot = h × n >> 64. "support/order-status · late" → h 0x01e91c16f44ef271; "· lost" → 0x817b016bc061c494.
        #expect(Shard.hash(promptID: "support/order-status", caseName: "late") == 0x01e9_1c16_f44e_f271)
        #expect([2, 3, 4].map { Shard.slot(promptID: "support/order-status", caseName: "late", count: $0) } == [0, 0, 0])
        #expect([2, 3, 4].map { Shard.slot(promptID: "support/order-status", caseName: "lost", count: $0) } == [1, 1, 2])
    }

    @Test("cases whose names differ only in the last character still spread over the shards")
    func similarNames() throws {
        let sizes = try (1...4).map { index in
            let shard = try Shard(index: index, count: 4)
            return (1...40).filter { shard.contains(promptID: "a/one", caseName: "c\($0)") }.count
        }
        #expect(sizes.allSatisfy { $0 >= 4 }, "sizes \(sizes)")
    }

    @Test("for any shard count, every case lands in exactly one shard")
    func partition() throws {
        for count in 1...7 {
            let shards = try (1...count).map { try Shard(index: $0, count: count) }
            for (prompt, caseName) in names {
                let owners = shards.filter { $0.contains(promptID: prompt, caseName: caseName) }
                #expect(owners.count == 1, "\(prompt) · \(caseName) is in \(owners.count) of \(count) shards")
            }
        }
    }

    @Test("the shards are roughly even: 300 cases in 4 shards, none under half or over twice its share")
    func balance() throws {
        let sizes = try (1...4).map { index in
            let shard = try Shard(index: index, count: 4)
            return names.filter { shard.contains(promptID: $0.prompt, caseName: $0.caseName) }.count
        }
        #expect(sizes.reduce(0, +) == 300)
        #expect(sizes.allSatisfy { (38...150).contains($0) }, "sizes \(sizes)")
    }

    @Test("the whole selection is one shard of one and contains every case")
    func whole() {
        #expect(Shard.whole.index == 1 && Shard.whole.count == 1)
        #expect(names.allSatisfy { Shard.whole.contains(promptID: $0.prompt, caseName: $0.caseName) })
    }

    @Test("i/n parses; anything else is an error that says what is expected")
    func parsing() throws {
        #expect(try Shard(parsing: "2/4") == Shard(index: 2, count: 4))
        #expect(throws: ShardError("5/4: the shard number must be between 1 and 4 (shards are numbered from 1)")) { try Shard(parsing: "5/4") }
        #expect(throws: ShardError("0/4: the shard number must be between 1 and 4 (shards are numbered from 1)")) { try Shard(parsing: "0/4") }
        #expect(throws: ShardError("1/0: the number of shards must be at least 1")) { try Shard(parsing: "1/0") }
        for text in ["x", "2", "2/", "/4", "2/4/1", "a/b", "2 /4"] {
            #expect(throws: ShardError("\"\(text)\" is not a shard: expected i/n, like 2/4 (the second of four shards)")) { try Shard(parsing: text) }
        }
    }

    @Test("the report folder name reads back; other names are not shards")
    func directoryName() throws {
        let shard = try Shard(index: 3, count: 8)
        #expect(shard.directoryName == "shard-3-of-8")
        #expect(Shard(directoryName: "shard-3-of-8") == shard)
        #expect(Shard(directoryName: "shard-9-of-8") == nil)
        #expect(Shard(directoryName: "merged") == nil)
    }

    @Test("the runner's selected cases of shards 1/2 and 2/2 are disjoint and together all of them")
    func runnerSelection() throws {
        let fixture = try RunFixture()
        let runner = try fixture.runner()
        func names(_ shard: Shard) -> [String] { runner.selectedCases(shard: shard).map { "\($0.prompt.id)/\($0.promptCase.name)" } }
        let first = names(try Shard(index: 1, count: 2))
        let second = names(try Shard(index: 2, count: 2))
        #expect(Set(first).isDisjoint(with: second))
        #expect(Set(first + second) == Set(names(.whole)))
        #expect(names(.whole).count == 2)
    }
}
