import RiskIO
/// Appends numbers as JSON text to a byte buffer, without `String` or Foundation.
///
/// Integral values print without a fraction (`3`, `-120`); other finite values print rounded to
/// six significant digits with trailing zeros dropped (`0.333333`, `12.5`, `123457`); magnitudes
/// below 1e-17 print as `0`; NaN and infinities print as `null`. The output depends only on the
/// value's bits, so it is the same on every machine.
public enum NumberFormatting {
    /// The most bytes ``append(_:to:)`` writes for one value.
    static let maximumLength = 32

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
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: maximumLength) { scratch in
            let start = scratch.baseAddress!
            var cursor = ByteCursor(position: start)
            write(value, to: &cursor)
            buffer.append(contentsOf: UnsafeBufferPointer(start: start, count: cursor.position - start))
        }
    }

    /// Writes `value` as described above: at most ``maximumLength`` bytes.
    static func write(_ value: Double, to out: inout ByteCursor) {
        guard value.isFinite else {
            out.appendASCII("null")
            return
        }
        let magnitude = value.magnitude
        if magnitude >= 1e15 {
            // Beyond 2^53 every double is integral; print whole numbers up to 9.2e18, else exponent form.
            if magnitude < 9.2e18 {
                if value < 0 { out.append(UInt8(ascii: "-")) }
                out.appendDecimal(UInt64(magnitude.rounded()))
            } else {
                var text = value.description
                text.withUTF8 { out.append(UnsafeRawBufferPointer($0)) }
            }
            return
        }
        if value.rounded(.towardZero) == value {
            if value < 0 { out.append(UInt8(ascii: "-")) }
            out.appendDecimal(UInt64(magnitude))
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
            out.append(UInt8(ascii: "0"))
            return
        }
        if value < 0 { out.append(UInt8(ascii: "-")) }
        let unit = integerPowers[decimals]
        out.appendDecimal(scaled / unit)
        var fraction = scaled % unit
        guard fraction != 0 else { return }
        var digits = decimals
        while fraction % 10 == 0 {
            fraction /= 10
            digits -= 1
        }
        out.append(UInt8(ascii: "."))
        writePadded(fraction, width: digits, to: &out)
    }

    /// Appends the decimal digits of `value`.
    @inline(__always)
    public static func appendDecimal(_ value: UInt64, to buffer: inout [UInt8]) {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 20) { scratch in
            let start = scratch.baseAddress!
            var cursor = ByteCursor(position: start)
            cursor.appendDecimal(value)
            buffer.append(contentsOf: UnsafeBufferPointer(start: start, count: cursor.position - start))
        }
    }

    /// Writes the last `width` decimal digits of `value`, zero-padded.
    @inline(__always)
    static func writePadded(_ value: UInt64, width: Int, to out: inout ByteCursor) {
        var rest = value
        var position = width
        while position > 0 {
            position -= 1
            out.position[position] = UInt8(ascii: "0") &+ UInt8(truncatingIfNeeded: rest % 10)
            rest /= 10
        }
        out.position += width
    }

    /// Appends the bytes of a string (rare paths).
    static func appendASCII(_ text: String, to buffer: inout [UInt8]) {
        buffer.append(contentsOf: text.utf8)
    }
}
