extension RiskEngine {
    /// How many transactions ahead ``score(_:into:)`` prefetches the records of a transaction's
    /// card, terminal and merchant; their index lines are prefetched twice as far ahead.
    static let prefetchDistance = 3

    /// Scores a batch of transactions in order, writing decision `i` to `decisions[i]`.
    ///
    /// Decisions and state are exactly those of calling ``score(_:)`` on each transaction in
    /// turn; the difference is speed. A lookup in a table of a million cards misses the cache
    /// nearly every time, twice (index, then record). While scoring transaction `i`, the engine
    /// asks the processor for the index lines of transaction `i + 2d` and for the records of
    /// transaction `i + d` (`d` = `prefetchDistance`), so those misses overlap the work instead
    /// of stalling it. Use it when a thread holds several transactions at once, e.g. a gateway
    /// draining a queue. Safe from any number of threads, like ``score(_:)``.
    ///
    /// - Precondition: `decisions` points to uninitialized memory with room for
    ///   `transactions.count` decisions; they are initialized on return. Keep batches small
    ///   (a few hundred) so that the decisions written stay in cache.
    public func score(_ transactions: UnsafeBufferPointer<Transaction>, into decisions: UnsafeMutablePointer<Decision>) {
        let count = transactions.count
        let distance = Self.prefetchDistance
        for index in 0..<min(2 * distance, count) { prefetchIndexes(transactions[index]) }
        for index in 0..<min(distance, count) { prefetchRecords(transactions[index]) }
        for index in 0..<count {
            if index &+ 2 &* distance < count { prefetchIndexes(transactions[index &+ 2 &* distance]) }
            if index &+ distance < count { prefetchRecords(transactions[index &+ distance]) }
            (decisions + index).initialize(to: score(transactions[index]))
        }
    }

    /// Scores a batch of transactions in order (see ``score(_:into:)``) and returns the decisions.
    public func score(_ transactions: [Transaction]) -> [Decision] {
        guard !transactions.isEmpty else { return [] }
        return transactions.withUnsafeBufferPointer { batch in
            [Decision](unsafeUninitializedCapacity: batch.count) { decisions, initialized in
                score(batch, into: decisions.baseAddress!)
                initialized = batch.count
            }
        }
    }

    /// Prefetches the index lines of `tx`'s card, terminal and merchant, without any lock (see
    /// ``IndexLocation``).
    @inline(__always)
    func prefetchIndexes(_ tx: Transaction) {
        terminalIndexes[configuration.partition(of: tx.terminal)].prefetch(tx.terminal)
        merchantIndexes[configuration.partition(of: tx.merchant)].prefetch(tx.merchant)
        cardIndexes[configuration.partition(of: tx.card.hash)].prefetch(tx.card.hash)
    }

    /// Prefetches the records `tx` will use. Each index is read under its partition's lock (a
    /// table may be growing on another thread), but nothing is waited for or changed.
    @inline(__always)
    func prefetchRecords(_ tx: Transaction) {
        terminalRoutes[configuration.partition(of: tx.terminal)].withLockedPartition { $0.prefetch(tx, as: .terminal) }
        merchantRoutes[configuration.partition(of: tx.merchant)].withLockedPartition { $0.prefetch(tx, as: .merchant) }
        cardRoutes[configuration.partition(of: tx.card.hash)].withLockedPartition { $0.prefetch(tx) }
    }
}
