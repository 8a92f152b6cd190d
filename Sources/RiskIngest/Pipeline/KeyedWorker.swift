import RiskCore

/// One worker of the keyed stage: the single writer of the terminal, merchant and card
/// partitions `p` with `p % workerCount == index`.
///
/// For each batch, in stream order, it first computes the terminal features of the records
/// whose terminal it owns, then the merchant features of those whose merchant it owns
/// (applying each record's issuer response and the feedback to those acceptors right after),
/// then, once every worker has done that for the batch, the card features and decisions of the
/// records whose card it owns (applying responses, feedback and status updates to the cards).
/// Per partition that is exactly the order in which ``RiskEngine/process(_:)`` touches the
/// state. The parser lists each worker's slots (``SlotRoutes``), so a worker visits only its
/// own records and prefetches the state of the ones it will reach a few records later.
final class KeyedWorker: @unchecked Sendable {
    let index: Int
    let ownership: PartitionOwnership
    let policy: Policy
    let ranges: AcceptorFeatureRanges
    let policyVersion: Int
    /// Owned partitions, at ``PartitionOwnership/localPartition(of:)``.
    private let terminals: OwnedPartitions<AcceptorPartition>
    private let merchants: OwnedPartitions<AcceptorPartition>
    private let cards: OwnedPartitions<CardPartition>
    /// Where acceptor features are computed before being copied into the batch (allocated once).
    private let scratch: UnsafeMutablePointer<FeatureVector>
    /// Where a transaction's full feature vector is assembled and decided on: one vector that
    /// stays in this core's cache, rather than one per slot travelling from the parser.
    private let features: UnsafeMutablePointer<FeatureVector>
    /// How many of its own records ahead a worker prefetches a record's state (its index lines
    /// twice as far, the transaction itself three times as far): enough for the cache misses
    /// to overlap the work on the records between.
    private static let lookaheadDistance = 3

    init(index: Int, ownership: PartitionOwnership, policy: Policy, ranges: AcceptorFeatureRanges, policyVersion: Int) {
        self.policyVersion = policyVersion
        self.index = index
        self.ownership = ownership
        self.policy = policy
        self.ranges = ranges
        let configuration = ownership.configuration
        let owned = ownership.partitionCount(of: index)
        terminals = OwnedPartitions(count: owned) { AcceptorPartition(maximumAcceptors: configuration.terminalsPerPartition) }
        merchants = OwnedPartitions(count: owned) { AcceptorPartition(maximumAcceptors: configuration.merchantsPerPartition) }
        cards = OwnedPartitions(count: owned) { CardPartition(maximumCards: configuration.cardsPerPartition) }
        scratch = .allocate(capacity: 1)
        scratch.initialize(to: FeatureVector())
        features = .allocate(capacity: 1)
        features.initialize(to: FeatureVector())
    }

    deinit {
        scratch.deinitialize(count: 1).deallocate()
        features.deinitialize(count: 1).deallocate()
        terminals.deallocate()
        merchants.deallocate()
        cards.deallocate()
    }

    /// The number of keyed workers.
    var workerCount: Int { ownership.workers }

    /// Terminal and merchant work on a batch: only the slots whose terminal or merchant this
    /// worker owns. Terminals and merchants live in separate partitions, so doing all of a
    /// batch's terminal work before its merchant work keeps every partition's order.
    func processAcceptors(_ batch: RecordBatch) {
        processAcceptors(batch, as: .terminal, slots: batch.routes.slots(.terminal, worker: index), in: terminals,
                         range: ranges.terminal, values: batch.terminalValues)
        processAcceptors(batch, as: .merchant, slots: batch.routes.slots(.merchant, worker: index), in: merchants,
                         range: ranges.merchant, values: batch.merchantValues)
    }

