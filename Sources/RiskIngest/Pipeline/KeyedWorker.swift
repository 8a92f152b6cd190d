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
    /// Where acceptor features are computed before being copied into the batch (allocated once).
    private let scratch: UnsafeMutablePointer<FeatureVector>
    /// How many slots ahead the records are prefetched (their index lines twice as far): enough
    /// for the cache misses to overlap the work on the slots in between.
    private static let lookaheadDistance = 3

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
        scratch = .allocate(capacity: 1)
        scratch.initialize(to: FeatureVector())
    }

    deinit { scratch.deinitialize(count: 1).deallocate() }

    /// The local index of the (owned) partition of `key`.
    @inline(__always)
    private func local(_ key: UInt64) -> Int {
        configuration.partition(of: key) / workerCount
    }

    /// Terminal and merchant work on a batch: only the slots whose terminal or merchant this
    /// worker owns (the parser recorded the owners), without reading the others' records.
    func processAcceptors(_ batch: RecordBatch) {
        let stride = ranges.slotStride
        let me = UInt8(truncatingIfNeeded: index)
        for slot in 0..<batch.count where batch.kinds[slot] != .rejected {
            prefetchAcceptors(batch, slot: slot + 2 * Self.lookaheadDistance, indexOnly: true)
            prefetchAcceptors(batch, slot: slot + Self.lookaheadDistance, indexOnly: false)
            let owners = batch.owners + slot * 3
            let ownsTerminal = owners[0] == me
            let ownsMerchant = owners[1] == me
            guard ownsTerminal || ownsMerchant else { continue }
            if batch.kinds[slot] == .transaction {
                let tx = batch.transactions[slot]
                let code = batch.responseCodes[slot]
                if ownsTerminal {
                    let partition = terminals[local(tx.terminal)]
                    observe(tx, in: partition, as: .terminal, range: ranges.terminal, into: batch.terminalValues + slot * stride)
                    if let code {
                        partition.apply(Outcome(transaction: tx, responseCode: code), as: .terminal)
                    }
                }
                if ownsMerchant {
                    let partition = merchants[local(tx.merchant)]
                    observe(tx, in: partition, as: .merchant, range: ranges.merchant, into: batch.merchantValues + slot * stride)
                    if let code {
                        partition.apply(Outcome(transaction: tx, responseCode: code), as: .merchant)
                    }
                }
            } else if case .feedback(let feedback) = batch.updates[slot] {
                if ownsTerminal { terminals[local(feedback.terminal)].apply(feedback, as: .terminal) }
                if ownsMerchant { merchants[local(feedback.merchant)].apply(feedback, as: .merchant) }
            }
        }
    }

    /// Prefetches the terminal and merchant index lines, or records, of `slot` (if this worker
    /// owns them).
    @inline(__always)
    private func prefetchAcceptors(_ batch: RecordBatch, slot: Int, indexOnly: Bool) {
        guard slot < batch.count, batch.kinds[slot] == .transaction else { return }
        let me = UInt8(truncatingIfNeeded: index)
        let owners = batch.owners + slot * 3
        let tx = batch.transactions + slot
        if owners[0] == me {
            let partition = terminals[local(tx.pointee.terminal)]
            if indexOnly { partition.prefetchIndex(tx.pointee, as: .terminal) } else { partition.prefetch(tx.pointee, as: .terminal) }
        }
        if owners[1] == me {
            let partition = merchants[local(tx.pointee.merchant)]
            if indexOnly { partition.prefetchIndex(tx.pointee, as: .merchant) } else { partition.prefetch(tx.pointee, as: .merchant) }
        }
    }

    /// Prefetches the card index line, or record, of `slot` (if this worker owns it).
    @inline(__always)
    private func prefetchCard(_ batch: RecordBatch, slot: Int, indexOnly: Bool) {
        guard slot < batch.count, batch.kinds[slot] == .transaction,
              batch.owners[slot * 3 + 2] == UInt8(truncatingIfNeeded: index) else { return }
        let tx = batch.transactions + slot
        let partition = cards[local(tx.pointee.card.hash)]
        if indexOnly { partition.prefetchIndex(tx.pointee) } else { partition.prefetch(tx.pointee) }
    }

    /// Computes one acceptor kind's features in the scratch vector and copies them out.
    @inline(__always)
    private func observe(_ tx: Transaction, in partition: AcceptorPartition, as kind: AcceptorKind,
                         range: Range<Int>, into values: UnsafeMutablePointer<Double>) {
        scratch.pointee.withUnsafeMutableValues { all in
            for feature in range { all[feature] = 0 }
        }
        partition.observe(tx, as: kind, into: &scratch.pointee)
        scratch.pointee.withUnsafeMutableValues { all in
            for (offset, feature) in range.enumerated() { values[offset] = all[feature] }
        }
    }

    /// Card work and decisions on a batch (after every worker's acceptor work on it): only the
    /// slots whose card this worker owns.
    func processCards(_ batch: RecordBatch) {
        let stride = ranges.slotStride
        let me = UInt8(truncatingIfNeeded: index)
        for slot in 0..<batch.count where batch.kinds[slot] != .rejected && batch.owners[slot * 3 + 2] == me {
            prefetchCard(batch, slot: slot + 2 * Self.lookaheadDistance, indexOnly: true)
            prefetchCard(batch, slot: slot + Self.lookaheadDistance, indexOnly: false)
            switch batch.kinds[slot] {
            case .transaction:
                let tx = batch.transactions[slot]
                let partition = cards[local(tx.card.hash)]
                let terminalValues = batch.terminalValues + slot * stride
                let merchantValues = batch.merchantValues + slot * stride
                let features = batch.features + slot
                features.pointee.withUnsafeMutableValues { all in
                    for (offset, feature) in ranges.terminal.enumerated() { all[feature] = terminalValues[offset] }
                    for (offset, feature) in ranges.merchant.enumerated() { all[feature] = merchantValues[offset] }
                }
                partition.observe(tx, into: &features.pointee)
                (batch.decisions + slot).pointee = policy.decide(&features.pointee, transactionID: tx.id, policyVersion: policyVersion)
                if let code = batch.responseCodes[slot] {
                    partition.apply(Outcome(transaction: tx, responseCode: code))
                }
            case .update:
                switch batch.updates[slot] {
                case .feedback(let feedback): cards[local(feedback.card.hash)].apply(feedback)
                case .status(let update): cards[local(update.card.hash)].apply(update)
                case .transaction: break
                }
            case .rejected:
                break
            }
        }
    }
}
