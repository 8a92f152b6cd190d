/// An ISO 4217 alphabetic currency code (`EUR`), packed into three bytes of a `UInt32`.
public struct CurrencyCode: Sendable, Hashable, CustomStringConvertible {
    /// The three ASCII letters, first in the highest used byte.
    public var rawValue: UInt32

    /// Creates a code from its packed form.
    public init(rawValue: UInt32) { self.rawValue = rawValue }

    /// Creates a code from three ASCII letters (upper-cased).
    public init?(_ text: String) {
        let bytes = Array(text.utf8)
        guard bytes.count == 3 else { return nil }
        self.init(bytes: bytes[0], bytes[1], bytes[2])
    }

    /// Creates a code from three ASCII bytes; nil unless all three are letters.
    @inlinable
    public init?(bytes a: UInt8, _ b: UInt8, _ c: UInt8) {
        @inline(__always) func upper(_ byte: UInt8) -> UInt8? {
            switch byte {
            case 0x41...0x5A: byte
            case 0x61...0x7A: byte - 0x20
            default: nil
            }
        }
        guard let a = upper(a), let b = upper(b), let c = upper(c) else { return nil }
        rawValue = UInt32(a) << 16 | UInt32(b) << 8 | UInt32(c)
    }

    /// US dollar, the default when a record names no currency.
    public static let usd = CurrencyCode("USD")!
    /// Euro.
    public static let eur = CurrencyCode("EUR")!

    /// 10 to the power of ``minorUnitDigits``: minor units per major unit.
    @inlinable
    public var minorUnitScale: Double {
        switch minorUnitDigits {
        case 0: 1
        case 3: 1000
        default: 100
        }
    }

    /// The three letters.
    public var description: String {
        String(decoding: [UInt8(rawValue >> 16 & 0xff), UInt8(rawValue >> 8 & 0xff), UInt8(rawValue & 0xff)], as: UTF8.self)
    }

    /// The number of minor-unit digits (ISO 4217 exponent): 0 for JPY/KRW and the other
    /// zero-decimal currencies, 3 for BHD/JOD/KWD/OMR/TND/IQD/LYD, 2 otherwise.
    @inlinable
    public var minorUnitDigits: Int {
        switch rawValue {
        case 0x4A_50_59, 0x4B_52_57, 0x56_4E_44, 0x43_4C_50, 0x49_53_4B, 0x50_59_47, 0x55_47_58,
             0x58_41_46, 0x58_4F_46, 0x58_50_46, 0x4B_4D_46, 0x47_4E_46, 0x52_57_46, 0x56_55_56,
             0x44_4A_46, 0x42_49_46:
            0
        case 0x42_48_44, 0x4A_4F_44, 0x4B_57_44, 0x4F_4D_52, 0x54_4E_44, 0x49_51_44, 0x4C_59_44:
            3
        default:
            2
        }
    }
}

/// An ISO 3166 alpha-2 country code (`FR`), packed into a `UInt16`; 0 when unknown.
public struct CountryCode: Sendable, Hashable, CustomStringConvertible {
    /// The two ASCII letters, first in the high byte; 0 for unknown.
    public var rawValue: UInt16

    /// Creates a code from its packed form.
    public init(rawValue: UInt16) { self.rawValue = rawValue }

    /// Creates a code from two letters (upper-cased); nil for anything else.
    public init?(_ text: String) {
        let bytes = Array(text.utf8)
        guard bytes.count == 2, let code = CountryCode(bytes: bytes[0], bytes[1]) else { return nil }
        self = code
    }

    /// Creates a code from two ASCII bytes; nil unless both are letters.
    @inlinable
    public init?(bytes a: UInt8, _ b: UInt8) {
        @inline(__always) func upper(_ byte: UInt8) -> UInt8? {
            switch byte {
            case 0x41...0x5A: byte
            case 0x61...0x7A: byte - 0x20
            default: nil
            }
        }
        guard let a = upper(a), let b = upper(b) else { return nil }
        rawValue = UInt16(a) << 8 | UInt16(b)
    }

    /// Unknown country.
    public static let unknown = CountryCode(rawValue: 0)

    /// The two letters, or an empty string when unknown.
    public var description: String {
        rawValue == 0 ? "" : String(decoding: [UInt8(rawValue >> 8), UInt8(rawValue & 0xff)], as: UTF8.self)
    }
}
