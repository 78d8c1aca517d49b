import Foundation

extension JSONComparison {
    /// `candidate` with its arrays put in the order of `reference`'s where they hold the same elements:
    /// a JSON array used as a set (tags, cities, ingredients) compared position by position reports every
    /// element of a reordered answer as changed. An array is reordered only when it holds exactly the
    /// reference's elements (a permutation); one with other elements keeps its order, so a changed element
    /// is reported where it is. Objects are aligned member by member.
    ///
    /// ```swift
    /// JSONComparison.aligningSets(["北京", "上海", "广州"], ["广州", "北京", "上海"])   // ["北京", "上海", "广州"]
    /// ```
    public static func aligningSets(_ reference: JSONValue, _ candidate: JSONValue) -> JSONValue {
        switch (reference, candidate) {
        case let (.object(a), .object(b)):
            return .object(JSONObject(b.map { member in (member.key, a[member.key].map { aligningSets($0, member.value) } ?? member.value) }))
        case let (.array(a), .array(b)):
            let reordered = reorder(a, b)
            return .array(reordered.enumerated().map { i, element in i < a.count ? aligningSets(a[i], element) : element })
        default:
            return candidate
        }
    }

    /// The paths of `candidate`'s arrays that hold exactly `reference`'s elements in another order: where the
    /// prompt fixes an order (steps, a ranking), the change itself — however long the elements are.
    ///
    /// ```swift
    /// JSONComparison.reorderedArrays(["核验身份", "联系原药房"], ["联系原药房", "核验身份"])   // ["$"]
    /// ```
    static func reorderedArrays(_ reference: JSONValue, _ candidate: JSONValue, path: String = "$") -> [String] {
        switch (reference, candidate) {
        case let (.object(a), .object(b)):
            return b.flatMap { member in a[member.key].map { reorderedArrays($0, member.value, path: path + "." + member.key) } ?? [] }
        case let (.array(a), .array(b)):
            let keys = b.map { $0.serialized() }, referenceKeys = a.map { $0.serialized() }
            if keys != referenceKeys, keys.sorted() == referenceKeys.sorted() { return [path] }
            guard a.count == b.count else { return [] }
            if let order = rewordedOrder(a, b), order != Array(order.indices) { return [path] }
            return zip(a, b).enumerated().flatMap { i, pair in reorderedArrays(pair.0, pair.1, path: "\(path)[\(i)]") }
        default:
            return []
        }
    }

    /// For arrays of three texts or more, each reworded: the reference index each candidate text says again —
    /// the reference text it shares most content units with (``ContentUnits``, a third of their union at
    /// least), and that shares most with it back — or nil when any text has no such counterpart or two
    /// share one.
    static func rewordedOrder(_ reference: [JSONValue], _ candidate: [JSONValue]) -> [Int]? {
        guard reference.count >= 3, reference.count == candidate.count else { return nil }
        let a = reference.compactMap { if case .string(let text) = $0 { ContentUnits.of(text) } else { nil } }
        let b = candidate.compactMap { if case .string(let text) = $0 { ContentUnits.of(text) } else { nil } }
        guard a.count == reference.count, b.count == candidate.count else { return nil }
        func overlap(_ x: Set<ContentUnit>, _ y: Set<ContentUnit>) -> Double {
            let union = x.union(y).count
            return union == 0 ? 0 : Double(x.intersection(y).count) / Double(union)
        }
        let scores = b.map { y in a.map { overlap($0, y) } }
        var order: [Int] = []
        for (j, row) in scores.enumerated() {
            guard let best = row.indices.max(by: { row[$0] < row[$1] }), row[best] >= 1.0 / 3,
                  scores.indices.allSatisfy({ scores[$0][best] <= row[best] || $0 == j }) else { return nil }
            order.append(best)
        }
        return Set(order).count == order.count ? order : nil
    }

    static func reorder(_ reference: [JSONValue], _ candidate: [JSONValue]) -> [JSONValue] {
        let keys = candidate.map { $0.serialized() }
        guard keys != reference.map({ $0.serialized() }), keys.sorted() == reference.map({ $0.serialized() }).sorted() else { return candidate }
        var taken = [Bool](repeating: false, count: candidate.count)
        return reference.map { element in
            let key = element.serialized()
            let i = keys.indices.first { !taken[$0] && keys[$0] == key }!
            taken[i] = true
            return candidate[i]
        }
    }
}
