import Testing
@testable import RiskCore
import RiskSim

/// The batch API prefetches ahead but must decide exactly as one-by-one scoring does.
@Suite("Batch scoring")
struct BatchScoringTests {
    /// Generated traffic with fraud scenarios, so that rules fire and reasons are carried.
    static func transactions() -> [Transaction] {
        let configuration = GeneratorConfiguration(transactions: 6_000, cards: 300, terminals: 20, merchants: 8, days: 3, seed: 11)
        return TrafficGenerator(configuration: configuration).compactMap { generated in
            if case .transaction(let logged) = generated.record { return logged.transaction }
            return nil
        }
    }

    /// A small configuration: tables grow from their first size and evict, during the batch.
    static let tight = EngineConfiguration(partitions: 8, maximumCards: 120, maximumTerminals: 16, maximumMerchants: 8)

    @Test("decisions and features equal scoring one by one", arguments: [EngineConfiguration(), tight])
    func batchMatchesOneByOne(configuration: EngineConfiguration) throws {
        let policy = try Fixture.defaultPolicyWithModel()
        let transactions = Self.transactions()
        let single = RiskEngine(policy: policy, configuration: configuration)
        let expected = transactions.map { single.score($0) }
        let batched = RiskEngine(policy: policy, configuration: configuration)
        var decisions: [Decision] = []
        // Uneven batch sizes, including empty and single-transaction batches.
        var start = 0
        for size in [0, 1, 2, 5, 300, 7, 1_000] + Array(repeating: 500, count: 20) where start < transactions.count {
            let end = min(start + size, transactions.count)
            decisions += batched.score(Array(transactions[start..<end]))
            start = end
        }
        #expect(decisions.count == expected.count)
        #expect(expected.contains { $0.action != .allow }, "the traffic must exercise the rules")
        for (index, (got, want)) in zip(decisions, expected).enumerated() {
            #expect(got.action == want.action && got.score == want.score && got.reasons.map(\.code) == want.reasons.map(\.code),
                    "transaction \(index)")
        }
        #expect(batched.statistics.evictions == single.statistics.evictions)
        #expect(configuration == EngineConfiguration() || single.statistics.evictions > 0, "the tight engine must evict")
    }
}
