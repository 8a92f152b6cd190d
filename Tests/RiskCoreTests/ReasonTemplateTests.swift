import Foundation
import Testing
@testable import RiskCore

/// Reasons refer to interned templates without a reference count: these check that the sharing
/// is by content and that a decision outlives the policy that made it.
@Suite("Reason templates")
struct ReasonTemplateTests {
    static let yaml = """
    rules:
      - name: big
        when: tx.amount >= 100
        action: decline
        code: BIG_AMOUNT
        advice: do_not_try_again
    """

    @Test("loading the same policy twice shares its templates; other content gets its own")
    func sameContentSameTemplate() throws {
        let first = try Policy.parse(yaml: Self.yaml, file: "a.yaml")
        let second = try Policy.parse(yaml: Self.yaml, file: "b.yaml")
        let other = try Policy.parse(yaml: Self.yaml.replacingOccurrences(of: ">= 100", with: ">= 200"), file: "c.yaml")
        let engine = RiskEngine(policy: first)
        let a = engine.score(Fixture.tx(card: "tok_a", amount: 50_000))
        engine.install(second)
        let b = engine.score(Fixture.tx(card: "tok_b", amount: 50_000))
        engine.install(other)
        let c = engine.score(Fixture.tx(card: "tok_c", amount: 50_000))
        #expect(a.reason(at: 0).template === b.reason(at: 0).template)
        #expect(a.reason(at: 0).template !== c.reason(at: 0).template)
        #expect(c.reason(at: 0).template.threshold == 200)
    }

    @Test("a decision encodes its reasons after its policy and engine are gone")
    func decisionOutlivesPolicy() throws {
        var decision: Decision?
        do {
            let policy = try Policy.parse(yaml: Self.yaml.replacingOccurrences(of: "BIG_AMOUNT", with: "BIG_AMOUNT_GONE"), file: "d.yaml")
            let engine = RiskEngine(policy: policy)
            decision = engine.score(Fixture.tx(amount: 50_000))
            engine.install(try Policy.parse(yaml: "rules: []", file: "e.yaml"))
        }
        let json = String(decoding: try JSONEncoder().encode(try #require(decision)), as: UTF8.self)
        #expect(json.contains("\"code\":\"BIG_AMOUNT_GONE\""))
        #expect(json.contains("\"feature\":\"tx.amount\""))
        #expect(json.contains("\"advice\":\"do_not_try_again\""))
    }

    @Test("decoded reasons reuse the template of the same content")
    func decodingInterns() throws {
        let policy = try Policy.parse(yaml: Self.yaml, file: "f.yaml")
        let decision = RiskEngine(policy: policy).score(Fixture.tx(amount: 50_000))
        let reason = decision.reason(at: 0)
        let decoded = try JSONDecoder().decode(Reason.self, from: try JSONEncoder().encode(reason))
        let again = try JSONDecoder().decode(Reason.self, from: try JSONEncoder().encode(reason))
        #expect(decoded.code == "BIG_AMOUNT")
        #expect(decoded.template === again.template)
    }
}
