import Foundation
import Testing
@testable import PromptCompat

@Suite("Import of a team's gateway log: the templates come back as people wrote them")
struct TeamLogImportTests {
    typealias T = TeamLogFixtures

    @Test("13 templates (zh and en, some sharing a system message and their inputs, some with inputs ten times the template) come back exactly, with named variables")
    func templatesComeBack() throws {
        let scratch = try ImportScratch()
        defer { scratch.delete() }
        let log = T.log
        let plan = try scratch.plan(log.map(\.line))
        #expect(plan.newPrompts.count == T.templates.count, "\(plan.newPrompts.map(\.id))")
        for (t, template) in T.templates.enumerated() {
            let lines = log.enumerated().filter { $0.element.template == t }.map { $0.offset + 1 }
            let prompt = try #require(plan.newPrompts.first { $0.addedCases.map(\.source.line) == lines }, "template \(t + 1): no prompt of lines \(lines); got \(plan.newPrompts.map { $0.addedCases.map(\.source.line) })")
            var expected = [template.user]
            if let system = template.system { expected.insert(system, at: 0) }
            #expect(prompt.messages.map(\.content) == expected, "template \(t + 1)")
            #expect(prompt.variables == T.expectedVariables[t], "template \(t + 1)")
            #expect(prompt.values == template.fills, "template \(t + 1)")
        }
    }
}
