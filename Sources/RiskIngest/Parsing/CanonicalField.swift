/// A field of the canonical record schema (see the README's schema table).
public enum CanonicalField: UInt8, Sendable, CaseIterable {
    /// `kind`: `transaction`, `feedback` or `status`.
    case kind
    /// `id`: the transaction id.
    case id
    /// `time`: the event time.
    case time
    /// `card`: PAN or token.
    case card
    /// `amount`: decimal amount in major units.
    case amount
    /// `amount_minor`: integer amount in minor units.
    case amountMinor
    /// `currency`: ISO 4217 alpha code.
    case currency
    /// `merchant`: merchant id.
    case merchant
    /// `terminal`: terminal id.
    case terminal
    /// `mcc`: merchant category code.
    case mcc
    /// `country`: ISO 3166 alpha-2 acquirer country.
    case country
    /// `entry_mode`: POS entry mode name or DE22 code.
    case entryMode
    /// `pin`: PIN present.
    case pin
    /// `expiry`: card expiry `YYMM`.
    case expiry
    /// `type`: `authorization` or `reversal`.
    case type
    /// `response_code`: the issuer's historical answer.
    case responseCode
    /// `label`: ground truth.
    case label
    /// `scenario`: generated scenario name.
    case scenario
    /// `txn_time`: a feedback record's reported transaction time.
    case transactionTime
    /// `ref`: a feedback record's reported transaction id.
    case reference
    /// `feedback`: a feedback record's kind (`chargeback` or `fraud_report`).
    case feedback
    /// `status`: a status record's new card status.
    case status

    /// The number of canonical fields (a constant, so that per-record buffers have a fixed size).
    public static var count: Int { 22 }

    /// The field's name in the schema (`amount_minor`, `entry_mode`, …).
    public var name: String {
        switch self {
        case .kind: "kind"
        case .id: "id"
        case .time: "time"
        case .card: "card"
        case .amount: "amount"
        case .amountMinor: "amount_minor"
        case .currency: "currency"
        case .merchant: "merchant"
        case .terminal: "terminal"
        case .mcc: "mcc"
        case .country: "country"
        case .entryMode: "entry_mode"
        case .pin: "pin"
        case .expiry: "expiry"
        case .type: "type"
        case .responseCode: "response_code"
        case .label: "label"
        case .scenario: "scenario"
        case .transactionTime: "txn_time"
        case .reference: "ref"
        case .feedback: "feedback"
        case .status: "status"
        }
    }

    /// Whether the field belongs to transaction records (the only kind a CSV file carries).
    public var isTransactionField: Bool {
        switch self {
        case .kind, .transactionTime, .reference, .feedback, .status: false
        default: true
        }
    }

    /// Looks a field up by its schema name (exact, case-sensitive).
    public init?(name: String) {
        var copy = name
        guard let field = copy.withUTF8({ CanonicalField(nameBytes: UnsafeRawBufferPointer($0)) }) else { return nil }
        self = field
    }

    /// Looks a field up by the bytes of its schema name (exact, case-sensitive).
    @inline(__always)
    init?(nameBytes key: UnsafeRawBufferPointer) {
        @inline(__always) func equals(_ literal: StaticString) -> Bool {
            // The caller has already matched the length (2...13): compare two overlapping words.
            let name = UnsafeRawPointer(literal.utf8Start)
            let count = key.count
            if count >= 8 {
                return key.loadUnaligned(as: UInt64.self) == name.loadUnaligned(as: UInt64.self)
                    && key.loadUnaligned(fromByteOffset: count - 8, as: UInt64.self)
                    == name.loadUnaligned(fromByteOffset: count - 8, as: UInt64.self)
            }
            if count >= 4 {
                return key.loadUnaligned(as: UInt32.self) == name.loadUnaligned(as: UInt32.self)
                    && key.loadUnaligned(fromByteOffset: count - 4, as: UInt32.self)
                    == name.loadUnaligned(fromByteOffset: count - 4, as: UInt32.self)
            }
            return key.loadUnaligned(as: UInt16.self) == name.loadUnaligned(as: UInt16.self)
                && key[count - 1] == name.load(fromByteOffset: count - 1, as: UInt8.self)
        }
        let field: CanonicalField?
        switch key.count {
        case 2: field = equals("id") ? .id : nil
        case 3:
            switch key[0] {
            case UInt8(ascii: "m"): field = equals("mcc") ? .mcc : nil
            case UInt8(ascii: "p"): field = equals("pin") ? .pin : nil
            case UInt8(ascii: "r"): field = equals("ref") ? .reference : nil
            default: field = nil
            }
        case 4:
            switch key[0] {
            case UInt8(ascii: "k"): field = equals("kind") ? .kind : nil
            case UInt8(ascii: "t"): field = equals("time") ? .time : equals("type") ? .type : nil
            case UInt8(ascii: "c"): field = equals("card") ? .card : nil
            default: field = nil
            }
        case 5: field = equals("label") ? .label : nil
        case 6:
            switch key[0] {
            case UInt8(ascii: "a"): field = equals("amount") ? .amount : nil
            case UInt8(ascii: "e"): field = equals("expiry") ? .expiry : nil
            case UInt8(ascii: "s"): field = equals("status") ? .status : nil
            default: field = nil
            }
        case 7: field = equals("country") ? .country : nil
        case 8:
            switch key[0] {
            case UInt8(ascii: "c"): field = equals("currency") ? .currency : nil
            case UInt8(ascii: "m"): field = equals("merchant") ? .merchant : nil
            case UInt8(ascii: "t"): field = equals("terminal") ? .terminal : equals("txn_time") ? .transactionTime : nil
            case UInt8(ascii: "s"): field = equals("scenario") ? .scenario : nil
            case UInt8(ascii: "f"): field = equals("feedback") ? .feedback : nil
            default: field = nil
            }
        case 10: field = equals("entry_mode") ? .entryMode : nil
        case 12: field = equals("amount_minor") ? .amountMinor : nil
        case 13: field = equals("response_code") ? .responseCode : nil
        default: field = nil
        }
        guard let field else { return nil }
        self = field
    }
}
