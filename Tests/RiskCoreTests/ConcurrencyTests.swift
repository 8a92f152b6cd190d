import Dispatch
import Testing
@testable import RiskCore

@Suite("Concurrency")
struct ConcurrencyTests {
    @Test("many threads scoring the same card lose no update")
    func sameCardNoLostUpdates() {
        let engine = RiskEngine(policy: try! Policy.parse(yaml: "rules: []"))
        let threads = 8, perThread = 2_000
        DispatchQueue.concurrentPerform(iterations: threads) { thread in
            for step in 0..<perThread {
                let tx = Fixture.tx(card: "tok_shared", at: Fixture.start + Int64(step), amount: 100 + Int64(thread),
                                    terminal: "T\(thread % 2)")
                _ = engine.score(tx)
                engine.record(outcome: Outcome(transaction: tx, responseCode: .approved))
            }
        }
        let features = engine.features(scoring: Fixture.tx(card: "tok_shared", at: Fixture.start + 10_000))
        #expect(features[.cardHistoryAttempts] == Double(threads * perThread))
        #expect(features[.terminalAttempts1m] == Double(threads * perThread / 2 + 1))
        #expect(features[.merchantAttempts1m] == Double(threads * perThread + 1))
    }

    @Test("hot reload under concurrent scoring never mixes two policies in one decision")
    func hotReload() throws {
        let declineAll = try Policy.parse(yaml: "name: strict\nrules:\n  - {name: all, when: tx.amount >= 0, action: decline, code: STRICT}\n")
        let allowAll = try Policy.parse(yaml: "name: lenient\nrules:\n  - {name: all, when: tx.amount >= 0, action: score, points: 10, code: LENIENT}\n")
        let engine = RiskEngine(policy: allowAll)
        let scorers = 3, perScorer = 5_000
        let results = Locked<[Decision]>([])
        DispatchQueue.concurrentPerform(iterations: scorers + 1) { worker in
            if worker == scorers {
                for round in 0..<100 { engine.install(round % 2 == 0 ? declineAll : allowAll) }
                return
            }
            var local: [Decision] = []
            local.reserveCapacity(perScorer)
            for step in 0..<perScorer {
                local.append(engine.score(Fixture.tx(card: "tok_\(worker)_\(step % 50)", at: Fixture.start + Int64(step))))
            }
            results.withLock { $0.append(contentsOf: local) }
        }
        let decisions = results.withLock { $0 }
        #expect(decisions.count == scorers * perScorer, "no decision dropped")
        for decision in decisions {
            // Version 1 is the first policy (allow-all); install k gives version k + 1, and even
            // versions are the strict policy.
            if decision.policyVersion % 2 == 0 {
                #expect(decision.action == .decline && decision.codes == ["STRICT"])
            } else {
                #expect(decision.action == .allow && decision.codes == ["LENIENT"] && decision.score == 10)
            }
        }
        #expect(engine.policy.name == "lenient")
    }
}
