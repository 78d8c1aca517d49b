import Foundation

/// Names for the variables the import finds, from their context as a person would name them.
///
/// - A slot whose every value is one fact of the same kind is named after the kind (`date`, `amount`),
///   an identifier or number after the words just before it (`订单号：` → `order_id`).
/// - Any other slot after its label, the words just before it (`评论：` → `review`, `Text: """` →
///   `text`, `用户问题：` → `question`), else the words just after it when it starts its message or a
///   line break or punctuation follows (`{{x}}\n\n把上面这段话翻译成英文` → `text`).
/// - A slot without a label is a `question` when every value asks one; a slot that is a whole message
///   is else named after what the instruction says it works on (a system message `你是电商评论分类助手`
///   → `review`), else `input`.
/// - Otherwise `nil`: the caller numbers it (`var1`).
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

    /// Words right after a number that make it a length limit (`不超过{{word_limit}}字`).
    static let limitWords = ["字", "个字", "词", "words", "characters", "chars", "sentences", "句"]

    static let contextLength = 8
    /// How much of the text before a slot is its label.
    static let labelLength = 24

    /// Where a slot stands: the fixed text just before and after it in its message, and (for a slot
    /// that is its whole message) the fixed text of the other messages.
    struct Context {
        var before: String = ""
        var after: String = ""
        var whole: Bool = false
        var instruction: String = ""
    }

    /// The name the slot's values and context suggest, or `nil` for a numbered one.
    static func name(facts: [Fact.Kind?], values: [String] = [], context: Context) -> String? {
        if let kind = facts.first ?? nil, facts.allSatisfy({ $0 == kind }) {
            return factName(kind, context: context)
        }
        let label = self.label(context.before)
        if let name = ImportVocabulary.latest(ImportVocabulary.slotWords, in: label) ?? ImportVocabulary.latest(ImportVocabulary.genericSlotWords, in: label) {
            return name
        }
        let next = String(context.after.prefix(labelLength))
        let afterwards = context.before.isEmpty || context.after.first.map { $0.isNewline || $0.isPunctuation } == true
        if afterwards, let name = ImportVocabulary.earliest(ImportVocabulary.slotWords, in: next) ?? ImportVocabulary.earliest(ImportVocabulary.genericSlotWords, in: next) {
            return name
        }
        let asks = !values.isEmpty && values.allSatisfy { value in
            value.trimmingCharacters(in: .whitespacesAndNewlines).last.map { "?？吗呢".contains($0) } ?? false
        }
        if asks { return "question" }
        guard context.whole else { return nil }
        return ImportVocabulary.earliest(ImportVocabulary.slotWords, in: context.instruction) ?? "input"
    }

    private static func factName(_ kind: Fact.Kind, context: Context) -> String? {
        if kind == .identifier || kind == .number {
            let near = String(context.before.suffix(contextLength)).lowercased()
            if let match = contextNames.first(where: { entry in entry.words.contains { near.contains($0) } }) {
                return match.name
            }
        }
        if kind == .number {
            let after = context.after.trimmingCharacters(in: .whitespaces).lowercased()
            if limitWords.contains(where: { after.hasPrefix($0) }) { return "word_limit" }
        }
        return kindNames[kind]
    }

    /// The words of the last line before a slot, after its last sentence break, without the marks that
    /// open the value (`评论文本: ```` → `评论文本`).
    static func label(_ before: String) -> String {
        var text = Substring(before)
        while let last = text.last, last.isWhitespace || "：:`\"'“‘「『《【[(（<>=-".contains(last) { text = text.dropLast() }
        if let lineBreak = text.lastIndex(where: \.isNewline) { text = text[text.index(after: lineBreak)...] }
        if let sentence = text.lastIndex(where: { "。！？；.!?;".contains($0) }) { text = text[text.index(after: sentence)...] }
        return String(text.suffix(labelLength))
    }

    /// `base`, or `base_2`, `base_3`, … whichever is not taken yet.
    static func unique(_ base: String, taken: Set<String>) -> String {
        guard taken.contains(base) else { return base }
        var n = 2
        while taken.contains("\(base)_\(n)") { n += 1 }
        return "\(base)_\(n)"
    }
}
