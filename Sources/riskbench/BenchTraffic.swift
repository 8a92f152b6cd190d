import RiskCore
import RiskSim

/// Generated traffic held in memory before anything is timed.
struct BenchTraffic {
    /// Every record in event-time order (transactions, feedback, status updates).
    let records: [StreamRecord]
    /// For each record: 0 for a genuine transaction, the scenario's raw value for a fraud
    /// transaction, ``notATransaction`` for feedback and status records.
    let labels: [UInt8]
    /// The transactions alone, in order (for score-only phases).
    let transactions: [Transaction]
    /// Counts of the stream.
    let tally: TrafficTally
    /// The configuration it was generated from.
    let configuration: GeneratorConfiguration

    /// Label of a feedback or status record.
    static let notATransaction: UInt8 = 255

    /// Runs the generator to the end and keeps everything.
    init(configuration: GeneratorConfiguration) {
        var records: [StreamRecord] = []
        var labels: [UInt8] = []
        var transactions: [Transaction] = []
        let expected = configuration.transactionCount + configuration.transactionCount / 50
        records.reserveCapacity(expected)
        labels.reserveCapacity(expected)
        transactions.reserveCapacity(configuration.transactionCount)
        var tally = TrafficTally()
        for generated in TrafficGenerator(configuration: configuration) {
            tally.count(generated)
            records.append(generated.record)
            if case .transaction(let logged) = generated.record {
                transactions.append(logged.transaction)
                labels.append(generated.scenario?.rawValue ?? 0)
            } else {
                labels.append(Self.notATransaction)
            }
        }
        self.records = records
        self.labels = labels
        self.transactions = transactions
        self.tally = tally
        self.configuration = configuration
    }
}
