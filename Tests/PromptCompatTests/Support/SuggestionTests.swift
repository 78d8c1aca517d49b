import Testing
import PromptCompat

@Suite("Suggestion: the \"did you mean\" of an error message")
struct SuggestionTests {
    @Test("a typo, a swap, other letter case or a unique start is close enough to suggest")
    func closeNames() {
        let runOptions = ["prompts", "snapshots", "reports", "target", "record", "filter", "shard", "cache", "quiet", "resume", "no-cache", "offline", "refresh"]
        #expect(Suggestion.closest(to: "targt", among: runOptions) == "target")
        #expect(Suggestion.closest(to: "TARGET", among: runOptions) == "target")
        #expect(Suggestion.closest(to: "promts", among: runOptions) == "prompts")
        #expect(Suggestion.closest(to: "no-cach", among: runOptions) == "no-cache")
        #expect(Suggestion.closest(to: "off", among: runOptions) == "offline", "the start of one name only")
        let commands = ["run", "retune", "lint", "snapshots", "providers", "proxy", "import", "report", "help", "version"]
        #expect(Suggestion.closest(to: "rnu", among: commands) == "run", "two neighbours swapped are one edit")
        #expect(Suggestion.closest(to: "Lint", among: commands) == "lint")
        #expect(Suggestion.closest(to: "qwne", among: ["stub", "qwen", "glm"]) == "qwen")
        #expect(Suggestion.closest(to: "订单状态", among: ["订单状况", "退款"]) == "订单状况")
    }

    @Test("nothing is suggested when no name is close, or when several start with what was typed")
    func farNames() {
        let commands = ["run", "retune", "lint", "snapshots", "providers", "proxy", "import", "report", "help", "version"]
        #expect(Suggestion.closest(to: "deploy", among: commands) == nil)
        #expect(Suggestion.closest(to: "xyz", among: commands) == nil)
        #expect(Suggestion.closest(to: "pro", among: commands) == nil, "providers and proxy both start with it")
        #expect(Suggestion.closest(to: "", among: commands) == nil)
        #expect(Suggestion.closest(to: "run", among: []) == nil)
        #expect(Suggestion.closest(to: "gpt4", among: ["stub", "qwen"]) == nil)
    }

    @Test("of several close names the fewest edits wins, then the first given")
    func bestOfSeveral() {
        #expect(Suggestion.closest(to: "reports", among: ["report", "reports"]) == "reports")
        #expect(Suggestion.closest(to: "cat", among: ["bat", "hat"]) == "bat")
        #expect(Suggestion.closest(to: "imported/order-anwser", among: ["imported/refund", "imported/order-answer"]) == "imported/order-answer")
    }

    @Test("didYouMean is a clause to append, or nothing")
    func clause() {
        #expect(Suggestion.didYouMean("qwne", among: ["stub", "qwen"]) == "; did you mean \"qwen\"?")
        #expect(Suggestion.didYouMean("deepseek", among: ["stub", "qwen"]) == "")
    }

    @Test("the distance counts insertions, removals, replacements and neighbour swaps as one edit each")
    func distance() {
        #expect(Suggestion.distance("kitten", "sitting") == 3)
        #expect(Suggestion.distance("qwne", "qwen") == 1)
        #expect(Suggestion.distance("订单发货", "订单已发货") == 1)
        #expect(Suggestion.distance("", "abc") == 3)
        #expect(Suggestion.distance("same", "same") == 0)
        #expect(Suggestion.distance("Run", "run") == 1, "as written: case counts")
    }
}
