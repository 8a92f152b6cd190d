import RiskCore
import RiskSim

/// How the policy treated labelled traffic: for each scenario and for genuine transactions,
/// how many were reviewed and declined, which rules flagged genuine traffic, and for the
/// velocity scenarios how detection depends on the attempt's position in its incident.
struct DetectionSummary: Sendable {
    /// Decisions on one group of transactions.
    struct Counts: Sendable {
        var transactions = 0
        var reviewed = 0
        var declined = 0

        /// Share reviewed or declined (0 for an empty group).
        var caughtShare: Double { transactions == 0 ? 0 : Double(reviewed + declined) / Double(transactions) }
        /// Share reviewed.
        var reviewShare: Double { transactions == 0 ? 0 : Double(reviewed) / Double(transactions) }
        /// Share declined.
        var declineShare: Double { transactions == 0 ? 0 : Double(declined) / Double(transactions) }

        mutating func add(_ action: Action) {
            transactions += 1
            if action == .review { reviewed += 1 }
            if action == .decline { declined += 1 }
        }
    }

    /// The velocity scenarios the issue sets targets for.
    static let velocityScenarios: [Scenario] = [.rapidRetries, .cardTesting, .binAttack, .retryAfterNeverRetry]
    /// Target: share of each velocity scenario's transactions reviewed or declined.
    static let velocityTarget = 0.95
    /// Target: most genuine transactions reviewed or declined.
    static let genuineLimit = 0.005
    /// A gap longer than this on the incident's key starts a new incident.
    static let incidentGap: Int64 = 30 * 60 * 1000

    /// Genuine transactions.
    private(set) var genuine = Counts()
    /// All fraud transactions.
    private(set) var fraud = Counts()
    private var perScenario = [Counts](repeating: Counts(), count: Scenario.allCases.count)
    /// Velocity-scenario transactions after the first attempt of their incident.
    private var afterFirst = [Counts](repeating: Counts(), count: Scenario.allCases.count)
    /// Position tracking per scenario and key (card or terminal): last time and attempt number.
    private var incidents: [Int: [UInt64: (time: Int64, attempt: Int)]] = [:]
    /// Reason codes on genuine transactions that were reviewed or declined (every reason).
    private(set) var genuineReasonCodes: [String: Int] = [:]
    /// Reason codes on fraud transactions that were reviewed or declined, by scenario.
    private(set) var fraudReasonCodes: [Scenario: [String: Int]] = [:]

    /// An empty summary.
    init() {}

    /// Counts the decision on one transaction (label 0: genuine, else the scenario raw value).
    mutating func add(_ decision: Decision, for transaction: Transaction, label: UInt8) {
        let flagged = decision.action != .allow
        guard label != 0, let scenario = Scenario(rawValue: label) else {
            genuine.add(decision.action)
            if flagged { tally(decision, into: &genuineReasonCodes) }
            return
        }
        fraud.add(decision.action)
        perScenario[Int(label) - 1].add(decision.action)
        if flagged { tally(decision, into: &fraudReasonCodes[scenario, default: [:]]) }
        guard Self.velocityScenarios.contains(scenario) else { return }
        let key = scenario == .cardTesting || scenario == .binAttack ? transaction.terminal : transaction.card.hash
        var attempt = 1
        if let previous = incidents[Int(label)]?[key], transaction.time - previous.time <= Self.incidentGap {
            attempt = previous.attempt + 1
        }
        incidents[Int(label), default: [:]][key] = (transaction.time, attempt)
        if attempt > 1 { afterFirst[Int(label) - 1].add(decision.action) }
    }

    private func tally(_ decision: Decision, into codes: inout [String: Int]) {
        for index in 0..<decision.reasonCount { codes[decision.reason(at: index).code, default: 0] += 1 }
    }

    /// Decisions on the transactions of `scenario`.
    func counts(for scenario: Scenario) -> Counts { perScenario[Int(scenario.rawValue) - 1] }

    /// Decisions on the transactions of a velocity scenario after the first attempt of each
    /// incident (same card, or same terminal for card testing and BIN attacks, within 30 minutes).
    func countsAfterFirstAttempt(for scenario: Scenario) -> Counts { afterFirst[Int(scenario.rawValue) - 1] }

    /// Whether every velocity scenario present reaches the target and genuine traffic stays
    /// under its limit.
    var meetsTargets: Bool {
        genuine.caughtShare <= Self.genuineLimit
            && Self.velocityScenarios.allSatisfy { counts(for: $0).transactions == 0 || counts(for: $0).caughtShare >= Self.velocityTarget }
    }
}
