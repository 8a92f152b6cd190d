/// The embeddable scoring engine: create one per gateway process and call it from any thread.
///
/// ## Concurrency design
/// State is split into ``EngineConfiguration/partitions`` partitions per key kind (cards,
/// terminals, merchants), chosen by key hash. Each partition has one lock and is the single
/// writer of its keys; there is no global lock. `score` holds the terminal's, the merchant's
/// and the card's partition locks together, always taken in that order (so no two threads can
/// wait on each other in a cycle), for one to two microseconds: it first locates the three
/// records and asks the processor for every line it will read of them, so that their cache
/// misses overlap, then computes the features. Threads scoring
/// different cards at different terminals rarely meet; threads scoring the same card serialize
/// on its partition, so no update is lost.
///
/// The policy is held by every card partition. A decision reads it, and is made, under the
/// card partition's lock, so each decision uses exactly one whole policy. ``install(_:)`` swaps
/// the partitions' policy one partition at a time: a decision is never dropped or half-applied,
/// and every decision names the ``Decision/policyVersion`` it used.
///
/// Feature computation does not depend on the policy, and decisions never feed the state:
/// only attempts, issuer outcomes, feedback and status updates do. That is what lets the
/// pipeline (`RiskIngest`) compute terminal, merchant and card features in separately owned
/// stages and still match this engine decision for decision.
public final class RiskEngine: Sendable {
    /// The sizing this engine was created with.
    public let configuration: EngineConfiguration
    let cardShards: [Locked<CardShard>]
    let terminalShards: [Locked<AcceptorPartition>]
    let merchantShards: [Locked<AcceptorPartition>]
    let installLock = Locked(0)
    /// The shards as `score` reaches them, without reference counting (same order as the shards).
    let terminalRoutes: [PartitionRoute<AcceptorPartition, AcceptorPartition>]
    let merchantRoutes: [PartitionRoute<AcceptorPartition, AcceptorPartition>]
    let cardRoutes: [PartitionRoute<CardShard, CardPartition>]
    /// Where each partition's index lives (same order as the shards), for lock-free prefetches.
    let cardIndexes: [IndexLocation]
    let terminalIndexes: [IndexLocation]
    let merchantIndexes: [IndexLocation]

    struct CardShard {
        let partition: CardPartition
        var policy: Policy
        var policyVersion: Int
        /// The shadow policy and its version (see `RiskEngine+Shadow.swift`).
        var challenger: (policy: Policy, version: Int)? = nil
    }

    /// Creates an engine with a compiled policy.
    public init(policy: Policy, configuration: EngineConfiguration = EngineConfiguration()) {
        self.configuration = configuration
        cardShards = (0..<configuration.partitions).map { _ in
            Locked(CardShard(partition: CardPartition(maximumCards: configuration.cardsPerPartition), policy: policy, policyVersion: 1))
        }
        terminalShards = (0..<configuration.partitions).map { _ in
            Locked(AcceptorPartition(maximumAcceptors: configuration.terminalsPerPartition))
        }
        merchantShards = (0..<configuration.partitions).map { _ in
            Locked(AcceptorPartition(maximumAcceptors: configuration.merchantsPerPartition))
        }
        terminalRoutes = terminalShards.map { PartitionRoute($0) { $0 } }
        merchantRoutes = merchantShards.map { PartitionRoute($0) { $0 } }
        cardRoutes = cardShards.map { PartitionRoute($0) { $0.partition } }
        cardIndexes = cardShards.map { $0.withLock { $0.partition.cards.indexLocation } }
        terminalIndexes = terminalShards.map { $0.withLock { $0.acceptors.indexLocation } }
        merchantIndexes = merchantShards.map { $0.withLock { $0.acceptors.indexLocation } }
        installLock.withLock { $0 = 1 }
    }

    /// Scores a transaction: records the attempt in its card's, terminal's and merchant's windows
    /// and returns the decision. Safe from any number of threads.
    @inline(__always) @discardableResult
    public func score(_ tx: Transaction) -> Decision {
        var features = FeatureVector()
        return score(tx, features: &features)
    }

    /// Scores a transaction and leaves the features it used in `features`.
    @discardableResult
    public func score(_ tx: Transaction, features: inout FeatureVector) -> Decision {
        score(tx, features: &features, thenApply: nil)
    }

