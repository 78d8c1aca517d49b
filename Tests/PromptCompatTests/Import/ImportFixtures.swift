import Foundation
@testable import PromptCompat

/// Gateway log lines of a Chinese e-commerce shop, written by hand: an order-status prompt whose requests
/// differ in the order number and the order date, a review classifier whose requests differ in the
/// review, and a one-off title translation that has the classifier's exact parameters.
enum ImportFixtures {
    static let orderSystem = "你是「优选商城」的智能客服小优。根据系统查到的订单信息回答顾客的物流问题：语气礼貌，不超过60个字，必须提到订单号。"
    static let classifySystem = "你是电商评论分类助手。请把顾客评论归入以下类别之一：好评、中评、差评-质量问题、差评-物流问题。只输出类别名称。"
    static let translateSystem = "你是跨境电商的商品标题翻译。把中文标题翻译成简洁的英文标题，保留品牌名和规格。"

    static func orderUser(_ orderID: String, _ date: String) -> String {
        "订单号：\(orderID)\n下单日期：\(date)\n顾客问题：我的包裹现在到哪里了？什么时候能送到？"
    }

    static func orderRequest(_ orderID: String, _ date: String) -> JSONValue {
        ["model": "gpt-4-0613", "messages": [["role": "system", "content": .string(orderSystem)], ["role": "user", "content": .string(orderUser(orderID, date))]],
         "temperature": 0.2, "max_tokens": 120]
    }

    static func classifyRequest(_ review: String) -> JSONValue {
        ["model": "gpt-4o", "messages": [["role": "system", "content": .string(classifySystem)], ["role": "user", "content": .string("评论：\(review)")]],
         "temperature": 0, "max_tokens": 60]
    }

    static func translateRequest(_ title: String) -> JSONValue {
        ["model": "gpt-4o", "messages": [["role": "system", "content": .string(translateSystem)], ["role": "user", "content": .string("请翻译：\(title)")]],
         "temperature": 0, "max_tokens": 60]
    }

    /// A chat.completion answering `text`.
    static func response(_ text: String, model: String = "gpt-4-0613", finish: String = "stop", usage: (Int, Int) = (110, 40)) -> JSONValue {
        ["id": "chatcmpl-test", "object": "chat.completion", "model": .string(model),
         "choices": [["index": 0, "message": ["role": "assistant", "content": .string(text)], "finish_reason": .string(finish)]],
         "usage": ["prompt_tokens": .number(Double(usage.0)), "completion_tokens": .number(Double(usage.1))]]
    }

    /// `{"id": …, "request": …, "response": …}` as one line.
    static func line(_ request: JSONValue, _ response: JSONValue, extra: [(String, JSONValue)] = []) -> String {
        var object = JSONObject(extra)
        object["request"] = request
        object["response"] = response
        return JSONValue.object(object).serialized()
    }

    /// The shop's log: 12 lines. Lines 1, 3, 6, 9, 12 order status (line 12 repeats line 1's request);
    /// 2, 4, 7, 10 reviews; 5 a rate-limit error; 8 the translation; 11 a response without choices.
    static let shopLog: [String] = [
        line(orderRequest("YX20240628017", "2024年6月28日"), response("您好，订单YX20240628017已到上海转运中心，预计7月2日送达。"), extra: [("latency_ms", 2140), ("timestamp", "2024-07-01T09:12:03Z")]),
        line(classifyRequest("衣服面料很舒服，尺码也标准，已经回购第二件了"), response("好评", model: "gpt-4o-2024-05-13", usage: (96, 2))),
        line(orderRequest("YX20240629104", "2024年6月29日"), response("您好，订单YX20240629104已发货，预计7月3日送达。")),
        line(classifyRequest("快递整整走了九天，外包装都压扁了"), response("差评-物流问题", model: "gpt-4o-2024-05-13")),
        line(orderRequest("YX20240630233", "2024年6月30日"), ["error": ["message": "Rate limit reached for gpt-4", "code": "rate_limit_exceeded"]], extra: [("status", 429)]),
        line(orderRequest("YX20240630233", "2024年6月30日"), response("您好，订单YX20240630233已出库，预计7月4日送达。")),
        line(classifyRequest("洗了一次就起球，还掉色，太失望"), response("差评-质量问题", model: "gpt-4o-2024-05-13")),
        line(translateRequest("夏季新款纯棉短袖T恤男士宽松圆领上衣 XL"), response("Summer Cotton Short-Sleeve T-Shirt, Men's Loose Crew Neck Top, XL", model: "gpt-4o-2024-05-13")),
        line(orderRequest("YX20240701388", "2024年7月1日"), response("您好，订单YX20240701388正在派送，预计今天下午送达。")),
        line(classifyRequest("东西还行吧，和图片差不多，价格有点贵"), response("中评", model: "gpt-4o-2024-05-13")),
        line(classifyRequest("你们这个店卖假货"), ["id": "chatcmpl-x", "object": "chat.completion", "choices": []]),
        line(orderRequest("YX20240628017", "2024年6月28日"), response("您好，订单YX20240628017在上海转运中心。")),
    ]

