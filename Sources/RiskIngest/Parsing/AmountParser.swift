import RiskCore

/// Converts decimal amounts in major units (`12.34`) into exact minor units (`1234` cents),
/// digit by digit and never through a floating-point value.
public enum AmountParser {
    /// Why an amount was rejected.
    public enum Failure: Error, Sendable, Hashable, CustomStringConvertible {
        /// Not a plain decimal number (exponents such as `1e3` are not accepted).
        case syntax
        /// More fractional digits than the currency has minor-unit digits, and not all zeros.
        case tooManyDecimals(allowed: Int)
        /// The amount does not fit an `Int64` number of minor units.
        case overflow

        /// A short explanation for error messages.
        public var description: String {
            switch self {
            case .syntax: "not a decimal number"
            case .tooManyDecimals(let allowed): "more than \(allowed) decimal places"
            case .overflow: "out of range"
            }
        }
    }

    /// Parses `[+-]digits[.digits]` (optionally wrapped in one pair of double quotes) into minor
    /// units of a currency with `minorUnitDigits` (0...3) decimal places.
    ///
    /// `"0.29"` with 2 digits is exactly `29`; `"1.5"` is `150`; `"1.230"` is accepted for a
    /// 2-digit currency (the extra digit is zero) but `"1.234"` is ``Failure/tooManyDecimals(allowed:)``.
    public static func parse(_ bytes: UnsafeRawBufferPointer, minorUnitDigits: Int) throws(Failure) -> Int64 {
        if let value = plainAmount(bytes, minorUnitDigits: minorUnitDigits) { return value }
        var start = 0
        var end = bytes.count
        if end >= 2, bytes[0] == UInt8(ascii: "\""), bytes[end - 1] == UInt8(ascii: "\"") {
            start = 1
            end -= 1
        }
        guard start < end else { throw .syntax }
        var index = start
        var negative = false
        if bytes[index] == UInt8(ascii: "-") || bytes[index] == UInt8(ascii: "+") {
            negative = bytes[index] == UInt8(ascii: "-")
            index += 1
        }
        // Accumulate as a negative number so that Int64.min is reachable.
        var value: Int64 = 0
        var digitCount = 0
        while index < end {
            let digit = bytes[index] &- 0x30
            guard digit < 10 else { break }
            value = try accumulate(value, digit)
            digitCount += 1
            index += 1
        }
        var fractionDigits = 0
        if index < end, bytes[index] == UInt8(ascii: ".") {
            index += 1
            while index < end {
                let digit = bytes[index] &- 0x30
                guard digit < 10 else { break }
                if fractionDigits < minorUnitDigits {
                    value = try accumulate(value, digit)
                    fractionDigits += 1
                } else if digit != 0 {
                    throw .tooManyDecimals(allowed: minorUnitDigits)
                }
                digitCount += 1
                index += 1
            }
        }
        guard digitCount > 0, index == end else { throw .syntax }
        while fractionDigits < minorUnitDigits {
            value = try accumulate(value, 0)
            fractionDigits += 1
        }
        if negative { return value }
        guard value != .min else { throw .overflow }
        return -value
    }

    /// Parses an amount in major units of `currency`.
    public static func parse(_ bytes: UnsafeRawBufferPointer, currency: CurrencyCode) throws(Failure) -> Int64 {
        try parse(bytes, minorUnitDigits: currency.minorUnitDigits)
    }

    /// Parses an integer amount already in minor units (`[+-]digits`).
    public static func parseMinorUnits(_ bytes: UnsafeRawBufferPointer) throws(Failure) -> Int64 {
        try parse(bytes, minorUnitDigits: 0)
    }

    /// The usual form, read in one pass: 1...15 digits, `.` and exactly `minorUnitDigits` (1...3)
    /// digits, no sign or quotes; nil for anything else, which ``parse(_:minorUnitDigits:)``
    /// then reads digit by digit (with the same result for this form: it cannot overflow).
    @inline(__always)
    static func plainAmount(_ bytes: UnsafeRawBufferPointer, minorUnitDigits: Int) -> Int64? {
        let count = bytes.count
        let point = count &- minorUnitDigits &- 1
        guard minorUnitDigits >= 1, point >= 1, point <= 15, bytes[point] == UInt8(ascii: ".") else { return nil }
        var value: Int64 = 0
        for index in 0..<count where index != point {
            let digit = bytes[index] &- 0x30
            guard digit < 10 else { return nil }
            value = value &* 10 &+ Int64(digit)
        }
        return value
    }

    @inline(__always)
    static func accumulate(_ value: Int64, _ digit: UInt8) throws(Failure) -> Int64 {
        let (times10, overflow1) = value.multipliedReportingOverflow(by: 10)
        let (result, overflow2) = times10.subtractingReportingOverflow(Int64(digit))
        guard !overflow1, !overflow2 else { throw .overflow }
        return result
    }
}
