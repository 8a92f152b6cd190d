import RiskCore

/// A transaction planned for a day, before it is sorted into the stream and given its id: a
/// flat value with indices instead of text, so that a day of them is one allocation.
struct PlannedTransaction: Sendable {
    var time: Int64
    var card: SimulatedCard
    /// Index of the population card, or -1 for a card from outside the population (card testing,
    /// BIN attack).
    var cardIndex: Int32
    var amount: Int64
    var merchant: Int32
    var terminal: Int32
    var expiry: UInt16
    var response: ResponseCode
    var entryMode: EntryMode
    var pinPresent: Bool
    /// ``Scenario/rawValue``, or 0 for a genuine transaction.
    var scenario: UInt8
    /// Filled in by ``resolve(in:)`` when the transaction is planned, while the card's and the
    /// merchant's data are still in cache: the stream needs no random lookups later.
    var reference = CardReference(hash: 0)
    var merchantHash: UInt64 = 0
    var terminalHash: UInt64 = 0
    var mcc: UInt16 = 0
    var country = CountryCode.unknown

    /// Copies the card reference, merchant and terminal data from the world.
    mutating func resolve(in world: SimulatedWorld) {
        reference = cardIndex >= 0 ? world.cards[Int(cardIndex)].reference : card.reference
        let profile = world.merchants[Int(merchant)]
        merchantHash = profile.hash
        mcc = profile.mcc
        country = profile.country
        terminalHash = world.terminalHash[Int(terminal)]
    }
}

/// A period in which one issuer's authorization system fails and answers 91 or 96.
struct IssuerOutage: Sendable {
    var issuer: UInt8
    var start: Int64
    var end: Int64
}

/// Issuer response codes the generator uses.
extension ResponseCode {
    static let doNotHonor = ResponseCode(0x30, 0x35) // 05
    static let invalidAccount = ResponseCode(0x31, 0x34) // 14
    static let lostCard = ResponseCode(0x34, 0x31) // 41
    static let stolenCard = ResponseCode(0x34, 0x33) // 43
    static let insufficientFunds = ResponseCode(0x35, 0x31) // 51
    static let expiredCard = ResponseCode(0x35, 0x34) // 54
    static let incorrectPIN = ResponseCode(0x35, 0x35) // 55
    static let notPermitted = ResponseCode(0x35, 0x37) // 57
    static let suspectedFraud = ResponseCode(0x35, 0x39) // 59
    static let exceedsAmountLimit = ResponseCode(0x36, 0x31) // 61
    static let restrictedCard = ResponseCode(0x36, 0x32) // 62
    static let cvvMismatch = ResponseCode(0x38, 0x32) // 82
    static let issuerUnavailable = ResponseCode(0x39, 0x31) // 91
    static let systemMalfunction = ResponseCode(0x39, 0x36) // 96
    static let cvv2Failure = ResponseCode(0x4E, 0x37) // N7
}
