import RiskCore

/// One worker of the keyed stage: the single writer of the terminal, merchant and card
/// partitions `p` with `p % workerCount == index`.
///
/// For each batch, in stream order, it first computes the terminal and merchant features of the
/// records whose terminal or merchant it owns (applying each record's issuer response and the
/// feedback to those acceptors right after), then, once every worker has done that for the
/// batch, the card features and decisions of the records whose card it owns (applying responses,
/// feedback and status updates to the cards). Per partition that is exactly the order in which
/// ``RiskEngine/process(_:)`` touches the state.
final class KeyedWorker: @unchecked Sendable {
    let index: Int
    let workerCount: Int
    let configuration: EngineConfiguration
    let policy: Policy
    let ranges: AcceptorFeatureRanges
    let policyVersion: Int
    /// Owned partitions, at `partition / workerCount`.
    private let terminals: [AcceptorPartition]
    private let merchants: [AcceptorPartition]
    private let cards: [CardPartition]
    private var scratch = FeatureVector()

    init(index: Int, workerCount: Int, configuration: EngineConfiguration, policy: Policy, ranges: AcceptorFeatureRanges,
         policyVersion: Int) {
        self.policyVersion = policyVersion
        self.index = index
        self.workerCount = workerCount
        self.configuration = configuration
        self.policy = policy
        self.ranges = ranges
        let owned = max(configuration.partitions - index + workerCount - 1, 0) / workerCount
        terminals = (0..<owned).map { _ in AcceptorPartition(maximumAcceptors: configuration.terminalsPerPartition) }
        merchants = (0..<owned).map { _ in AcceptorPartition(maximumAcceptors: configuration.merchantsPerPartition) }
        cards = (0..<owned).map { _ in CardPartition(maximumCards: configuration.cardsPerPartition) }
    }

    /// The local index of the partition owning `key`, or nil when another worker owns it.
    @inline(__always)
    private func owned(_ key: UInt64) -> Int? {
        let partition = configuration.partition(of: key)
        return partition % workerCount == index ? partition / workerCount : nil
    }

    /// Terminal and merchant work on a batch.
    func processAcceptors(_ batch: RecordBatch) {
        let width = ranges.width
        for slot in 0..<batch.count where batch.kinds[slot] != .rejected {
            switch batch.records[slot] {
            case .transaction(let logged):
                let tx = logged.transaction
                if let local = owned(tx.terminal) {
                    observe(tx, in: terminals[local], as: .terminal, range: ranges.terminal, into: batch.terminalValues + slot * width)
                    if let code = logged.responseCode {
                        terminals[local].apply(Outcome(transaction: tx, responseCode: code), as: .terminal)
                    }
                }
                if let local = owned(tx.merchant) {
                    observe(tx, in: merchants[local], as: .merchant, range: ranges.merchant, into: batch.merchantValues + slot * width)
                    if let code = logged.responseCode {
                        merchants[local].apply(Outcome(transaction: tx, responseCode: code), as: .merchant)
                    }
                }
            case .feedback(let feedback):
                if let local = owned(feedback.terminal) { terminals[local].apply(feedback, as: .terminal) }
                if let local = owned(feedback.merchant) { merchants[local].apply(feedback, as: .merchant) }
            case .status:
                break
            }
        }
    }

    /// Computes one acceptor kind's features in the scratch vector and copies them out.
    @inline(__always)
    private func observe(_ tx: Transaction, in partition: AcceptorPartition, as kind: AcceptorKind,
                         range: Range<Int>, into values: UnsafeMutablePointer<Double>) {
        scratch.withUnsafeMutableValues { all in
            for feature in range { all[feature] = 0 }
        }
        partition.observe(tx, as: kind, into: &scratch)
        scratch.withUnsafeMutableValues { all in
            for (offset, feature) in range.enumerated() { values[offset] = all[feature] }
        }
    }

    /// Card work and decisions on a batch (after every worker's acceptor work on it).
    func processCards(_ batch: RecordBatch) {
        let width = ranges.width
        for slot in 0..<batch.count where batch.kinds[slot] != .rejected {
            switch batch.records[slot] {
            case .transaction(let logged):
                let tx = logged.transaction
                guard let local = owned(tx.card.hash) else { continue }
                let terminalValues = batch.terminalValues + slot * width
                let merchantValues = batch.merchantValues + slot * width
                let features = batch.features + slot
                features.pointee.withUnsafeMutableValues { all in
                    for (offset, feature) in ranges.terminal.enumerated() { all[feature] = terminalValues[offset] }
                    for (offset, feature) in ranges.merchant.enumerated() { all[feature] = merchantValues[offset] }
                }
                cards[local].observe(tx, into: &features.pointee)
                batch.decisions[slot] = policy.decide(&features.pointee, transactionID: tx.id, policyVersion: policyVersion)
                if let code = logged.responseCode {
                    cards[local].apply(Outcome(transaction: tx, responseCode: code))
                }
            case .feedback(let feedback):
                if let local = owned(feedback.card.hash) { cards[local].apply(feedback) }
            case .status(let update):
                if let local = owned(update.card.hash) { cards[local].apply(update) }
            }
        }
    }
}
