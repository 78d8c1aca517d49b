import Foundation

/// What PromptCompat knows about one provider's API: where it is, how it authenticates, which key
/// variable teams usually use. The catalog is data, one entry a provider; the request rules and prices of
/// each provider grow here as they are modelled.
public struct ProviderProfile: Sendable, Equatable {
    public enum AuthScheme: String, Sendable {
        /// `Authorization: Bearer <key>`
        case bearer
        /// Azure OpenAI: `api-key: <key>`
        case apiKeyHeader
    }

    /// The id a suite config names in `profile`.
    public var id: String
    public var displayName: String
    /// The OpenAI-compatible base URL, empty for a server you run yourself.
    public var baseURL: String
    public var auth: AuthScheme
    /// The environment variable teams conventionally keep the key in.
    public var conventionalKeyVariable: String?

    /// The profile with this id.
    public static func named(_ id: String) -> ProviderProfile? { catalog.first { $0.id == id } }

    public static let catalog: [ProviderProfile] = [
        .init(id: "openai-compatible", displayName: "Any OpenAI-compatible server", baseURL: "", auth: .bearer, conventionalKeyVariable: nil),
        .init(id: "llama-cpp", displayName: "llama.cpp server (local)", baseURL: "http://127.0.0.1:8080/v1", auth: .bearer, conventionalKeyVariable: nil),
        .init(id: "openai", displayName: "OpenAI", baseURL: "https://api.openai.com/v1", auth: .bearer, conventionalKeyVariable: "OPENAI_API_KEY"),
        .init(id: "azure-openai", displayName: "Azure OpenAI", baseURL: "https://{resource}.openai.azure.com/openai", auth: .apiKeyHeader, conventionalKeyVariable: "AZURE_OPENAI_API_KEY"),
        .init(id: "zhipu", displayName: "Zhipu GLM", baseURL: "https://open.bigmodel.cn/api/paas/v4", auth: .bearer, conventionalKeyVariable: "ZHIPUAI_API_KEY"),
        .init(id: "qianfan", displayName: "Baidu Qianfan (ERNIE)", baseURL: "https://qianfan.baidubce.com/v2", auth: .bearer, conventionalKeyVariable: "QIANFAN_API_KEY"),
        .init(id: "dashscope", displayName: "Alibaba DashScope / Bailian (Qwen)", baseURL: "https://dashscope.aliyuncs.com/compatible-mode/v1", auth: .bearer, conventionalKeyVariable: "DASHSCOPE_API_KEY"),
        .init(id: "yi", displayName: "01.AI Yi", baseURL: "https://api.lingyiwanwu.com/v1", auth: .bearer, conventionalKeyVariable: "YI_API_KEY"),
        .init(id: "siliconflow", displayName: "SiliconFlow", baseURL: "https://api.siliconflow.cn/v1", auth: .bearer, conventionalKeyVariable: "SILICONFLOW_API_KEY"),
        .init(id: "hunyuan", displayName: "Tencent Hunyuan", baseURL: "https://api.hunyuan.cloud.tencent.com/v1", auth: .bearer, conventionalKeyVariable: "HUNYUAN_API_KEY"),
        .init(id: "baichuan", displayName: "Baichuan", baseURL: "https://api.baichuan-ai.com/v1", auth: .bearer, conventionalKeyVariable: "BAICHUAN_API_KEY"),
        .init(id: "minimax", displayName: "MiniMax", baseURL: "https://api.minimaxi.com/v1", auth: .bearer, conventionalKeyVariable: "MINIMAX_API_KEY"),
        .init(id: "moonshot", displayName: "Moonshot Kimi", baseURL: "https://api.moonshot.cn/v1", auth: .bearer, conventionalKeyVariable: "MOONSHOT_API_KEY"),
        .init(id: "deepseek", displayName: "DeepSeek", baseURL: "https://api.deepseek.com/v1", auth: .bearer, conventionalKeyVariable: "DEEPSEEK_API_KEY"),
    ]
}
