import RiskIO
import RiskCore

/// Text forms of the RiskCore field types, shared by the NDJSON and CSV writers.
extension ByteCursor {
    /// Appends the three letters of a currency (`USD`).
    @inline(__always)
    mutating func appendCurrency(_ currency: CurrencyCode) {
        let raw = currency.rawValue
        append(UInt8(truncatingIfNeeded: raw >> 16))
        append(UInt8(truncatingIfNeeded: raw >> 8))
        append(UInt8(truncatingIfNeeded: raw))
    }

    /// Appends the two letters of a country (`US`), or nothing when unknown.
    @inline(__always)
    mutating func appendCountry(_ country: CountryCode) {
        guard country.rawValue != 0 else { return }
        append(UInt8(truncatingIfNeeded: country.rawValue >> 8))
        append(UInt8(truncatingIfNeeded: country.rawValue))
    }

    /// Appends the two characters of a response code (`05`, `N7`).
    @inline(__always)
    mutating func appendResponseCode(_ code: ResponseCode) {
        append(UInt8(truncatingIfNeeded: code.rawValue >> 8))
        append(UInt8(truncatingIfNeeded: code.rawValue))
    }

    /// Appends an expiry as four digits `YYMM`, or nothing when unknown (0).
    @inline(__always)
    mutating func appendExpiry(_ expiry: UInt16) {
        guard expiry != 0 else { return }
        appendPaddedDecimal(UInt64(expiry), width: 4)
    }

    /// Appends the canonical schema name of an entry mode.
    @inline(__always)
    mutating func appendEntryMode(_ mode: EntryMode) {
        switch mode {
        case .chip: appendASCII("chip")
        case .contactless: appendASCII("contactless")
        case .magstripe: appendASCII("magstripe")
        case .fallback: appendASCII("fallback")
        case .manual: appendASCII("manual")
        case .credentialOnFile: appendASCII("credential_on_file")
        case .ecommerce: appendASCII("ecommerce")
        case .unknown: appendASCII("unknown")
        }
    }
}
