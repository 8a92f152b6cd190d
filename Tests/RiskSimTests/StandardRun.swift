import RiskCore
@testable import RiskSim

/// One pass over the default scenario mix at 200,000 transactions, summarised once and shared
/// by the tests (generating it is the slow part in a debug build).
struct StandardRun: Sendable {
    static let shared = StandardRun(configuration: GeneratorConfiguration(
        transactions: 200_000, cards: 20_000, terminals: 3_000, merchants: 1_000, days: 30, seed: 2026))

    var transactions = 0
    var fraud = 0
    var genuine = 0
    var genuineDeclined = 0
    var byScenario: [Scenario: Int] = [:]
    var responseCodesByScenario: [Scenario: [String: Int]] = [:]
    var feedback = 0
    var statuses = 0
    var outOfOrder = 0
    var lastTransactionID: UInt64 = 0
    var idsNotIncreasing = 0
    var feedbackNotAfterTransaction = 0
    var feedbackWithUnknownReference = 0
    var feedbackDelayDays: [Double] = []
    var pans = 0
    var invalidPANs = 0
    var statusBeforeSpree = 0
    var genuineHours = [Int](repeating: 0, count: 24)
    var entryModes: [EntryMode: Int] = [:]
    var genuineDeclineCodes: [String: Int] = [:]
    var genuineAmounts: [Int64] = []
    /// Per scenario: largest amount, entry modes, hours of day, share of PAN cards, high-risk MCCs.
    var scenarioMaxAmount: [Scenario: Int64] = [:]
    var scenarioAmounts: [Scenario: [Int64]] = [:]
    var scenarioEntryModes: [Scenario: Set<EntryMode>] = [:]
    var scenarioHours: [Scenario: Set<Int>] = [:]
    var scenarioTokenCards: [Scenario: Int] = [:]
    var scenarioHighRiskMCC: [Scenario: Int] = [:]
    /// BIN-attack transactions per (terminal, BIN).
    var binAttackGroups: [String: Int] = [:]

    init(configuration: GeneratorConfiguration) {
        var transactionTimes: [UInt64: (time: Int64, fraud: Bool)] = [:]
        var firstSpreeTime: [UInt64: Int64] = [:]
        var lastTime = Int64.min
        var cardText: [UInt8] = []
        for record in TrafficGenerator(configuration: configuration) {
            if record.record.time < lastTime { outOfOrder += 1 }
            lastTime = record.record.time
            if record.card.isPAN {
                cardText.removeAll(keepingCapacity: true)
                record.card.appendText(to: &cardText)
                pans += 1
                if !Luhn.isValid(cardText) { invalidPANs += 1 }
            }
            switch record.record {
            case .transaction(let logged):
                transactions += 1
                if record.transactionNumber <= lastTransactionID { idsNotIncreasing += 1 }
                lastTransactionID = record.transactionNumber
                let time = logged.transaction.time
                transactionTimes[record.transactionNumber] = (time, logged.label == .fraud)
                entryModes[logged.transaction.entryMode, default: 0] += 1
                if let scenario = record.scenario {
                    fraud += 1
                    byScenario[scenario, default: 0] += 1
                    responseCodesByScenario[scenario, default: [:]][logged.responseCode!.description, default: 0] += 1
                    let amount = logged.transaction.amount
                    scenarioMaxAmount[scenario] = Swift.max(scenarioMaxAmount[scenario] ?? 0, amount)
                    scenarioAmounts[scenario, default: []].append(amount)
                    scenarioEntryModes[scenario, default: []].insert(logged.transaction.entryMode)
                    scenarioHours[scenario, default: []].insert(Int((time / 3_600_000) % 24))
                    if !record.card.isPAN { scenarioTokenCards[scenario, default: 0] += 1 }
                    if [5122, 5912, 5962, 5966, 5967, 7995, 6051].contains(logged.transaction.mcc) {
                        scenarioHighRiskMCC[scenario, default: 0] += 1
                    }
                    if scenario == .binAttack {
                        binAttackGroups["\(record.terminalNumber)/\(logged.transaction.card.bin)", default: 0] += 1
                    }
                    if scenario == .stolenCardSpree, firstSpreeTime[logged.transaction.card.hash] == nil {
                        firstSpreeTime[logged.transaction.card.hash] = time
                    }
                } else {
                    genuine += 1
                    genuineAmounts.append(logged.transaction.amount)
                    if logged.responseCode != .approved {
                        genuineDeclined += 1
                        genuineDeclineCodes[logged.responseCode!.description, default: 0] += 1
                    }
                    genuineHours[Int((time / 3_600_000) % 24)] += 1
                }
            case .feedback(let report):
                feedback += 1
                if let reported = transactionTimes[record.transactionNumber], reported.fraud {
                    if reported.time != report.transactionTime || report.reportTime <= report.transactionTime {
                        feedbackNotAfterTransaction += 1
                    }
                } else {
                    feedbackWithUnknownReference += 1
                }
                feedbackDelayDays.append(Double(report.reportTime - report.transactionTime) / 86_400_000)
            case .status(let update):
                statuses += 1
                if let first = firstSpreeTime[update.card.hash], first < update.time {} else { statusBeforeSpree += 1 }
            }
        }
    }

    var fraudShare: Double { Double(fraud) / Double(transactions) }
    var genuineDeclineRate: Double { Double(genuineDeclined) / Double(genuine) }
}
