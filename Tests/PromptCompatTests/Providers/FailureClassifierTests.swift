import Foundation
@testable import PromptCompat
import Testing

/// `FailureClassifier` over error bodies as the providers document them.
@Suite("FailureClassifier")
struct FailureClassifierTests {
    struct Row: Sendable, CustomTestStringConvertible {
        var name: String
        var status: Int
        var headers: [String: String] = [:]
        var body: String
        var cause: ProviderFailure.Cause
        var testDescription: String { name }
    }

    static let keyVariable = "PROVIDER_KEY"

    static let rows: [Row] = [
        // OpenAI
        Row(name: "OpenAI 401 invalid_api_key", status: 401,
            body: #"{"error":{"message":"Incorrect API key provided: sk-abc***xyz. You can find your API key at https://platform.openai.com/account/api-keys.","type":"invalid_request_error","param":null,"code":"invalid_api_key"}}"#,
            cause: .auth(variable: keyVariable)),
        Row(name: "OpenAI 429 rate_limit_exceeded with Retry-After", status: 429, headers: ["retry-after": "20"],
            body: #"{"error":{"message":"Rate limit reached for gpt-4o in organization org-abc on tokens per min (TPM): Limit 30000, Used 29000, Requested 2000. Please try again in 2s.","type":"tokens","param":null,"code":"rate_limit_exceeded"}}"#,
            cause: .rateLimited(retryAfter: 20)),
        Row(name: "OpenAI 429 insufficient_quota", status: 429,
            body: #"{"error":{"message":"You exceeded your current quota, please check your plan and billing details.","type":"insufficient_quota","param":null,"code":"insufficient_quota"}}"#,
            cause: .quotaExhausted),
        Row(name: "OpenAI 400 context_length_exceeded", status: 400,
            body: #"{"error":{"message":"This model's maximum context length is 128000 tokens. However, your messages resulted in 130412 tokens. Please reduce the length of the messages.","type":"invalid_request_error","param":"messages","code":"context_length_exceeded"}}"#,
            cause: .contextTooLong),
        Row(name: "OpenAI 500 server_error", status: 500,
            body: #"{"error":{"message":"The server had an error while processing your request. Sorry about that!","type":"server_error","param":null,"code":null}}"#,
            cause: .server),
        Row(name: "OpenAI 404 model_not_found", status: 404,
            body: #"{"error":{"message":"The model `gpt-9` does not exist or you do not have access to it.","type":"invalid_request_error","param":null,"code":"model_not_found"}}"#,
            cause: .invalidRequest),
        // Azure OpenAI: the prompt tripped the content filter (input side).
        Row(name: "Azure 400 content_filter, innererror ResponsibleAIPolicyViolation", status: 400,
            body: #"{"error":{"message":"The response was filtered due to the prompt triggering Azure OpenAI's content management policy. Please modify your prompt and retry.","type":null,"param":"prompt","code":"content_filter","status":400,"innererror":{"code":"ResponsibleAIPolicyViolation","content_filter_result":{"hate":{"filtered":false,"severity":"safe"},"self_harm":{"filtered":false,"severity":"safe"},"sexual":{"filtered":false,"severity":"safe"},"violence":{"filtered":true,"severity":"medium"}}}}}"#,
            cause: .safetyBlocked(side: .input)),
        Row(name: "Azure 429 with Retry-After", status: 429, headers: ["Retry-After": "6"],
            body: #"{"error":{"code":"429","message":"Requests to the ChatCompletions_Create Operation under Azure OpenAI API version 2024-02-01 have exceeded token rate limit of your current OpenAI S0 pricing tier. Please retry after 6 seconds."}}"#,
            cause: .rateLimited(retryAfter: 6)),
        // Alibaba DashScope / Bailian
        Row(name: "DashScope 400 DataInspectionFailed", status: 400,
            body: #"{"code":"DataInspectionFailed","message":"Input data may contain inappropriate content.","request_id":"b7c2f1a0-1111-2222-3333-444455556666"}"#,
            cause: .safetyBlocked(side: .input)),
        Row(name: "DashScope compatible-mode 400 data_inspection_failed", status: 400,
            body: #"{"error":{"code":"data_inspection_failed","param":null,"message":"Input data may contain inappropriate content.","type":"data_inspection_failed"},"id":"chatcmpl-1"}"#,
            cause: .safetyBlocked(side: .input)),
        Row(name: "DashScope 429 Throttling.RateQuota", status: 429,
            body: #"{"code":"Throttling.RateQuota","message":"Requests rate limit exceeded, please try again later.","request_id":"b7c2f1a0-1111-2222-3333-444455556666"}"#,
            cause: .rateLimited(retryAfter: nil)),
        Row(name: "DashScope 400 Arrearage", status: 400,
            body: #"{"code":"Arrearage","message":"Access denied, please make sure your account is in good standing.","request_id":"b7c2f1a0"}"#,
            cause: .quotaExhausted),
        Row(name: "DashScope 401 InvalidApiKey", status: 401,
            body: #"{"code":"InvalidApiKey","message":"Invalid API-key provided.","request_id":"b7c2f1a0"}"#,
            cause: .auth(variable: keyVariable)),
        // SiliconFlow: {code, message, data}
        Row(name: "SiliconFlow 429 RPM limit reached", status: 429,
            body: #"{"code":50603,"message":"Request was rejected due to rate limiting. Details: RPM limit reached.","data":null}"#,
            cause: .rateLimited(retryAfter: nil)),
        // As reported from SiliconFlow in chatboxai/chatbox#2060.
        Row(name: "SiliconFlow 400 prompt longer than max_seq_len", status: 400,
            body: #"{"code":20015,"message":"length of prompt_tokens (68957) must be less than max_seq_len (65536).","data":null}"#,
            cause: .contextTooLong),
        // MiniMax: errors in HTTP 200, with the input_sensitive/output_sensitive fields every answer carries.
        Row(name: "MiniMax 200 base_resp 1002 (rate limit)", status: 200,
            body: #"{"id":"04ecb5d9b1921ae0fb0e8da9017a5474","choices":null,"created":1755153113,"model":"MiniMax-M1","object":"chat.completion","usage":{"total_tokens":0},"input_sensitive":false,"output_sensitive":false,"input_sensitive_type":0,"output_sensitive_type":0,"output_sensitive_int":0,"base_resp":{"status_code":1002,"status_msg":"rate limit exceeded(RPM)"}}"#,
            cause: .rateLimited(retryAfter: nil)),
        // Zhipu GLM
        // 1301's message names both sides ("输入或生成内容"): without contentFilter the side is unknown.
        Row(name: "Zhipu 400 code 1301 (unsafe content), no contentFilter", status: 400,
            body: #"{"error":{"code":"1301","message":"系统检测到输入或生成内容可能包含不安全或敏感内容，请您避免输入易产生敏感内容的提示语，感谢您的配合。"}}"#,
            cause: .safetyBlocked(side: .unknown)),
        Row(name: "Zhipu 400 code 1301, contentFilter role user (the input)", status: 400,
            body: #"{"contentFilter":[{"level":1,"role":"user"}],"error":{"code":"1301","message":"系统检测到输入或生成内容可能包含不安全或敏感内容，请您避免输入易产生敏感内容的提示语，感谢您的配合。"}}"#,
            cause: .safetyBlocked(side: .input)),
        Row(name: "Zhipu 400 code 1301, contentFilter role assistant (the answer)", status: 400,
            body: #"{"contentFilter":[{"level":1,"role":"assistant"}],"error":{"code":"1301","message":"系统检测到输入或生成内容可能包含不安全或敏感内容，请您避免输入易产生敏感内容的提示语，感谢您的配合。"}}"#,
            cause: .safetyBlocked(side: .output)),
        Row(name: "Zhipu 429 code 1302 (concurrency)", status: 429,
            body: #"{"error":{"code":"1302","message":"您当前使用该API的并发数过高，请降低并发，或联系客服增加限额。"}}"#,
            cause: .rateLimited(retryAfter: nil)),
        // Baidu Qianfan v1: errors in HTTP 200
        Row(name: "Qianfan v1 200 error_code 18 (QPS limit)", status: 200,
            body: #"{"error_code":18,"error_msg":"Open api qps request limit reached"}"#,
            cause: .rateLimited(retryAfter: nil)),
        Row(name: "Qianfan v1 200 error_code 336501 (RPM limit)", status: 200,
            body: #"{"error_code":336501,"error_msg":"Rate limit reached for RPM"}"#,
            cause: .rateLimited(retryAfter: nil)),
        // DeepSeek
        Row(name: "DeepSeek 402 Insufficient Balance", status: 402,
            body: #"{"error":{"message":"Insufficient Balance","type":"unknown_error","param":null,"code":"invalid_request_error"}}"#,
            cause: .quotaExhausted),
        Row(name: "DeepSeek 503 server overloaded", status: 503,
            body: #"{"error":{"message":"Server overloaded, please try again later","type":"service_unavailable_error"}}"#,
            cause: .server),
        // Gateways
        Row(name: "504 gateway timeout HTML", status: 504,
            body: "<html><body><h1>504 Gateway Time-out</h1></body></html>", cause: .timeout),
    ]

