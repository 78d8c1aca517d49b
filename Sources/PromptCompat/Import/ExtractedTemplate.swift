/// A group's messages with `{{variables}}` where its requests differ, and each request's values:
/// rendering message `i` with `values[m]` gives back request `m`'s text exactly.
///
/// ```swift
/// let template = ExtractedTemplate(group, requests: requests)
/// template.messages[1].content   // "订单号：{{order_id}}\n下单日期：{{date}}\n…"
/// template.values[0]             // ["order_id": "YX20240701003", "date": "2024年7月1日"]
/// ```
///
/// The slots' edges are snapped to labels (``SlotBoundaries``) and each is named from its context
/// (``SlotNames``): `评论：{{review}}`, else `var1`, `var2`, ….
struct ExtractedTemplate: Sendable {
    var messages: [ChatMessage]
    /// Variable names in the order they appear.
    var variables: [String]
    /// Per group member (in member order), each variable's value.
    var values: [[String: String]]

    private struct Slot {
        var message: Int
        var values: [String]
        var name: String?
    }

    init(_ group: RequestGroup, requests: [ChatRequest]) {
        let first = requests[group.members[0]]
        let messageSegments = group.segments
        var pieces: [[Either]] = []
        var slots: [Slot] = []
        for (i, segments) in messageSegments.enumerated() {
            if !Self.isSafe(segments) {
                // Fixed text that reads as a {{variable}}: the whole message becomes one variable.
                let texts = group.members.map { requests[$0].messages[i].content }
                slots.append(Slot(message: i, values: texts, name: "\(first.messages[i].role.rawValue)_message"))
                pieces.append([.slot(slots.count - 1)])
                continue
            }
            let instruction = messageSegments.enumerated().filter { $0.offset != i }.flatMap(\.element).compactMap { segment -> String? in
                if case .fixed(let text) = segment { text } else { nil }
            }.joined(separator: "\n")
            pieces.append(Self.pieces(of: segments, message: i, instruction: instruction, slots: &slots))
        }
        let names = Self.names(for: slots)
        variables = names
        messages = first.messages.enumerated().map { i, message in
            var templated = message
            templated.content = pieces[i].map { piece in
                switch piece {
                case .fixed(let text): text
                case .slot(let s): "{{\(names[s])}}"
                }
            }.joined()
            return templated
        }
        values = group.members.indices.map { m in
            Dictionary(uniqueKeysWithValues: slots.indices.map { (names[$0], slots[$0].values[m]) })
        }
    }

    /// One message's fixed text and slots, each slot named from its context (``SlotNames``).
    private static func pieces(of segments: [MessageAlignment.Segment], message i: Int, instruction: String, slots: inout [Slot]) -> [Either] {
        var message: [Either] = []
        for (k, segment) in segments.enumerated() {
            switch segment {
            case .fixed(let text):
                message.append(.fixed(text))
            case .slot(let values, let facts):
                var context = SlotNames.Context(whole: segments.count == 1, instruction: instruction)
                if k > 0, case .fixed(let text) = segments[k - 1] { context.before = text }
                if k + 1 < segments.count, case .fixed(let text) = segments[k + 1] { context.after = text }
                slots.append(Slot(message: i, values: values, name: SlotNames.name(facts: facts, values: values, context: context)))
                message.append(.slot(slots.count - 1))
            }
        }
        return message
    }

    private enum Either {
        case fixed(String)
        case slot(Int)
    }

    /// Suggested names made unique; the others `var1`, `var2`, … in order of appearance.
    private static func names(for slots: [Slot]) -> [String] {
        var taken = Set(slots.compactMap(\.name))
        var used: Set<String> = []
        var generic = 0
        return slots.map { slot in
            let name: String
            if let suggested = slot.name {
                name = used.contains(suggested) ? SlotNames.unique(suggested, taken: taken) : suggested
            } else {
                repeat { generic += 1 } while taken.contains("var\(generic)")
                name = "var\(generic)"
            }
            taken.insert(name)
            used.insert(name)
            return name
        }
    }

    /// Fixed text is safe when ``Template`` cannot read any of it as a variable: no `{{` inside, and no
    /// `{` right before an inserted `{{name}}`.
    private static func isSafe(_ segments: [MessageAlignment.Segment]) -> Bool {
        !segments.contains { segment in
            guard case .fixed(let text) = segment else { return false }
            return text.contains("{{") || text.hasSuffix("{")
        }
    }
}
