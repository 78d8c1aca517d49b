import Foundation

extension SuiteRunner {
    /// Runs the case's model-graded checks (``Expectations/judge`` and ``Expectations/semantic``) on the
    /// output, against the closest accepted sample, and folds them into the verdict: a judge below its
    /// bar fails the case, a semantic similarity below its bar makes a passing case drift. A grader that
    /// cannot answer makes the case `error`: nothing was judged.
    func grade(_ prompt: Prompt, _ promptCase: PromptCase, samples: [String], into result: inout CaseResult) async {
        let expect = promptCase.expect
        guard expect.needsGrading, let grading, let output = result.output else { return }
        let reference = result.referenceOutput ?? samples.first ?? ""
        do {
            if let judge = expect.judge {
                let verdict = try await grading.judge(
                    task: Self.task(of: prompt, request: result.request), reference: reference, candidate: output, rubric: judge.rubric
                )
                result.grades.append(ModelGrade(check: .judge, score: verdict.score, bar: judge.minScore, reason: verdict.reason))
            }
            if let bar = expect.semantic {
                let score = try await grading.semanticSimilarity(reference, output)
                result.grades.append(ModelGrade(check: .semantic, score: score, bar: bar))
            }
        } catch {
            result.verdict = .error
            result.failure = error
            result.reasons.insert("grading could not run: \(error.description)", at: 0)
            return
        }
        let failed = result.grades.filter { !$0.passed }
        result.reasons += failed.map(\.description)
        if failed.contains(where: { $0.check == .judge }) {
            result.verdict = .failed
        } else if !failed.isEmpty, result.verdict == .pass {
            result.verdict = .drift
        }
    }

    /// What the judge is told the prompt is for: its description and the user's last message as sent.
    static func task(of prompt: Prompt, request: ChatRequest?) -> String {
        let lastUser = request?.messages.last { $0.role == .user }?.content
        return [prompt.description, lastUser].compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: "\n")
    }
}
