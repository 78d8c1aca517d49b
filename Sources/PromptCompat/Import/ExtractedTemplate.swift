/// A group's messages with `{{variables}}` where its requests differ, and each request's values:
/// rendering message `i` with `values[m]` gives back request `m`'s text exactly.
///
/// ```swift
/// let template = ExtractedTemplate(group, requests: requests)
/// template.messages[1].content   // "订单号：{{order_id}}\n下单日期：{{date}}\n…"
/// template.values[0]             // ["order_id": "YX20240701003", "date": "2024年7月1日"]
/// ```
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
        var pieces: [[Either]] = []
        var slots: [Slot] = []
        for (i, alignment) in group.alignments.enumerated() {
            let segments = alignment.segments
            if !Self.isSafe(segments) {
                // Fixed text that reads as a {{variable}}: the whole message becomes one variable.
                let texts = group.members.map { requests[$0].messages[i].content }
                slots.append(Slot(message: i, values: texts, name: "\(first.messages[i].role.rawValue)_message"))
                pieces.append([.slot(slots.count - 1)])
                continue
            }
            var message: [Either] = []
            var context = ""
            for segment in segments {
                switch segment {
                case .fixed(let text):
                    message.append(.fixed(text))
                    context = text
                case .slot(let values, let facts):
                    slots.append(Slot(message: i, values: values, name: SlotNames.name(facts: facts, before: context)))
                    message.append(.slot(slots.count - 1))
                    context = ""
                }
            }
            pieces.append(message)
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
