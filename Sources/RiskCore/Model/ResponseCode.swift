/// The broad reason class of an issuer's answer (see the decline causes in the domain notes).
public enum DeclineCategory: UInt8, Sendable, CaseIterable, Codable {
    /// Approved (00, 08, 10, 11).
    case approved
    /// Card problem: invalid account 14, insufficient funds 51, expired 54, …
    case cardProblem
    /// Card status: lost 41, stolen 43, not permitted 57, restricted 62, pick-up 04/07.
    case cardStatus
    /// Transaction limits: amount limit 61, frequency limit 65.
    case limits
    /// System problem: issuer unavailable 91, system malfunction 96, …; never evidence of fraud.
    case system
    /// Risk control: do not honor 05, suspected fraud 59.
    case risk
    /// PIN: incorrect PIN 55, PIN tries exceeded 75.
    case pin
    /// Any other decline code.
    case other
}

/// Normalised retry advice for the merchant, as large processors expose it.
public enum RetryAdvice: UInt8, Sendable, CaseIterable, Codable {
    /// No advice (the transaction is allowed).
    case none
    /// A temporary condition: retrying later may succeed.
    case tryAgainLater
    /// Never retry this card for this purchase.
    case doNotTryAgain
    /// Ask the cardholder to check the card data (expiry, PIN, number).
    case confirmCardData

    /// The wire name: `try_again_later`, `do_not_try_again`, `confirm_card_data` or `none`.
    public var name: String {
        switch self {
        case .none: "none"
        case .tryAgainLater: "try_again_later"
        case .doNotTryAgain: "do_not_try_again"
        case .confirmCardData: "confirm_card_data"
        }
    }

    /// Parses a wire name.
    public init?(name: String) {
        guard let advice = Self.allCases.first(where: { $0.name == name }) else { return nil }
        self = advice
    }
}

/// An issuer response code (ISO 8583 DE39): two ASCII characters packed in a `UInt16`.
public struct ResponseCode: Sendable, Hashable, CustomStringConvertible {
    /// The two characters, first in the high byte.
    public var rawValue: UInt16

    /// Creates a code from its packed form.
    public init(rawValue: UInt16) { self.rawValue = rawValue }

    /// Creates a code from two ASCII bytes.
    @inlinable
    public init(_ first: UInt8, _ second: UInt8) { rawValue = UInt16(first) << 8 | UInt16(second) }

    /// Creates a code from a one- or two-character string (`"5"` is read as `"05"`).
    public init?(_ text: String) {
        let bytes = Array(text.utf8)
        switch bytes.count {
        case 1: self.init(0x30, bytes[0])
        case 2: self.init(bytes[0], bytes[1])
        default: return nil
        }
    }

    /// 00, approved.
    public static let approved = ResponseCode(0x30, 0x30)

    /// The code as text, e.g. `"05"`.
    public var description: String {
        String(decoding: [UInt8(rawValue >> 8), UInt8(rawValue & 0xff)], as: UTF8.self)
    }

    /// The reason class of the code.
    public var category: DeclineCategory {
        switch rawValue {
        case Self.code("00"), Self.code("08"), Self.code("10"), Self.code("11"): .approved
        case Self.code("14"), Self.code("15"), Self.code("33"), Self.code("51"), Self.code("54"),
             Self.code("56"), Self.code("82"), Self.code("N7"): .cardProblem
        case Self.code("04"), Self.code("07"), Self.code("41"), Self.code("43"), Self.code("57"),
             Self.code("62"), Self.code("78"): .cardStatus
        case Self.code("61"), Self.code("65"): .limits
        case Self.code("19"), Self.code("68"), Self.code("91"), Self.code("92"), Self.code("96"): .system
        case Self.code("05"), Self.code("34"), Self.code("59"): .risk
        case Self.code("55"), Self.code("75"): .pin
        default: .other
        }
    }

    /// Whether the network forbids any retry after this decline (Visa category 1: 04, 07, 14,
    /// 41, 43, 57, 62, 78; plus PIN tries exceeded 75 and suspected fraud 59).
    public var neverRetry: Bool {
        switch rawValue {
        case Self.code("04"), Self.code("07"), Self.code("14"), Self.code("41"), Self.code("43"),
             Self.code("57"), Self.code("59"), Self.code("62"), Self.code("75"), Self.code("78"): true
        default: false
        }
    }

    /// Whether the decline says the card data itself was wrong (invalid number 14, expired 54,
    /// wrong PIN 55, no such card 56, CVV 82/N7): what a BIN attack or enumeration produces.
    public var isInvalidCardData: Bool {
        switch rawValue {
        case Self.code("14"), Self.code("54"), Self.code("55"), Self.code("56"), Self.code("82"), Self.code("N7"): true
        default: false
        }
    }

    /// The advice a merchant should follow after this issuer answer.
    public var advice: RetryAdvice {
        if neverRetry || rawValue == Self.code("65") { return .doNotTryAgain }
        switch category {
        case .approved: return .none
        case .cardProblem, .pin: return rawValue == Self.code("51") ? .tryAgainLater : .confirmCardData
        case .system, .limits: return .tryAgainLater
        case .cardStatus, .risk, .other: return .doNotTryAgain
        }
    }

    @inlinable
    static func code(_ text: StaticString) -> UInt16 {
        let pointer = text.utf8Start
        return UInt16(pointer[0]) << 8 | UInt16(pointer[1])
    }
}
