/// How the card data reached the terminal (ISO 8583 DE22, normalised).
public enum EntryMode: UInt8, Sendable, CaseIterable, Codable {
    /// EMV chip read (DE22 05).
    case chip
    /// Contactless chip (DE22 07) or contactless magstripe (91).
    case contactless
    /// Magnetic stripe read (DE22 02, 90).
    case magstripe
    /// Chip-to-magstripe fallback (DE22 80): a strong fraud signal at a chip terminal.
    case fallback
    /// Manual key entry at a POS (DE22 01).
    case manual
    /// Credential on file (DE22 10).
    case credentialOnFile
    /// Card-not-present e-commerce.
    case ecommerce
    /// Not given.
    case unknown

    /// The canonical schema name of the mode (`chip`, `contactless`, `magstripe`, `fallback`,
    /// `manual`, `credential_on_file`, `ecommerce`, `unknown`).
    public var name: String {
        switch self {
        case .chip: "chip"
        case .contactless: "contactless"
        case .magstripe: "magstripe"
        case .fallback: "fallback"
        case .manual: "manual"
        case .credentialOnFile: "credential_on_file"
        case .ecommerce: "ecommerce"
        case .unknown: "unknown"
        }
    }

    /// Parses a canonical name or an ISO 8583 DE22 two-digit code (`05`, `07`, `80`, …).
    public init?(name: String) {
        switch name.lowercased() {
        case "chip", "05", "5": self = .chip
        case "contactless", "07", "7", "91": self = .contactless
        case "magstripe", "swipe", "02", "2", "90": self = .magstripe
        case "fallback", "80": self = .fallback
        case "manual", "keyed", "01", "1": self = .manual
        case "credential_on_file", "cof", "10": self = .credentialOnFile
        case "ecommerce", "online", "81": self = .ecommerce
        case "unknown", "", "00": self = .unknown
        default: return nil
        }
    }
}

/// The message type of a request (ISO 8583 MTI).
public enum MessageType: UInt8, Sendable, CaseIterable, Codable {
    /// 0100 authorization or 0200 financial request: scored and counted as an attempt.
    case authorization
    /// 0400 reversal: not an attempt; it cancels the amount of an earlier approval.
    case reversal

    /// The canonical schema name (`authorization`, `reversal`).
    public var name: String { self == .authorization ? "authorization" : "reversal" }

    /// Parses a canonical name or an MTI (`0100`, `0200`, `0400`).
    public init?(name: String) {
        switch name.lowercased() {
        case "authorization", "auth", "0100", "0200", "purchase": self = .authorization
        case "reversal", "0400", "0420": self = .reversal
        default: return nil
        }
    }
}
