import BenchmarkSupport
import RiskCore

/// Generated transactions replayed without end: each pass over the array shifts event time by
/// the span of the array, so windows always see time moving forward, as in production.
struct WarmTraffic {
    /// Distinct transactions in one pass.
    static let count = 100_000

    let transactions: [Transaction]
    private let span: Int64
    private var index = 0
    private var shift: Int64 = 0

    init() {
        transactions = SimulatedTraffic.transactions(Self.count)
        span = transactions.last!.time - transactions.first!.time + 1
    }

    /// The next transaction, its time shifted by the completed passes.
    @inline(__always)
    mutating func next() -> Transaction {
        var tx = transactions[index]
        tx.time &+= shift
        index += 1
        if index == transactions.count {
            index = 0
            shift &+= span
        }
        return tx
    }
}
