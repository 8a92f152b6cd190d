import Testing
@testable import RiskCore

@Suite("Champion/challenger shadow scoring")
struct ShadowTests {
    static let strict = """
    name: strict
    thresholds: { review: 10, decline: 20 }
    rules:
      - name: any_decline_10m
        when: card.declines_10m >= 1
        action: decline
        code: STRICT_DECLINES
      - name: amount
        when: tx.amount >= 0
        action: score
        points: 15
        code: STRICT_AMOUNT
    """

    /// A card retrying after declines, scored by two engines: one with a challenger, one without.
    func retries() -> [(Transaction, String?)] {
        (0..<6).map { i in
            (Fixture.tx(at: Fixture.start + Fixture.seconds(Int64(i) * 20), id: UInt64(i + 1)), i < 4 ? "05" : nil)
        }
    }

    @Test("the live decision and the state are the same with or without a challenger")
    func liveUntouched() throws {
        let policy = try Fixture.defaultPolicy()
        let plain = RiskEngine(policy: policy)
        let shadowed = RiskEngine(policy: policy)
        let version = shadowed.installChallenger(try Policy.parse(yaml: Self.strict))
        #expect(version == 2)
        var sawShadowDecline = false
        for (tx, code) in retries() {
            var plainFeatures = FeatureVector()
            var shadowFeatures = FeatureVector()
            let expected = plain.score(tx, features: &plainFeatures)
            let both = shadowed.scoreWithShadow(tx, features: &shadowFeatures)
            #expect(both.live.action == expected.action)
            #expect(both.live.score == expected.score)
            #expect(both.live.codes == expected.codes)
            #expect(both.live.policyVersion == 1)
            for feature in Feature.allCases { #expect(plainFeatures[feature] == shadowFeatures[feature]) }
            let shadow = try #require(both.shadow)
            #expect(shadow.policyVersion == 2)
            #expect(shadow.score >= 15)
            if shadowFeatures[.cardDeclines10m] >= 1 {
                #expect(shadow.action == .decline)
                #expect(shadow.codes.first == "STRICT_DECLINES")
                sawShadowDecline = true
            } else {
                #expect(shadow.action == .review)
            }
            if let code {
                plain.record(outcome: Outcome(transaction: tx, responseCode: ResponseCode(code)!))
                shadowed.record(outcome: Outcome(transaction: tx, responseCode: ResponseCode(code)!))
            }
        }
        #expect(sawShadowDecline)
    }

    @Test("without a challenger, or after removing it, there is no shadow decision")
    func removal() throws {
        let engine = RiskEngine(policy: try Fixture.defaultPolicy())
        #expect(engine.scoreWithShadow(Fixture.tx(id: 1)).shadow == nil)
        engine.installChallenger(try Policy.parse(yaml: Self.strict))
        #expect(engine.challenger?.name == "strict")
        #expect(engine.scoreWithShadow(Fixture.tx(id: 2)).shadow != nil)
        engine.removeChallenger()
        #expect(engine.challenger == nil)
        #expect(engine.scoreWithShadow(Fixture.tx(id: 3)).shadow == nil)
    }

    @Test("processWithShadow scores transactions and applies other records")
    func processStream() throws {
        let engine = RiskEngine(policy: try Fixture.defaultPolicy())
        engine.installChallenger(try Policy.parse(yaml: Self.strict))
        let tx = Fixture.tx(id: 7)
        let both = try #require(engine.processWithShadow(.transaction(LoggedTransaction(transaction: tx, responseCode: ResponseCode("05")))))
        #expect(both.live.transactionID == 7)
        #expect(both.shadow?.transactionID == 7)
        #expect(engine.processWithShadow(.status(StatusUpdate(card: tx.card, status: .stolen, time: tx.time))) == nil)
        let next = engine.scoreWithShadow(Fixture.tx(at: Fixture.start + 1_000, id: 8))
        #expect(next.live.action == .decline)
        #expect(next.shadow?.action == .decline)
    }
}
