/// The state of one partition of cards: velocity records and status lists. It has exactly one
/// writer at a time: the engine's partition lock, or the pipeline worker that owns it.
final class CardPartition {
    let cards: KeyedTable<CardState>
    let statuses = StatusTable()

    init(maximumCards: Int) {
        cards = KeyedTable(maximumKeys: maximumCards)
    }

    /// Writes the card's status and velocity features, recording the attempt.
    @inline(__always)
    func observe(_ tx: Transaction, into features: inout FeatureVector) {
        let status = statuses.status(of: tx.card.hash)
        features[.cardLost] = status == .lost ? 1 : 0
        features[.cardStolen] = status == .stolen ? 1 : 0
        features[.cardFrozen] = status == .frozen ? 1 : 0
        features[.cardAllowListed] = status == .allowListed ? 1 : 0
        cards.withRecord(for: tx.card.hash, time: tx.time) { $0.observe(tx, into: &features) }
    }

    func apply(_ outcome: Outcome) {
        let tx = outcome.transaction
        cards.withRecord(for: tx.card.hash, time: tx.time) { $0.apply(outcome.responseCode, to: tx) }
    }

    func apply(_ feedback: Feedback) {
        cards.withRecord(for: feedback.card.hash, time: feedback.reportTime) { $0.apply(feedback) }
    }

    func apply(_ update: StatusUpdate) {
        statuses.set(update.status, for: update.card.hash)
    }
}

/// The state of one partition of terminals or merchants, with one writer at a time.
final class AcceptorPartition {
    let acceptors: KeyedTable<AcceptorState>

    init(maximumAcceptors: Int) {
        acceptors = KeyedTable(maximumKeys: maximumAcceptors)
    }

    /// Writes the acceptor's features at `offset` (terminal or merchant block), recording the attempt.
    @inline(__always)
    func observe(_ tx: Transaction, key: UInt64, offset: Int, into features: inout FeatureVector) {
        acceptors.withRecord(for: key, time: tx.time) { $0.observe(tx, offset: offset, into: &features) }
    }

    func apply(_ outcome: Outcome, key: UInt64) {
        let tx = outcome.transaction
        acceptors.withRecord(for: key, time: tx.time) { $0.apply(outcome.responseCode, to: tx) }
    }

    func apply(_ feedback: Feedback, key: UInt64) {
        acceptors.withRecord(for: key, time: feedback.reportTime) { $0.apply(feedback) }
    }
}
