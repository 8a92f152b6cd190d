import RiskCore

/// Everything an evaluation keeps about one policy's decisions on a labelled stream: a sample
/// per labelled transaction, and decision counts per scenario.
public struct DecisionLog: Sendable {
    /// The policy's name.
    public let policyName: String
    /// One sample per transaction with a known label, in stream order.
    public private(set) var samples: [ScoredSample] = []
    /// Decisions per scenario name (`""` for transactions without one).
    public private(set) var scenarios: [String: DecisionCounts] = [:]
    /// Transactions without a label (scored, but left out of the metrics).
    public private(set) var unlabelled = 0

    /// Creates an empty log.
    public init(policyName: String) {
        self.policyName = policyName
    }

    /// Adds one decision.
    public mutating func add(_ decision: Decision, for logged: LoggedTransaction) {
        scenarios[logged.scenario, default: DecisionCounts()].count(decision.action)
        guard logged.label != .unknown else {
            unlabelled += 1
            return
        }
        samples.append(ScoredSample(score: decision.score, fraud: logged.label == .fraud, action: decision.action,
                                    time: logged.transaction.time, card: logged.transaction.card.hash))
    }
}
