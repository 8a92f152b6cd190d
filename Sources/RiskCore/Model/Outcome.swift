/// What the issuer answered for a transaction the engine scored earlier: the gateway reports it
/// with ``RiskEngine/record(outcome:)`` and it feeds the decline windows.
public struct Outcome: Sendable, Hashable {
    /// The transaction the issuer answered (its keys and time place the outcome in the windows).
    public var transaction: Transaction
    /// The issuer's response code (DE39).
    public var responseCode: ResponseCode

    /// Creates an outcome.
    public init(transaction: Transaction, responseCode: ResponseCode) {
        self.transaction = transaction
        self.responseCode = responseCode
    }
}

/// The kind of late feedback on an earlier transaction.
public enum FeedbackKind: UInt8, Sendable, Codable {
    /// A chargeback for fraud.
    case chargeback
    /// A fraud report by the cardholder or issuer (TC40/SAFE).
    case fraudReport
}

/// A chargeback or fraud report about an earlier transaction. It arrives days or weeks later and
/// raises the fraud counts of the card, terminal and merchant at ``reportTime``.
public struct Feedback: Sendable, Hashable {
    /// The reported transaction's card.
    public var card: CardReference
    /// Hash of the reported transaction's terminal.
    public var terminal: UInt64
    /// Hash of the reported transaction's merchant.
    public var merchant: UInt64
    /// Event time of the reported transaction (milliseconds since the epoch).
    public var transactionTime: Int64
    /// When the report arrived (milliseconds since the epoch): the event time of this feedback.
    public var reportTime: Int64
    /// Chargeback or fraud report.
    public var kind: FeedbackKind

    /// Creates a feedback record.
    public init(card: CardReference, terminal: UInt64, merchant: UInt64, transactionTime: Int64, reportTime: Int64, kind: FeedbackKind = .fraudReport) {
        self.card = card
        self.terminal = terminal
        self.merchant = merchant
        self.transactionTime = transactionTime
        self.reportTime = reportTime
        self.kind = kind
    }

    /// Feedback about a transaction the engine saw.
    public init(transaction: Transaction, reportTime: Int64, kind: FeedbackKind = .fraudReport) {
        self.init(card: transaction.card, terminal: transaction.terminal, merchant: transaction.merchant,
                  transactionTime: transaction.time, reportTime: reportTime, kind: kind)
    }
}

/// A card's entry on the run-time status lists.
public enum CardStatus: UInt8, Sendable, CaseIterable, Codable {
    /// Not listed.
    case normal
    /// Reported lost.
    case lost
    /// Reported stolen.
    case stolen
    /// Frozen by the cardholder or issuer.
    case frozen
    /// On the allow-list: allow rules see it as `card.allow_listed`.
    case allowListed

    /// The canonical name (`normal`, `lost`, `stolen`, `frozen`, `allow_listed`).
    public var name: String {
        switch self {
        case .normal: "normal"
        case .lost: "lost"
        case .stolen: "stolen"
        case .frozen: "frozen"
        case .allowListed: "allow_listed"
        }
    }

    /// Parses a canonical name (`allow` is accepted for `allow_listed`).
    public init?(name: String) {
        switch name.lowercased() {
        case "normal", "clear", "none": self = .normal
        case "lost": self = .lost
        case "stolen": self = .stolen
        case "frozen": self = .frozen
        case "allow_listed", "allow", "allowlisted": self = .allowListed
        default: return nil
        }
    }
}
