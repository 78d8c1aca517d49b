import Testing
@testable import PromptCompat

/// One target output compared with a case's accepted samples: the best score, the bar (lowered to the
/// baseline's own noise floor when its samples vary), the assertions, and a diff to the closest sample.
@Suite("Case comparison")
struct CaseComparisonTests {
    func compare(_ output: String, samples: [String], expect: Expectations = Expectations(), defaultSimilarity: Double = 0.5) -> CaseComparison {
        CaseComparison.compare(output: output, samples: samples, expect: expect, defaultSimilarity: defaultSimilarity,
                               referenceName: "snapshots/local-a", targetName: "qwen")
    }

    @Test("with one accepted sample the bar is the configured one and there is no noise floor")
    func oneSampleKeepsTheConfiguredBar() {
        let result = compare("a b c e", samples: ["a b c d"], expect: Expectations(similarity: 0.8))
        #expect(result.metric == "rouge-l")
        #expect(result.score == 0.75)
        #expect(result.noiseFloor == nil)
        #expect(result.configuredThreshold == 0.8)
        #expect(result.threshold == 0.8)
        #expect(!result.similarityPassed)
        #expect(!result.passed)
    }

    @Test("without expect.similarity the suite default is the bar")
    func suiteDefaultIsTheBar() {
        let result = compare("a b c e", samples: ["a b c d"], defaultSimilarity: 0.7)
        #expect(result.configuredThreshold == 0.7)
        #expect(result.threshold == 0.7)
        #expect(result.passed)
    }

    @Test("when the baseline's samples vary, the bar drops to their lowest mutual similarity less the margin")
    func varyingSamplesLowerTheBarToTheFloor() {
        // Pairwise: (1,2) = 0.5, (1,3) = 0.75, (2,3) = 0.75, so the floor is 0.5 and the bar 0.5 − 0.1.
        let samples = ["a b c d", "a b x y", "a b c y"]
        let result = compare("a b c z", samples: samples, expect: Expectations(similarity: 0.8))
        #expect(result.noiseFloor == 0.5)
        #expect(result.configuredThreshold == 0.8)
        #expect(result.threshold == 0.5 - CaseComparison.noiseMargin)
        #expect(result.score == 0.75, "the best score against any sample")
        #expect(result.passed, "0.75 would fail the configured 0.8, but the baseline itself varies more than that")
    }

    @Test("a deterministic baseline (identical samples, floor 1.0) is held to the configured bar")
    func identicalSamplesKeepTheBar() {
        let result = compare("a b c e", samples: ["a b c d", "a b c d"], expect: Expectations(similarity: 0.8))
        #expect(result.noiseFloor == 1.0)
        #expect(result.threshold == 0.8)
        #expect(!result.passed)
    }

    @Test("the floor never raises the bar above the configured one")
    func floorNeverRaisesTheBar() {
        let result = compare("x", samples: ["a b c d", "a b c e"], expect: Expectations(similarity: 0.3))
        #expect(result.noiseFloor == 0.75)
        #expect(result.threshold == 0.3)
    }

