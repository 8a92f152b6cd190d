/// Appends numbers as JSON text to a byte buffer, without `String` or Foundation.
///
/// Integral values print without a fraction (`3`, `-120`); other finite values print rounded to
/// six significant digits with trailing zeros dropped (`0.333333`, `12.5`, `123457`); magnitudes
/// below 1e-17 print as `0`; NaN and infinities print as `null`. The output depends only on the
/// value's bits, so it is the same on every machine.
public enum NumberFormatting {
    /// Exact powers of ten as doubles, 1e0…1e17.
    private static let doublePowers: InlineArray<18, Double> = [
        1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17,
    ]
    /// Powers of ten as integers, 10^0…10^18.
    private static let integerPowers: InlineArray<19, UInt64> = [
        1, 10, 100, 1000, 10_000, 100_000, 1_000_000, 10_000_000, 100_000_000, 1_000_000_000,
        10_000_000_000, 100_000_000_000, 1_000_000_000_000, 10_000_000_000_000, 100_000_000_000_000,
        1_000_000_000_000_000, 10_000_000_000_000_000, 100_000_000_000_000_000, 1_000_000_000_000_000_000,
    ]

    /// Appends `value` as described above.
    public static func append(_ value: Double, to buffer: inout [UInt8]) {
        guard value.isFinite else {
            appendASCII("null", to: &buffer)
            return
        }
        let magnitude = value.magnitude
        if magnitude >= 1e15 {
            // Beyond 2^53 every double is integral; print whole numbers up to 9.2e18, else exponent form.
            if magnitude < 9.2e18 {
                if value < 0 { buffer.append(UInt8(ascii: "-")) }
                appendDecimal(UInt64(magnitude.rounded()), to: &buffer)
            } else {
                appendASCII(value.description, to: &buffer)
            }
            return
        }
        if value.rounded(.towardZero) == value {
            if value < 0 { buffer.append(UInt8(ascii: "-")) }
            appendDecimal(UInt64(magnitude), to: &buffer)
            return
        }
        // Decimal exponent e with 10^e <= magnitude < 10^(e+1), for magnitude < 1e15.
        var exponent = 0
        if magnitude >= 1 {
            while exponent < 17 && magnitude >= doublePowers[exponent + 1] { exponent += 1 }
        } else {
            while exponent > -17 && magnitude * doublePowers[-exponent] < 1 { exponent -= 1 }
        }
        let decimals = min(max(5 - exponent, 0), 17)
        let scaled = UInt64((magnitude * doublePowers[decimals]).rounded())
        if scaled == 0 {
            buffer.append(UInt8(ascii: "0"))
            return
        }
        if value < 0 { buffer.append(UInt8(ascii: "-")) }
        let unit = integerPowers[decimals]
        appendDecimal(scaled / unit, to: &buffer)
        var fraction = scaled % unit
        guard fraction != 0 else { return }
        var digits = decimals
        while fraction % 10 == 0 {
            fraction /= 10
            digits -= 1
        }
        buffer.append(UInt8(ascii: "."))
        var divisor = integerPowers[digits - 1]
        while divisor > 0 {
            buffer.append(UInt8(ascii: "0") + UInt8(fraction / divisor % 10))
            divisor /= 10
        }
    }

    /// Appends the decimal digits of `value`.
    @inline(__always)
    public static func appendDecimal(_ value: UInt64, to buffer: inout [UInt8]) {
        var digits: InlineArray<20, UInt8> = InlineArray(repeating: 0)
        var count = 0
        var rest = value
        repeat {
            digits[count] = UInt8(ascii: "0") + UInt8(rest % 10)
            rest /= 10
            count += 1
        } while rest != 0
        while count > 0 {
            count -= 1
            buffer.append(digits[count])
        }
    }

    /// Appends `value` zero-padded to `width` digits.
    @inline(__always)
    static func appendPadded(_ value: UInt64, width: Int, to buffer: inout [UInt8]) {
        var divisor = integerPowers[width - 1]
        while divisor > 0 {
            buffer.append(UInt8(ascii: "0") + UInt8(value / divisor % 10))
            divisor /= 10
        }
    }

    /// Appends the bytes of a string known to need no escaping.
    @inline(__always)
    static func appendASCII(_ text: StaticString, to buffer: inout [UInt8]) {
        text.withUTF8Buffer { buffer.append(contentsOf: $0) }
    }

    /// Appends the bytes of a string (rare paths).
    static func appendASCII(_ text: String, to buffer: inout [UInt8]) {
        buffer.append(contentsOf: text.utf8)
    }
}
