/// The state of one partition of cards: velocity records and status lists.
///
/// Not thread-safe by design: it has exactly one writer at a time, either the ``RiskEngine``'s
/// partition lock or the pipeline worker that owns the partition. Route every record of a card
/// to the partition ``EngineConfiguration/partition(of:)`` names for its hash, and give each
/// partition ``EngineConfiguration/cardsPerPartition`` capacity, and the results are identical
/// to ``RiskEngine``'s.
public final class CardPartition {
    let cards: KeyedTable<CardState>
    let statuses = StatusTable()

    /// Creates an empty partition holding at most `maximumCards` cards.
    public init(maximumCards: Int) {
        cards = KeyedTable(maximumKeys: maximumCards)
    }

    /// Writes the card's status and velocity features (the `card.*` names), recording the attempt.
    @inline(__always)
    public func observe(_ tx: Transaction, into features: inout FeatureVector) {
        observe(tx, into: &features, thenApply: nil)
    }

    /// ``observe(_:into:)``, then, if given, the issuer's `responseCode` for this attempt applied
    /// to the same record (located once): what ``apply(_:)`` with its ``Outcome`` would do next,
    /// without a second lookup. The features are written before the response is applied.
    @inline(__always)
    public func observe(_ tx: Transaction, into features: inout FeatureVector, thenApply responseCode: ResponseCode?) {
        let position = cards.resolve(tx.card.hash, time: tx.time)
        observe(tx, at: position, status: statuses.status(of: tx.card.hash), minorUnitScale: tx.currency.minorUnitScale, into: &features)
        if let responseCode { apply(responseCode, to: tx, at: position) }
    }

    /// ``observe(_:into:)`` for a record already located with `cards.resolve`, a status already
    /// looked up and the currency's ``CurrencyCode/minorUnitScale``.
    @inline(__always)
    func observe(_ tx: Transaction, at position: Int, status: CardStatus, minorUnitScale: Double, into features: inout FeatureVector) {
        features[.cardLost] = status == .lost ? 1 : 0
        features[.cardStolen] = status == .stolen ? 1 : 0
        features[.cardFrozen] = status == .frozen ? 1 : 0
        features[.cardAllowListed] = status == .allowListed ? 1 : 0
        cards.slab[position].observe(tx, minorUnitScale: minorUnitScale, into: &features)
    }

    /// Asks the processor to bring the card record the next ``observe(_:into:)`` of `tx` will
    /// use into cache, without waiting and without changing anything (see ``KeyedTable``).
    @inline(__always)
    public func prefetch(_ tx: Transaction) {
        cards.prefetch(tx.card.hash, time: tx.time)
    }

    /// Prefetches the index line ``prefetch(_:)`` will read: call it a few records earlier still.
    @inline(__always)
    public func prefetchIndex(_ tx: Transaction) {
        cards.indexLocation.prefetch(tx.card.hash)
    }

    /// Applies the issuer's answer to an attempt observed earlier.
    public func apply(_ outcome: Outcome) {
        let tx = outcome.transaction
        cards.withRecord(for: tx.card.hash, time: tx.time) { $0.apply(outcome.responseCode, to: tx) }
    }

    /// Applies the issuer's answer to the attempt `tx` on the record at `position` (located with
    /// `cards.resolve` under the same ownership).
    @inline(__always)
    func apply(_ code: ResponseCode, to tx: Transaction, at position: Int) {
        cards.slab[position].apply(code, to: tx)
    }

    /// Counts a chargeback or fraud report against the card.
    public func apply(_ feedback: Feedback) {
        cards.withRecord(for: feedback.card.hash, time: feedback.reportTime) { $0.apply(feedback) }
    }

    /// Applies a status list update.
    public func apply(_ update: StatusUpdate) {
        statuses.set(update.status, for: update.card.hash)
    }
}

/// The state of one partition of terminals or of merchants, with one writer at a time (see
/// ``CardPartition``). Terminals and merchants each have their own partitions.
public final class AcceptorPartition {
    let acceptors: KeyedTable<AcceptorState>

