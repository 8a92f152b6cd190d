/// One authorization request as the engine scores it: a flat value type with no references, so
/// that it can be copied through rings and scored without allocation.
public struct Transaction: Sendable, Hashable {
    /// The caller's transaction identifier (a number, or a hash of a textual id).
    public var id: UInt64
    /// Event time in milliseconds since the Unix epoch (UTC). Windows use this time only.
    public var time: Int64
    /// The card: keyed hash plus BIN and last four digits; never the full PAN.
    public var card: CardReference
    /// Amount in minor units of ``currency`` (cents for EUR, yen for JPY).
    public var amount: Int64
    /// ISO 4217 currency.
    public var currency: CurrencyCode
    /// Hash of the merchant id (DE42).
    public var merchant: UInt64
    /// Hash of the terminal id (DE41).
    public var terminal: UInt64
    /// Merchant category code (DE18), 0 when unknown.
    public var mcc: UInt16
    /// Acquirer country (DE19).
    public var country: CountryCode
    /// POS entry mode (DE22).
    public var entryMode: EntryMode
    /// Whether a PIN block was present (DE52).
    public var pinPresent: Bool
    /// Card expiry as YYMM (DE14), 0 when unknown.
    public var expiry: UInt16
    /// Authorization or reversal.
    public var messageType: MessageType

    /// Creates a transaction. Merchant and terminal are given as their hashes; use
    /// ``entityHash(_:)`` to hash textual identifiers.
    public init(
        id: UInt64, time: Int64, card: CardReference, amount: Int64, currency: CurrencyCode = .usd,
        merchant: UInt64, terminal: UInt64, mcc: UInt16 = 0, country: CountryCode = .unknown,
        entryMode: EntryMode = .chip, pinPresent: Bool = false, expiry: UInt16 = 0,
        messageType: MessageType = .authorization
    ) {
        self.id = id
        self.time = time
        self.card = card
        self.amount = amount
        self.currency = currency
        self.merchant = merchant
        self.terminal = terminal
        self.mcc = mcc
        self.country = country
        self.entryMode = entryMode
        self.pinPresent = pinPresent
        self.expiry = expiry
        self.messageType = messageType
    }

    /// Hashes a merchant or terminal identifier the way every RiskScore reader does.
    public static func entityHash(_ identifier: String) -> UInt64 {
        SipHashKey.entityKey.hash(identifier)
    }

    /// The amount in major units (e.g. 12.34 for 1234 cents).
    @inlinable
    public var majorAmount: Double {
        Double(amount) / currency.minorUnitScale
    }
}
