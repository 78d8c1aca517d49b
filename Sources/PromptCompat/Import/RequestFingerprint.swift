/// Identifies a request by its body: SHA-256 of the body in a canonical form (object keys sorted, no
/// spaces, ``GatewayLog/ignoredRequestKeys`` dropped), so the same request logged with its keys in
/// another order, or rebuilt from a prompt file and a case, has the same fingerprint.
///
/// ```swift
/// let a = ChatRequest(model: "gpt-4o", messages: [.init(role: .user, content: "你好")], parameters: ["temperature": 0])
/// RequestFingerprint.of(a) == RequestFingerprint.of(a)   // true; 64 hex digits
/// ```
public enum RequestFingerprint {
    public static func of(_ request: ChatRequest) -> String {
        SHA256.hex(canonical(body(of: request)))
    }

    /// The body without the ignored keys.
    static func body(of request: ChatRequest) -> JSONValue {
        guard var object = request.body().objectValue else { return request.body() }
        for key in GatewayLog.ignoredRequestKeys { object[key] = nil }
        return .object(object)
    }

    /// The parameters and message skeleton (roles, extra members, count) without the message texts:
    /// requests with different skeletons never share a prompt.
    static func skeleton(of request: ChatRequest) -> String {
        var object = body(of: request).objectValue ?? JSONObject()
        object["messages"] = .array(request.messages.map { message in
            var skeleton = message.extra
            skeleton["role"] = .string(message.role.rawValue)
            return .object(skeleton)
        })
        return canonical(.object(object))
    }

    /// Compact JSON with every object's keys sorted.
    static func canonical(_ value: JSONValue) -> String {
        sorted(value).serialized()
    }

    private static func sorted(_ value: JSONValue) -> JSONValue {
        switch value {
        case .array(let elements): return .array(elements.map(sorted))
        case .object(let object):
            return .object(JSONObject(object.members.sorted { $0.key < $1.key }.map { ($0.key, sorted($0.value)) }))
        default: return value
        }
    }
}
