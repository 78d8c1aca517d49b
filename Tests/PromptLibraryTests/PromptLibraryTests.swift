// The repository's own example library, tested exactly as a team tests theirs.
// Target: $PROMPTCOMPAT_TARGET (default: the baseline, as a regression gate). See README.md.
import Testing
import PromptCompatTesting

let library = PromptLibrarySuite("prompts")

@Test(arguments: library.cases)
func prompt(_ promptCase: PromptCaseArgument) async {
    await library.check(promptCase)
}
