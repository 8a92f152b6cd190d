import RiskCore

/// How the policy treated labelled traffic: for each scenario and for genuine transactions,
/// how many were reviewed and declined, which rules flagged genuine traffic, and for the
/// velocity scenarios how detection depends on the attempt's position in its incident.
public struct DetectionSummary: Sendable {
    /// Decisions on one group of transactions.
    public struct Counts: Sendable {
        /// Transactions in the group.
        public var transactions = 0
        /// Of them, sent to review.
        public var reviewed = 0
        /// Of them, declined.
        public var declined = 0

        /// Share reviewed or declined (0 for an empty group).
        public var caughtShare: Double { transactions == 0 ? 0 : Double(reviewed + declined) / Double(transactions) }
        /// Share reviewed.
        public var reviewShare: Double { transactions == 0 ? 0 : Double(reviewed) / Double(transactions) }
        /// Share declined.
        public var declineShare: Double { transactions == 0 ? 0 : Double(declined) / Double(transactions) }

        /// Counts one decision.
        public mutating func add(_ action: Action) {
            transactions += 1
            if action == .review { reviewed += 1 }
            if action == .decline { declined += 1 }
        }
    }

    /// The velocity scenarios the issue sets targets for.
    public static let velocityScenarios: [Scenario] = [.rapidRetries, .cardTesting, .binAttack, .retryAfterNeverRetry]
    /// Target: share of each velocity scenario's transactions reviewed or declined.
    public static let velocityTarget = 0.95
    /// Target: most genuine transactions reviewed or declined.
    public static let genuineLimit = 0.005
    /// A gap longer than this on the incident's key starts a new incident.
    public static let incidentGap: Int64 = 30 * 60 * 1000

    /// Genuine transactions.
    public private(set) var genuine = Counts()
    /// All fraud transactions.
    public private(set) var fraud = Counts()
    private var perScenario = [Counts](repeating: Counts(), count: Scenario.allCases.count)
    /// Velocity-scenario transactions after the first attempt of their incident.
    private var afterFirst = [Counts](repeating: Counts(), count: Scenario.allCases.count)
    /// Position tracking per scenario and key (card or terminal): last time and attempt number.
    private var incidents: [Int: [UInt64: (time: Int64, attempt: Int)]] = [:]
    /// Reason codes on genuine transactions that were reviewed or declined (every reason).
    public private(set) var genuineReasonCodes: [String: Int] = [:]
    /// Reason codes on fraud transactions that were reviewed or declined, by scenario.
    public private(set) var fraudReasonCodes: [Scenario: [String: Int]] = [:]

    /// An empty summary.
    public init() {}

    /// Counts the decision on one transaction (label 0: genuine, else the scenario raw value).
    public mutating func add(_ decision: Decision, for transaction: Transaction, label: UInt8) {
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
    public func counts(for scenario: Scenario) -> Counts { perScenario[Int(scenario.rawValue) - 1] }

    /// Decisions on the transactions of a velocity scenario after the first attempt of each
    /// incident (same card, or same terminal for card testing and BIN attacks, within 30 minutes).
    public func countsAfterFirstAttempt(for scenario: Scenario) -> Counts { afterFirst[Int(scenario.rawValue) - 1] }

    /// Whether every velocity scenario present reaches the target and genuine traffic stays
    /// under its limit.
    public var meetsTargets: Bool {
        genuine.caughtShare <= Self.genuineLimit
            && Self.velocityScenarios.allSatisfy { counts(for: $0).transactions == 0 || counts(for: $0).caughtShare >= Self.velocityTarget }
    }
}

extension DetectionSummary {
    /// Counts the decision on a logged transaction, reading its label and scenario name; a
    /// transaction without a label is not counted.
    public mutating func add(_ decision: Decision, for logged: LoggedTransaction) {
        switch logged.label {
        case .unknown:
            return
        case .genuine:
            add(decision, for: logged.transaction, label: 0)
        case .fraud:
            if let scenario = Scenario(name: logged.scenario) {
                add(decision, for: logged.transaction, label: scenario.rawValue)
            } else {
                fraud.add(decision.action)
            }
        }
    }
}
