import PromptCompat

/// Why a `QuirkProxy` answers a request itself instead of (or after) asking the upstream model.
public enum QuirkRefusal: String, Sendable, CaseIterable {
    /// No `Authorization` (or `api-key`) header.
    case missingKey = "missing-key"
    /// A key other than the one the proxy requires.
    case wrongKey = "wrong-key"
    /// More requests in flight than the proxy's maximum concurrency.
    case rateLimited = "rate-limited"
    /// `temperature` or `top_p` outside the profile's range.
    case outOfRange = "out-of-range"
    /// A parameter the profile lists as unsupported.
    case unsupportedParameter = "unsupported-parameter"
    /// The messages break the profile's order rules (system first, alternation, count, empty content).
    case messageRules = "message-rules"
    /// A sensitive word in an input message.
    case inputBlocked = "input-blocked"
    /// A sensitive word in the model's answer.
    case outputBlocked = "output-blocked"
    /// The body is not a Chat Completions request at all (not JSON, no messages).
    case badRequest = "bad-request"
}

/// One error answer: the HTTP status and the body, with `{placeholders}` the proxy fills in
/// (JSON-escaped): `param`, `value`, `range`, `comparison`, `detail`, `model`, `limit`, `keyHint`, `id`, `created`.
struct ErrorTemplate: Sendable {
    var status: Int
    var body: String
    var contentType = "application/json"

    init(_ status: Int, _ body: String, contentType: String = "application/json") {
        self.status = status
        self.body = body
        self.contentType = contentType
    }
}

/// How a provider withholds an answer its output filter caught.
enum OutputBlock: Sendable {
    /// The answer ends with this `finish_reason` and its content is withheld (a last chunk in a stream).
    case finishReason(String)
    /// An error body instead of the answer (in a stream: one `data:` event carrying it, then the end).
    case error(ErrorTemplate)
}

/// How one provider family says no: an answer for every ``QuirkRefusal`` but the output block, and the
/// output block itself (non-streaming and streaming may differ, as on Zhipu).
struct ErrorShape: Sendable {
    var refusals: [QuirkRefusal: ErrorTemplate]
    var outputBlock: OutputBlock
    var streamOutputBlock: OutputBlock
}

/// Where one provider differs from the rest of its `errorShape` family.
struct ProfileQuirk: Sendable {
    var refusals: [QuirkRefusal: ErrorTemplate] = [:]
    var outputBlock: OutputBlock?
}

extension QuirkProxy {
    /// The error shape a profile answers with: its `errorShape` family (unknown names fall back to
    /// `openai`), with the profile's own differences applied.
    static func errorShape(for profile: ProviderProfile) -> ErrorShape {
        var shape = errorShapes[profile.errorShape] ?? errorShapes["openai"]!
        if let quirk = profileQuirks[profile.id] {
            shape.refusals.merge(quirk.refusals) { $1 }
            if let block = quirk.outputBlock {
                shape.outputBlock = block
                shape.streamOutputBlock = block
            }
        }
        return shape
    }

