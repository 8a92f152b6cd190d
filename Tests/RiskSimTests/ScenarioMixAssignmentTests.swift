import RiskCore
@testable import RiskSim
import Testing

@Suite struct ScenarioMixAssignmentTests {
    @Test func assignmentSetsOneRateAndKeepsTheOthers() throws {
        var mix = ScenarioMix.standard
        try mix.apply(["card_testing=80"])
        #expect(mix[.cardTesting] == 80)
        for scenario in Scenario.allCases where scenario != .cardTesting {
            #expect(mix[scenario] == ScenarioMix.standard[scenario])
        }
    }

    @Test func laterAssignmentsOverrideEarlierOnesAndAllSetsEveryScenario() throws {
        var mix = ScenarioMix.standard
        try mix.apply(["all=0", "bin_attack=12.5", "bin_attack=50"])
        #expect(mix[.binAttack] == 50)
        for scenario in Scenario.allCases where scenario != .binAttack {
            #expect(mix[scenario] == 0)
        }
    }

    @Test(arguments: ["card_testing", "card_testing=", "card_testing=-1", "card_testing=nan", "card_testing=inf",
                      "card_testing=lots", "skimming=5", "=5"])
    func invalidAssignmentIsRejectedNamingItAndLeavesTheMixUnchanged(_ text: String) {
        var mix = ScenarioMix.standard
        #expect {
            try mix.apply(["bin_attack=1", text])
        } throws: { error in
            (error as? ScenarioMixError)?.description.contains("\"\(text)\"") == true
        }
        #expect(mix == ScenarioMix.standard)
    }
}

@Suite struct TrafficTallyTests {
    @Test func tallyMatchesARecountOfTheGeneratedRecords() {
        let configuration = GeneratorConfiguration(
            transactions: 5_000, cards: 500, terminals: 100, merchants: 50, days: 3, seed: 11,
            scenarioMix: ScenarioMix.standard.scaled(by: 20))
        var tally = TrafficTally()
        var transactions = 0, fraud = 0, feedback = 0, status = 0
        var perScenario: [Scenario: Int] = [:]
        for record in TrafficGenerator(configuration: configuration) {
            tally.count(record)
            switch record.record {
            case .transaction(let logged):
                transactions += 1
                if logged.label == .fraud {
                    fraud += 1
                    perScenario[Scenario(name: logged.scenario)!, default: 0] += 1
                }
            case .feedback: feedback += 1
            case .status: status += 1
            }
        }
        #expect(tally.transactions == transactions)
        #expect(tally.records == transactions + feedback + status)
        #expect(tally.fraudTransactions == fraud && fraud > 0)
        #expect(tally.feedbackRecords == feedback && tally.statusRecords == status)
        for scenario in Scenario.allCases {
            #expect(tally.transactions(of: scenario) == perScenario[scenario, default: 0])
        }
        #expect(tally.fraudShare == Double(fraud) / Double(transactions))
    }
}
