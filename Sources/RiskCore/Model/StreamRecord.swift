/// Ground truth about a transaction, where a log or a generator knows it.
public enum FraudLabel: UInt8, Sendable, Codable {
    /// The log does not say.
    case unknown
    /// A genuine transaction.
    case genuine
    /// A fraudulent transaction.
    case fraud
}

/// A transaction as it appears in a historical log or a generated stream: the request itself,
/// plus what the log knows about it afterwards.
public struct LoggedTransaction: Sendable, Hashable {
    /// The request to score.
    public var transaction: Transaction
    /// The issuer's historical answer, applied to the windows only after this record is scored
    /// (it never leaks into its own decision); nil when the log has none.
    public var responseCode: ResponseCode?
    /// Ground truth, when known.
    public var label: FraudLabel
    /// Name of the generated scenario (`card_testing`, …), or empty. Names of up to 15 ASCII
    /// bytes are stored inline by `String`, without allocation.
    public var scenario: String

    /// Creates a logged transaction.
    public init(transaction: Transaction, responseCode: ResponseCode? = nil, label: FraudLabel = .unknown, scenario: String = "") {
        self.transaction = transaction
        self.responseCode = responseCode
        self.label = label
        self.scenario = scenario
    }
}

/// A card status list update carried in a stream.
public struct StatusUpdate: Sendable, Hashable {
    /// The card.
    public var card: CardReference
    /// Its new status.
    public var status: CardStatus
    /// Event time of the update (milliseconds since the epoch).
    public var time: Int64

    /// Creates a status update.
    public init(card: CardReference, status: CardStatus, time: Int64) {
        self.card = card
        self.status = status
        self.time = time
    }
}

/// One record of a transaction stream, in the order the engine must see it.
public enum StreamRecord: Sendable, Hashable {
    /// A transaction to score (with its historical outcome and label, if any).
    case transaction(LoggedTransaction)
    /// A chargeback or fraud report about an earlier transaction.
    case feedback(Feedback)
    /// A card status list update.
    case status(StatusUpdate)

    /// Event time of the record.
    public var time: Int64 {
        switch self {
        case .transaction(let logged): logged.transaction.time
        case .feedback(let feedback): feedback.reportTime
        case .status(let update): update.time
        }
    }
}
