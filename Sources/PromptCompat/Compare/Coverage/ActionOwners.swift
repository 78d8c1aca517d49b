import Foundation

/// The people an answer names as owners of its action items — `Marco: complete the legal review`,
/// `李工：7月8日前完成迁移`, `负责人：张伟` — in an answer that assigns actions (action items, 待办, owner …),
/// where the prompt's input names them too. A set of minutes that hands an action to "Legal" instead of
/// Marco has lost who does it.
///
/// ```swift
/// ActionOwners.names(in: "- Priya: send the SOW\n- Marco: review the DPA", prompt: "… Priya … Marco …")   // ["Priya", "Marco"]
/// ```
enum ActionOwners {
    /// Words that head a line the way a name does but name no one: section and field labels.
    static let labels: Set<String> = [
        "decisions", "decision", "action", "actions", "action items", "items", "note", "notes", "summary", "owner", "owners", "date",
        "time", "location", "agenda", "next", "next steps", "steps", "status", "risk", "risks", "outcome", "result", "results",
        "background", "issue", "issues", "question", "answer", "reason", "deadline", "budget", "team", "attendees", "topic",
        "conclusion", "conclusions", "follow", "follow-up", "todo", "to do", "priority", "important", "warning", "tip", "tips",
    ]

    /// Chinese family names (the hundred commonest): a 2–3 character line label starting with one is a person.
    static let surnames: Set<Character> = Set(
        "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤"
    )
    /// Endings of a Chinese title that makes a label a person: 李工, 王总, 周老师.
    static let titles = ["工", "总", "经理", "老师", "主任", "律师", "医生", "主管", "组长"]

    /// Words that say an answer assigns actions: only then is a line's label its owner (`Refund: …` in a
    /// policy answer is a field, not a person).
    static let actionWords: PhraseSet = ["action", "owner", "todo", "to-do", "to do", "next step", "follow-up", "follow up", "assigned", "responsible", "待办", "负责", "行动项", "分工", "跟进", "后续"]

    static func names(in answer: String, prompt: String) -> [String] {
        guard actionWords.occurs(in: answer.lowercasedFast()) else { return [] }
        let names = TextNormalizer.normalize(answer).lines.flatMap { owners(ofLine: Clause.strippingMarkers(String($0))) }
        return names.filter { UTF8Search.contains($0, in: prompt) }.reduce(into: []) { if !$0.contains($1) { $0.append($1) } }
    }

    /// The people one line names as its owners: a label heading it (`李工：…`), or a value after 负责人 / owner
    /// anywhere in it (`出试卷——负责人：孙老师`, `(owner: Marco)`).
    static func owners(ofLine text: String) -> [String] {
        var names: [String] = []
        if let colon = text.firstIndex(where: { $0 == ":" || $0 == "：" }) {
            let label = RegexCache.replacing(#"[（(][^）)]*[）)]$"#, in: String(text[..<colon]).trimming(.whitespaces), with: "")
            if isPerson(label) { names.append(label) }
        }
        for marker in ["负责人:", "负责人：", "owner:", "Owner:", "assignee:", "Assignee:", "assigned to:", "Assigned to:"] {
            guard let range = text.range(of: marker) else { continue }
            let value = text[range.upperBound...].trimming(.whitespaces).prefix { !",，;；。.(（)）".contains($0) }
            if isPerson(String(value)) { names.append(String(value)) }
        }
        return names
    }

    /// Action items of `answer` whose one owner the candidate's same item no longer names: the candidate's
    /// line with most of the item's other units (half at least) names neither the owner nor stands under a
    /// heading that does (`李工：` above its items). A set of minutes that keeps 王凯 on one item and drops
    /// him from the next has lost who does the second.
    static func unassigned(in answer: String, candidate: String, prompt: String) -> [(owner: String, item: String)] {
        guard actionWords.occurs(in: answer.lowercasedFast()) else { return [] }
        let written = TextNormalizer.normalize(candidate).lines.map { String($0).trimming(.whitespaces) }.filter { !$0.isEmpty }
        let lines = written.map(Clause.strippingMarkers), lineUnits = lines.map(ContentUnits.of)
        var found: [(owner: String, item: String)] = []
        for line in TextNormalizer.normalize(answer).lines {
            let text = Clause.strippingMarkers(String(line))
            let owners = Set(owners(ofLine: text))
            guard owners.count == 1, let owner = owners.first, UTF8Search.contains(owner, in: prompt) else { continue }
            let item = ContentUnits.of(text.replacingOccurrences(of: owner, with: " "))
            guard item.count >= 4 else { continue }
            let scores = lineUnits.map { ContentUnits.coverage(of: item, by: $0) }
            guard let best = scores.indices.max(by: { scores[$0] < scores[$1] }), scores[best] >= 0.5 else { continue }
            let heading = written[..<best].lastIndex { $0.hasPrefix("#") || $0.hasSuffix(":") || ($0.hasPrefix("**") && $0.hasSuffix("**")) }
            guard !mentions(lines[best], owner), !(heading.map { mentions(lines[$0], owner) } ?? false) else { continue }
            found.append((owner, text))
        }
        return found
    }

    /// Whether a text still names the person: the whole name, or (a Latin name) one of its words —
    /// `Marco Rossi` is still there as `Marco`.
    static func mentions(_ text: String, _ name: String) -> Bool {
        if UTF8Search.contains(name, in: text) { return true }
        guard !name.contains(where: \.isCJK) else { return false }
        let words = Set(text.split(whereSeparator: { !$0.isLetter }).map(String.init))
        return name.split(separator: " ").contains { $0.count >= 3 && words.contains(String($0)) }
    }

    static func isPerson(_ label: String) -> Bool {
        guard !label.isEmpty, !labels.contains(label.lowercasedFast()) else { return false }
        if label.allSatisfy(\.isCJK) {
            guard (2...4).contains(label.count), let first = label.first else { return false }
            return (surnames.contains(first) && label.count <= 3) || titles.contains { label.hasSuffix($0) }
        }
        let words = label.split(separator: " ")
        return (1...2).contains(words.count) && words.allSatisfy { word in
            word.first?.isUppercase == true && word.dropFirst().allSatisfy { $0.isLowercase } && word.count >= 2
        }
    }
}

extension SubstituteCheck {
    /// An owner of an action item (``ActionOwners``) every accepted answer names and the candidate does not:
    /// "dropped the owner \"Marco\"". Only names the prompt's input has: an owner the accepted answer made up
    /// is its own wording.
    public static let owners = SubstituteCheck(name: "owner") { input in
        guard input.expect.json != true, input.wholePrompt else { return [] }
        let accepted = input.samples.map { ActionOwners.names(in: $0, prompt: input.instructions) }
        let candidate = TextNormalizer.normalize(input.candidate)
        let dropped = accepted[0].filter { name in accepted.allSatisfy { $0.contains(name) } && !ActionOwners.mentions(candidate, name) }
        // An owner the candidate still names elsewhere, gone from the item they own.
        let unassigned = ActionOwners.unassigned(in: input.samples[0], candidate: input.candidate, prompt: input.instructions)
            .filter { item in !dropped.contains(item.owner) && accepted.allSatisfy { $0.contains(item.owner) } }
        return (dropped.map { "dropped the owner \"\($0)\"" }
            + unassigned.map { "dropped the owner \"\($0.owner)\" of \"\(ClauseAlignment.quote($0.item))\"" }).prefix(3).map { $0 }
    }
}
