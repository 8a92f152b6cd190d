import RiskCore

/// One labelled transaction as a metric sees it.
public struct ScoredSample: Sendable, Hashable {
    /// The decision's score (0–100).
    public var score: Double
    /// Whether the transaction was fraud.
    public var fraud: Bool
    /// The decision's action.
    public var action: Action
    /// Event time, milliseconds since the epoch.
    public var time: Int64
    /// The card's hash (never the card number).
    public var card: UInt64

    /// Creates a sample.
    public init(score: Double, fraud: Bool, action: Action = .allow, time: Int64 = 0, card: UInt64 = 0) {
        self.score = score
        self.fraud = fraud
        self.action = action
        self.time = time
        self.card = card
    }
}