    @Test(arguments: rows)
    func classifiesProviderErrorBodies(row: Row) {
        let failure = FailureClassifier.classify(status: row.status, headers: row.headers, body: Data(row.body.utf8), keyVariable: Self.keyVariable)
        #expect(failure.cause == row.cause)
        #expect(failure.status == row.status)
        #expect(failure.evidence == row.body)
        #expect(!failure.message.isEmpty)
    }

    @Test func unsupportedParameterIsUnsupported() {
        let body = #"{"error":{"message":"Unsupported parameter: 'max_tokens' is not supported with this model. Use 'max_completion_tokens' instead.","type":"invalid_request_error","param":"max_tokens","code":"unsupported_parameter"}}"#
        let failure = FailureClassifier.classify(status: 400, headers: [:], body: Data(body.utf8), keyVariable: nil)
        guard case .unsupported = failure.cause else {
            Issue.record("expected unsupported, got \(failure.cause)")
            return
        }
        #expect(failure.blocksMigration)
    }

    // MARK: - Messages

    @Test func messageIsTakenFromEachErrorShape() {
        let shapes: [(String, String)] = [
            (#"{"error":{"message":"from error.message"}}"#, "from error.message"),
            (#"{"error":"from error string"}"#, "from error string"),
            (#"{"code":"X","message":"from message"}"#, "from message"),
            (#"{"error_code":18,"error_msg":"from error_msg"}"#, "from error_msg"),
            (#"{"base_resp":{"status_code":1004,"status_msg":"from status_msg"}}"#, "from status_msg"),
        ]
        for (body, message) in shapes {
            let failure = FailureClassifier.classify(status: 400, headers: [:], body: Data(body.utf8), keyVariable: nil)
            #expect(failure.message.contains(message), "body: \(body)")
        }
    }

    @Test func authMessageNamesTheVariableAndRateLimitMessageTheDelay() {
        let auth = FailureClassifier.classify(status: 401, headers: [:], body: Data(#"{"error":{"message":"bad key"}}"#.utf8), keyVariable: "DASHSCOPE_API_KEY")
        #expect(auth.message.contains("DASHSCOPE_API_KEY"))
        #expect(auth.message.contains("bad key"))
        let limited = FailureClassifier.classify(status: 429, headers: ["Retry-After": " 12 "], body: Data(), keyVariable: nil)
        #expect(limited.cause == .rateLimited(retryAfter: 12))
        #expect(limited.message.contains("12"))
    }

    @Test func aRetryAfterDateIsNotReadAsSeconds() {
        let failure = FailureClassifier.classify(status: 429, headers: ["retry-after": "Wed, 21 Oct 2026 07:28:00 GMT"], body: Data(), keyVariable: nil)
        #expect(failure.cause == .rateLimited(retryAfter: nil))
        #expect(failure.message == "empty response body")
    }

    @Test func evidenceIsCappedAtTheLimit() {
        let body = String(repeating: "x", count: ProviderFailure.evidenceLimit * 2)
        let failure = FailureClassifier.classify(status: 500, headers: [:], body: Data(body.utf8), keyVariable: nil)
        #expect(failure.cause == .server)
        #expect(failure.evidence == String(repeating: "x", count: ProviderFailure.evidenceLimit) + "… \(ProviderFailure.evidenceLimit) bytes more")
    }

    // MARK: - Errors in HTTP 200

    @Test(arguments: [
        #"{"error":{"message":"quota","type":"insufficient_quota"}}"#,
        #"{"error_code":18,"error_msg":"Open api qps request limit reached"}"#,
        #"{"choices":null,"base_resp":{"status_code":1002,"status_msg":"rate limit exceeded(RPM)"}}"#,
        #"{"code":"InternalError","message":"An internal error has occured.","request_id":"r"}"#,
    ])
    func errorBodiesAreRecognised(body: String) throws {
        #expect(FailureClassifier.isErrorBody(try JSONValue(parsing: body)))
    }

    @Test(arguments: [
        #"{"id":"1","model":"m","choices":[{"index":0,"message":{"role":"assistant","content":"hi"},"finish_reason":"stop"}]}"#,
        #"{"id":"1","choices":[{"message":{"content":"hi"}}],"error":null}"#,
        #"{"id":"1","choices":[{"message":{"content":"hi"}}],"input_sensitive":false,"base_resp":{"status_code":0,"status_msg":"success"}}"#,
        #"{"id":"1","choices":[{"message":{"content":"hi"}}],"error_code":0}"#,
    ])
    func answersAreNotErrorBodies(body: String) throws {
        #expect(!FailureClassifier.isErrorBody(try JSONValue(parsing: body)))
    }

    // MARK: - Per family and per side

    @Test("a business code belongs to its family: Zhipu's 1301 is a safety block only for the zhipu error shape")
    func familyRulesApplyToTheirFamily() {
        let body = Data(#"{"error":{"code":"1301","message":"Request rejected."}}"#.utf8)
        #expect(FailureClassifier.classify(status: 400, headers: [:], body: body, keyVariable: nil, errorShape: "zhipu").cause == .safetyBlocked(side: .unknown))
        #expect(FailureClassifier.classify(status: 400, headers: [:], body: body, keyVariable: nil, errorShape: "openai").cause == .invalidRequest)
    }

    @Test("a safety block without a side field takes its side from the provider's words, and stays unknown when they name both")
    func safetySideFromTheMessage() {
        func side(_ message: String) -> ProviderFailure.Cause {
            let body = #"{"code":20015,"message":"\#(message)","data":null}"#
            return FailureClassifier.classify(status: 400, headers: [:], body: Data(body.utf8), keyVariable: nil, errorShape: "siliconflow").cause
        }
        #expect(side("The input contains sensitive content and was rejected.") == .safetyBlocked(side: .input))
        #expect(side("The generated output contains sensitive content.") == .safetyBlocked(side: .output))
        #expect(side("sensitive content detected") == .safetyBlocked(side: .unknown))
        #expect(SafetySideWords.side(of: "系统检测到输入或生成内容可能包含不安全或敏感内容") == .unknown)
        #expect(SafetySideWords.side(of: "输入内容包含敏感词") == .input)
    }
}
