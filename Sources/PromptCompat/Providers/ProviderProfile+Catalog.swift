extension ProviderProfile {
    /// The built-in provider catalog as data, one entry a provider (see `shared/reference/providers.md`).
    ///
    /// Ranges are intervals (`(0,1]` excludes 0); `price` is `[input, output]` in CNY per 1M tokens, as
    /// announced around July 2024 (USD at 7.2) — prices change often: override them in the suite config.
    /// "[U]" in a note marks a fact not confirmed from the provider's own documentation.
    public static let catalogJSON = #"""
    {
      "openai-compatible": {
        "name": "Any OpenAI-compatible server",
        "notes": ["No rules: requests are sent as written."]
      },
      "llama-cpp": {
        "name": "llama.cpp server (local)",
        "baseURL": "http://127.0.0.1:8080/v1",
        "temperature": "[0,2]", "topP": "[0,1]",
        "models": {
          "smollm2-135m-instruct": { "context": 2048, "price": [0, 0] },
          "gemma3-270m": { "context": 2048, "price": [0, 0] }
        },
        "notes": ["Local: no key, no price. The context is the server's --n_ctx."]
      },
      "openai": {
        "name": "OpenAI",
        "baseURL": "https://api.openai.com/v1", "keyVariable": "OPENAI_API_KEY", "defaultModel": "gpt-4o",
        "temperature": "[0,2]", "topP": "[0,1]",
        "models": {
          "gpt-4o": { "context": 128000, "maxOutput": 4096, "price": [36, 108] },
          "gpt-4o-mini": { "context": 128000, "maxOutput": 16384, "price": [1.08, 4.32] },
          "gpt-4": { "context": 8192, "maxOutput": 8192, "price": [216, 432] }
        },
        "errorShape": "openai", "pricesTaken": "2024-07",
        "notes": ["Unreachable from mainland China and Hong Kong since 2024-07-09."]
      },
      "azure-openai": {
        "name": "Azure OpenAI",
        "baseURL": "https://{resource}.openai.azure.com/openai/deployments/{deployment}?api-version=2024-06-01",
        "auth": "api-key", "keyVariable": "AZURE_OPENAI_API_KEY",
        "temperature": "[0,2]", "topP": "[0,1]",
        "models": { "gpt-4o": { "context": 128000, "maxOutput": 4096, "price": [36, 108] } },
        "errorShape": "azure", "pricesTaken": "2024-07",
        "notes": ["The deployment and api-version are part of baseURL.", "Content filter: HTTP 400 code content_filter, innererror ResponsibleAIPolicyViolation."]
      },
      "zhipu": {
        "name": "Zhipu GLM",
        "baseURL": "https://open.bigmodel.cn/api/paas/v4", "keyVariable": "ZHIPUAI_API_KEY", "defaultModel": "glm-4-air",
        "temperature": "(0,1]", "topP": "(0,1)",
        "unsupported": ["n", "presence_penalty", "frequency_penalty", "logit_bias", "seed"],
        "maxOutput": 4096,
        "models": {
          "glm-4": { "context": 128000, "maxOutput": 4096, "price": [100, 100] },
          "glm-4-air": { "context": 128000, "maxOutput": 4096, "price": [1, 1] },
          "glm-4-flash": { "context": 128000, "maxOutput": 4096, "price": [0.1, 0.1] }
        },
        "errorShape": "zhipu", "pricesTaken": "2024-07",
        "notes": ["2024 docs: temperature (0,1], default 0.95; top_p (0,1).", "Safety: business code 1301; finish_reason sensitive.", "Unsupported parameters [U]."]
      },
      "qianfan": {
        "name": "Baidu Qianfan (ERNIE)",
        "baseURL": "https://qianfan.baidubce.com/v2", "keyVariable": "QIANFAN_API_KEY", "defaultModel": "ernie-3.5-8k",
        "temperature": "(0,1]", "topP": "[0,1]",
        "unsupported": ["n", "logit_bias", "seed"],
        "maxOutput": 2048,
        "messages": { "alternate": true, "userFirst": true, "userLast": true },
        "models": {
          "ernie-4.0-8k": { "context": 8192, "maxOutput": 2048, "price": [120, 120] },
          "ernie-3.5-8k": { "context": 8192, "maxOutput": 2048, "price": [12, 12] },
          "ernie-speed-8k": { "context": 8192, "maxOutput": 2048, "price": [0, 0] },
          "ernie-lite-8k": { "context": 8192, "maxOutput": 2048, "price": [0, 0] }
        },
        "errorShape": "qianfan", "pricesTaken": "2024-07",
        "notes": ["v1 rules: odd number of messages, alternating from user.", "v1 errors arrive inside HTTP 200 with error_code (18, 336501, 336502: rate limits).", "ERNIE Speed / Lite / Tiny free from 2024-05."]
      },
      "dashscope": {
        "name": "Alibaba DashScope / Bailian (Qwen)",
        "baseURL": "https://dashscope.aliyuncs.com/compatible-mode/v1", "keyVariable": "DASHSCOPE_API_KEY", "defaultModel": "qwen-plus",
        "temperature": "[0,2)", "topP": "(0,1]",
        "unsupported": ["logit_bias"],
        "maxOutput": 2000,
        "messages": { "system": "first" },
        "models": {
          "qwen-plus": { "context": 131072, "maxOutput": 2000, "price": [4, 12] },
          "qwen-turbo": { "context": 8000, "maxOutput": 1500, "price": [2, 6] },
          "qwen-max": { "context": 8000, "maxOutput": 2000, "price": [40, 120] }
        },
        "errorShape": "dashscope", "pricesTaken": "2024-07",
        "notes": ["Qwen-plus 0.004 CNY per 1K input tokens (2024 announcement).", "Safety: 400 DataInspectionFailed; rate limit 429 Throttling.RateQuota."]
      },
      "yi": {
        "name": "01.AI Yi",
        "baseURL": "https://api.lingyiwanwu.com/v1", "keyVariable": "YI_API_KEY", "defaultModel": "yi-large",
        "temperature": "[0,2]", "topP": "[0,1]",
        "models": {
          "yi-large": { "context": 32768, "maxOutput": 4096, "price": [20, 20] },
          "yi-large-turbo": { "context": 16384, "maxOutput": 4096, "price": [12, 12] },
          "yi-medium": { "context": 16384, "maxOutput": 4096, "price": [2.5, 2.5] }
        },
        "errorShape": "openai", "pricesTaken": "2024-07",
        "notes": ["Default temperature 0.3.", "Ranges and error shapes [U]."]
      },
      "siliconflow": {
        "name": "SiliconFlow",
        "baseURL": "https://api.siliconflow.cn/v1", "keyVariable": "SILICONFLOW_API_KEY", "defaultModel": "Qwen/Qwen2-7B-Instruct",
        "temperature": "[0,2]", "topP": "[0,1]",
        "maxOutput": 4096,
        "models": {
          "Qwen/Qwen2-7B-Instruct": { "context": 32768, "maxOutput": 4096, "price": [0, 0] },
          "THUDM/glm-4-9b-chat": { "context": 32768, "maxOutput": 4096, "price": [0, 0] },
          "deepseek-ai/DeepSeek-V2-Chat": { "context": 32768, "maxOutput": 4096, "price": [1.33, 1.33] }
        },
        "errorShape": "siliconflow", "pricesTaken": "2024-07",
        "notes": ["Parameters vary per model; top_k accepted.", "429 'RPM/TPM limit reached' with a {code,message,data} body."]
      },
      "hunyuan": {
        "name": "Tencent Hunyuan",
        "baseURL": "https://api.hunyuan.cloud.tencent.com/v1", "keyVariable": "HUNYUAN_API_KEY", "defaultModel": "hunyuan-standard",
        "temperature": "[0,2]", "topP": "[0,1]",
        "unsupported": ["n", "presence_penalty", "frequency_penalty", "logit_bias", "seed", "response_format"],
        "messages": { "system": "first", "alternate": true, "userFirst": true, "userLast": true, "max": 40, "noEmpty": true },
        "models": {
          "hunyuan-pro": { "context": 32768, "maxOutput": 4096, "price": [30, 100] },
          "hunyuan-standard": { "context": 32768, "maxOutput": 2048, "price": [4.5, 5] },
          "hunyuan-lite": { "context": 256000, "maxOutput": 6144, "price": [0, 0] }
        },
        "errorShape": "openai", "pricesTaken": "2024-07",
        "notes": ["At most 40 messages, system first, alternating, starting and ending with user, no empty content.", "finish_reason sensitive may arrive mid-stream.", "Search enhancement on by default."]
      },
      "baichuan": {
        "name": "Baichuan",
        "baseURL": "https://api.baichuan-ai.com/v1", "keyVariable": "BAICHUAN_API_KEY", "defaultModel": "Baichuan4",
        "temperature": "[0,1]", "topP": "[0,1)",
        "unsupported": ["n", "presence_penalty", "frequency_penalty", "logit_bias", "seed", "response_format"],
        "models": {
          "Baichuan4": { "context": 32768, "maxOutput": 2048, "price": [100, 100] },
          "Baichuan3-Turbo": { "context": 32768, "maxOutput": 2048, "price": [12, 12] }
        },
        "errorShape": "openai", "pricesTaken": "2024-07",
        "notes": ["Default temperature 0.3, top_p 0.85, top_k [0,20].", "429 'Rate limit reached'; 120 rpm.", "Unsupported parameters [U]."]
      },
      "minimax": {
        "name": "MiniMax",
        "baseURL": "https://api.minimaxi.com/v1", "keyVariable": "MINIMAX_API_KEY", "defaultModel": "abab6.5s-chat",
        "temperature": "(0,1]", "topP": "(0,1]",
        "unsupported": ["n", "logit_bias", "seed"],
        "maxOutput": 2048,
        "models": { "abab6.5s-chat": { "context": 245760, "maxOutput": 2048, "price": [10, 10] } },
        "errorShape": "minimax", "pricesTaken": "2024-07",
        "notes": ["Errors and safety flags (input_sensitive / output_sensitive) in base_resp of HTTP 200 bodies.", "Endpoint /v1/text/chatcompletion_v2."]
      },
      "moonshot": {
        "name": "Moonshot Kimi",
        "baseURL": "https://api.moonshot.cn/v1", "keyVariable": "MOONSHOT_API_KEY", "defaultModel": "moonshot-v1-8k",
        "temperature": "[0,1]", "topP": "[0,1]",
        "unsupported": ["logit_bias", "seed"],
        "models": {
          "moonshot-v1-8k": { "context": 8192, "price": [12, 12] },
          "moonshot-v1-32k": { "context": 32768, "price": [24, 24] },
          "moonshot-v1-128k": { "context": 131072, "price": [60, 60] }
        },
        "errorShape": "openai", "pricesTaken": "2024-07",
        "notes": ["String content only for text models."]
      },
      "deepseek": {
        "name": "DeepSeek",
        "baseURL": "https://api.deepseek.com/v1", "keyVariable": "DEEPSEEK_API_KEY", "defaultModel": "deepseek-chat",
        "temperature": "[0,2]", "topP": "[0,1]",
        "unsupported": ["n", "logit_bias", "seed"],
        "maxOutput": 8192,
        "models": { "deepseek-chat": { "context": 32768, "maxOutput": 4096, "price": [1, 2] } },
        "streamKeepAlive": true,
        "errorShape": "openai", "pricesTaken": "2024-07",
        "notes": ["Keep-alive blank lines and ': keep-alive' comments in SSE.", "402 insufficient balance; 429; 503 when busy."]
      }
    }
    """#
}