    /// Creates an empty partition holding at most `maximumAcceptors` terminals or merchants.
    public init(maximumAcceptors: Int) {
        acceptors = KeyedTable(maximumKeys: maximumAcceptors)
    }

    /// Writes the `terminal.*` or `merchant.*` features of `tx` (chosen by `kind`), recording the
    /// attempt.
    @inline(__always)
    public func observe(_ tx: Transaction, as kind: AcceptorKind, into features: inout FeatureVector) {
        observe(tx, as: kind, into: &features, thenApply: nil)
    }

    /// ``observe(_:as:into:)``, then, if given, the issuer's `responseCode` for this attempt
    /// applied to the same record (located once): what ``apply(_:as:)`` with its ``Outcome``
    /// would do next, without a second lookup. The features are written before the response is
    /// applied.
    @inline(__always)
    public func observe(_ tx: Transaction, as kind: AcceptorKind, into features: inout FeatureVector, thenApply responseCode: ResponseCode?) {
        let position = acceptors.resolve(kind.key(of: tx), time: tx.time)
        observe(tx, at: position, offset: kind.firstFeature, minorUnitScale: tx.currency.minorUnitScale, into: &features)
        if let responseCode { apply(responseCode, to: tx, at: position) }
    }

    /// Observes `tx` on the record at `position` (located with `acceptors.resolve`), given the
    /// currency's ``CurrencyCode/minorUnitScale``.
    @inline(__always)
    func observe(_ tx: Transaction, at position: Int, offset: Int, minorUnitScale: Double, into features: inout FeatureVector) {
        acceptors.slab[position].observe(tx, offset: offset, minorUnitScale: minorUnitScale, into: &features)
    }

    /// Asks the processor to bring the record the next observation of `tx` will use into cache,
    /// without waiting and without changing anything (see ``CardPartition/prefetch(_:)``).
    @inline(__always)
    public func prefetch(_ tx: Transaction, as kind: AcceptorKind) {
        acceptors.prefetch(kind.key(of: tx), time: tx.time)
    }

    /// Prefetches the index line ``prefetch(_:as:)`` will read: call it a few records earlier still.
    @inline(__always)
    public func prefetchIndex(_ tx: Transaction, as kind: AcceptorKind) {
        acceptors.indexLocation.prefetch(kind.key(of: tx))
    }

    /// Applies the issuer's answer to an attempt observed earlier.
    public func apply(_ outcome: Outcome, as kind: AcceptorKind) {
        apply(outcome, key: kind.key(of: outcome.transaction))
    }

    /// Applies the issuer's answer to the attempt `tx` on the record at `position` (located with
    /// `acceptors.resolve` under the same ownership).
    @inline(__always)
    func apply(_ code: ResponseCode, to tx: Transaction, at position: Int) {
        acceptors.slab[position].apply(code, to: tx)
    }

    /// Counts a chargeback or fraud report against the terminal or merchant.
    public func apply(_ feedback: Feedback, as kind: AcceptorKind) {
        apply(feedback, key: kind == .terminal ? feedback.terminal : feedback.merchant)
    }

    func apply(_ outcome: Outcome, key: UInt64) {
        let tx = outcome.transaction
        acceptors.withRecord(for: key, time: tx.time) { $0.apply(outcome.responseCode, to: tx) }
    }

    func apply(_ feedback: Feedback, key: UInt64) {
        acceptors.withRecord(for: key, time: feedback.reportTime) { $0.apply(feedback) }
    }
}

/// Which acceptor a partition tracks.
public enum AcceptorKind: Sendable {
    /// Terminals (DE41), keyed by ``Transaction/terminal``.
    case terminal
    /// Merchants (DE42), keyed by ``Transaction/merchant``.
    case merchant

    /// The key of `tx` for this kind.
    @inline(__always)
    public func key(of tx: Transaction) -> UInt64 { self == .terminal ? tx.terminal : tx.merchant }

    @inline(__always)
    var firstFeature: Int { self == .terminal ? Feature.firstTerminal : Feature.firstMerchant }
}
