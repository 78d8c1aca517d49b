import Testing
@testable import PromptCompat

/// `{{variable}}` templating of message contents.
@Suite("Template")
struct TemplateTests {
    @Test("every {{name}} is replaced by its value; the rest of the text is kept as is")
    func rendersVariables() throws {
        let text = try Template.render("订单 {{order_id}} 已经{{days}}天没有更新了", with: ["order_id": "20240709", "days": "5"])
        #expect(text == "订单 20240709 已经5天没有更新了")
    }

    @Test("spaces inside the braces are allowed")
    func spacesInsideBraces() throws {
        #expect(try Template.render("Hi {{ name }}, {{name}}!", with: ["name": "Ada"]) == "Hi Ada, Ada!")
        #expect(Template.variables(in: "{{ name }}") == ["name"])
    }

    @Test("variable names may use letters, digits, _, - and .")
    func variableNameCharacters() throws {
        #expect(Template.variables(in: "{{order_id}} {{user-name}} {{item.price}} {{v2}}") == ["order_id", "user-name", "item.price", "v2"])
    }

    @Test("variables are listed once each, in order of first use")
    func variablesInOrderOfFirstUse() {
        #expect(Template.variables(in: "{{b}} {{a}} {{b}} {{c}}") == ["b", "a", "c"])
        #expect(Template.variables(in: "no variables here").isEmpty)
    }

    @Test("a value is inserted literally: braces in a value are not expanded again")
    func valuesAreNotReexpanded() throws {
        #expect(try Template.render("{{a}}", with: ["a": "{{b}}", "b": "no"]) == "{{b}}")
    }

    @Test("a variable without a value throws, naming the variable")
    func missingVariableThrows() throws {
        let error = try #require(throws: Template.MissingVariable.self) {
            try Template.render("订单 {{order_id}} 已经{{days}}天", with: ["order_id": "1"])
        }
        #expect(error == Template.MissingVariable(name: "days"))
    }

    @Test("text that is not a {{name}} stays literal", arguments: [
        "{{}}", "{{ }}", "{{two words}}", "{{unclosed", "a {{b", "JSON: {\"a\": {\"b\": 1}}", "{{a!}}",
    ])
    func nonVariablesStayLiteral(_ text: String) throws {
        #expect(Template.variables(in: text).isEmpty)
        #expect(try Template.render(text, with: [:]) == text)
    }

    @Test("a literal {{ … }} before a real variable does not hide it")
    func literalBracesBeforeAVariable() throws {
        #expect(try Template.render("{{not a name}} {{x}}", with: ["x": "1"]) == "{{not a name}} 1")
        #expect(try Template.render("{{x {{y}}", with: ["y": "2"]) == "{{x 2")
    }

    @Test("an empty value is a defined value")
    func emptyValue() throws {
        #expect(try Template.render("[{{a}}]", with: ["a": ""]) == "[]")
    }
}
