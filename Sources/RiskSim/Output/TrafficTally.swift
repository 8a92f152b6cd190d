import RiskCore

/// Counts of a generated stream: records by kind, fraud transactions, and transactions per
/// scenario. Counting never allocates.
public struct TrafficTally: Sendable, Hashable {
    /// All records.
    public private(set) var records = 0
    /// Transaction records.
    public private(set) var transactions = 0
    /// Transactions labelled fraud.
    public private(set) var fraudTransactions = 0
    /// Feedback (chargeback / fraud report) records.
    public private(set) var feedbackRecords = 0
    /// Card status records.
    public private(set) var statusRecords = 0
    private var perScenario = [Int](repeating: 0, count: Scenario.allCases.count)

    /// An empty tally.
    public init() {}

    /// Counts one record.
    @inline(__always)
    public mutating func count(_ record: GeneratedRecord) {
        records += 1
        switch record.record {
        case .transaction(let logged):
            transactions += 1
            if logged.label == .fraud { fraudTransactions += 1 }
            if let scenario = record.scenario { perScenario[Int(scenario.rawValue) - 1] += 1 }
        case .feedback:
            feedbackRecords += 1
        case .status:
            statusRecords += 1
        }
    }

    /// Transactions of `scenario`.
    public func transactions(of scenario: Scenario) -> Int {
        perScenario[Int(scenario.rawValue) - 1]
    }

    /// Share of transactions labelled fraud (0 when there are none).
    public var fraudShare: Double {
        transactions == 0 ? 0 : Double(fraudTransactions) / Double(transactions)
    }
}
