import RiskCore
@testable import RiskSim
import Testing

/// Each scenario leaves the signals `Docs/scenarios.md` promises.
@Suite struct ScenarioSignalTests {
    static func median(_ values: [Int64]) -> Int64 { values.sorted()[values.count / 2] }

    @Test func genuineDeclinesAreOrdinaryCauses() {
        let codes = StandardRun.shared.genuineDeclineCodes
        #expect(Set(codes.keys).isSubset(of: ["51", "54", "55", "91", "96"]), "\(codes)")
        #expect(codes["51", default: 0] > 0 && codes["54", default: 0] > 0 && codes["55", default: 0] > 0)
    }

    @Test func cardTestingUsesTinyAmountsWithoutCardPresence() {
        let run = StandardRun.shared
        #expect(run.scenarioMaxAmount[.cardTesting]! <= 200)
        #expect(run.scenarioEntryModes[.cardTesting]!.isSubset(of: [.ecommerce, .manual]))
    }

    @Test func binAttackEnumeratesPANsOfOneBINOnOneTerminal() {
        let run = StandardRun.shared
        #expect(run.scenarioTokenCards[.binAttack, default: 0] == 0)
        let groups = run.binAttackGroups.values
        #expect(groups.allSatisfy { $0 >= 30 })
        #expect(groups.reduce(0, +) == run.byScenario[.binAttack])
    }

    @Test func entryModeScenariosUseTheirEntryMode() {
        let run = StandardRun.shared
        #expect(run.scenarioEntryModes[.fallbackFraud] == [.fallback])
        #expect(run.scenarioEntryModes[.manualEntryFraud] == [.manual])
    }

    @Test func unusualHourHappensAtNight() {
        #expect(StandardRun.shared.scenarioHours[.unusualHour]!.isSubset(of: [2, 3, 4]))
    }

    @Test func stolenCardSpreeSpendsLargeAmountsAtHighRiskMerchants() {
        let run = StandardRun.shared
        let spree = run.scenarioAmounts[.stolenCardSpree]!
        #expect(Self.median(spree) > 4 * Self.median(run.genuineAmounts))
        #expect(Double(run.scenarioHighRiskMCC[.stolenCardSpree, default: 0]) > 0.25 * Double(spree.count))
    }
}
