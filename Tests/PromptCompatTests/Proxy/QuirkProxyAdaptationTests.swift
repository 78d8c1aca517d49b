import Foundation
import PromptCompat
import PromptCompatTestSupport
import Testing

/// For every profile: a request that breaks each of the profile's rules is rejected by the quirk proxy as
/// the provider would reject it, and the same request after `RequestAdapter` is accepted — with one
/// adaptation line per broken rule. The proxy checks requests with its own provider-side rules, so this
/// is the adapter tested against an independent oracle over real HTTP, not against itself.
@Suite("QuirkProxy: adapted requests pass every profile")
struct QuirkProxyAdaptationTests {
    /// A request breaking every rule `profile` has, and the adaptation rules it should call for.
    static func ruleBreakingRequest(for profile: ProviderProfile) -> (request: ChatRequest, rules: Set<String>) {
        var parameters = JSONObject()
        var rules: Set<String> = []
        if let range = profile.temperature {
            parameters["temperature"] = .number(QuirkProxyTests.outside(range))
            rules.insert("temperature")
        }
        if let range = profile.topP, !range.contains(1) {
            parameters["top_p"] = 1
            rules.insert("top_p")
        }
        for parameter in profile.unsupportedParameters {
            parameters[parameter] = parameter == "response_format" ? ["type": "json_object"] : 1
            rules.insert("unsupported")
        }
        let model = profile.defaultModel ?? "model"
        if let cap = profile.outputCap(for: model) {
            parameters["max_tokens"] = .number(Double(cap * 2))
            rules.insert("max_tokens")
        }
        var messages = [ChatMessage(role: .user, content: "你好"), ChatMessage(role: .user, content: "订单 20240709 到哪了？")]
        if profile.messages.system != .anywhere {
            messages.insert(ChatMessage(role: .system, content: "你是客服，只用中文回答。"), at: 1)
        }
        if profile.messages != ProviderProfile.MessageRules() { rules.insert("messages") }
        return (ChatRequest(model: model, messages: messages, parameters: parameters), rules)
    }

    @Test("a request that breaks the profile's rules is adapted with a line per rule, and the provider accepts it", arguments: quirkProfiles)
    func theAdaptedRequestIsAccepted(profile id: String) async throws {
        let fixture = try QuirkFixture(id)
        let (request, rules) = Self.ruleBreakingRequest(for: fixture.profile)
        let adapted = RequestAdapter.adapt(request, to: fixture.profile)

        #expect(adapted.problems.isEmpty, "\(adapted.problems)")
        #expect(Set(adapted.adaptations.map(\.rule)) == rules, "\(adapted.adaptations.map(\.change))")
        let completion = try await fixture.client().complete(adapted.request)
        #expect(completion.text == QuirkFixture.answer)
        #expect(fixture.upstream.requests.count == 1)
    }

    @Test(
        "the same request unadapted is refused, so the acceptance above proves the adaptation",
        arguments: quirkProfiles.filter { !ruleBreakingRequest(for: ProviderProfile.named($0)!).rules.subtracting(["max_tokens"]).isEmpty }
    )
    func theUnadaptedRequestIsRefused(profile id: String) async throws {
        let fixture = try QuirkFixture(id)
        let failure = await expectFailure(of: fixture.client(), Self.ruleBreakingRequest(for: fixture.profile).request)
        #expect(failure?.blocksMigration == true, "\(failure?.description ?? "no failure")")
        #expect(fixture.upstream.requests.isEmpty)
    }

    @Test("profiles with no rules at all send the request unchanged")
    func profilesWithoutRules() throws {
        let free = ProviderProfile.catalog.filter { Self.ruleBreakingRequest(for: $0).rules.isEmpty }
        for profile in free {
            let (request, _) = Self.ruleBreakingRequest(for: profile)
            #expect(RequestAdapter.adapt(request, to: profile).adaptations.isEmpty, "\(profile.id)")
        }
    }
}
