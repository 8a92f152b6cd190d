import RiskCore

/// A cardholder's card and habits.
struct CardProfile: Sendable {
    var card: SimulatedCard
    var reference: CardReference
    /// Index into ``Catalog/issuerBINs``.
    var issuer: UInt8
    /// The cardholder's home area (an index into the area table of POS merchants).
    var homeArea: Int32
    /// Preferred hour of day (centre of a normal distribution) and its spread, in hours.
    var hourCentre: Float
    var hourSpread: Float
    /// Log of the usual amount in major units, and the spread of the amount's logarithm.
    var amountMu: Float
    var amountSigma: Float
    /// Share of card-present purchases paid contactless.
    var contactlessShare: Float
    /// Expiry `YYMM`.
    var expiry: UInt16
    /// Whether the card was already expired when the simulation starts (every use declines 54).
    var expired: Bool

    /// Whether the card is used by day only: the profile `unusual_hour` needs.
    var isDaytime: Bool { hourCentre >= 9 && hourCentre <= 17 && hourSpread <= 3 }
}

/// Whether a merchant sells in person (terminals in a shop) or online.
enum Channel: UInt8, Sendable {
    case pointOfSale
    case ecommerce
}

/// A merchant and where its terminals are.
struct MerchantProfile: Sendable {
    var mcc: UInt16
    var country: CountryCode
    var channel: Channel
    var highRisk: Bool
    /// Area of a POS merchant (0 for e-commerce).
    var area: Int32
    var firstTerminal: Int32
    var terminalCount: Int32
    /// Log of the factor applied to the cardholder's usual amount here.
    var amountOffset: Float
    /// `Transaction.entityHash` of the merchant id text.
    var hash: UInt64
}