    /// The bodies providers really send, by `errorShape` (see `shared/reference/providers.md`; sources in
    /// the comments). "[U]" marks a body not confirmed from the provider's documentation or a captured
    /// response. HTTP-200 errors (Qianfan v1, MiniMax) are kept as such.
    static let errorShapes: [String: ErrorShape] = [
        // OpenAI and the providers that copy its error body (Yi, Hunyuan, Baichuan, Moonshot, DeepSeek, llama.cpp).
        "openai": ErrorShape(
            refusals: [
                .missingKey: ErrorTemplate(401, #"{"error":{"message":"You didn't provide an API key. You need to provide your API key in an Authorization header using Bearer auth (i.e. Authorization: Bearer YOUR_KEY).","type":"invalid_request_error","param":null,"code":null}}"#),
                .wrongKey: ErrorTemplate(401, #"{"error":{"message":"Incorrect API key provided: {keyHint}. You can find your API key at https://platform.openai.com/account/api-keys.","type":"invalid_request_error","param":null,"code":"invalid_api_key"}}"#),
                .rateLimited: ErrorTemplate(429, #"{"error":{"message":"Rate limit reached for {model} in organization org-quirkproxy on requests per min (RPM): Limit {limit}, Used {limit}, Requested 1. Please try again in 1s.","type":"requests","param":null,"code":"rate_limit_exceeded"}}"#),
                .outOfRange: ErrorTemplate(400, #"{"error":{"message":"{value} is {comparison} - '{param}'","type":"invalid_request_error","param":null,"code":null}}"#),
                .unsupportedParameter: ErrorTemplate(400, #"{"error":{"message":"Unrecognized request argument supplied: {param}","type":"invalid_request_error","param":null,"code":null}}"#),
                .messageRules: ErrorTemplate(400, #"{"error":{"message":"Invalid 'messages': {detail}","type":"invalid_request_error","param":"messages","code":null}}"#),
                // Moonshot's content-filter rejection (its error-code table: 400 content_filter, "considered high risk").
                .inputBlocked: ErrorTemplate(400, #"{"error":{"message":"The request was rejected because it was considered high risk","type":"content_filter"}}"#),
                .badRequest: ErrorTemplate(400, #"{"error":{"message":"{detail}","type":"invalid_request_error","param":null,"code":null}}"#),
            ],
            outputBlock: .finishReason("content_filter"),
            streamOutputBlock: .finishReason("content_filter")
        ),
        // Azure OpenAI: its own auth and throttling bodies; content filter 400 with innererror.
        "azure": ErrorShape(
            refusals: [
                .missingKey: ErrorTemplate(401, #"{"error":{"code":"401","message":"Access denied due to missing subscription key. Make sure to include subscription key when making requests to an API."}}"#),
                .wrongKey: ErrorTemplate(401, #"{"error":{"code":"401","message":"Access denied due to invalid subscription key or wrong API endpoint. Make sure to provide a valid key for an active subscription and use a correct regional API endpoint for your resource."}}"#),
                .rateLimited: ErrorTemplate(429, #"{"error":{"code":"429","message":"Requests to the ChatCompletions_Create Operation under Azure OpenAI API version 2024-06-01 have exceeded call rate limit of your current OpenAI S0 pricing tier. Please retry after 1 second. Please go here: https://aka.ms/oai/quotaincrease if you would like to further increase the default rate limit."}}"#),
                .outOfRange: ErrorTemplate(400, #"{"error":{"message":"{value} is {comparison} - '{param}'","type":"invalid_request_error","param":null,"code":null}}"#),
                .unsupportedParameter: ErrorTemplate(400, #"{"error":{"message":"Unrecognized request argument supplied: {param}","type":"invalid_request_error","param":null,"code":null}}"#),
                .messageRules: ErrorTemplate(400, #"{"error":{"message":"Invalid 'messages': {detail}","type":"invalid_request_error","param":"messages","code":null}}"#),
                .inputBlocked: ErrorTemplate(400, #"{"error":{"message":"The response was filtered due to the prompt triggering Azure OpenAI's content management policy. Please modify your prompt and retry. To learn more about our content filtering policies please read our documentation: https://go.microsoft.com/fwlink/?linkid=2198766","type":null,"param":"prompt","code":"content_filter","status":400,"innererror":{"code":"ResponsibleAIPolicyViolation","content_filter_result":{"hate":{"filtered":true,"severity":"high"},"self_harm":{"filtered":false,"severity":"safe"},"sexual":{"filtered":false,"severity":"safe"},"violence":{"filtered":false,"severity":"safe"}}}}}"#),
                .badRequest: ErrorTemplate(400, #"{"error":{"code":"BadRequest","message":"{detail}"}}"#),
            ],
            outputBlock: .finishReason("content_filter"),
            streamOutputBlock: .finishReason("content_filter")
        ),
        // Zhipu GLM v4: {"error":{"code":"<string>","message":…}}; 1000-1002 auth, 1214 parameters, 1301 content
        // safety with contentFilter[].role (user = input, assistant = output), 1302 concurrency. Its content-safety
        // page: a non-streaming answer the filter catches is the 1301 error with role assistant; a stream ends
        // with finish_reason "sensitive".
        "zhipu": ErrorShape(
            refusals: [
                .missingKey: ErrorTemplate(401, #"{"error":{"code":"1001","message":"Header中未收到Authorization参数，无法进行身份验证。"}}"#),
                .wrongKey: ErrorTemplate(401, #"{"error":{"code":"1000","message":"身份验证失败。"}}"#),
                .rateLimited: ErrorTemplate(429, #"{"error":{"code":"1302","message":"您当前使用该API的并发数过高，请降低并发，或联系客服增加限额。"}}"#),
                .outOfRange: ErrorTemplate(400, #"{"error":{"code":"1214","message":"{param} 取值范围为 {range}，当前值 {value} 不合法。"}}"#),
                .unsupportedParameter: ErrorTemplate(400, #"{"error":{"code":"1214","message":"{param} 参数非法：该模型不支持此参数。"}}"#),
                .messageRules: ErrorTemplate(400, #"{"error":{"code":"1214","message":"messages 参数非法。请检查文档。({detail})"}}"#),
                .inputBlocked: ErrorTemplate(400, #"{"contentFilter":[{"level":1,"role":"user"}],"error":{"code":"1301","message":"系统检测到输入或生成内容可能包含不安全或敏感内容，请您避免输入易产生敏感内容的提示语，感谢您的配合。"}}"#),
                .badRequest: ErrorTemplate(400, #"{"error":{"code":"1210","message":"API 调用参数有误，请检查文档。({detail})"}}"#),
            ],
            outputBlock: .error(ErrorTemplate(400, #"{"contentFilter":[{"level":1,"role":"assistant"}],"error":{"code":"1301","message":"系统检测到输入或生成内容可能包含不安全或敏感内容，请您避免输入易产生敏感内容的提示语，感谢您的配合。"}}"#)),
            streamOutputBlock: .finishReason("sensitive")
        ),
        // Baidu Qianfan with v1 conventions (the catalog's notes): every error is HTTP 200 with error_code /
        // error_msg (bce-qianfan-sdk APIErrorCode: 18 QPS limit, 110 access token invalid, 336003 invalid
        // parameter); an input the safety check rejects is an answer with need_clear_history true and
        // ban_round -1 (ERNIE API docs) rather than an error code; a filtered output ends with
        // finish_reason "content_filter".
        "qianfan": ErrorShape(
            refusals: [
                .missingKey: ErrorTemplate(200, #"{"error_code":110,"error_msg":"Access token invalid or no longer valid"}"#),
                .wrongKey: ErrorTemplate(200, #"{"error_code":110,"error_msg":"Access token invalid or no longer valid"}"#),
                .rateLimited: ErrorTemplate(200, #"{"error_code":18,"error_msg":"Open api qps request limit reached"}"#),
                .outOfRange: ErrorTemplate(200, #"{"error_code":336003,"error_msg":"the range of {param} is {range}, got {value}","id":"as-{id}"}"#),
                .unsupportedParameter: ErrorTemplate(200, #"{"error_code":336003,"error_msg":"{param} is not supported","id":"as-{id}"}"#),
                .messageRules: ErrorTemplate(200, #"{"error_code":336003,"error_msg":"{detail}","id":"as-{id}"}"#),
                .inputBlocked: ErrorTemplate(200, #"{"id":"as-{id}","object":"chat.completion","created":{created},"result":"","is_truncated":false,"need_clear_history":true,"ban_round":-1,"usage":{"prompt_tokens":0,"completion_tokens":0,"total_tokens":0}}"#),
                .badRequest: ErrorTemplate(200, #"{"error_code":336002,"error_msg":"Invalid JSON","id":"as-{id}"}"#),
            ],
            outputBlock: .finishReason("content_filter"),
            streamOutputBlock: .finishReason("content_filter")
        ),
        // Alibaba DashScope compatible mode: OpenAI-like body plus request_id; data_inspection_failed for
        // content safety, on input ("Input data …") and on output ("Output data …"), streaming or not.
        "dashscope": ErrorShape(
            refusals: [
                .missingKey: ErrorTemplate(401, #"{"error":{"message":"You didn't provide an API key. You need to provide your API key in an Authorization header using Bearer auth (i.e. Authorization: Bearer YOUR_KEY). ","type":"invalid_request_error","param":null,"code":null},"request_id":"{id}"}"#),
                .wrongKey: ErrorTemplate(401, #"{"error":{"message":"Incorrect API key provided. ","type":"invalid_request_error","param":null,"code":"invalid_api_key"},"request_id":"{id}"}"#),
                .rateLimited: ErrorTemplate(429, #"{"error":{"message":"Requests rate limit exceeded, please try again later.","type":"limit_requests","param":null,"code":"limit_requests"},"request_id":"{id}"}"#),
                .outOfRange: ErrorTemplate(400, #"{"error":{"message":"<400> InternalError.Algo.InvalidParameter: Range of {param} should be {range}","type":"invalid_request_error","param":null,"code":"invalid_parameter_error"},"id":"chatcmpl-{id}","request_id":"{id}"}"#),
                // [U] DashScope documents no unsupported-parameter error for logit_bias.
                .unsupportedParameter: ErrorTemplate(400, #"{"error":{"message":"<400> InternalError.Algo.InvalidParameter: {param} is not supported","type":"invalid_request_error","param":null,"code":"invalid_parameter_error"},"id":"chatcmpl-{id}","request_id":"{id}"}"#),
                .messageRules: ErrorTemplate(400, #"{"error":{"message":"<400> InternalError.Algo.InvalidParameter: {detail}","type":"invalid_request_error","param":null,"code":"invalid_parameter_error"},"id":"chatcmpl-{id}","request_id":"{id}"}"#),
                .inputBlocked: ErrorTemplate(400, #"{"error":{"code":"data_inspection_failed","param":null,"message":"Input data may contain inappropriate content.","type":"data_inspection_failed"},"id":"chatcmpl-{id}","request_id":"{id}"}"#),
                .badRequest: ErrorTemplate(400, #"{"error":{"message":"<400> InternalError.Algo.InvalidParameter: {detail}","type":"invalid_request_error","param":null,"code":"invalid_parameter_error"},"request_id":"{id}"}"#),
            ],
            outputBlock: .error(dashScopeOutputInspection),
            streamOutputBlock: .error(dashScopeOutputInspection)
        ),
        // SiliconFlow: {code, message, data}; 401 is a bare text body; 429 "rate limiting … RPM limit reached".
        "siliconflow": ErrorShape(
            refusals: [
                .missingKey: ErrorTemplate(401, "Invalid token", contentType: "text/plain"),
                .wrongKey: ErrorTemplate(401, "Invalid token", contentType: "text/plain"),
                .rateLimited: ErrorTemplate(429, #"{"code":50603,"message":"Request was rejected due to rate limiting. Details: RPM limit reached.","data":null}"#),
                .outOfRange: ErrorTemplate(400, #"{"code":20015,"message":"Value error, {param} must be in {range}, got {value}","data":null}"#),
                .unsupportedParameter: ErrorTemplate(400, #"{"code":20015,"message":"{param} is not supported for this model","data":null}"#),
                .messageRules: ErrorTemplate(400, #"{"code":20015,"message":"{detail}","data":null}"#),
                // [U] SiliconFlow's content-safety rejection is not documented.
                .inputBlocked: ErrorTemplate(400, #"{"code":20015,"message":"The input contains sensitive content and was rejected.","data":null}"#),
                .badRequest: ErrorTemplate(400, #"{"code":20015,"message":"{detail}","data":null}"#),
            ],
            outputBlock: .finishReason("content_filter"),  // [U]
            streamOutputBlock: .finishReason("content_filter")
        ),
        // MiniMax chatcompletion_v2: every error is HTTP 200 with base_resp (1002 rate limit, 1004 auth,
        // 1026 input sensitive, 1027 output sensitive, 2013 invalid params), also as an SSE event in a stream.
        "minimax": ErrorShape(
            refusals: [
                .missingKey: ErrorTemplate(200, #"{"base_resp":{"status_code":1004,"status_msg":"login fail: Please carry the API secret key in the 'Authorization' field of the request header"}}"#),
                .wrongKey: ErrorTemplate(200, #"{"base_resp":{"status_code":1004,"status_msg":"login fail: Please carry the API secret key in the 'Authorization' field of the request header"}}"#),
                .rateLimited: ErrorTemplate(200, #"{"base_resp":{"status_code":1002,"status_msg":"rate limit exceeded(RPM)"}}"#),
                .outOfRange: ErrorTemplate(200, #"{"id":"{id}","choices":null,"created":{created},"model":"{model}","object":"chat.completion","base_resp":{"status_code":2013,"status_msg":"invalid params, {param} must be in {range}, got {value}"}}"#),
                .unsupportedParameter: ErrorTemplate(200, #"{"id":"{id}","choices":null,"created":{created},"model":"{model}","object":"chat.completion","base_resp":{"status_code":2013,"status_msg":"invalid params, {param} is not supported"}}"#),
                .messageRules: ErrorTemplate(200, #"{"id":"{id}","choices":null,"created":{created},"model":"{model}","object":"chat.completion","base_resp":{"status_code":2013,"status_msg":"invalid params, {detail}"}}"#),
                .inputBlocked: ErrorTemplate(200, #"{"id":"{id}","choices":null,"created":{created},"model":"{model}","object":"chat.completion","usage":{"total_tokens":0},"input_sensitive":true,"input_sensitive_type":1,"output_sensitive":false,"output_sensitive_type":0,"base_resp":{"status_code":1026,"status_msg":"input new_sensitive"}}"#),
                .badRequest: ErrorTemplate(200, #"{"base_resp":{"status_code":2013,"status_msg":"invalid params, {detail}"}}"#),
            ],
            outputBlock: .error(miniMaxOutputSensitive),
            streamOutputBlock: .error(miniMaxOutputSensitive)
        ),
    ]

    static let dashScopeOutputInspection = ErrorTemplate(400, #"{"error":{"code":"data_inspection_failed","param":null,"message":"Output data may contain inappropriate content.","type":"data_inspection_failed"},"id":"chatcmpl-{id}","request_id":"{id}"}"#)

    static let miniMaxOutputSensitive = ErrorTemplate(200, #"{"id":"{id}","choices":null,"created":{created},"model":"{model}","object":"chat.completion","usage":{"total_tokens":0},"input_sensitive":false,"input_sensitive_type":0,"output_sensitive":true,"output_sensitive_type":1,"base_resp":{"status_code":1027,"status_msg":"output new_sensitive"}}"#)

    /// Providers that share a family's body but block differently.
    static let profileQuirks: [String: ProfileQuirk] = [
        // OpenAI itself has no input filter on chat models but rejects flagged prompts to reasoning models.
        "openai": ProfileQuirk(refusals: [
            .inputBlocked: ErrorTemplate(400, #"{"error":{"message":"Invalid prompt: your prompt was flagged as potentially violating our usage policy. Please try again with a different prompt.","type":"invalid_request_error","param":null,"code":"invalid_prompt"}}"#),
        ]),
        // DeepSeek's input filter, as captured from api.deepseek.com (400, OpenAI body, no safety code).
        "deepseek": ProfileQuirk(refusals: [
            .inputBlocked: ErrorTemplate(400, #"{"error":{"message":"Content Exists Risk","type":"invalid_request_error","param":null,"code":"invalid_request_error"}}"#),
        ]),
        // Hunyuan ends a filtered answer with finish_reason "sensitive", possibly mid-stream.
        "hunyuan": ProfileQuirk(outputBlock: .finishReason("sensitive")),
    ]
}