    /// Scores `tx` and then, if given, applies the issuer's `responseCode` to the same three
    /// records under the same locks (what ``process(_:)`` does for a logged transaction: the
    /// records are located once, and no other thread can come between the two steps).
    @inline(__always)
    private func score(_ tx: Transaction, features: inout FeatureVector, thenApply responseCode: ResponseCode?) -> Decision {
        let minorUnitScale = tx.currency.minorUnitScale
        TransactionFeatures.write(tx, minorUnitScale: minorUnitScale, into: &features)
        // Straight-line locking (always terminal, merchant, card) rather than nested `withLock`
        // closures, so the decision is built once in place instead of copied out level by level;
        // the partitions are reached through unretained routes (no reference counting).
        let terminalRoute = terminalRoutes[configuration.partition(of: tx.terminal)]
        let merchantRoute = merchantRoutes[configuration.partition(of: tx.merchant)]
        let cardRoute = cardRoutes[configuration.partition(of: tx.card.hash)]
        terminalRoute.shard.lock()
        merchantRoute.shard.lock()
        cardRoute.shard.lock()
        defer {
            cardRoute.shard.unlock()
            merchantRoute.shard.unlock()
            terminalRoute.shard.unlock()
        }
        return terminalRoute.partition._withUnsafeGuaranteedRef { terminals in
            merchantRoute.partition._withUnsafeGuaranteedRef { merchants in
                cardRoute.partition._withUnsafeGuaranteedRef { cards in
                    // Locate all three records first: the lookups are independent, so the
                    // processor overlaps their cache misses.
                    let terminal = terminals.acceptors.resolve(tx.terminal, time: tx.time)
                    let merchant = merchants.acceptors.resolve(tx.merchant, time: tx.time)
                    let card = cards.cards.resolve(tx.card.hash, time: tx.time)
                    // Ask for every line the three observations will use now, so the merchant's
                    // and the card's misses overlap the terminal's work instead of following it.
                    terminals.acceptors.prefetchRecord(at: terminal, time: tx.time)
                    merchants.acceptors.prefetchRecord(at: merchant, time: tx.time)
                    cards.cards.prefetchRecord(at: card, time: tx.time)
                    let status = cards.statuses.status(of: tx.card.hash)
                    terminals.observe(tx, at: terminal, offset: Feature.firstTerminal, minorUnitScale: minorUnitScale, into: &features)
                    merchants.observe(tx, at: merchant, offset: Feature.firstMerchant, minorUnitScale: minorUnitScale, into: &features)
                    cards.observe(tx, at: card, status: status, minorUnitScale: minorUnitScale, into: &features)
                    // The features are final here and the decision reads nothing else, so the
                    // response can be applied before deciding without leaking into it.
                    if let responseCode {
                        terminals.apply(responseCode, to: tx, at: terminal)
                        merchants.apply(responseCode, to: tx, at: merchant)
                        cards.apply(responseCode, to: tx, at: card)
                    }
                    let shard = cardRoute.shard.value
                    return Unmanaged.passUnretained(shard.pointee.policy)._withUnsafeGuaranteedRef {
                        $0.decide(&features, transactionID: tx.id, policyVersion: shard.pointee.policyVersion)
                    }
                }
            }
        }
    }

    /// Records the issuer's answer to a transaction scored earlier. Declines feed the decline
    /// windows; system declines (91, 96, …) are counted apart and never as fraud evidence.
    public func record(outcome: Outcome) {
        let tx = outcome.transaction
        terminalRoutes[configuration.partition(of: tx.terminal)].withLockedPartition { $0.apply(outcome, key: tx.terminal) }
        merchantRoutes[configuration.partition(of: tx.merchant)].withLockedPartition { $0.apply(outcome, key: tx.merchant) }
        cardRoutes[configuration.partition(of: tx.card.hash)].withLockedPartition { $0.apply(outcome) }
    }

    /// Records a chargeback or fraud report: raises the fraud counts of the card, terminal and
    /// merchant at the report's time.
    public func record(feedback: Feedback) {
        terminalRoutes[configuration.partition(of: feedback.terminal)].withLockedPartition { $0.apply(feedback, key: feedback.terminal) }
        merchantRoutes[configuration.partition(of: feedback.merchant)].withLockedPartition { $0.apply(feedback, key: feedback.merchant) }
        cardRoutes[configuration.partition(of: feedback.card.hash)].withLockedPartition { $0.apply(feedback) }
    }

    /// Puts a card on a status list (lost, stolen, frozen, allow-listed) or clears it (`.normal`).
    public func setStatus(_ status: CardStatus, for card: CardReference) {
        record(status: StatusUpdate(card: card, status: status, time: 0))
    }

    /// Applies a status list update.
    public func record(status update: StatusUpdate) {
        cardRoutes[configuration.partition(of: update.card.hash)].withLockedPartition { $0.apply(update) }
    }

    /// Applies one stream record in order: a transaction is scored and then its historical
    /// response code (if any) recorded; feedback and status records update the state.
    /// Returns the decision for a transaction, nil otherwise.
    @discardableResult
    public func process(_ streamRecord: StreamRecord) -> Decision? {
        switch streamRecord {
        case .transaction(let logged):
            var features = FeatureVector()
            return score(logged.transaction, features: &features, thenApply: logged.responseCode)
        case .feedback(let feedback):
            record(feedback: feedback)
            return nil
        case .status(let update):
            record(status: update)
            return nil
        }
    }

    /// Installs a new policy (hot reload) and returns its version number. Decisions already
    /// under way finish with the policy they started with; each later one uses the new policy.
    @discardableResult
    public func install(_ policy: Policy) -> Int {
        installLock.withLock { version in
            version += 1
            for shard in cardShards {
                shard.withLock {
                    $0.policy = policy
                    $0.policyVersion = version
                }
            }
            return version
        }
    }

    /// The policy now in force.
    public var policy: Policy { cardShards[0].withLock { $0.policy } }

    /// Counts of tracked keys, evictions and memory.
    public var statistics: EngineStatistics {
        var statistics = EngineStatistics()
        for shard in cardShards {
            shard.withLock {
                statistics.trackedCards += $0.partition.cards.count
                statistics.evictions += $0.partition.cards.evictions
                statistics.allocatedBytes += $0.partition.cards.allocatedBytes
            }
        }
        for shard in terminalShards {
            shard.withLock {
                statistics.trackedTerminals += $0.acceptors.count
                statistics.evictions += $0.acceptors.evictions
                statistics.allocatedBytes += $0.acceptors.allocatedBytes
            }
        }
        for shard in merchantShards {
            shard.withLock {
                statistics.trackedMerchants += $0.acceptors.count
                statistics.evictions += $0.acceptors.evictions
                statistics.allocatedBytes += $0.acceptors.allocatedBytes
            }
        }
        statistics.bytesPerCard = KeyedTable<CardState>.bytesPerKey
        return statistics
    }
}
