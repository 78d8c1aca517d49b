import Foundation

/// The verdict on one case of one prompt against one target.
public enum CaseVerdict: String, Sendable, Codable, CaseIterable {
    /// Within the bar, every assertion holds.
    case pass
    /// Assertions hold, but the output moved further from the accepted one than the bar allows.
    case drift
    /// An assertion of `expect` failed.
    case failed
    /// The provider refused: safety block, unsupported parameter, context too long, rejected request.
    case blocked
    /// The run could not judge: network, timeout, server error, rate limit, malformed response.
    case error
    /// No accepted snapshot exists and the record mode does not write one.
    case missingSnapshot = "missing-snapshot"
    /// A snapshot was written; the case is judged on the next run. Never a pass.
    case recorded

    public var isPass: Bool { self == .pass }
}

/// Everything a run learned about one case: the verdict, the evidence that decided it, the output.
public struct CaseResult: Sendable {
    public var promptID: String
    public var caseName: String
    public var target: String
    public var verdict: CaseVerdict
    /// One line a person reads first: why this verdict.
    public var reasons: [String]
    /// The request as sent (after the override and model mapping).
    public var request: ChatRequest?
    /// The target's output (the first sample when several were recorded).
    public var output: String?
    public var completion: Completion?
    public var comparison: CaseComparison?
    public var failure: ProviderFailure?
    /// Whose snapshot was the reference (`local-smollm`), when one existed.
    public var referenceProvider: String?
    /// The latency recorded with the reference snapshot, for the latency comparison.
    public var referenceLatency: Double?
    /// The accepted sample the output was compared with (the closest of the reference snapshot's samples).
    public var referenceOutput: String?
    /// The snapshot folder written by this run, if any.
    public var recordedPath: String?
    /// Every change made to the request so the target accepts it (``RequestAdapter``), and every rule
    /// it breaks that could not be fixed ("not adapted: …").
    public var adaptations: [String] = []
    /// The override's note, when the target's re-tuned variant was used.
    public var overrideNote: String?
    /// The model-graded checks the case asked for (`expect.judge`, `expect.semantic`), passed or not.
    public var grades: [ModelGrade] = []
    /// Requests the runner made for the case (an answer from the cache counts, a retry does not); `0`
    /// when it never got that far (no snapshot to compare with, a request the target cannot take), `nil`
    /// when unknown (a results line from before it was kept). results.jsonl's `requests`.
    public var requests: Int?
    /// No accepted answer existed: the verdict is the case's `expect` assertions alone.
    public var assertionsOnly = false
    /// The case did not run: the run was interrupted first. It counts in no figure of the report.
    public var notRun = false
    /// Whether a request was made for the case: what the report's counts of adaptations and answers count.
    public var wasSent: Bool { requests.map { $0 > 0 } ?? (completion != nil || failure?.status != nil) }

    /// What each retry of the case's calls came after, in order (`["503", "network"]`): the case took
    /// that many calls more than it needed. results.jsonl's and report.json's `retriedAfter`.
    public var retriedAfter: [String] = []

    public init(promptID: String, caseName: String, target: String, verdict: CaseVerdict, reasons: [String]) {
        self.promptID = promptID
        self.caseName = caseName
        self.target = target
        self.verdict = verdict
        self.reasons = reasons
    }

    /// The provider cut the answer for length (`finish_reason` `length`, `max_tokens`, `model_length`),
    /// whatever the verdict: report.json's `truncated`.
    public var truncated: Bool {
        completion?.finishReason.map(ProviderFailure.truncationFinishReasons.contains) ?? false
    }

    /// `support/refund-reply · late-delivery`
    public var displayName: String { "\(promptID) · \(caseName)" }
}
