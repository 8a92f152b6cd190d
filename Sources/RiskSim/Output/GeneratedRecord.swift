import RiskCore

/// One generated record: the ``StreamRecord`` the engine consumes, plus what a writer needs to
/// print the textual identifiers behind its hashes.
///
/// The identifiers are kept as numbers (``card``, ``merchantNumber``, ``terminalNumber``) so
/// that producing a record never allocates; the `…Text` properties render them.
public struct GeneratedRecord: Sendable, Hashable {
    /// The record itself.
    public var record: StreamRecord
    /// The transaction's id for a transaction; the reported transaction's id for feedback;
    /// 0 for a status update.
    public var transactionNumber: UInt64
    /// The card (token or PAN).
    public var card: SimulatedCard
    /// Merchant index (written `M0042`), or -1 for a status update.
    public var merchantNumber: Int32
    /// Terminal index (written `T00042`), or -1 for a status update.
    public var terminalNumber: Int32
    /// The scenario of a fraudulent transaction (or of the transaction a feedback reports);
    /// nil for genuine transactions and status updates.
    public var scenario: Scenario?

    /// Creates a record.
    public init(record: StreamRecord, transactionNumber: UInt64, card: SimulatedCard, merchantNumber: Int32,
                terminalNumber: Int32, scenario: Scenario? = nil) {
        self.record = record
        self.transactionNumber = transactionNumber
        self.card = card
        self.merchantNumber = merchantNumber
        self.terminalNumber = terminalNumber
        self.scenario = scenario
    }

    /// The card field text: `tok_000123` or a 16-digit PAN.
    public var cardText: String { card.text }

    /// The merchant id text (`M0042`), or empty for a status update.
    public var merchantText: String {
        guard merchantNumber >= 0 else { return "" }
        var bytes: [UInt8] = []
        bytes.appendMerchantText(Int(merchantNumber))
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The terminal id text (`T00042`), or empty for a status update.
    public var terminalText: String {
        guard terminalNumber >= 0 else { return "" }
        var bytes: [UInt8] = []
        bytes.appendTerminalText(Int(terminalNumber))
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The merchant id text for merchant index `index` (`M0042`): what `Transaction.entityHash`
    /// hashes into the transaction's merchant.
    public static func merchantText(_ index: Int) -> String {
        var bytes: [UInt8] = []
        bytes.appendMerchantText(index)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The terminal id text for terminal index `index` (`T00042`).
    public static func terminalText(_ index: Int) -> String {
        var bytes: [UInt8] = []
        bytes.appendTerminalText(index)
        return String(decoding: bytes, as: UTF8.self)
    }
}