    @Test("the diff is from the closest accepted sample to the output, showing the texts as written")
    func diffAgainstClosestSample() {
        let result = compare("您好，订单已发货。\n谢谢！", samples: ["完全不同的回答", "您好，订单已发货。\n祝您愉快！"])
        #expect(result.diff == """
            --- snapshots/local-a
            +++ qwen
            @@ -1,2 +1,2 @@
             您好，订单已发货。
            -祝您愉快！
            +谢谢！
            """)
    }

    @Test("line-end style and surrounding blank lines alone make no diff")
    func lineEndsAloneMakeNoDiff() {
        let result = compare("第一行\r\n第二行\r\n", samples: ["\n第一行\n第二行"])
        #expect(result.diff == "")
        #expect(result.score == 1)
    }

    @Test("an output equal to a sample scores 1 and has an empty diff")
    func equalOutput() {
        let result = compare("订单已发货", samples: ["不同", "订单已发货"])
        #expect(result.score == 1)
        #expect(result.diff == "")
        #expect(result.passed)
    }

    @Test("a failed assertion fails the case even when the output is identical")
    func assertionsFailTheCase() {
        let result = compare("As an AI, 订单已发货", samples: ["As an AI, 订单已发货"], expect: Expectations(notContains: ["As an AI"]))
        #expect(result.similarityPassed)
        #expect(result.assertionFailures == [#"contains "As an AI", which it must not"#])
        #expect(!result.passed)
    }

    @Test("no accepted sample: score 0, the configured bar, a diff from nothing")
    func noSamples() {
        let result = compare("订单已发货", samples: [])
        #expect(result.score == 0)
        #expect(result.threshold == 0.5)
        #expect(!result.passed)
        #expect(result.diff == "--- snapshots/local-a\n+++ qwen\n@@ -0,0 +1,1 @@\n+订单已发货")
    }

    @Test("a JSON case is scored by structure, lists the differences and diffs pretty-printed JSON")
    func jsonCaseUsesStructureAndPrettyDiff() {
        let sample = #"{"id": 7, "items": ["茶", "杯"]}"#
        let output = "```json\n{\"id\": 8, \"items\": [\"茶\", \"杯\"]}\n```"

        let result = compare(output, samples: [sample], expect: Expectations(json: true))

        #expect(result.metric == "json-structure")
        #expect(abs(result.score - 2.0 / 3.0) < 1e-12, "3 leaves, 2 equal")
        #expect(result.jsonDifferences == ["$.id: 7 → 8"])
        #expect(result.assertionFailures.isEmpty)
        #expect(result.findings.map(\.reason) == ["JSON now wrapped in a ``` code fence", "JSON $.id: 7 → 8"], "the accepted answer was bare JSON")
        // Three lines of context after the change reach the second item; the closing lines are not shown.
        #expect(result.diff == """
            --- snapshots/local-a
            +++ qwen
            @@ -1,5 +1,5 @@
             {
            -  "id": 7,
            +  "id": 8,
               "items": [
                 "茶",
                 "杯"
            """)
    }

    @Test("a JSON case's noise floor is measured structurally too")
    func jsonNoiseFloor() {
        let samples = [#"{"a": 1, "b": 2}"#, #"{"a": 1, "b": 3}"#]
        let result = compare(#"{"a": 1, "b": 4}"#, samples: samples, expect: Expectations(similarity: 0.9, json: true))
        #expect(result.noiseFloor == 0.5)
        #expect(result.threshold == 0.5 - CaseComparison.noiseMargin)
        #expect(result.score == 0.5)
        #expect(result.passed)
    }

    @Test("a team's own scorer decides and is named in the result")
    func customScorer() {
        let exact = Scorer(name: "exact") { $0 == $1 ? 1 : 0 }
        let result = CaseComparison.compare(output: "b", samples: ["a", "b"], expect: Expectations(), defaultSimilarity: 0.5,
                                            referenceName: "ref", targetName: "tgt", scorer: exact)
        #expect(result.metric == "exact")
        #expect(result.score == 1)
        #expect(result.noiseFloor == 0)
        #expect(result.threshold == 0)
    }

    @Test("an observed call's finish reason, latency and cost reach the assertions; unknown ones are noted")
    func observedCall() {
        let observed = ObservedOutput(text: "订单已发货", finishReason: "length", latency: 3, cost: .unknown(reason: "no price for model m"))
        let result = CaseComparison.compare(
            observed: observed, samples: ["订单已发货"], expect: Expectations(finishReason: "stop", maxCostCNY: 0.01),
            defaultSimilarity: 0.5, referenceName: "ref", targetName: "tgt"
        )
        #expect(result.score == 1)
        #expect(result.assertionFailures == [#"ended with finish_reason "length", expected "stop""#])
        #expect(result.assertionNotes == ["maxCostCNY not checked: cost unknown: no price for model m"])
        #expect(!result.passed)
    }
}

/// `expect.metric` picks the deciding scorer by name.
@Suite("CaseComparison: expect.metric")
struct CaseComparisonMetricTests {
    @Test("expect.metric names the scorer that decides; without it, json-structure for JSON and rouge-l otherwise")
    func namedScorer() {
        #expect(Scorer.for(Expectations()).name == "rouge-l")
        #expect(Scorer.for(Expectations(json: true)).name == "json-structure")
        #expect(Scorer.for(Expectations(metric: "chrf")).name == "chrF")
        #expect(Scorer.for(Expectations(json: true, metric: "levenshtein")).name == "levenshtein")
    }

    @Test("markdown scores the prose without markup, and a lost table costs the shape share")
    func markdownScorer() {
        let table = "| 套餐 | 价格 |\n| --- | --- |\n| 月卡 | 10元 |"
        // The same cell words as prose: the prose part agrees fully, the shape does not.
        let prose = "套餐 价格 月卡 10元"
        let score = Scorer.markdown.score(table, prose)
        #expect(score >= 0.8 && score < 1, "prose 1.0 × 0.8 + shape < 1 × 0.2: \(score)")
        #expect(Scorer.markdown.score(table, table) == 1)
    }
}

/// A baseline whose samples share nothing stable is held to its assertions only.
@Suite("CaseComparison: a noise floor at zero")
struct CaseComparisonNoiseTests {
    @Test("samples that vary so much the bar reaches 0 switch the built-in checks off; a steady baseline keeps them")
    func checksNeedAStableBaseline() {
        // Three unrelated one-line samples (pairwise ROUGE-L 0): they all happen to be one line of Chinese.
        let noisy = ["清爽防晒，通勤必备", "你是小红书文案写手", "一支搞定全天防护"]
        let candidate = "Sunscreen for your daily commute.\nLight and fresh."
        let loose = CaseComparison.compare(output: candidate, samples: noisy, expect: Expectations(), defaultSimilarity: 0.25, referenceName: "a", targetName: "b")
        #expect(loose.threshold == 0)
        #expect(loose.findings.isEmpty)
        #expect(loose.passed)

        let steady = ["清爽防晒，通勤必备。", "清爽防晒，通勤必备。"]
        let strict = CaseComparison.compare(output: candidate, samples: steady, expect: Expectations(), defaultSimilarity: 0.25, referenceName: "a", targetName: "b")
        #expect(strict.findings.map(\.check).contains("language"))
        #expect(!strict.passed)
    }
}

/// Below the default bar, an answer that keeps most of what the accepted one says passes on content: a
/// longer, restructured rewording scores a low ROUGE-L by construction.
@Suite("CaseComparison: the same content in other words")
struct CaseComparisonSameContentTests {
    // From the labeled set (en-waterpark-group-rate-number-words-01): ROUGE-L 0.18, and the same facts.
    let accepted = "With 12 people you qualify for the group rate: 15% off the $54 day pass, so $45.90 per person — $550.80 for all 12."
    let reworded = """
    Good news — groups of ten or more get fifteen percent off every day pass. That takes the fifty-four-dollar pass down to \
    forty-five dollars and ninety cents per person, or five hundred fifty dollars and eighty cents for your twelve adults.
    """

    func compare(_ output: String, expect: Expectations = Expectations()) -> CaseComparison {
        CaseComparison.compare(output: output, samples: [accepted], expect: expect, defaultSimilarity: 0.25, referenceName: "a", targetName: "b")
    }

    @Test("a rewording in number words and other order, below the bar, keeps the accepted answer's content and passes")
    func rewordingPassesOnContent() {
        let result = compare(reworded)
        #expect(result.score < result.threshold)
        #expect(result.sameContent)
        #expect(result.similarityPassed)
    }

    @Test("an answer to another question shares little content and stays below the bar")
    func otherAnswerFails() {
        let result = compare("Lockers cost $5 a day at the main entrance; towels are sold at the shop next to the wave pool, and the café serves lunch from 11am.")
        #expect(result.score < result.threshold)
        #expect(!result.sameContent)
        #expect(!result.similarityPassed)
    }

    @Test("a bar the case sets itself holds as written")
    func explicitBarHolds() {
        let result = compare(reworded, expect: Expectations(similarity: 0.25))
        #expect(!result.sameContent)
        #expect(!result.similarityPassed)
    }

    @Test("a short accepted answer has too few words to share: the bar and the label check decide")
    func shortAnswersAreLeftToTheBar() {
        let result = CaseComparison.compare(output: "No, it was not", samples: ["Yes"], expect: Expectations(), defaultSimilarity: 0.25, referenceName: "a", targetName: "b")
        #expect(!result.sameContent)
        #expect(!result.similarityPassed)
    }
}
