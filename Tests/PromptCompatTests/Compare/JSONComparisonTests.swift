import Testing
@testable import PromptCompat

/// JSON outputs compared by structure: where the JSON sat in the reply, every difference with its path,
/// and a structural similarity.
@Suite("JSON comparison")
struct JSONComparisonTests {
    // MARK: - Extraction

    @Test("a reply that is only JSON (object or array, whitespace around) is bare")
    func extractBare() throws {
        let object = try #require(JSONComparison.extract(from: "\n  {\"id\": 7, \"name\": \"张三\"}\n"))
        #expect(object.value == ["id": 7, "name": "张三"])
        #expect(object.wrapping == .bare)
        #expect(JSONComparison.extract(from: "[1, 2]")?.wrapping == .bare)
    }

    @Test("JSON in a ``` code fence, with or without a language and prose around it, is fenced")
    func extractFenced() throws {
        let reply = "Here is the order:\n```json\n{\"id\": 7}\n```\nAnything else?"
        let fenced = try #require(JSONComparison.extract(from: reply))
        #expect(fenced.value == ["id": 7])
        #expect(fenced.wrapping == .fenced)
        #expect(JSONComparison.extract(from: "```\n[1, 2]\n```")?.wrapping == .fenced)
        #expect(JSONComparison.extract(from: "```\n[1, 2]\n```")?.value == [1, 2])
    }

    @Test("JSON inside a sentence is found and marked as prose")
    func extractProse() throws {
        let prose = try #require(JSONComparison.extract(from: "好的，结果是 {\"city\": \"上海\", \"zip\": \"200000\"}。"))
        #expect(prose.value == ["city": "上海", "zip": "200000"])
        #expect(prose.wrapping == .prose)
        #expect(JSONComparison.extract(from: "The items are [1, 2, 3].")?.value == [1, 2, 3])
    }

    @Test("an array of objects inside prose is extracted whole, not as its first object")
    func extractArrayOfObjectsInProse() {
        let extracted = JSONComparison.extract(from: "Items: [{\"sku\": \"A1\"}] as requested.")
        #expect(extracted?.value == [["sku": "A1"]])
        #expect(extracted?.wrapping == .prose)
    }

    @Test("a reply without a JSON object or array has no JSON", arguments: [
        "订单已发货。", "42", "\"just a string\"", "{ not json }", "",
    ])
    func extractNothing(reply: String) {
        #expect(JSONComparison.extract(from: reply) == nil)
    }

    // MARK: - Differences

    @Test("every difference is named by its path: changed values, changed types, missing and extra members")
    func differencesWithPaths() throws {
        let reference = try JSONValue(parsing: #"""
            {"order_id": "20240709", "items": [{"name": "茶", "price": 10}, {"name": "杯", "price": 25}, {"name": "壶", "price": 99}], "note": "x"}
            """#)
        let candidate = try JSONValue(parsing: #"""
            {"order_id": 20240709, "items": [{"name": "茶", "price": 10}, {"name": "杯", "price": 25}, {"name": "壶", "price": 99.5}], "extra": true}
            """#)

        let differences = JSONComparison.differences(reference, candidate)

        #expect(differences.map(\.path) == ["$.order_id", "$.items[2].price", "$.note", "$.extra"])
        #expect(differences.map(\.description) == [
            "$.order_id: was a string, now a number",
            "$.items[2].price: 99 → 99.5",
            "$.note: missing",
            "$.extra: extra key",
        ])
    }

    @Test("array elements missing or extra are named by index; odd keys are quoted")
    func arrayLengthsAndOddKeys() {
        #expect(JSONComparison.differences([1, 2], [1]).map(\.description) == ["$[1]: missing"])
        #expect(JSONComparison.differences([1], [1, 2]).map(\.description) == ["$[1]: extra element"])
        #expect(JSONComparison.differences(["unit price": 1], ["unit price": 2]).map(\.description) == [#"$["unit price"]: 1 → 2"#])
        #expect(JSONComparison.differences(["a": ["b": nil]], ["a": ["b": false]]).map(\.description) == ["$.a.b: was null, now a boolean"])
    }

    @Test("equal values have no differences, whatever the member order")
    func noDifferences() throws {
        let a = try JSONValue(parsing: #"{"a": 1, "b": [true, null, "x"]}"#)
        let b = try JSONValue(parsing: #"{"b": [true, null, "x"], "a": 1.0}"#)
        #expect(JSONComparison.differences(a, b).isEmpty)
    }

    // MARK: - Similarity

    @Test("similarity is the mean over the union of leaf paths", arguments: [
        (#"{"a": 1, "b": 2}"#, #"{"a": 1, "b": 2}"#, 1.0),
        (#"{"a": 1, "b": 2}"#, #"{"a": 1, "b": 3}"#, 0.5),
        (#"{"a": 1}"#, #"{"b": 1}"#, 0.0),
        (#"{"a": 1, "b": 2}"#, #"{"a": 1}"#, 0.5),
        (#"{"a": "1"}"#, #"{"a": 1}"#, 0.0),
        (#"{"t": "a b c d"}"#, #"{"t": "a b c e"}"#, 0.75),
        (#"{"items": [1, 2, 3, 4]}"#, #"{"items": [1, 2, 3]}"#, 0.75),
        (#"{}"#, #"{}"#, 1.0),
        (#"{}"#, #"{"a": 1}"#, 0.0),
    ])
    func similarity(reference: String, candidate: String, expected: Double) throws {
        let score = JSONComparison.similarity(try JSONValue(parsing: reference), try JSONValue(parsing: candidate))
        #expect(abs(score - expected) < 1e-12)
    }

    @Test("the json-structure scorer extracts JSON from both replies; no JSON scores 0")
    func jsonStructureScorer() {
        #expect(Scorer.jsonStructure.name == "json-structure")
        #expect(Scorer.jsonStructure.score(#"{"a": 1, "b": 2}"#, "```json\n{\"a\": 1, \"b\": 3}\n```") == 0.5)
        #expect(Scorer.jsonStructure.score(#"{"a": 1}"#, "I cannot answer that.") == 0)
        #expect(Scorer.jsonStructure.score("no json", #"{"a": 1}"#) == 0)
    }
}

/// JSON arrays used as sets.
@Suite("JSON arrays as sets")
struct JSONSetTests {
    @Test("a permutation is aligned to the reference's order; other arrays keep theirs")
    func aligning() throws {
        let reference = try JSONValue(parsing: #"{"cities": ["北京", "上海", "广州"], "n": 3}"#)
        let reordered = try JSONValue(parsing: #"{"cities": ["广州", "北京", "上海"], "n": 3}"#)
        #expect(JSONComparison.aligningSets(reference, reordered) == reference)
        let changed = try JSONValue(parsing: #"{"cities": ["广州", "北京", "深圳"], "n": 3}"#)
        #expect(JSONComparison.aligningSets(reference, changed) == changed)
    }

    @Test("the json check passes a reordered set, and flags a reordered ranking when the prompt fixes the order")
    func check() {
        let accepted = #"{"tags": ["轻薄", "续航长", "性价比高"]}"#, reordered = #"{"tags": ["性价比高", "轻薄", "续航长"]}"#
        #expect(SubstituteCheck.json.reasons([accepted], reordered, expect: Expectations(json: true), instructions: "提取商品卖点标签，输出JSON") == [])
        #expect(SubstituteCheck.json.reasons([accepted], reordered, expect: Expectations(json: true), instructions: "按重要性从高到低排序输出卖点标签").isEmpty == false)
    }
}