    static var shopLogText: String { shopLog.joined(separator: "\n") + "\n" }

    /// The suite config of a scratch library: baseline `openai`, and `qwen`.
    static let config = """
        {
          "baseline": "openai",
          "providers": {
            "openai": { "profile": "openai", "baseURL": "https://api.openai.com/v1", "model": "gpt-4o", "apiKeyEnv": "OPENAI_API_KEY" },
            "qwen": { "profile": "dashscope", "baseURL": "https://dashscope.aliyuncs.com/compatible-mode/v1", "model": "qwen-plus", "apiKeyEnv": "DASHSCOPE_API_KEY" }
          }
        }
        """

    /// A request body with its keys sorted, the ignored keys dropped: what "the same request" means.
    static func canonical(_ value: JSONValue) -> String {
        func sorted(_ value: JSONValue) -> JSONValue {
            switch value {
            case .array(let elements): .array(elements.map(sorted))
            case .object(let object): .object(JSONObject(object.members.filter { !["stream", "user"].contains($0.key) }.sorted { $0.key < $1.key }.map { ($0.key, sorted($0.value)) }))
            default: value
            }
        }
        return sorted(value).serialized()
    }
}

/// A temporary project folder: `prompts/` with the fixture suite config, `snapshots/`, and a log file.
struct ImportScratch {
    let root: URL
    var prompts: URL { root.appendingPathComponent("prompts") }
    var snapshots: URL { root.appendingPathComponent("snapshots") }
    var store: SnapshotStore { SnapshotStore(root: snapshots) }

    init(config: String = ImportFixtures.config) throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("promptcompat-import-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root.appendingPathComponent("prompts"), withIntermediateDirectories: true)
        try write("prompts/\(SuiteConfig.fileName)", config)
    }

    func write(_ path: String, _ text: String) throws {
        let file = root.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: file)
    }

    func library() throws -> PromptLibrary { try PromptLibrary.load(from: prompts) }

    /// Plans an import of `lines` (as the file `logs.jsonl`) into this folder.
    func plan(_ lines: [String], provider: String = "openai", prefix: String = "imported", environment: [String: String] = [:]) throws -> ImportPlan {
        let log = GatewayLog.read(lines.joined(separator: "\n"), file: "logs.jsonl")
        return try LogImport.plan(log, library: library(), provider: provider, prefix: prefix, snapshots: store, environment: environment)
    }

    /// Every file below the folder (relative path → bytes), to compare two states.
    func files() -> [String: Data] {
        var files: [String: Data] = [:]
        let base = root.resolvingSymlinksInPath().path + "/"
        guard let enumerator = FileManager.default.enumerator(at: root.resolvingSymlinksInPath(), includingPropertiesForKeys: nil) else { return [:] }
        for case let url as URL in enumerator {
            guard let data = FileManager.default.contents(atPath: url.path), !url.hasDirectoryPath else { continue }
            files[url.resolvingSymlinksInPath().path.replacingOccurrences(of: base, with: "")] = data
        }
        return files
    }

    func delete() { try? FileManager.default.removeItem(at: root) }
}
