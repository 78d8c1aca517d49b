import Foundation
@testable import PromptCompat

/// The valid inputs the fuzzer mutates, one list per parser: each reads cleanly before mutation (a test
/// checks that), so what the mutations break is the parser's to report.
enum FuzzCorpus {
    static let prompts: [String] = [
        RunFixture.promptFile,
        #"""
        {
          "description": "发票抽取 / invoice JSON", "tags": ["json", "zh"], "weight": 12, "samples": 2,
          "model": "gpt-4o", "temperature": 0.2, "max_tokens": 128, "top_p": 0.9, "seed": 7, "stop": ["\n\n"],
          "response_format": {"type": "json_object"},
          "tools": [{"type": "function", "function": {"name": "lookup", "parameters": {"type": "object", "properties": {"id": {"type": "string"}}}}}],
          "messages": [
            {"role": "system", "content": "只输出 JSON：{\"invoice_no\": …, \"total\": …}"},
            {"role": "user", "content": "发票：{{text}}，币种 {{currency}}"}
          ],
          "cases": [
            {"name": "usd", "vars": {"text": "INV-2024-0815 合计 $1,299.00", "currency": "USD"},
             "expect": {"json": true, "contains": ["INV-2024-0815"], "maxLength": 400, "schema": {"type": "object", "required": ["invoice_no"]}}},
            {"name": "cny", "vars": {"text": "发票号 20240709 金额 ¥299", "currency": "CNY"}, "expect": {"regex": "\\d+", "similarity": 0.4}}
          ],
          "expect": {"notContains": ["抱歉"], "language": "zh", "finishReason": "stop"},
          "overrides": {"other": {"note": "few-shot", "temperature": 0.01, "messages": [{"role": "user", "content": "{{text}} {{currency}}"}]}}
        }
        """#,
    ]

    static let configs: [String] = [
        """
        {
          "baseline": "stub", "samples": 2, "description": "fuzz seed",
          "defaults": { "similarity": 0.8, "timeoutSeconds": 10, "concurrency": 2, "maxResponseBytes": 65536,
                        "retries": { "maxAttempts": 3, "baseDelaySeconds": 0.5, "maxDelaySeconds": 30, "budget": 20 } },
          "providers": {
            "stub": { "baseURL": "http://127.0.0.1:9/v1", "model": "stub-model", "models": { "gpt-4o": "m2" } },
            "other": { "profile": "zhipu", "baseURL": "https://open.bigmodel.cn/api/paas/v4", "model": "glm-4-air", "apiKeyEnv": "ZHIPUAI_API_KEY",
                       "stream": true, "strict": false, "rateLimit": { "requestsPerMinute": 60, "tokensPerMinute": 100000 },
                       "profileOverrides": { "maxOutput": 2048, "unsupported": ["seed"] } }
          }
        }
        """,
    ]

    static var metadata: [String] {
        [
            Snapshot.Metadata(provider: "stub", model: "stub-model", parameters: JSONObject([("temperature", 0), ("max_tokens", 64)]),
                              recordedAt: "2024-07-09T08:00:00Z", usage: [Usage(promptTokens: 12, completionTokens: 7)],
                              latencySeconds: [0.412, 1.5], finishReasons: ["stop", nil]).json.serialized(pretty: true),
        ]
    }

    static let responses: [String] = [
        #"{"id":"chatcmpl-1","object":"chat.completion","model":"qwen-plus","choices":[{"index":0,"message":{"role":"assistant","content":"早上好","reasoning_content":"想一想"},"finish_reason":"stop"}],"usage":{"prompt_tokens":21,"completion_tokens":3,"total_tokens":24}}"#,
        #"{"choices":[{"index":0,"message":{"role":"assistant","content":null,"tool_calls":[{"id":"c1","type":"function","function":{"name":"get_weather","arguments":"{\"city\":\"北京\"}"}}]},"finish_reason":"tool_calls"}]}"#,
        #"{"error":{"message":"Input data may contain inappropriate content.","type":"data_inspection_failed","code":"DataInspectionFailed"}}"#,
        #"{"base_resp":{"status_code":1027,"status_msg":"output new_sensitive"},"input_sensitive":false,"output_sensitive":true}"#,
        #"{"error_code":336501,"error_msg":"Rate limit reached"}"#,
    ]

    static let streams: [String] = [
        ": keep-alive\n\n"
            + #"data: {"choices":[{"index":0,"delta":{"role":"assistant","content":""},"finish_reason":null}]}"# + "\r\n\r\n"
            + #"data: {"choices":[{"index":0,"delta":{"content":"北京是"},"finish_reason":null}]}"# + "\n\n"
            + #"data: {"choices":[{"index":0,"delta":{"reasoning_content":"想","tool_calls":[{"index":0,"function":{"name":"f","arguments":"{\"a\""}}]},"finish_reason":null}]}"# + "\n\n"
            + #"data: {"choices":[{"index":0,"delta":{},"finish_reason":"stop"}],"usage":{"prompt_tokens":3,"completion_tokens":2}}"# + "\n\n"
            + "data: [DONE]\n\n",
        #"data: {"error":{"message":"sensitive content","code":"1301"}}"# + "\n\n",
    ]

    static var gatewayLogs: [String] {
        [
            [
                ImportFixtures.line(ImportFixtures.orderRequest("SF1234567890", "2024-07-01"), ImportFixtures.response("您的订单 SF1234567890 已发货。")),
                ImportFixtures.line(ImportFixtures.orderRequest("SF2234567891", "2024-07-02"), ImportFixtures.response("您的订单 SF2234567891 在路上。")),
                #"{"request_body":"{\"model\":\"gpt-4o\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}","response_body":{"error":{"message":"bad"}}}"#,
            ].joined(separator: "\n"),
        ]
    }

    static var resultLines: [String] {
        var result = CaseResult(promptID: "support/order-status", caseName: "late", target: "stub", verdict: .error, reasons: ["server-error: boom (HTTP 500)"])
        result.request = ChatRequest(model: "m", messages: [ChatMessage(role: .user, content: "订单 20240709 到哪了？")], parameters: JSONObject([("temperature", 0)]))
        result.failure = ProviderFailure(.server, "boom", status: 500, evidence: "<html>boom</html>")
        var passed = CaseResult(promptID: "support/order-status", caseName: "lost", target: "stub", verdict: .pass, reasons: [])
        passed.output = "已发货"
        passed.completion = Completion(text: "已发货", finishReason: "stop", usage: Usage(promptTokens: 1, completionTokens: 2), latency: 0.25)
        return [result.json.serialized(), passed.json.serialized()]
    }
}
