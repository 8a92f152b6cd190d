import Testing
@testable import RiskCore

/// The embedding example of README.md, kept compiling and behaving as described.
@Suite("README example")
struct ReadmeExampleTests {
    @Test("the embedding example scores, records outcomes, feedback and status, and hot-reloads")
    func embeddingExample() throws {
        let engine = RiskEngine(policy: try Policy.load(contentsOf: Fixture.defaultPolicyPath))
        let tx = Transaction(id: 42, time: 1_772_445_600_000, card: CardReference("4111111111111111"),
                             amount: 12_50, currency: .eur, merchant: Transaction.entityHash("M-17"),
                             terminal: Transaction.entityHash("T-0042"), mcc: 5411, entryMode: .chip, pinPresent: true, expiry: 2812)
        let decision = engine.score(tx)
        #expect(decision.action == .allow)
        #expect(decision.transactionID == 42)
        engine.record(outcome: Outcome(transaction: tx, responseCode: ResponseCode("51")!))
        engine.record(feedback: Feedback(transaction: tx, reportTime: tx.time + 14 * 86_400_000))
        engine.setStatus(.stolen, for: CardReference("4111111111111111"))
        var later = tx
        later.time += 60_000
        #expect(engine.score(later).codes.first == "CARD_LOST_OR_STOLEN")
        #expect(CardReference("4111111111111111").masked == "411111******1111")
        let version = engine.install(try Policy.parse(yaml: "name: strict\nrules:\n  - {name: all, when: tx.amount > 0, action: decline, code: ALL}\n"))
        later.time += 60_000
        let strict = engine.score(later)
        #expect(strict.policyVersion == version)
        #expect(strict.codes == ["ALL"])
    }
}
