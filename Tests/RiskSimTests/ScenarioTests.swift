import RiskCore
@testable import RiskSim
import Testing

@Suite struct ScenarioTests {
    @Test func everyScenarioAppearsWithTheDefaultMix() {
        let run = StandardRun.shared
        for scenario in Scenario.allCases {
            #expect(run.byScenario[scenario, default: 0] > 0, "missing \(scenario.name)")
        }
    }

    @Test func fraudShareIsPlausible() {
        let share = StandardRun.shared.fraudShare
        #expect(share > 0.005 && share < 0.03, "fraud share \(share)")
    }

    @Test func genuineDeclineRateIsLow() {
        let rate = StandardRun.shared.genuineDeclineRate
        #expect(rate > 0.005 && rate < 0.05, "genuine decline rate \(rate)")
    }

    @Test func attackScenariosAreMostlyDeclinedWithTheirCodes() {
        let codes = StandardRun.shared.responseCodesByScenario
        for scenario in [Scenario.cardTesting, .binAttack, .retryAfterNeverRetry, .rapidRetries] {
            let counts = codes[scenario, default: [:]]
            let total = counts.values.reduce(0, +)
            #expect(Double(counts["00", default: 0]) < 0.3 * Double(total), "\(scenario.name): \(counts)")
        }
        #expect(Set(codes[.binAttack, default: [:]].keys).isSubset(of: ["00", "14", "54", "N7"]))
        #expect(Set(codes[.cardTesting, default: [:]].keys).isSubset(of: ["00", "14", "54", "82", "05"]))
        let spree = codes[.stolenCardSpree, default: [:]]
        #expect(Double(spree["00", default: 0]) > 0.6 * Double(spree.values.reduce(0, +)))
    }

    @Test func genuineTrafficFollowsDailyRhythmAndEntryModes() {
        let run = StandardRun.shared
        let night = run.genuineHours[2..<5].reduce(0, +)
        let day = run.genuineHours[11..<14].reduce(0, +)
        #expect(night * 10 < day)
        let chipOrContactless = run.entryModes[.chip, default: 0] + run.entryModes[.contactless, default: 0]
        #expect(Double(chipOrContactless) > 0.7 * Double(run.transactions))
    }

    @Test func genuineOnlyMixHasNoFraud() {
        var generator = TrafficGenerator(configuration: GeneratorConfiguration(
            transactions: 5_000, cards: 500, terminals: 100, merchants: 40, days: 3, seed: 1, scenarioMix: .genuineOnly))
        while let record = generator.next() {
            #expect(record.scenario == nil)
            if case .transaction(let logged) = record.record { #expect(logged.label == .genuine) }
        }
    }
}