    /// One acceptor kind's work on the slots listed for it.
    @inline(__always)
    private func processAcceptors(_ batch: RecordBatch, as kind: AcceptorKind, slots: UnsafeBufferPointer<Int32>,
                                  in partitions: OwnedPartitions<AcceptorPartition>, range: Range<Int>,
                                  values: UnsafeMutablePointer<Double>) {
        let stride = ranges.slotStride
        let distance = Self.lookaheadDistance
        for position in 0..<min(3 * distance, slots.count) {
            prefetchAcceptorSlot(batch, slot: Int(slots[position]), values: values)
        }
        for position in 0..<min(2 * distance, slots.count) {
            prefetchAcceptor(batch, slot: Int(slots[position]), as: kind, in: partitions, indexOnly: true)
        }
        for position in 0..<min(distance, slots.count) {
            prefetchAcceptor(batch, slot: Int(slots[position]), as: kind, in: partitions, indexOnly: false)
        }
        for position in 0..<slots.count {
            if position &+ 3 &* distance < slots.count {
                prefetchAcceptorSlot(batch, slot: Int(slots[position &+ 3 &* distance]), values: values)
            }
            if position &+ 2 &* distance < slots.count {
                prefetchAcceptor(batch, slot: Int(slots[position &+ 2 &* distance]), as: kind, in: partitions, indexOnly: true)
            }
            if position &+ distance < slots.count {
                prefetchAcceptor(batch, slot: Int(slots[position &+ distance]), as: kind, in: partitions, indexOnly: false)
            }
            let slot = Int(slots[position])
            if batch.kinds[slot] == .transaction {
                let tx = batch.transactions + slot
                let code = batch.responseCodes[slot]
                partitions.with(ownership.localPartition(of: kind.key(of: tx.pointee))) { partition in
                    observe(tx.pointee, in: partition, as: kind, thenApply: code, range: range, into: values + slot &* stride)
                }
            } else if case .feedback(let feedback) = batch.updates[slot] {
                let key = kind == .terminal ? feedback.terminal : feedback.merchant
                partitions.with(ownership.localPartition(of: key)) { $0.apply(feedback, as: kind) }
            }
        }
    }

    /// Prefetches the batch memory the acceptor work on `slot` uses, last written on other
    /// cores: its transaction (whose keys the state prefetches read a few records later) and
    /// the acceptor features it writes into `values`.
    @inline(__always)
    private func prefetchAcceptorSlot(_ batch: RecordBatch, slot: Int, values: UnsafeMutablePointer<Double>) {
        CacheLines.prefetch(forReading: batch.transactions + slot, bytes: MemoryLayout<Transaction>.size)
        CacheLines.prefetch(forWriting: values + slot &* ranges.slotStride, bytes: ranges.width * MemoryLayout<Double>.stride)
    }

    /// Prefetches the batch memory the card work on `slot` uses, last written on other cores:
    /// its transaction, the terminal and merchant features it reads and the decision it writes.
    @inline(__always)
    private func prefetchCardSlot(_ batch: RecordBatch, slot: Int) {
        let width = ranges.width * MemoryLayout<Double>.stride
        CacheLines.prefetch(forReading: batch.transactions + slot, bytes: MemoryLayout<Transaction>.size)
        CacheLines.prefetch(forReading: batch.terminalValues + slot &* ranges.slotStride, bytes: width)
        CacheLines.prefetch(forReading: batch.merchantValues + slot &* ranges.slotStride, bytes: width)
        CacheLines.prefetch(forWriting: batch.decisions + slot, bytes: MemoryLayout<Decision>.size)
    }

    /// Prefetches the acceptor index line, or record, of `slot`'s transaction.
    @inline(__always)
    private func prefetchAcceptor(_ batch: RecordBatch, slot: Int, as kind: AcceptorKind,
                                  in partitions: OwnedPartitions<AcceptorPartition>, indexOnly: Bool) {
        guard batch.kinds[slot] == .transaction else { return }
        let tx = batch.transactions + slot
        partitions.with(ownership.localPartition(of: kind.key(of: tx.pointee))) { partition in
            if indexOnly { partition.prefetchIndex(tx.pointee, as: kind) } else { partition.prefetch(tx.pointee, as: kind) }
        }
    }

