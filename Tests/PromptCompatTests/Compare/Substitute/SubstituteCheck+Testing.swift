@testable import PromptCompat

extension SubstituteCheck {
    /// The reasons this one check gives for `candidate` against the accepted `samples` (at least one).
    func reasons(_ samples: [String], _ candidate: String, expect: Expectations = Expectations(), instructions: String = "") -> [String] {
        run(Input(samples: samples, candidate: candidate, expect: expect, instructions: instructions))
    }
}
