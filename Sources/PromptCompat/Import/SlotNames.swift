/// Names for the variables the import finds. A slot whose every value is one fact of the same kind is
/// named after the kind (`date`, `amount`), or for identifiers and numbers after the words just before
/// it (`订单号：` → `order_id`); every other slot is `var1`, `var2`, … in the order they appear.
enum SlotNames {
    /// Fact kind → name.
    static let kindNames: [Fact.Kind: String] = [
        .date: "date", .amount: "amount", .percentage: "percent", .phone: "phone", .email: "email",
        .url: "url", .identifier: "id", .number: "number",
    ]

    /// Words before an identifier or number (lower-cased, the last ``contextLength`` characters), first
    /// match wins → name.
    static let contextNames: [(words: [String], name: String)] = [
        (["运单", "快递单", "物流单", "tracking", "waybill"], "tracking_no"),
        (["订单", "order"], "order_id"),
        (["发票", "invoice"], "invoice_no"),
        (["退款", "售后", "refund", "return"], "refund_id"),
        (["sku", "货号", "商品编号", "商品id", "product"], "sku"),
        (["会员", "用户", "member", "user", "customer"], "user_id"),
        (["手机", "电话", "phone"], "phone"),
        (["数量", "件数", "quantity", "qty"], "quantity"),
    ]

    static let contextLength = 8

    /// The name a slot's values suggest, or `nil` for a generic `varN`.
    static func name(facts: [Fact.Kind?], before context: String) -> String? {
        guard let kind = facts.first ?? nil, facts.allSatisfy({ $0 == kind }) else { return nil }
        if kind == .identifier || kind == .number {
            let near = String(context.suffix(contextLength)).lowercased()
            if let match = contextNames.first(where: { entry in entry.words.contains { near.contains($0) } }) {
                return match.name
            }
        }
        return kindNames[kind]
    }

    /// `base`, or `base_2`, `base_3`, … whichever is not taken yet.
    static func unique(_ base: String, taken: Set<String>) -> String {
        guard taken.contains(base) else { return base }
        var n = 2
        while taken.contains("\(base)_\(n)") { n += 1 }
        return "\(base)_\(n)"
    }
}