    /// Prefetches the card index line, or record, of `slot`'s transaction.
    @inline(__always)
    private func prefetchCard(_ batch: RecordBatch, slot: Int, indexOnly: Bool) {
        guard batch.kinds[slot] == .transaction else { return }
        let tx = batch.transactions + slot
        cards.with(ownership.localPartition(of: tx.pointee.card.hash)) { partition in
            if indexOnly { partition.prefetchIndex(tx.pointee) } else { partition.prefetch(tx.pointee) }
        }
    }

    /// Computes one acceptor kind's features in the scratch vector and copies them out, then
    /// applies the record's issuer response (if any) to the same acceptor.
    @inline(__always)
    private func observe(_ tx: Transaction, in partition: AcceptorPartition, as kind: AcceptorKind, thenApply code: ResponseCode?,
                         range: Range<Int>, into values: UnsafeMutablePointer<Double>) {
        scratch.pointee.withUnsafeMutableValues { all in
            for feature in range { all[feature] = 0 }
        }
        partition.observe(tx, as: kind, into: &scratch.pointee, thenApply: code)
        scratch.pointee.withUnsafeMutableValues { all in
            for (offset, feature) in range.enumerated() { values[offset] = all[feature] }
        }
    }

    /// Card work and decisions on a batch (after every worker's acceptor work on it): only the
    /// slots whose card this worker owns.
    func processCards(_ batch: RecordBatch) {
        let stride = ranges.slotStride
        let distance = Self.lookaheadDistance
        let slots = batch.routes.slots(.card, worker: index)
        for position in 0..<min(3 * distance, slots.count) {
            prefetchCardSlot(batch, slot: Int(slots[position]))
        }
        for position in 0..<min(2 * distance, slots.count) { prefetchCard(batch, slot: Int(slots[position]), indexOnly: true) }
        for position in 0..<min(distance, slots.count) { prefetchCard(batch, slot: Int(slots[position]), indexOnly: false) }
        for position in 0..<slots.count {
            if position &+ 3 &* distance < slots.count {
                prefetchCardSlot(batch, slot: Int(slots[position &+ 3 &* distance]))
            }
            if position &+ 2 &* distance < slots.count {
                prefetchCard(batch, slot: Int(slots[position &+ 2 &* distance]), indexOnly: true)
            }
            if position &+ distance < slots.count {
                prefetchCard(batch, slot: Int(slots[position &+ distance]), indexOnly: false)
            }
            let slot = Int(slots[position])
            switch batch.kinds[slot] {
            case .transaction:
                let tx = batch.transactions + slot
                let terminalValues = batch.terminalValues + slot &* stride
                let merchantValues = batch.merchantValues + slot &* stride
                // Exactly what `RiskEngine.score` computes: zeros, then the transaction's, the
                // terminal's, the merchant's and the card's features.
                features.pointee = FeatureVector()
                TransactionFeatures.write(tx.pointee, into: &features.pointee)
                features.pointee.withUnsafeMutableValues { all in
                    for (offset, feature) in ranges.terminal.enumerated() { all[feature] = terminalValues[offset] }
                    for (offset, feature) in ranges.merchant.enumerated() { all[feature] = merchantValues[offset] }
                }
                let code = batch.responseCodes[slot]
                // The features are final once observed, so the response is applied before the
                // decision without leaking into it (as `RiskEngine.process` does).
                cards.with(ownership.localPartition(of: tx.pointee.card.hash)) { partition in
                    partition.observe(tx.pointee, into: &features.pointee, thenApply: code)
                }
                (batch.decisions + slot).pointee = policy.decide(&features.pointee, transactionID: tx.pointee.id,
                                                                 policyVersion: policyVersion)
            case .update:
                switch batch.updates[slot] {
                case .feedback(let feedback): cards.with(ownership.localPartition(of: feedback.card.hash)) { $0.apply(feedback) }
                case .status(let update): cards.with(ownership.localPartition(of: update.card.hash)) { $0.apply(update) }
                case .transaction: break
                }
            case .rejected:
                break
            }
        }
    }
}
